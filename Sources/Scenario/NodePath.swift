/// The position of a node in the scenario document, written the way the errors show it:
/// `call_types[0].handle_time.mean`.
struct NodePath: CustomStringConvertible {
    private enum Component {
        case key(String)
        case index(Int)
    }

    private var components: [Component] = []

    /// The document's root.
    static let root = NodePath()

    /// The path of the value under `key` in the mapping at this path.
    func appending(key: String) -> NodePath {
        var path = self
        path.components.append(.key(key))
        return path
    }

    /// The path of element `index` of the list at this path.
    func appending(index: Int) -> NodePath {
        var path = self
        path.components.append(.index(index))
        return path
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
