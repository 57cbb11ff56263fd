import ContactCenter

/// Reads `follow_ups: [{id, call_type, fraction, duration, deadline, groups, reserve, target}]`.
enum FollowUpParser {
    static let keys = ["id", "call_type", "fraction", "duration", "deadline", "groups", "reserve", "target"]

    static func followUps(_ reader: NodeReader, callTypeIds: [String], groupIds: [String]) throws -> [FollowUp] {
        try reader.nonEmptySequence(of: "follow-up").map { element in
            let entry = try element.mapping(keys: keys)
            return FollowUp(id: try entry.required("id").text(),
                            callType: try entry.required("call_type").index(among: callTypeIds, what: "call type"),
                            fraction: try entry.required("fraction").fraction(),
                            duration: try DistributionParser.distribution(from: entry.required("duration")),
                            deadline: try entry.optional("deadline")?.duration(.positive) ?? Timing.secondsPerDay,
                            groups: try entry.required("groups").nonEmptySequence(of: "agent group").map {
                                try $0.index(among: groupIds, what: "agent group")
                            },
                            reserve: try entry.optional("reserve")?.integer(.nonNegative) ?? 0,
                            target: try entry.optional("target")?.fraction())
        }
    }
}
