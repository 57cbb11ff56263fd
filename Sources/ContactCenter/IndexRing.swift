/// A first-in first-out ring of entity indices (calls in a queue, idle agents in
/// order of becoming idle), stored in one power-of-two array that grows by doubling
/// and never shrinks: no allocation once it has reached its largest size.
struct IndexRing {
    private var storage: [Int32]
    private var head = 0
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity { size <<= 1 }
        storage = Array(repeating: -1, count: size)
    }

    var isEmpty: Bool { count == 0 }

    /// The oldest element; the ring must not be empty.
    var first: Int {
        Int(storage[head])
    }

    mutating func append(_ index: Int) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = Int32(truncatingIfNeeded: index)
        count += 1
    }

    /// Removes and returns the oldest element; the ring must not be empty.
    mutating func removeFirst() -> Int {
        let value = storage[head]
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return Int(value)
    }

    private mutating func grow() {
        var larger = Array(repeating: Int32(-1), count: storage.count * 2)
        for i in 0..<count { larger[i] = storage[(head + i) & (storage.count - 1)] }
        storage = larger
        head = 0
    }
}
