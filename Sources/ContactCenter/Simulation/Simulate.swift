/// Runs replication `replication` of `model`, routing calls with `routing`.
public func simulateReplication<Policy: RoutingPolicy>(
    of model: CenterModel, seed: UInt64, replication: Int, routing: Policy.Type
) throws -> ReplicationResult {
    var simulation = try CenterSimulation<Policy>(model: model, seed: seed, replication: replication)
    return simulation.run()
}

/// Runs replication `replication` of `model` with the default routing policy
/// (``SkillBasedRouting``: priorities, overflow, longest-idle agent or group order).
public func simulateReplication(of model: CenterModel, seed: UInt64, replication: Int) throws -> ReplicationResult {
    try simulateReplication(of: model, seed: seed, replication: replication, routing: SkillBasedRouting.self)
}
