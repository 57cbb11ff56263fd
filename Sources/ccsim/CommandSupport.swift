import ArgumentParser
import Foundation
import Scenario
import Synchronization

/// The options of every command that reads a scenario: overrides and variants.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change a value of the scenario, KEY=VALUE (seats=140, ivr.ports=20, call_types.fault.arrivals.factor=1.2, agent_groups.team.agents=150); repeatable.",
        valueName: "key=value"))
    var settings: [String] = []

    @Option(help: "Use this variant of the scenario's `variants` section.")
    var variant: String?

    /// The `--set` overrides, parsed (exits with the error if one is malformed).
    func overrides() -> [ScenarioOverride] {
        settings.map { text in
            do { return try ScenarioOverride(parsing: text) } catch { fail("\(error)") }
        }
    }

    /// The scenario at `path` with the variant and overrides applied.
    func load(_ path: String) -> Scenario {
        loadScenario(path, variant: variant, overrides: overrides())
    }
}

/// Loads a scenario, turning its errors into a clean exit with the message.
func loadScenario(_ path: String, variant: String? = nil, overrides: [ScenarioOverride] = []) -> Scenario {
    do {
        return try ScenarioLoader.load(path: path, variant: variant, overrides: overrides)
    } catch let error as ScenarioError {
        fail(error.description)
    } catch {
        fail("\(path): \(error)")
    }
}

/// Prints `message` on standard error and exits with status 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    exit(1)
}

/// Replications done and time left, on standard error when it is a terminal.
final class ProgressReporter: Sendable {
    private let total: Int
    private let unit: String
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) != 0
    /// Serialises the lines written by worker threads.
    private let output = Mutex(())

    init(total: Int, unit: String = "replications") {
        self.total = total
        self.unit = unit
    }

    func report(_ done: Int) {
        guard enabled else { return }
        output.withLock { _ in
            guard total > 0 else {
                FileHandle.standardError.write(Data("\r\(done) \(unit) ".utf8))
                return
            }
            let elapsed = Date().timeIntervalSince(start)
            let left = elapsed / Double(done) * Double(total - done)
            FileHandle.standardError.write(Data("\r\(done)/\(total) \(unit), about \(Int(left.rounded())) s left ".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Prints `data` (JSON text) on standard output.
func printJSON(_ data: Data) {
    FileHandle.standardOutput.write(data)
}
