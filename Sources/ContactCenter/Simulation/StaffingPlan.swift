import Statistics

/// The moments, in one replication, at which an agent group's number of agents on the
/// phones changes: at interval starts for groups staffed per interval, and at the
/// shift starts and ends, briefings and breaks of the roster for rostered groups, with
/// that replication's absences.
struct StaffingPlan {
    struct Change {
        var time: Double
        var group: Int
        var agents: Int
    }

    /// Sorted by time, then group. For a chat group taking up to N chats per agent, the
    /// numbers count chat slots (N per agent): the simulation answers a chat with a slot.
    let changes: [Change]
    /// Per group, the most agents (chat slots) it ever has on the phones.
    let largestGroupSizes: [Int]

    init(model: CenterModel, seed: UInt64, replication: Int) throws {
        var changes: [Change] = []
        var largest = Array(repeating: 0, count: model.agentGroups.count)
        for (g, group) in model.agentGroups.enumerated() {
            let steps: [(time: Double, agents: Int)]
            if let roster = model.roster, !group.shifts.isEmpty {
                steps = try Self.steps(of: group, roster: roster, timing: model.timing) { shift, day in
                    try RandomStream(seed: StreamSeeds.seed(scenarioSeed: seed, replication: replication,
                                                            source: StreamSeeds.sourceID("\(group.id)/\(shift.id)/\(day)", .absence)))
                }
            } else {
                steps = group.staffing.enumerated().map { (model.timing.start(ofInterval: $0), $1) }
            }
            let slots = group.chatConcurrency
            largest[g] = (steps.map(\.agents).max() ?? 0) * slots
            var previous = 0
            for step in steps where step.agents != previous {
                changes.append(Change(time: step.time, group: g, agents: step.agents * slots))
                previous = step.agents
            }
        }
        self.changes = changes.sorted { ($0.time, $0.group) < ($1.time, $1.group) }
        largestGroupSizes = largest
    }

    /// A rostered group's agents on the phones as steps in time (from time 0), for every
    /// day of the horizon, shifts begun the day before, and the day after the horizon
    /// (no calls arrive then, but the agents finish the queue and the follow-up work
    /// as they would). Each day, each agent of a
    /// shift is absent with the roster's probability; of those present, the share for
    /// other work stays off the phones; the others follow the shift's timetable.
    ///
    /// The absences of a (group, shift, day) come from a stream of their own, agent by
    /// agent, so that a roster with one agent fewer on a shift sees the same absences
    /// among the agents it keeps (common random numbers when rosters are compared).
    static func steps(of group: AgentGroup, roster: Roster, timing: Timing,
                      absenceStream: (Shift, Int) throws -> RandomStream) rethrows -> [(time: Double, agents: Int)] {
        let day = Timing.secondsPerDay
        var deltas: [(time: Double, delta: Int)] = []
        for d in timing.rosterDays {
            for (s, shift) in roster.shifts.enumerated() where s < group.shifts.count && shift.isWorked(onDay: d) {
                let rostered = group.shifts[s]
                var absent = 0
                if roster.absence > 0 && rostered > 0 {
                    let stream = try absenceStream(shift, d)
                    absent = (0..<rostered).filter { _ in stream.uniformPositive() < roster.absence }.count
                }
                let onPhones = Int((Double(rostered - absent) * (1 - roster.otherOffPhone)).rounded())
                let shiftStart = Double(d) * day + shift.start
                for j in 0..<onPhones {
                    for period in shift.onPhonePeriods(agent: j, of: onPhones) {
                        deltas.append((shiftStart + period.start, 1))
                        deltas.append((shiftStart + period.end, -1))
                    }
                }
            }
        }
        deltas.sort { $0.time < $1.time }
        var steps: [(time: Double, agents: Int)] = [(0, 0)]
        var agents = 0
        for (time, delta) in deltas {
            agents += delta
            let t = max(0, time)
            if steps[steps.count - 1].time == t {
                steps[steps.count - 1].agents = agents
            } else {
                steps.append((t, agents))
            }
        }
        return steps
    }
}
