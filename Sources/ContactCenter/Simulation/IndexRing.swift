import Engine

/// A first-in first-out ring of entity indices (calls in a queue, idle agents in
/// order of becoming idle) in a power-of-two slot buffer that grows by doubling and
/// never shrinks: no allocation once it has reached its largest size.
struct IndexRing {
    private var storage: SlotBuffer<Int32>
    private var head = 0
    private(set) var count = 0

    init(_ arena: SlotArena, capacity: Int) {
        var size = 16
        while size < capacity { size <<= 1 }
        storage = SlotBuffer(arena, count: size, repeating: -1)
    }

    var isEmpty: Bool { count == 0 }

    /// The oldest element; the ring must not be empty.
    var first: Int { Int(storage[head]) }

    mutating func append(_ index: Int, _ arena: SlotArena) {
        if count == storage.count { grow(arena) }
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

    /// Calls `body` with each element, oldest first (for invariant checks).
    func forEach(_ body: (Int) -> Void) {
        for i in 0..<count { body(Int(storage[(head + i) & (storage.count - 1)])) }
    }

    /// Doubles the ring, unrolling it so that the oldest element is first.
    private mutating func grow(_ arena: SlotArena) {
        let old = storage
        storage = SlotBuffer(arena, count: old.count * 2, repeating: -1)
        for i in 0..<count { storage[i] = old[(head + i) & (old.count - 1)] }
        head = 0
    }
}
