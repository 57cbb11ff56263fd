import ContactCenter
import Foundation

/// Number and time formatting shared by the text and CSV reports.
enum NumberFormat {
    /// A number with up to 6 significant digits, no exponent for ordinary magnitudes.
    static func decimal(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }

    /// A duration as people say it: `20 s`, `30 min`, `4 h`, `8 h 30 min`.
    static func duration(_ seconds: Double) -> String {
        guard seconds >= 120, seconds.truncatingRemainder(dividingBy: 60) == 0 else { return "\(decimal(seconds)) s" }
        let (hours, minutes) = (Int(seconds) / Int(Timing.secondsPerHour), Int(seconds) % Int(Timing.secondsPerHour) / 60)
        if hours == 0 { return "\(minutes) min" }
        return minutes == 0 ? "\(hours) h" : "\(hours) h \(minutes) min"
    }

    /// The threshold of an `80/20` service-level target: seconds below two minutes,
    /// else `30m` or `4h`.
    static func threshold(_ seconds: Double) -> String {
        if seconds >= Timing.secondsPerHour && seconds.truncatingRemainder(dividingBy: Timing.secondsPerHour) == 0 {
            return "\(decimal(seconds / Timing.secondsPerHour))h"
        }
        if seconds >= 120 && seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(decimal(seconds / 60))m" }
        return decimal(seconds)
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `mean ± half-width` with a fixed number of decimals.
    static func estimate(_ mean: Double, _ halfWidth: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f ± %.\(decimals)f", mean, halfWidth)
    }
}
