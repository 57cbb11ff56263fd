/// A model that cannot be simulated, with what is wrong.
public struct ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension CenterModel {
    /// Checks what the simulation relies on: positive timing, one value per interval in
    /// every per-interval list, rates and staffing non-negative, skills naming existing
    /// call types. (Scenario files are checked with file positions by the `Scenario`
    /// module; this guards models built in code.)
    public func validate() throws {
        let t = timing
        guard t.horizon > 0, t.intervalLength > 0, t.warmup >= 0, t.warmup < t.horizon else {
            throw ModelError("timing needs horizon > 0, interval > 0 and 0 ≤ warmup < horizon")
        }
        guard timing.clockStart >= 0, timing.clockStart < Timing.secondsPerDay else {
            throw ModelError("the clock start must be a time of day, 00:00 to 23:59")
        }
        if let trunks, trunks < 1 { throw ModelError("trunks must be at least 1") }
        if let ivr {
            guard ivr.ports >= 1, ivr.announcement >= 0, ivr.announcement.isFinite else {
                throw ModelError("the IVR needs at least one port and a non-negative announcement")
            }
        }
        if let seats {
            guard agentSeats >= 0 else {
                throw ModelError("\(seats) seats cannot hold the IVR's \(ivr?.ports ?? 0) ports")
            }
        }
        if let cv = busynessCV, !(cv >= 0 && cv.isFinite) { throw ModelError("busyness CV must be non-negative") }
        guard !callTypes.isEmpty, !agentGroups.isEmpty else {
            throw ModelError("a centre needs at least one call type and one agent group")
        }
        let n = t.intervalCount
        for type in callTypes {
            guard type.arrivalRates.count == n, type.arrivalRates.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw ModelError("call type \(type.id): needs \(n) non-negative arrival rates")
            }
            try validateOverflow(of: type)
            guard type.transfers.allSatisfy({ callTypes.indices.contains($0.to) && $0.fraction >= 0 }),
                  type.transfers.reduce(0, { $0 + $1.fraction }) <= 1 + 1e-12 else {
                throw ModelError("call type \(type.id): transfers need existing call types and fractions adding up to at most 1")
            }
            if let redial = type.redial {
                guard (0...1).contains(redial.probability), (redial.maxAttempts ?? 2) >= 1,
                      (redial.maxAttempts ?? 0) < Int(UInt16.max) else {
                    throw ModelError("call type \(type.id): redial needs a probability in 0…1 and 1 to 65534 attempts")
                }
            }
            if let selfService = type.selfService {
                guard ivr != nil, type.channel.isVoice, (0...1).contains(selfService.fraction) else {
                    throw ModelError("call type \(type.id): self-service needs an IVR, voice calls and a fraction in 0…1")
                }
            }
        }
        try roster?.validate()
        try validateFollowUps()
        for group in agentGroups {
            if group.shifts.isEmpty {
                guard group.staffing.count == n, group.staffing.allSatisfy({ $0 >= 0 }) else {
                    throw ModelError("agent group \(group.id): needs \(n) non-negative staffing values")
                }
            } else {
                guard let roster, group.shifts.count == roster.shifts.count, group.shifts.allSatisfy({ $0 >= 0 }) else {
                    throw ModelError("agent group \(group.id): needs a roster and agents for each of its shifts")
                }
            }
            guard group.skills.allSatisfy(callTypes.indices.contains) else {
                throw ModelError("agent group \(group.id): a skill names no call type")
            }
        }
    }
}

extension CenterModel {
    /// Overflow steps name existing groups that lack the skill, with delays in order.
    private func validateOverflow(of type: CallType) throws {
        guard let k = callTypeIndex(type.id) else { return }
        guard type.overflow.count < Int(UInt8.max) else {
            throw ModelError("call type \(type.id): at most 254 overflow steps")
        }
        var previous = 0.0
        for step in type.overflow {
            guard step.delay >= previous, step.delay.isFinite else {
                throw ModelError("call type \(type.id): overflow delays must be non-negative and in increasing order")
            }
            previous = step.delay
            for g in step.groups {
                guard agentGroups.indices.contains(g), !agentGroups[g].skills.contains(k) else {
                    throw ModelError("call type \(type.id): an overflow group is unknown or already has the skill")
                }
            }
        }
    }
}
