import Analytics
import ArgumentParser
import Foundation

/// `ccsim erlang b|c|a`: exact analytic baselines, and the smallest staffing meeting a
/// service-level target.
struct ErlangCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erlang",
        abstract: "Exact Erlang B, C and A values (and staffing for a service-level target).",
        discussion: """
            b: Erlang B, a loss system (--lines, or --agents: as many lines as agents).
            c: Erlang C, callers never abandon (--agents).
            a: Erlang A, exponential patience of mean --patience seconds (--agents); with
               --lines, at most that many calls in the system (M/M/c/K+M).
            With --target-sl, --target-abandon or --target-asa (any together) the smallest
            number of agents meeting every target given is searched and its values printed;
            for b, --target-blocked gives the fewest lines blocking at most that fraction.
            """)

    enum Model: String, ExpressibleByArgument, CaseIterable {
        case b, c, a
    }

    @Argument(help: "Which formula: b, c or a.")
    var model: Model

    @Option(name: .customLong("per-hour"), help: "Offered calls per hour.")
    var perHour: Double

    @Option(help: "Average handle time (seconds).")
    var aht: Double

    @Option(help: "Number of agents.")
    var agents: Int?

    @Option(help: "Mean patience (seconds, Erlang A).")
    var patience: Double?

    @Option(help: "Trunk lines (Erlang B; optional limit for Erlang A).")
    var lines: Int?

    @Option(name: .customLong("sl-seconds"), help: "Service-level threshold (seconds).")
    var slSeconds: Double = 20

    @Option(name: .customLong("target-sl"), help: "Find the fewest agents with at least this service level (0–1).")
    var targetServiceLevel: Double?

    @Option(name: .customLong("target-abandon"), help: "Find the fewest agents with at most this abandon fraction (0–1).")
    var targetAbandon: Double?

    @Option(name: .customLong("target-asa"), help: "Find the fewest agents with at most this ASA (seconds).")
    var targetASA: Double?

    @Option(name: .customLong("target-blocked"), help: "Erlang B: find the fewest lines with at most this blocked fraction (0–1).")
    var targetBlocked: Double?

    @Flag(help: "Print the values as JSON.")
    var json = false

    func validate() throws {
        if model == .b && (targetServiceLevel != nil || targetAbandon != nil || targetASA != nil) {
            throw ValidationError("erlang b is a loss system: nobody waits or abandons; size its lines with --target-blocked")
        }
        if model != .b && targetBlocked != nil {
            throw ValidationError("--target-blocked sizes the lines of erlang b (a loss system)")
        }
        for (name, value) in [("--target-sl", targetServiceLevel), ("--target-abandon", targetAbandon), ("--target-blocked", targetBlocked)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(name) must be a fraction between 0 and 1") }
        }
        guard perHour.isFinite, perHour >= 0, aht.isFinite, aht > 0 else {
            throw ValidationError("--per-hour must be a non-negative number and --aht a positive number of seconds")
        }
        switch model {
        case .a where patience == nil:
            throw ValidationError("erlang a needs --patience (mean patience in seconds)")
        case .b where agents == nil && lines == nil && targets.isEmpty:
            throw ValidationError("erlang b needs --lines (or --agents), or --target-blocked")
        case .c, .a:
            if agents == nil && targets.isEmpty {
                throw ValidationError("erlang \(model.rawValue) needs --agents, or a target: --target-sl, --target-abandon, --target-asa")
            }
        default: break
        }
    }

    func run() throws {
        let count = try targets.isEmpty ? (agents ?? lines!)
            : targets.map { try Erlang.minimumAgents(model: staffingModel, perHour: perHour, aht: aht, target: $0) }.max()!
        try show(metrics(agents: count))
    }

    private var staffingModel: StaffingModel {
        switch model {
        case .b: return .erlangB
        case .c: return .erlangC
        case .a: return lines == nil ? .erlangA(patience: patience!) : .mmck(lines: lines, patience: patience)
        }
    }

    /// The targets given on the command line.
    private var targets: [StaffingTarget] {
        [targetServiceLevel.map { .serviceLevel(atLeast: $0, withinSeconds: slSeconds) },
         targetAbandon.map { .abandonFraction(atMost: $0) }, targetASA.map { .asa(atMost: $0) },
         targetBlocked.map { .blockedFraction(atMost: $0) }].compactMap { $0 }
    }

    private func metrics(agents count: Int) throws -> QueueMetrics {
        switch model {
        case .b: return try Erlang.b(perHour: perHour, aht: aht, lines: count, slSeconds: slSeconds)
        case .c: return try Erlang.c(perHour: perHour, aht: aht, agents: count, slSeconds: slSeconds)
        case .a: return try Erlang.mmck(perHour: perHour, aht: aht, agents: count, lines: lines,
                                        patience: patience, slSeconds: slSeconds)
        }
    }

    private func show(_ m: QueueMetrics) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            printJSON(try encoder.encode(m) + Data([0x0A]))
            return
        }
        let rows: [(String, String)] = [
            ("agents", "\(m.agents)"),
            ("offered load (Erlangs)", String(format: "%.3f", m.offeredLoad)),
            ("blocked fraction", String(format: "%.6f", m.blockedFraction)),
            ("abandon fraction", String(format: "%.6f", m.abandonFraction)),
            ("P(wait)", String(format: "%.6f", m.pWait)),
            ("service level (\(formatSeconds(m.slSeconds)) s)", String(format: "%.6f", m.serviceLevel)),
            ("ASA (s)", String(format: "%.4f", m.asa)),
            ("mean wait (s)", String(format: "%.4f", m.meanWait)),
            ("wait p90 (s)", String(format: "%.4f", m.waitP90)),
            ("occupancy", String(format: "%.6f", m.occupancy)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
        }
    }

    private func formatSeconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }
}
