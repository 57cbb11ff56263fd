import ContactCenter
import Foundation
import Yams

/// The range a number must lie in.
enum Bound {
    case positive
    case nonNegative

    func admits(_ value: Double) -> Bool {
        switch self {
        case .positive: return value > 0
        case .nonNegative: return value >= 0
        }
    }

    var adjective: String {
        switch self {
        case .positive: return "positive"
        case .nonNegative: return "non-negative"
        }
    }
}

/// A YAML node with its place in the scenario (file and key path), and typed accessors
/// that report every problem as a ``ScenarioError`` at the node's line and column.
struct NodeReader {
    let node: Node
    let path: NodePath
    let file: String

    /// An error about this node.
    func error(_ message: String) -> ScenarioError {
        ScenarioError(file: file, line: node.mark?.line, column: node.mark?.column,
                      keyPath: path.description, message: message)
    }

    /// The node as messages show it: its text in quotes, or what kind of node it is.
    var shown: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Whether the node is an unquoted YAML null (an empty value, `~` or `null`).
    var isNull: Bool {
        node.null != nil
    }

    // MARK: Scalars

    /// The text of a non-null scalar, failing with "expected `expected`".
    private func scalarText(expected: String) throws -> String {
        guard case .scalar(let scalar) = node, !isNull else { throw error("expected \(expected), got \(shown)") }
        return scalar.string
    }

    /// A non-empty text such as a name or an id.
    func text() throws -> String {
        let text = try scalarText(expected: "a name")
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw error("expected a name, got nothing") }
        return text
    }

    /// A decimal number within `bound`.
    func number(_ bound: Bound) throws -> Double {
        guard let value = NumberParser.number(from: try scalarText(expected: "a number")) else {
            throw error("expected a number, got \(shown)")
        }
        guard bound.admits(value) else { throw error("must be a \(bound.adjective) number, got \(shown)") }
        return value
    }

    /// A whole number within `bound`.
    func integer(_ bound: Bound) throws -> Int {
        guard let value = NumberParser.number(from: try scalarText(expected: "a whole number")),
              let whole = Int(exactly: value) else {
            throw error("expected a whole number, got \(shown)")
        }
        guard bound.admits(value) else { throw error("must be a \(bound.adjective) whole number, got \(shown)") }
        return whole
    }

    /// A non-negative whole number in the full 64-bit range (a random seed).
    func unsignedInteger() throws -> UInt64 {
        let text = try scalarText(expected: "a non-negative whole number")
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw error("must be a non-negative whole number, got \(shown)")
        }
        return value
    }

    /// A fraction in `0...1`, such as a service-level target.
    func fraction() throws -> Double {
        let value = try number(.nonNegative)
        guard value <= 1 else { throw error("must be a fraction between 0 and 1 (0.8 for 80%), got \(shown)") }
        return value
    }

    /// `true` or `false` (also `yes`/`no`).
    func boolean() throws -> Bool {
        let text = try scalarText(expected: "true or false").lowercased()
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("expected true or false, got \(shown)")
        }
    }

    /// One of the given words, such as `block` or `wait`.
    func choice(_ words: [String]) throws -> String {
        let listed = words.map { "`\($0)`" }.joined(separator: " or ")
        let text = try scalarText(expected: listed)
        guard words.contains(text) else { throw error("expected \(listed), got \(shown)") }
        return text
    }

    /// A duration in seconds within `bound`: a bare number of seconds or `90s`, `30m`, `2h`, `1d`.
    func duration(_ bound: Bound) throws -> Double {
        let expected = "a duration (seconds, or a number with unit s, m, h or d: 90s, 30m, 2h)"
        guard let seconds = DurationParser.seconds(from: try scalarText(expected: expected)) else {
            throw error("expected \(expected), got \(shown)")
        }
        guard bound.admits(seconds) else {
            throw error("must be a \(bound.adjective) number of seconds, got \(shown)")
        }
        guard seconds <= ModelLimits.longestDuration else {
            throw error("must be at most 366 days (a year), got \(shown)")
        }
        return seconds
    }

    // MARK: Collections

    /// The elements of a list, each with its index appended to the path.
    func sequence() throws -> [NodeReader] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, got \(shown)") }
        return sequence.enumerated().map { index, element in
            NodeReader(node: element, path: path.appending(index: index), file: file)
        }
    }

    /// The elements of a list that must not be empty; `element` names what it lists.
    func nonEmptySequence(of element: String) throws -> [NodeReader] {
        let elements = try sequence()
        guard !elements.isEmpty else { throw error("must list at least one \(element)") }
        return elements
    }

    /// The node as a mapping, its keys not yet checked.
    func mapping() throws -> MappingReader {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping, got \(shown)") }
        return MappingReader(reader: self, mapping: mapping)
    }

    /// The node as a mapping whose keys are all among `allowedKeys`.
    func mapping(keys allowedKeys: [String]) throws -> MappingReader {
        let mapping = try mapping()
        try mapping.checkKeys(allowedKeys)
        return mapping
    }

    /// The position of this node's text in `ids` (a reference by id), failing with the
    /// closest id when it names none.
    func index(among ids: [String], what: String) throws -> Int {
        let id = try text()
        guard let index = ids.firstIndex(of: id) else {
            throw error("unknown \(what) `\(id)` (\(Suggestion.hint(for: id, among: ids)))")
        }
        return index
    }
}

/// A mapping node: look-up of values by key, with errors for unknown and missing keys.
struct MappingReader {
    /// The mapping node itself.
    let reader: NodeReader
    let mapping: Node.Mapping

    /// An error about the mapping as a whole.
    func error(_ message: String) -> ScenarioError {
        reader.error(message)
    }

    /// Fails at the first key not in `allowedKeys`, suggesting the closest allowed one.
    func checkKeys(_ allowedKeys: [String]) throws {
        for key in mapping.keys {
            if let name = key.scalar?.string, allowedKeys.contains(name) { continue }
            throw unknownKey(key, allowedKeys: allowedKeys)
        }
    }

    private func unknownKey(_ key: Node, allowedKeys: [String]) -> ScenarioError {
        let keyReader = NodeReader(node: key, path: reader.path, file: reader.file)
        guard let name = key.scalar?.string else {
            return keyReader.error("expected a key name, got \(keyReader.shown)")
        }
        return keyReader.error("unknown key `\(name)` (\(Suggestion.hint(for: name, among: allowedKeys)))")
    }

    /// The value under `key`, or `nil` if the key is absent or its value is null.
    func optional(_ key: String) -> NodeReader? {
        guard let value = mapping[key] else { return nil }
        let valueReader = NodeReader(node: value, path: reader.path.appending(key: key), file: reader.file)
        return valueReader.isNull ? nil : valueReader
    }

    /// The value under `key`, failing at the mapping if the key is absent.
    func required(_ key: String) throws -> NodeReader {
        guard let value = mapping[key] else { throw error("missing required key `\(key)`") }
        return NodeReader(node: value, path: reader.path.appending(key: key), file: reader.file)
    }

    /// Whether `key` is present with a non-null value.
    func contains(_ key: String) -> Bool {
        optional(key) != nil
    }
}
