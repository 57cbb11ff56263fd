/// Runs replication `replication` of `model` with the default routing policy
/// (longest-idle agent, first come first served).
public func simulateReplication(of model: CenterModel, seed: UInt64, replication: Int) throws -> ReplicationResult {
    var simulation = try CenterSimulation<LongestIdleAgentFirstComeFirstServed>(
        model: model, seed: seed, replication: replication)
    return simulation.run()
}
