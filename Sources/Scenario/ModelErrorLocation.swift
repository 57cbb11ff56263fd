import ContactCenter
import Yams

extension ModelError {
    /// The error as a ``ScenarioError`` at the line and column of its place in the
    /// document at `root` (the nearest node that exists there), with the line of the
    /// place it relates to (a duplicated id's first use).
    func located(in root: NodeReader) -> ScenarioError {
        var scenarioError = root.node(at: path).error(message)
        scenarioError.keyPath = path.description
        if let relatedPath, let line = root.node(at: relatedPath).node.mark?.line {
            scenarioError.message += " (already used at line \(line))"
        }
        return scenarioError
    }
}

extension NodeReader {
    /// The node at `path` below this one, or the deepest node on the way that exists.
    func node(at path: ModelPath) -> NodeReader {
        var reader = self
        for component in path.components {
            switch (component, reader.node) {
            case (.key(let key), .mapping(let mapping)):
                guard let value = mapping[key] else { return reader }
                reader = NodeReader(node: value, path: reader.path.appending(key: key), file: file)
            case (.index(let i), .sequence(let sequence)) where sequence.indices.contains(i):
                reader = NodeReader(node: sequence[i], path: reader.path.appending(index: i), file: file)
            default:
                return reader
            }
        }
        return reader
    }

}
