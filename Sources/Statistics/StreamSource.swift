/// Every source of randomness, in one registry: with the entity it belongs to (a call
/// type's, a group's or a shift's id, `centre`, `history`), its name makes the stream's
/// seed (``StreamSeeds/sourceID(_:_:)``). A name is part of what a seed reproduces: renaming
/// one changes every result drawn from it, so add a source, never rename one.
public enum StreamSource: String, CaseIterable, Sendable {
    // A call type's, in the simulation: each call draws from them when it arrives.
    case arrivals, talk, patience, ivr, redial, transfer, callback
    case afterCallWork = "after_call_work"
    /// A follow-up kind's: whether an answered call creates a task, and its duration.
    case followUp = "follow_up"
    /// The centre's day-to-day busyness (entity `centre`).
    case busyness
    /// A shift's absences on a day (entity `GROUP/SHIFT/DAY`).
    case absence
    // `ccsim history`'s, per generated call type or for the whole history (entity `history`).
    case counts, gaps, profile, billing, storms
    case dayFactors = "day factors"
}

extension StreamSeeds {
    /// The source id of `source` of `entity` (``sourceID(_:_:)`` of its registered name).
    public static func sourceID(_ entity: String, _ source: StreamSource) -> UInt64 {
        sourceID(entity, source.rawValue)
    }
}
