/// A problem with a scenario file, located as precisely as possible.
///
/// Its ``description`` reads like a compiler diagnostic, e.g.
/// `Scenarios/day.yaml:12:5: call_types[0].handle_time.mean: must be a positive number of seconds, got "-3"`.
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The scenario file's name or path, as given to the loader.
    public var file: String
    /// The 1-based line of the offending text; `nil` when the problem concerns the whole file.
    public var line: Int?
    /// The 1-based column (in Unicode scalars) of the offending text; `nil` with `line`.
    public var column: Int?
    /// Where in the scenario the problem lies, e.g. `call_types[0].handle_time.mean`;
    /// empty for the document itself.
    public var keyPath: String
    /// What is wrong, and where possible how to fix it.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line:column: key.path: message`, leaving out the parts that are unknown or empty.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}
