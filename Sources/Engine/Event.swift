/// One scheduled event: a time, a sequence number for a deterministic order among
/// events at the same time, and a 32-bit code that the model interprets (an event
/// kind and the index of the entity it concerns). 16 bytes, no references.
@frozen
public struct Event: Sendable, Equatable {
    /// When the event happens (seconds of simulated time).
    public var time: Double
    /// Order of scheduling: among events at the same time, the earlier scheduled comes first.
    public var sequence: UInt32
    /// The model's code for the event: see ``kind(bits:)`` and ``index(bits:)``.
    public var code: UInt32

    @inlinable
    public init(time: Double, sequence: UInt32, code: UInt32) {
        self.time = time
        self.sequence = sequence
        self.code = code
    }

    /// Packs a kind (low `kindBits` bits) and an index (the rest) into a code.
    @inlinable
    public static func code(kind: UInt32, index: Int, kindBits: UInt32 = 4) -> UInt32 {
        kind | (UInt32(truncatingIfNeeded: index) << kindBits)
    }

    /// The largest index a code of `kindBits` kind bits holds (2²⁸ − 1 for 4 bits).
    @inlinable
    public static func largestIndex(kindBits: UInt32 = 4) -> Int { Int(UInt32.max >> kindBits) }

    /// The kind packed into ``code``.
    @inlinable
    public func kind(bits: UInt32 = 4) -> UInt32 { code & ((1 << bits) - 1) }

    /// The index packed into ``code``.
    @inlinable
    public func index(bits: UInt32 = 4) -> Int { Int(code >> bits) }

    /// Strict order: by time, then by sequence number.
    @inlinable
    public static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence &- b.sequence > UInt32.max / 2)
    }
}
