import Engine

/// The calls of a replication: records in a buffer that grows (up to
/// ``ModelLimits/liveCalls``, see `Backlog.swift`), their slots reused through a free
/// list. Slots `0..<inUse` have been used; `free[0..<freeCount]` are free again.
struct CallSlots {
    private(set) var records: SlotBuffer<CallRecord>
    private(set) var inUse = 0
    private(set) var free: SlotBuffer<Int32>
    private(set) var freeCount = 0

    /// Room for 1,024 calls at first, in memory owned by `arena`.
    init(arena: SlotArena) {
        records = SlotBuffer(arena, count: 1024, repeating: .free)
        free = SlotBuffer(arena, count: 1024, repeating: -1)
    }

    /// The record of the call in slot `call`.
    subscript(call: Int) -> CallRecord {
        @inline(__always) get { records[call] }
        @inline(__always) nonmutating _modify { yield &records[call] }
    }

    /// Whether every slot is in use and none is free: the next call needs ``grow(_:to:)``.
    var isFull: Bool { freeCount == 0 && inUse == records.count }

    /// A free slot (its content is left to the caller to set); the buffer must not be
    /// full (``isFull``).
    @inline(__always)
    mutating func take() -> Int {
        if freeCount > 0 {
            freeCount -= 1
            return Int(free[freeCount])
        }
        inUse += 1
        return inUse - 1
    }

    /// Returns a call's slot to the free list.
    @inline(__always)
    mutating func release(_ call: Int) {
        records[call].state = .free
        free[freeCount] = Int32(call)
        freeCount += 1
    }

    /// Grows the buffer to `count` slots.
    mutating func grow(_ arena: SlotArena, to count: Int) {
        records.grow(arena, to: count, repeating: .free)
        free.grow(arena, to: count, repeating: -1)
    }
}

extension CenterSimulation {
    /// A free call slot (its content is left to the caller to set).
    @inline(__always)
    mutating func takeSlot() -> Int {
        if calls.isFull { growCallSlots() }
        return calls.take()
    }

    /// Returns a call's slot to the free list.
    mutating func release(call: Int) { calls.release(call) }
}
