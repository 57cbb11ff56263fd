import Foundation
import Statistics
import Yams

/// Reading a YAML input safely: a file (or `-`, standard input) of bounded size, UTF-8,
/// holding a single document whose aliases are not used as keys (hashing a key built of
/// nested aliases takes time exponential in their depth).
enum YAMLInput {
    /// The largest input read (a year of 5-minute values for a dozen lists is about 6 MB).
    static let maximumBytes = 16 << 20
    /// The most values (list elements and lines) a document may hold: a year of 5-minute
    /// values for a dozen lists is 1.3 million. Each takes a few hundred bytes once parsed.
    static let maximumValues = 2_000_000

    /// The text of the file at `path`, or of standard input for `-`.
    /// - Parameter kind: what the file should be, for the message about a folder.
    static func text(path: String, kind: String = "a YAML file") throws -> String {
        let data: Data
        do {
            data = try InputFile.read(path, maximumBytes: maximumBytes, kind: kind)
        } catch {
            throw ScenarioError(file: path, message: error.description)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ScenarioError(file: path, message: "is not UTF-8 text") }
        return text
    }

    /// The root node of the single YAML document in `yaml` (`nil` when there is none).
    static func document(_ yaml: String, fileName: String) throws -> Node? {
        let separators = yaml.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: ",") || $1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard separators <= maximumValues else {
            throw ScenarioError(file: fileName, message: "holds about \(separators) values; at most \(maximumValues) are read")
        }
        try checkNoAliasIsAKey(yaml, fileName: fileName)
        let root: Node?, next: Node?
        do {
            let parser = try Parser(yaml: yaml)
            root = try parser.nextRoot()
            next = try parser.nextRoot()
        } catch let error as YamlError {
            throw ScenarioError(error, file: fileName)
        }
        if let next {
            throw NodeReader(node: next, path: .root, file: fileName)
                .error("a second YAML document begins here; the file holds a single document")
        }
        return root
    }

    /// A placeholder no scenario contains, put in place of each alias for the check.
    private static let aliasPlaceholder = "ccsim-alias-7f3a9c"

    /// Fails if an alias (`*name`) stands as a mapping key: the text is parsed once with
    /// every alias replaced by a plain placeholder (linear, nothing shared), and the keys
    /// of the result are searched for it.
    private static func checkNoAliasIsAKey(_ yaml: String, fileName: String) throws {
        guard yaml.contains("*") else { return }
        let pattern = #"(^|[\s\[\{,])\*[^\s\[\]\{\},]+"#
        let placeheld = yaml.replacingOccurrences(of: pattern, with: "$1" + aliasPlaceholder, options: .regularExpression)
        // A document that does not parse even so (duplicate keys, bad syntax) gets its
        // error here: the real parse would first hash its keys, aliases included.
        let parsed: Node?
        do {
            parsed = try Parser(yaml: placeheld).nextRoot()
        } catch let error as YamlError {
            if "\(error)".contains(aliasPlaceholder) {
                throw ScenarioError(file: fileName, message: "an alias (`*name`) cannot be a key; write the key out")
            }
            throw ScenarioError(error, file: fileName)
        }
        guard let root = parsed else { return }
        if let key = aliasKey(in: root) {
            throw ScenarioError(file: fileName, line: key.mark?.line, column: key.mark?.column,
                                message: "an alias (`*name`) cannot be a key; write the key out")
        }
    }

    /// The first mapping key, anywhere below `node`, that is the alias placeholder.
    private static func aliasKey(in node: Node) -> Node? {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if key.scalar?.string == aliasPlaceholder { return key }
                if let found = aliasKey(in: key) ?? aliasKey(in: value) { return found }
            }
            return nil
        case .sequence(let sequence):
            return sequence.lazy.compactMap(aliasKey(in:)).first
        case .scalar, .alias:
            return nil
        }
    }
}
