import Statistics

/// The random streams of one call type in one replication.
struct CallTypeStreams {
    let arrivals: RandomStream
    let talk: RandomStream
    let afterCallWork: RandomStream
    let patience: RandomStream
    let ivr: RandomStream
    let redial: RandomStream
    let transfer: RandomStream

    init(callType id: String, seed: UInt64, replication: Int) throws {
        func stream(_ source: StreamSource) throws -> RandomStream {
            try RandomStream(seed: StreamSeeds.seed(scenarioSeed: seed, replication: replication,
                                                    source: StreamSeeds.sourceID(id, source)))
        }
        arrivals = try stream(.arrivals)
        talk = try stream(.talk)
        afterCallWork = try stream(.afterCallWork)
        patience = try stream(.patience)
        ivr = try stream(.ivr)
        redial = try stream(.redial)
        transfer = try stream(.transfer)
    }
}
