/// A JSON value, for outputs whose keys depend on the data (the fixed-shape outputs are
/// `Encodable` structures).
public enum JSONValue: Encodable, Sendable {
    case integer(Int), number(Double), text(String), flag(Bool), array([JSONValue]), object([String: JSONValue]), null

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .integer(let v): try c.encode(v)
        case .number(let v): if v.isFinite { try c.encode(v) } else { try c.encodeNil() }
        case .text(let v): try c.encode(v)
        case .flag(let v): try c.encode(v)
        case .array(let v): try c.encode(v)
        case .object(let v): try c.encode(v)
        case .null: try c.encodeNil()
        }
    }
}
