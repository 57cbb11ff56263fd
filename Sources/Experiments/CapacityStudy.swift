import ContactCenter
import Statistics

/// A capacity question: the smallest amount of a resource (seats, IVR ports, trunk
/// lines, or the agents of a group) that meets targets on centre-wide KPIs, over the
/// day or in every interval (optionally only those starting in a window of the day).
/// Every amount runs with the same seed and replications (common random numbers).
public struct CapacityStudy: Sendable {
    /// The resource whose amount varies.
    public enum Resource: Sendable, Equatable, CustomStringConvertible {
        case seats, ivrPorts, trunks
        /// The agents of the group with this id, the same number in every interval.
        case agents(group: String)

        /// `seats`, `ivr_ports`, `trunks` or `agents:GROUP`; `nil` for anything else.
        public init?(parsing text: String) {
            switch text {
            case "seats": self = .seats
            case "ivr_ports": self = .ivrPorts
            case "trunks": self = .trunks
            case let r where r.hasPrefix("agents:") && r.count > 7: self = .agents(group: String(r.dropFirst(7)))
            default: return nil
            }
        }

        public var description: String {
            switch self {
            case .seats: return "seats"
            case .ivrPorts: return "ivr_ports"
            case .trunks: return "trunks"
            case .agents(let group): return "agents:\(group)"
            }
        }
    }

    public var resource: Resource
    public var targets: [KPITarget]
    public var scope: TargetScope
    /// With ``TargetScope/interval``: only the intervals starting in this window of each
    /// day (seconds from time 0 within the day); `nil`: every interval.
    public var window: Range<Double>?
    /// The largest amount to try.
    public var maximum: Int

    public init(resource: Resource, targets: [KPITarget], scope: TargetScope, window: Range<Double>? = nil,
                maximum: Int) {
        self.resource = resource
        self.targets = targets
        self.scope = scope
        self.window = window
        self.maximum = maximum
    }

    /// The smallest amount that makes sense: a seat for one agent beyond the IVR ports
    /// the switch counts, no agents, or one port or line.
    public func minimum(for model: CenterModel) -> Int {
        switch resource {
        case .seats: return model.ivr.map { $0.countsAgainstSeats ? $0.ports + 1 : 1 } ?? 1
        case .agents: return 0
        case .ivrPorts, .trunks: return 1
        }
    }

    /// The amount the model has (`nil`: unlimited, or no such resource).
    public func current(in model: CenterModel) -> Int? {
        switch resource {
        case .seats: return model.seats
        case .ivrPorts: return model.ivr?.ports
        case .trunks: return model.trunks
        case .agents(let id): return model.agentGroups.first { $0.id == id }?.staffing.max()
        }
    }

    /// `model` with `amount` of the resource.
    /// - Throws: ``ModelError`` if the model has no such resource (no IVR, no such
    ///   group, a group staffed by roster) or the amount makes it invalid.
    public func model(_ model: CenterModel, with amount: Int) throws -> CenterModel {
        var changed = model
        switch resource {
        case .seats: changed.seats = amount
        case .trunks: changed.trunks = amount
        case .ivrPorts:
            guard changed.ivr != nil else { throw ModelError("ivr_ports: the scenario has no `ivr` section") }
            changed.ivr?.ports = amount
        case .agents(let id):
            guard let g = model.agentGroups.firstIndex(where: { $0.id == id }) else {
                throw ModelError("agents:\(id): no agent group `\(id)`")
            }
            guard model.agentGroups[g].shifts.isEmpty else {
                throw ModelError("agents:\(id): the group is staffed by the roster's shifts, not per interval")
            }
            changed.agentGroups[g].staffing = Array(repeating: amount, count: model.timing.intervalCount)
        }
        try changed.validate()
        return changed
    }

    /// Runs the search from the model's own amount (or the minimum), routing calls with
    /// `routing`; `progress` is told the number of amounts evaluated so far.
    public func run<Policy: RoutingPolicy>(
        model base: CenterModel, seed: UInt64, replications: Int, threads: Int?, routing: Policy.Type,
        progress: ((Int) -> Void)? = nil
    ) throws -> CapacitySearch {
        var evaluated = 0
        return try CapacitySearch(
            minimum: minimum(for: base), maximum: maximum, start: current(in: base) ?? minimum(for: base),
            evaluate: { amount in
                defer { evaluated += 1; progress?(evaluated) }
                let model = try self.model(base, with: amount)
                return try ReplicationRunner.summary(model: model, seed: seed, replications: replications,
                                                     threads: threads, routing: routing)
            },
            failures: { $0.failures(of: targets, over: scope, window: window) })
    }

