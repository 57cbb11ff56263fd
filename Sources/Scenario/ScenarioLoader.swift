import Foundation
import Yams

/// Reads scenario files (YAML) into validated ``Scenario`` values.
///
/// Every problem — an unreadable file, invalid YAML, an unknown key, a missing or
/// out-of-range value, an inconsistency between parts of the scenario — is thrown as a
/// ``ScenarioError`` naming the file, line, column and key path.
public enum ScenarioLoader {
    /// Loads the scenario file at `path`, as variant `variant` of it (if given) and with
    /// `overrides` applied; errors name the file as `path`, or the override at fault.
    public static func load(path: String, variant: String? = nil,
                            overrides: [ScenarioOverride] = []) throws -> Scenario {
        let text = try YAMLInput.text(path: path)
        var scenario = try parse(yaml: text, fileName: path, variant: variant, overrides: overrides)
        scenario.sourcePath = path
        scenario.sourceText = text
        return scenario
    }

    /// Parses scenario text; `fileName` names it in errors, and its base name without
    /// extension is the scenario's name when the text gives none.
    public static func parse(yaml: String, fileName: String, variant: String? = nil,
                             overrides: [ScenarioOverride] = []) throws -> Scenario {
        var root = try document(yaml, fileName: fileName)
        let variants = try takeVariants(from: &root, fileName: fileName)
        var labelled: [(override: ScenarioOverride, label: String)] = []
        if let variant {
            guard let chosen = variants.first(where: { $0.name == variant }) else {
                throw ScenarioError(file: fileName, keyPath: "variants", message: "no variant `\(variant)` "
                    + "(\(Suggestion.hint(for: variant, among: variants.map(\.name))))")
            }
            labelled = chosen.overrides.map { ($0, "\(fileName): variant \(variant): \($0)") }
        }
        labelled += overrides.map { ($0, "--set \($0)") }
        var changedPaths: [(path: String, label: String, key: String)] = []
        for (override, label) in labelled {
            let (changed, path) = try override.apply(to: root, label: label)
            root = changed
            changedPaths.append((path, label, override.keyPath.last ?? ""))
        }
        let applied = labelled.map(\.override)
        let defaultName = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        do {
            var scenario = try ScenarioParser(defaultName: defaultName)
                .scenario(from: NodeReader(node: root, path: .root, file: fileName))
            scenario.variants = variants
            scenario.variant = variant
            scenario.overrides = applied
            return scenario
        } catch var error as ScenarioError {
            // A problem in a value (or a key) an override wrote is the override's: name it, not the file.
            if let culprit = changedPaths.last(where: { error.keyPath == $0.path || error.keyPath.hasPrefix($0.path + ".")
                || error.keyPath.hasPrefix($0.path + "[")
                || ($0.path.hasPrefix(error.keyPath) && error.message.contains("`\($0.key)`")) }) {
                error.file = culprit.label
                error.line = nil
                error.column = nil
            }
            throw error
        }
    }

    /// The text of the scenario file at `path` with `overrides` applied (comments are
    /// not kept), checked by loading it.
    public static func rewrite(path: String, overrides: [ScenarioOverride]) throws -> String {
        try rewrite(text: YAMLInput.text(path: path), fileName: path, overrides: overrides)
    }

    /// The text of `scenario` as loaded — its variant's changes and its `--set` overrides
    /// applied — with `overrides` applied too, checked by loading it.
    public static func rewrite(_ scenario: Scenario, overrides: [ScenarioOverride]) throws -> String {
        let fileName = scenario.sourcePath ?? "scenario"
        let text = try scenario.sourceText ?? YAMLInput.text(path: fileName)
        return try rewrite(text: text, fileName: fileName, overrides: scenario.overrides + overrides)
    }

    private static func rewrite(text: String, fileName: String, overrides: [ScenarioOverride]) throws -> String {
        var root = try document(text, fileName: fileName)
        for override in overrides { root = try override.apply(to: root, label: "--set \(override)").document }
        let rewritten = try Yams.serialize(node: root)
        _ = try parse(yaml: rewritten, fileName: fileName)
        return rewritten
    }

    /// Removes the `variants` section from the document and reads it:
    /// `variants: {name: {key.path: value, …}, …}`.
    private static func takeVariants(from root: inout Node, fileName: String) throws -> [ScenarioVariant] {
        guard case .mapping(var mapping) = root,
              let key = mapping.keys.first(where: { $0.scalar?.string == "variants" }), let section = mapping[key] else {
            return []
        }
        mapping[key] = nil
        root = .mapping(mapping)
        let reader = NodeReader(node: section, path: NodePath.root.appending(key: "variants"), file: fileName)
        let entries = try reader.mapping()
        return try entries.mapping.map { nameNode, body in
            let name = try NodeReader(node: nameNode, path: reader.path, file: fileName).text()
            let bodyReader = NodeReader(node: body, path: reader.path.appending(key: name), file: fileName)
            let changes = try bodyReader.mapping()
            return ScenarioVariant(name: name, overrides: try changes.mapping.map { keyNode, value in
                let keyText = try NodeReader(node: keyNode, path: bodyReader.path, file: fileName).text()
                let valueText = try Yams.serialize(node: value).trimmingCharacters(in: .whitespacesAndNewlines)
                return try ScenarioOverride(parsing: keyText + "=" + valueText)
            })
        }
    }

    /// The root node of the scenario document in `yaml`.
    private static func document(_ yaml: String, fileName: String) throws -> Node {
        guard let root = try YAMLInput.document(yaml, fileName: fileName) else {
            throw ScenarioError(file: fileName, message: "the file is empty; a scenario needs at least "
                + "`horizon`, `call_types` and `agent_groups`")
        }
        return root
    }
}

extension ScenarioError {
    /// The YAML syntax error `error`, at the position Yams reports.
    init(_ error: YamlError, file: String) {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            self.init(file: file, line: mark.line, column: mark.column,
                      message: "invalid YAML: \(problem)\(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            self.init(file: file, line: context.mark.line, column: context.mark.column,
                      message: "invalid YAML: key \(keys) appears more than once in the same mapping")
        case let .reader(problem, offset, _, yaml):
            let position = offset.map { Self.position(ofCharacter: $0, in: yaml) }
            self.init(file: file, line: position?.line, column: position?.column,
                      message: "invalid YAML: \(problem)")
        default:
            self.init(file: file, message: "invalid YAML: \(error)")
        }
    }

    /// The 1-based line and column (in Unicode scalars) of the character at `offset`.
    private static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        let before = text.prefix(offset)
        let lineStart = before.lastIndex(where: \.isNewline).map(before.index(after:)) ?? before.startIndex
        return (before.filter(\.isNewline).count + 1, before[lineStart...].unicodeScalars.count + 1)
    }
}
