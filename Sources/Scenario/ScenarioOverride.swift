import Yams

/// A change to a scenario document, as `--set KEY=VALUE` writes it: a key path into
/// the document and a YAML value. Path components are mapping keys; inside a list of
/// call types, agent groups, shifts or follow-ups a component is an element's `id` (or
/// its 0-based index). Missing mappings on the way are created, and the changed
/// document is checked like the file itself: `seats=140`, `ivr.ports=20`,
/// `call_types.fault.arrivals.factor=1.2`, `agent_groups.general.agents=150`. A null
/// value (`~`) removes the key: `agent_groups.general.agents=~`.
public struct ScenarioOverride: Sendable, Equatable, CustomStringConvertible {
    /// The key path, split at the dots.
    public var keyPath: [String]
    /// The value, as YAML text (`140`, `[10, 12, 14]`, `{distribution: constant, value: 60}`).
    public var value: String

    public init(keyPath: [String], value: String) {
        self.keyPath = keyPath
        self.value = value
    }

    /// Parses `KEY=VALUE`.
    /// - Throws: ``ScenarioError`` (naming `--set`) if there is no `=` or no key.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "=") else {
            throw ScenarioError(file: "--set \(text)", message: "expected KEY=VALUE, such as seats=140")
        }
        let key = text[..<equals].trimmingCharacters(in: .whitespaces)
        let components = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !key.isEmpty, components.allSatisfy({ !$0.isEmpty }) else {
            throw ScenarioError(file: "--set \(text)", message: "the key path `\(key)` has an empty part")
        }
        self.init(keyPath: components, value: String(text[text.index(after: equals)...]))
    }

    /// `KEY=VALUE`, as written on the command line.
    public var description: String { keyPath.joined(separator: ".") + "=" + value }

    /// The document with this override applied, and the path of the changed node as
    /// errors write it (`agent_groups[1].agents`); `label` names the override in errors.
    func apply(to document: Node, label: String) throws -> (document: Node, path: String) {
        let valueNode: Node
        do {
            valueNode = try Yams.compose(yaml: value) ?? Node("", .implicit)
        } catch {
            throw ScenarioError(file: label, message: "the value is not valid YAML")
        }
        var path = NodePath.root
        do {
            let changed = try set(valueNode, at: keyPath[...], in: document, path: &path)
            return (changed, path.description)
        } catch var error as ScenarioError {
            error.file = label
            throw error
        }
    }

    /// `node` with `value` placed at `keys` below it.
    private func set(_ value: Node, at keys: ArraySlice<String>, in node: Node, path: inout NodePath) throws -> Node {
        guard let key = keys.first else { return value }
        switch node {
        case .mapping(var mapping):
            path = path.appending(key: key)
            let existingKey = mapping.keys.first { $0.scalar?.string == key }
            let child = existingKey.flatMap { mapping[$0] } ?? Node.mapping(Node.Mapping([]))
            if keys.count == 1, value.null != nil {
                if let existingKey { mapping[existingKey] = nil }
                return .mapping(mapping)
            }
            let changed = try set(value, at: keys.dropFirst(), in: child, path: &path)
            if let existingKey { mapping[existingKey] = changed } else { mapping[key] = changed }
            return .mapping(mapping)
        case .sequence(var sequence):
            let ids = sequence.map { $0.mapping?["id"]?.scalar?.string }
            guard let index = ids.firstIndex(of: key) ?? Int(key).flatMap({ sequence.indices.contains($0) ? $0 : nil }) else {
                let known = ids.compactMap { $0 }
                throw overrideError("no element `\(key)` in `\(path)` (\(Suggestion.hint(for: key, among: known)))")
            }
            path = path.appending(index: index)
            sequence[index] = try set(value, at: keys.dropFirst(), in: sequence[index], path: &path)
            return .sequence(sequence)
        default:
            throw overrideError("`\(path)` is a single value, it has no `\(key)`")
        }
    }

    private func overrideError(_ message: String) -> ScenarioError {
        ScenarioError(file: "--set \(description)", message: message)
    }
}

/// A named set of overrides listed in a scenario's `variants` section, to compare.
public struct ScenarioVariant: Sendable, Equatable {
    public var name: String
    public var overrides: [ScenarioOverride]

    public init(name: String, overrides: [ScenarioOverride]) {
        self.name = name
        self.overrides = overrides
    }
}
