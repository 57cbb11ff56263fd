/// Runs replication `replication` of `model` with the default routing policy
/// (``SkillBasedRouting``: priorities, overflow, longest-idle agent or group order).
public func simulateReplication(of model: CenterModel, seed: UInt64, replication: Int) throws -> ReplicationResult {
    var simulation = try CenterSimulation<SkillBasedRouting>(
        model: model, seed: seed, replication: replication)
    return simulation.run()
}
