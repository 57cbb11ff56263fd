import Engine
import Statistics

/// The callbacks of one replication: per call type its offer, its own random stream
/// (so that a scenario whose callers never accept sees the same calls as one without
/// callbacks), and the callbacks waiting to be dialled, oldest first.
struct CallbackDesk {
    let offers: [Callback?]
    /// Per call type, the wait after which a callback is offered (∞: none), and whether
    /// one is offered on arrival.
    let offerAfter: [Double]
    let offersOnArrival: [Bool]
    let streams: [RandomStream?]
    let generators: [RandomGenerator?]
    /// Per call type, the callbacks waiting to be dialled (call slots), and their number.
    var pending: [IndexRing]
    var pendingCount = 0
    /// Per agent group, the call types with callbacks in its skills; per call type, the
    /// groups with its skill.
    let typesOfGroup: [[Int]]
    let groupsOfType: [[Int]]
    /// Per call type offering callbacks, per interval, the mean talk plus after-call
    /// work of the interval's law (for the predicted wait; empty for the others).
    let meanHandle: [[Double]]
    /// Whether any call type offers callbacks.
    let isPresent: Bool

    init(model: CenterModel, seed: UInt64, replication: Int, arena: SlotArena) throws {
        offers = model.callTypes.map(\.callback)
        offerAfter = offers.map { $0?.offerAfter ?? .infinity }
        offersOnArrival = offers.map { $0?.offerAbovePredictedWait != nil }
        streams = try model.callTypes.map { type in
            try type.callback.map { _ in
                try RandomStream(seed: StreamSeeds.seed(scenarioSeed: seed, replication: replication,
                                                        source: StreamSeeds.sourceID(type.id, .callback)))
            }
        }
        generators = streams.map { $0?.generator }
        pending = model.callTypes.map { _ in IndexRing(arena, capacity: 16) }
        let withCallbacks = Set(model.callTypes.indices.filter { model.callTypes[$0].callback != nil })
        typesOfGroup = model.agentGroups.map { $0.skills.filter(withCallbacks.contains) }
        groupsOfType = model.callTypes.indices.map { k in
            model.agentGroups.indices.filter { model.agentGroups[$0].skills.contains(k) }
        }
        meanHandle = model.callTypes.map { type in
            type.callback == nil ? [] : (0..<model.timing.intervalCount).map(type.meanHandleTime(inInterval:))
        }
        isPresent = !withCallbacks.isEmpty
    }
}
