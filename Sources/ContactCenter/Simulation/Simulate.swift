/// Runs replication `replication` of `model` with the default routing policy
/// (``SkillBasedRouting``: priorities, overflow, longest-idle agent or group order).
public func simulateReplication(of model: CenterModel, seed: UInt64, replication: Int) throws -> ReplicationResult {
    var simulation = try CenterSimulation<SkillBasedRouting>(model: model, seed: seed, replication: replication)
    return try simulation.run()
}

/// Runs replication `replication` of `model`, routing calls with `routing`.
///
/// The default policy runs the simulation compiled for it (the generic code specialised
/// by the compiler). Another policy, defined in another module, runs the generic code,
/// which calls the policy through its protocol: correct, somewhat slower per event.
public func simulateReplication<Policy: RoutingPolicy>(
    of model: CenterModel, seed: UInt64, replication: Int, routing: Policy.Type
) throws -> ReplicationResult {
    if Policy.self == SkillBasedRouting.self {
        return try simulateReplication(of: model, seed: seed, replication: replication)
    }
    var simulation = try CenterSimulation<Policy>(model: model, seed: seed, replication: replication)
    return try simulation.run()
}
