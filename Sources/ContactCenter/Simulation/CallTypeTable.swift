import Engine
import Statistics

/// A replication's per-call-type state, in one place: each type's random streams and
/// their generators, its arrival rates, its laws (prepared as samplers), its opening
/// hours, transfers and channel. It draws what a call of a type brings when it arrives
/// (``drawQuantities(callType:interval:)``) or is transferred to it
/// (``drawTransferredPart(from:to:interval:)``); the simulation reads the rest.
struct CallTypeTable {
    /// The streams (kept alive here) and their generators, per call type.
    let streams: [CallTypeStreams]
    let arrivalGenerators: [RandomGenerator]
    let talkGenerators: [RandomGenerator]
    let afterCallWorkGenerators: [RandomGenerator]
    let patienceGenerators: [RandomGenerator]
    let ivrGenerators: [RandomGenerator]
    let redialGenerators: [RandomGenerator]
    let transferGenerators: [RandomGenerator]
    /// Arrival rates per second per interval, flattened `[k * intervals + i]`, the day's
    /// busyness applied (``arrivalRates(of:seed:replication:)``).
    let arrivalRates: [Double]
    /// The laws, as plain values whose empirical values the simulation's
    /// ``SamplerStorage`` owns; whether any type's laws change with the interval, which
    /// do, and those laws.
    let laws: [CallTypeLaws]
    let anyLawsVary: Bool
    let lawsVary: [Bool]
    let varyingLaws: [VaryingLaws?]
    /// Whether any type has opening hours of its own, which do, and when each is open
    /// (in order).
    let anyOpeningHours: Bool
    let hasOpeningHours: [Bool]
    let openPeriods: [[OpeningHours.Window]]
    let transfers: [[Transfer]]
    let hasTransfers: [Bool]
    /// Whether a type's contacts are voice calls (trunk line, IVR); whether all are.
    let isVoice: [Bool]
    let allVoice: Bool

    /// The table of `model`'s call types in replication `replication` of a run seeded `seed`.
    /// - Throws: `GSLError` if a stream cannot be created.
    init(model: CenterModel, seed: UInt64, replication: Int, storage: SamplerStorage) throws {
        streams = try model.callTypes.map { try CallTypeStreams(callType: $0.id, seed: seed, replication: replication) }
        arrivalGenerators = streams.map(\.arrivals.generator)
        talkGenerators = streams.map(\.talk.generator)
        afterCallWorkGenerators = streams.map(\.afterCallWork.generator)
        patienceGenerators = streams.map(\.patience.generator)
        ivrGenerators = streams.map(\.ivr.generator)
        redialGenerators = streams.map(\.redial.generator)
        transferGenerators = streams.map(\.transfer.generator)
        arrivalRates = try Self.arrivalRates(of: model, seed: seed, replication: replication)
        laws = model.callTypes.map { CallTypeLaws($0, storage: storage) }
        varyingLaws = model.callTypes.map { VaryingLaws($0, storage: storage) }
        lawsVary = varyingLaws.map { $0 != nil }
        anyLawsVary = lawsVary.contains(true)
        let periods = model.callTypes.indices.map(model.openPeriods(ofCallType:))
        hasOpeningHours = periods.map { $0 != nil }
        anyOpeningHours = hasOpeningHours.contains(true)
        openPeriods = periods.map { $0 ?? [] }
        transfers = model.callTypes.map(\.transfers)
        hasTransfers = model.callTypes.map { !$0.transfers.isEmpty }
        isVoice = model.callTypes.map(\.channel.isVoice)
        allVoice = isVoice.allSatisfy { $0 }
    }

    /// The arrival rates of this replication, flattened `[k * intervals + i]`: the
    /// model's, times the day's busyness factor when the model is over-dispersed (drawn
    /// from the replication's own `busyness` stream, one per simulated day).
    static func arrivalRates(of model: CenterModel, seed: UInt64, replication: Int) throws -> [Double] {
        let base = model.callTypes.flatMap(\.arrivalRates)
        guard let cv = model.busynessCV, cv > 0 else { return base }
        let stream = try RandomStream(seed: StreamSeeds.seed(
            scenarioSeed: seed, replication: replication, source: StreamSeeds.sourceID("centre", .busyness)))
        let timing = model.timing
        let factors = (0..<timing.clockDayCount).map { _ in Distribution.gamma(mean: 1, cv: cv).sample(stream) }
        let n = timing.intervalCount
        return base.enumerated().map { j, rate in rate * factors[timing.clockDay(at: timing.start(ofInterval: j % n))] }
    }

    /// The talk time, after-call work and patience of a call of type `k` arriving now,
    /// from the type's streams, with the laws of interval `interval` where they change
    /// with the interval (asked only then).
    @inline(__always)
    func drawQuantities(callType k: Int, interval: () -> Int) -> (talk: Double, afterCallWork: Double, patience: Double) {
        let samplers = anyLawsVary && lawsVary[k] ? laws[k].samplers(inInterval: interval(), varying: varyingLaws[k])
            : laws[k].samplers(inInterval: 0, varying: nil)
        return (samplers.talk.sample(using: talkGenerators[k]),
                samplers.afterCallWork?.sample(using: afterCallWorkGenerators[k]) ?? 0,
                samplers.patience?.sample(using: patienceGenerators[k]) ?? .infinity)
    }

    /// Whether, and where, a call of type `k` will be transferred after talk: the
    /// destination's index, or -1 to end the call.
    func drawTransfer(callType k: Int) -> Int16 {
        var u = transferGenerators[k].uniformPositive()
        for transfer in transfers[k] {
            if u < transfer.fraction { return Int16(transfer.to) }
            u -= transfer.fraction
        }
        return -1
    }

    /// The talk time, after-call work and patience of a call of type `k` transferred
    /// to type `to` in interval `interval`: the destination's laws of that interval,
    /// drawn from the original type's transfer stream.
    func drawTransferredPart(from k: Int, to: Int, interval: Int) -> (talk: Double, afterCallWork: Double, patience: Double) {
        let generator = transferGenerators[k]
        let samplers = laws[to].samplers(inInterval: interval, varying: varyingLaws[to])
        return (samplers.talk.sample(using: generator), samplers.afterCallWork?.sample(using: generator) ?? 0,
                samplers.patience?.sample(using: generator) ?? .infinity)
    }
}
