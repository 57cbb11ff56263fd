import ContactCenter

/// Reads a call type's entry of `call_types`: its volume, laws, targets, IVR path,
/// redials, and (once the groups are known) its overflow steps and transfers.
struct CallTypeParser {
    static let keys = ["id", "channel", "arrivals", "handle_time", "after_call_work", "patience",
                       "service_level", "targets", "self_service", "priority", "overflow", "redial", "transfers", "open", "callback"]
    private static let transferKeys = ["to", "fraction"]
    private static let redialKeys = ["probability", "delay", "max_attempts", "when_closed"]
    private static let overflowKeys = ["after", "groups"]
    private static let selfServiceKeys = ["fraction", "time"]
    private static let serviceLevelKeys = ["seconds", "target"]
    private static let targetKeys = ["abandon_fraction", "asa", "answer_rate"]
    private static let defaultServiceLevel = ServiceLevelTarget(seconds: 20)

    let calendar: CalendarParser

    /// The call type of an entry, without its overflow and transfers.
    func callType(_ element: NodeReader) throws -> CallType {
        let entry = try element.mapping(keys: Self.keys)
        let laws = IntervalLawsParser(calendar: calendar)
        let talk = try laws.law(entry.required("handle_time"))
        let afterCallWork = try entry.optional("after_call_work").map(laws.law)
        let patience = try entry.optional("patience").map(laws.law)
        var type = CallType(
            id: try entry.required("id").text(),
            arrivalRates: try ArrivalsParser(calendar: calendar).rates(entry.required("arrivals")),
            talk: talk,
            afterCallWork: afterCallWork,
            patience: patience,
            serviceLevel: try entry.optional("service_level").map(serviceLevel) ?? Self.defaultServiceLevel,
            selfService: try entry.optional("self_service").map(selfService),
            priority: try entry.optional("priority")?.integer(.nonNegative) ?? 0,
            redial: try entry.optional("redial").map(redial),
            targets: try entry.optional("targets").map(targets) ?? ServiceTargets(),
            channel: try entry.optional("channel").map(channel) ?? .voice)
        type.callback = try entry.optional("callback").map(callback)
        if let open = entry.optional("open") {
            if case .mapping = open.node {
                for (j, hours) in try calendar.byDayType(open, value: CalendarParser.openingHours).enumerated() {
                    type.openingHoursByDayType[j] = hours
                }
            } else {
                type.openingHours = try CalendarParser.openingHours(open)
            }
        }
        return type
    }

    /// `channel: voice` (the default), `email`, `sms`, `fax`, `web` or `chat`.
    private func channel(_ reader: NodeReader) throws -> Channel {
        let name = try reader.text()
        guard let channel = Channel(rawValue: name) else {
            throw reader.error("unknown channel `\(name)` (expected one of "
                + Channel.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ")")
        }
        return channel
    }

    /// `targets: {abandon_fraction: 0.05, asa: 30s, answer_rate: 0.95}`: bounds besides
    /// the service level (at most, at most, at least).
    private func targets(_ reader: NodeReader) throws -> ServiceTargets {
        let entry = try reader.mapping(keys: Self.targetKeys)
        return ServiceTargets(abandonFraction: try entry.optional("abandon_fraction")?.fraction(),
                              asa: try entry.optional("asa")?.duration(.nonNegative),
                              answerRate: try entry.optional("answer_rate")?.fraction())
    }

    private func serviceLevel(_ reader: NodeReader) throws -> ServiceLevelTarget {
        let entry = try reader.mapping(keys: Self.serviceLevelKeys)
        return ServiceLevelTarget(seconds: try entry.required("seconds").duration(.nonNegative),
                                  target: try entry.optional("target")?.fraction())
    }

    /// `self_service: {fraction: 0.3, time: {distribution: …}}`.
    private func selfService(_ reader: NodeReader) throws -> SelfService {
        let entry = try reader.mapping(keys: Self.selfServiceKeys)
        return SelfService(fraction: try entry.required("fraction").fraction(),
                           duration: try DistributionParser.distribution(from: entry.required("time")))
    }

    /// `callback: {offer_after: 60s, offer_above_predicted_wait: 3m, acceptance: 0.4,
    /// deadline: 2h, reach: 0.9}`.
    private func callback(_ reader: NodeReader) throws -> Callback {
        let entry = try reader.mapping(keys: ["offer_after", "offer_above_predicted_wait", "acceptance", "deadline", "reach"])
        return Callback(offerAfter: try entry.optional("offer_after")?.duration(.nonNegative),
                        offerAbovePredictedWait: try entry.optional("offer_above_predicted_wait")?.duration(.nonNegative),
                        acceptance: try entry.required("acceptance").fraction(),
                        deadline: try entry.optional("deadline")?.duration(.nonNegative),
                        reach: try entry.optional("reach")?.fraction() ?? 1)
    }

    /// `redial: {probability: 0.6, delay: {distribution: …}, max_attempts: 3}`.
    private func redial(_ reader: NodeReader) throws -> Redial {
        let entry = try reader.mapping(keys: Self.redialKeys)
        return Redial(probability: try entry.required("probability").fraction(),
                      delay: try DistributionParser.distribution(from: entry.required("delay")),
                      maxAttempts: try entry.optional("max_attempts")?.integer(.positive),
                      whenClosed: Redial.WhenClosed(rawValue: try entry.optional("when_closed")?
                          .choice(Redial.WhenClosed.allCases.map(\.rawValue)) ?? "give_up") ?? .giveUp)
    }

    /// `overflow: [{after: 30s, groups: [seniors]}, …]`: groups that may answer the calls
    /// once they have waited `after`.
    func overflow(of element: NodeReader, groupIds: [String]) throws -> [OverflowStep] {
        guard let list = try element.mapping().optional("overflow") else { return [] }
        return try list.nonEmptySequence(of: "overflow step").map { stepReader in
            let step = try stepReader.mapping(keys: Self.overflowKeys)
            return OverflowStep(delay: try step.required("after").duration(.nonNegative),
                                groups: try step.required("groups").nonEmptySequence(of: "agent group").map {
                                    try $0.index(among: groupIds, what: "agent group")
                                })
        }
    }

    /// `transfers: [{to: billing, fraction: 0.1}, …]`.
    func transfers(of element: NodeReader, callTypeIds: [String]) throws -> [Transfer] {
        guard let list = try element.mapping().optional("transfers") else { return [] }
        return try list.nonEmptySequence(of: "transfer").map { reader in
            let entry = try reader.mapping(keys: Self.transferKeys)
            return Transfer(to: try entry.required("to").index(among: callTypeIds, what: "call type"),
                            fraction: try entry.required("fraction").fraction())
        }
    }
}
