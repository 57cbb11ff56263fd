import Foundation

/// Plain decimal numbers as scenarios write them (`180`, `0.8`, `-3`, `1e3`).
///
/// Stricter than Swift's and YAML's own number syntax on purpose: no hexadecimal,
/// octal, sexagesimal (`1:30`), infinities or NaN, which in a scenario are typos.
enum NumberParser {
    private static let numberCharacters = Set("0123456789+-.eE")

    /// The finite value `text` denotes (surrounding spaces allowed), or `nil` if it is not a number.
    static func number<Text: StringProtocol>(from text: Text) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy(numberCharacters.contains),
              let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

}
