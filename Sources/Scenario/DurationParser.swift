import ContactCenter
import Foundation

/// Durations as scenarios write them: a bare number of seconds (`45`, `1.5`), a number
/// with a unit suffix, `s`, `m`, `h` or `d` (`90s`, `30m`, `1.5h`, `1d`), several of
/// those (`8h30m`), or a clock time `hh:mm` or `hh:mm:ss` (`07:30`, for shift starts).
enum DurationParser {
    private static let secondsPerUnit: [Character: Double] = ["s": 1, "m": Timing.secondsPerMinute, "h": Timing.secondsPerHour, "d": Timing.secondsPerDay]

    /// The number of seconds `text` denotes, or `nil` if it is not a duration.
    /// The sign is kept: callers check the range, so that `-3` gets a message about its sign.
    static func seconds(from text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(":") { return clockTime(trimmed) }
        guard let suffix = trimmed.last, secondsPerUnit[suffix] != nil else {
            return NumberParser.number(from: trimmed)
        }
        return compound(trimmed)
    }

    /// `8h30m`, `1d2h`, `-3s`: numbers each followed by a unit, added.
    private static func compound(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        for character in text {
            if let unit = secondsPerUnit[character] {
                guard let value = NumberParser.number(from: number) else { return nil }
                total += value * unit
                number = ""
            } else {
                number.append(character)
            }
        }
        return number.isEmpty ? total : nil
    }

    /// `07:30` or `07:30:15`: seconds after midnight.
    private static func clockTime(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        let (h, m, s) = (parts[0]!, parts[1]!, parts.count == 3 ? parts[2]! : 0)
        guard m < 60, s < 60 else { return nil }
        return Double(h) * Timing.secondsPerHour + Double(m) * Timing.secondsPerMinute + Double(s)
    }

}
