import Statistics

/// The random laws of a call type as the event loop draws them: plain values (samplers
/// whose empirical values live in the simulation's ``SamplerStorage``), so that a draw
/// copies no distribution and counts no reference. Talk, after-call work and patience
/// here are interval 0's; where they change with the interval, ``VaryingLaws`` holds
/// them all and ``samplers(inInterval:varying:)`` picks the interval's.
struct CallTypeLaws {
    /// Self-service after the IVR menu: the share of calls, and how long they keep the port.
    struct SelfServiceLaw {
        let fraction: Double
        let duration: Sampler
    }

    /// Callers lost who call again: with what probability, after what delay, and the most
    /// attempts a caller makes (the first included).
    struct RedialLaw {
        let probability: Double
        let delay: Sampler
        let maxAttempts: Int
        let whenClosed: Redial.WhenClosed
    }

    let talk: Sampler
    let afterCallWork: Sampler?
    let patience: Sampler?
    let selfService: SelfServiceLaw?
    let redial: RedialLaw?

    init(_ type: CallType, storage: SamplerStorage) {
        talk = storage.sampler(type.talkTime(inInterval: 0))
        afterCallWork = type.afterCallWork(inInterval: 0).map(storage.sampler)
        patience = type.patience(inInterval: 0).map(storage.sampler)
        selfService = type.selfService.map { SelfServiceLaw(fraction: $0.fraction, duration: storage.sampler($0.duration)) }
        redial = type.redial.map {
            RedialLaw(probability: $0.probability, delay: storage.sampler($0.delay),
                      maxAttempts: $0.maxAttempts ?? Int(UInt16.max), whenClosed: $0.whenClosed)
        }
    }
}

/// The samplers of a law that changes with the interval of arrival.
struct IntervalSamplers {
    let samplers: [Sampler]
    let lawOfInterval: [Int32]

    init(_ laws: IntervalLaws, storage: SamplerStorage) {
        samplers = laws.laws.map(storage.sampler)
        lawOfInterval = laws.lawOfInterval.map { Int32($0) }
    }

    /// The sampler of calls arriving in interval `i`.
    @inline(__always)
    func sampler(inInterval i: Int) -> Sampler { samplers[Int(lawOfInterval[i])] }
}

/// A call type's laws that change with the interval of arrival (`nil`: the single law).
struct VaryingLaws {
    let talk: IntervalSamplers?
    let afterCallWork: IntervalSamplers?
    let patience: IntervalSamplers?

    /// The varying laws of `type` (`nil` for each that holds throughout), or `nil` if
    /// none varies.
    init?(_ type: CallType, storage: SamplerStorage) {
        guard type.lawsVary else { return nil }
        func varying(_ laws: IntervalLaws?) -> IntervalSamplers? {
            laws.flatMap { $0.constant == nil ? IntervalSamplers($0, storage: storage) : nil }
        }
        talk = varying(type.talk)
        afterCallWork = varying(type.afterCallWork)
        patience = varying(type.patience)
    }
}

/// The samplers of a call type's talk, after-call work and patience in one interval.
struct IntervalLawSamplers {
    let talk: Sampler
    let afterCallWork: Sampler?
    let patience: Sampler?
}

extension CallTypeLaws {
    /// The samplers of interval `i`: `varying`'s where a law changes with the interval,
    /// else the single law.
    @inline(__always)
    func samplers(inInterval i: Int, varying: VaryingLaws?) -> IntervalLawSamplers {
        guard let varying else { return IntervalLawSamplers(talk: talk, afterCallWork: afterCallWork, patience: patience) }
        return IntervalLawSamplers(talk: varying.talk?.sampler(inInterval: i) ?? talk,
                                   afterCallWork: varying.afterCallWork?.sampler(inInterval: i) ?? afterCallWork,
                                   patience: varying.patience?.sampler(inInterval: i) ?? patience)
    }
}
