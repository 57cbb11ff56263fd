import ContactCenter
import Statistics

/// Small centres used by several tests.
public enum Centres {
    /// The multi-skill workload W2 of the benchmark (overloaded), with trunk lines and
    /// after-call work added, over `hours` one-hour intervals.
    public static func multiSkill(hours: Int = 4, trunks: Int? = 220) -> CenterModel {
        let patience = Distribution.exponential(mean: 180)
        func type(_ id: String, _ perHour: Double, _ aht: Double) -> CallType {
            CallType(id: id, arrivalRates: Array(repeating: perHour / 3600, count: hours),
                     handleTime: .lognormal(mean: aht, cv: 0.8), afterCallWork: .constant(20),
                     patience: patience, serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))
        }
        return CenterModel(
            name: "multi-skill", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600),
            trunks: trunks,
            callTypes: [type("t1", 1440, 200), type("t2", 1080, 240), type("t3", 1080, 300)],
            agentGroups: [
                AgentGroup(id: "g12", skills: [0, 1], staffing: Array(repeating: 50, count: hours)),
                AgentGroup(id: "g23", skills: [1, 2], staffing: Array(repeating: 60, count: hours)),
                AgentGroup(id: "g123", skills: [0, 1, 2], staffing: Array(repeating: 80, count: hours)),
            ])
    }

    /// One call type and one group with the given per-interval rates (calls/hour) and
    /// staffing, one-hour intervals.
    public static func single(perHour: [Double], agents: [Int], talk: Distribution = .exponential(mean: 180),
                       patience: Distribution? = nil, warmup: Double = 0) -> CenterModel {
        CenterModel(
            name: "single", timing: Timing(warmup: warmup, horizon: Double(perHour.count) * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "calls", arrivalRates: perHour.map { $0 / 3600 }, handleTime: talk,
                                 patience: patience, serviceLevel: ServiceLevelTarget(seconds: 20))],
            agentGroups: [AgentGroup(id: "agents", skills: [0], staffing: agents)])
    }
}
