import ContactCenter
import Statistics
import ValidationCases

extension ValidationCase {
    /// The centre that reduces to this case: one call type, one group, one interval.
    var centerModel: CenterModel {
        let horizon = Self.seconds(self.horizon)
        return CenterModel(
            name: id,
            timing: Timing(warmup: Self.seconds(warmup), horizon: horizon, intervalLength: horizon),
            trunks: lines,
            callTypes: [CallType(id: "calls", arrivalRates: [perHour / 3600],
                                 handleTime: .exponential(mean: aht),
                                 patience: patienceMean.map { .exponential(mean: $0) },
                                 serviceLevel: ServiceLevelTarget(seconds: slSeconds))],
            agentGroups: [AgentGroup(id: "agents", skills: [0], staffing: [agents])])
    }
}
