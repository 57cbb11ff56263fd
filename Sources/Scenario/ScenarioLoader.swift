import Foundation
import Yams

/// Reads scenario files (YAML) into validated ``Scenario`` values.
///
/// Every problem — an unreadable file, invalid YAML, an unknown key, a missing or
/// out-of-range value, an inconsistency between parts of the scenario — is thrown as a
/// ``ScenarioError`` naming the file, line, column and key path.
public enum ScenarioLoader {
    /// Loads the scenario file at `path`; errors name the file as `path`.
    public static func load(path: String) throws -> Scenario {
        var scenario = try parse(yaml: contents(ofFile: path), fileName: path)
        scenario.sourcePath = path
        return scenario
    }

    /// Parses scenario text; `fileName` names it in errors, and its base name without
    /// extension is the scenario's name when the text gives none.
    public static func parse(yaml: String, fileName: String) throws -> Scenario {
        let root = NodeReader(node: try document(yaml, fileName: fileName), path: .root, file: fileName)
        let defaultName = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        return try ScenarioParser(defaultName: defaultName).scenario(from: root)
    }

    private static func contents(ofFile path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(file: path, message: "is a directory, not a scenario file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ScenarioError(file: path, message: "cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, message: "is not UTF-8 text")
        }
        return text
    }

    /// The root node of the single YAML document in `yaml`.
    private static func document(_ yaml: String, fileName: String) throws -> Node {
        let root: Node?, next: Node?
        do {
            let parser = try Parser(yaml: yaml)
            root = try parser.nextRoot()
            next = try parser.nextRoot()
        } catch let error as YamlError {
            throw ScenarioError(error, file: fileName)
        }
        guard let root else {
            throw ScenarioError(file: fileName, message: "the file is empty; a scenario needs at least "
                + "`horizon`, `call_types` and `agent_groups`")
        }
        if let next {
            throw NodeReader(node: next, path: .root, file: fileName)
                .error("a second YAML document begins here; a scenario file holds a single document")
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