    /// ``run(model:seed:replications:threads:routing:progress:)`` with the default
    /// routing policy, ``SkillBasedRouting``.
    public func run(model base: CenterModel, seed: UInt64, replications: Int, threads: Int?,
                    progress: ((Int) -> Void)? = nil) throws -> CapacitySearch {
        try run(model: base, seed: seed, replications: replications, threads: threads,
                routing: SkillBasedRouting.self, progress: progress)
    }

    /// What the study looks for, in words: `Smallest seats with service_level>=0.8 (95%
    /// confidence) in every interval between 09:00-17:00`.
    public func description(between: String?) -> String {
        "Smallest \(resource) with " + targets.map(\.description).joined(separator: " and ")
            + " (95% confidence) " + (scope == .day ? "over the day" : "in every interval" + (between.map { " between \($0)" } ?? ""))
    }
}

/// The estimate a target is judged on in a run, and where it was measured.
public struct JudgedEstimate: Sendable {
    /// The KPI's estimate: over the whole reported period, or in one interval.
    public var estimate: ConfidenceInterval
    /// The interval it was measured in (`nil`: the whole reported period).
    public var interval: IntervalSummary?
}

extension RunSummary {
    /// The reported intervals whose start lies in `window` (a time of day, in seconds
    /// after the start of each day; every interval if `nil`).
    public func intervals(startingIn window: Range<Double>?) -> [IntervalSummary] {
        guard let window else { return intervals }
        return intervals.filter { window.contains($0.start.truncatingRemainder(dividingBy: Timing.secondsPerDay)) }
    }

    /// The figure `target` is judged on, for the centre (all call types together) or its
    /// resources: over the day, the whole period's estimate; in every interval, the
    /// estimate of the worst interval starting in `window` — the one whose confidence
    /// interval reaches furthest to the wrong side of the target (the smallest
    /// ``KPITarget/margin(_:)``), so that the target holds in every interval exactly
    /// when it holds in this one. `nil` where the KPI is undefined (no calls).
    public func judgedEstimate(of target: KPITarget, over scope: TargetScope,
                               window: Range<Double>? = nil) -> JudgedEstimate? {
        switch scope {
        case .day:
            return (total[target.kpi] ?? resources[target.kpi]).map { JudgedEstimate(estimate: $0, interval: nil) }
        case .interval:
            let judged = intervals(startingIn: window).compactMap { interval in
                (interval.total[target.kpi] ?? interval.resources[target.kpi]).map { JudgedEstimate(estimate: $0, interval: interval) }
            }
            return judged.min { target.margin($0.estimate) < target.margin($1.estimate) }
        }
    }
}

/// A window of clock times in each day, `HH:MM-HH:MM`.
public struct ClockWindow: Sendable, Equatable {
    /// Start and end, in seconds after midnight.
    public var from: Double
    public var to: Double

    /// Parses `HH:MM-HH:MM`, the first before the second; `nil` otherwise.
    public init?(parsing text: String) {
        let ends = text.split(separator: "-").map { $0.split(separator: ":").compactMap { Double($0) } }
        guard ends.count == 2, ends.allSatisfy({ $0.count == 2 }) else { return nil }
        from = ends[0][0] * Timing.secondsPerHour + ends[0][1] * Timing.secondsPerMinute
        to = ends[1][0] * Timing.secondsPerHour + ends[1][1] * Timing.secondsPerMinute
        guard from < to else { return nil }
    }

    /// The window as times from time 0 within the first day of `timing`.
    /// - Throws: ``ModelError`` if the window spans the scenario's clock start.
    public func range(in timing: Timing) throws -> Range<Double> {
        let (start, end) = (timing.time(ofClock: from), timing.time(ofClock: to))
        guard start < end else {
            throw ModelError("the window spans the scenario's clock_start (\(timing.timeOfDay(0))): split it in two runs")
        }
        return start..<end
    }
}
