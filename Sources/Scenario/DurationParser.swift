import Foundation

/// Durations as scenarios write them: a bare number of seconds (`45`, `1.5`) or a number
/// with a unit suffix, `s`, `m`, `h` or `d` (`90s`, `30m`, `1.5h`, `1d`).
enum DurationParser {
    private static let secondsPerUnit: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]

    /// The number of seconds `text` denotes, or `nil` if it is not a duration.
    /// The sign is kept: callers check the range, so that `-3` gets a message about its sign.
    static func seconds(from text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let suffix = trimmed.last, let unit = secondsPerUnit[suffix] else {
            return NumberParser.number(from: trimmed)
        }
        return NumberParser.number(from: trimmed.dropLast()).map { $0 * unit }
    }

    /// `seconds` in the largest unit that divides it (hours at most): `24h`, `30m`, `90s`, `2.5s`.
    static func format(_ seconds: Double) -> String {
        for (suffix, unit) in [("h", 3600.0), ("m", 60.0)]
        where seconds >= unit && seconds.truncatingRemainder(dividingBy: unit) == 0 {
            return NumberParser.format(seconds / unit) + suffix
        }
        return NumberParser.format(seconds) + "s"
    }
}
