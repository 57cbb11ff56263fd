/// The future event list: a binary min-heap of ``Event`` values in one contiguous
/// array. Scheduling and removing the next event allocate nothing once the array has
/// grown to the largest number of pending events; events at the same time come out
/// in the order they were scheduled, so runs are reproducible.
///
public struct EventQueue: Sendable {
    @usableFromInline var heap: [Event] = []
    @usableFromInline var nextSequence: UInt32 = 0

    /// An empty queue with room for `capacity` events.
    public init(capacity: Int = 1024) {
        heap.reserveCapacity(capacity)
    }

    /// Number of pending events.
    @inlinable public var count: Int { heap.count }

    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// The next event, without removing it.
    @inlinable public var first: Event? { heap.first }

    /// Takes the next sequence number without scheduling anything: for events a model
    /// keeps outside the queue (such as the next arrival of each call type) but orders
    /// against it with ``Event/precedes(_:_:)`` exactly as if they were inside.
    @inlinable
    public mutating func takeSequenceNumber() -> UInt32 {
        defer { nextSequence &+= 1 }
        return nextSequence
    }

    /// Schedules an event with model code `code` at `time`; returns its sequence number
    /// (models may store it to recognise a cancelled event when it comes out).
    @inlinable
    @discardableResult
    public mutating func schedule(at time: Double, code: UInt32) -> UInt32 {
        let sequence = takeSequenceNumber()
        let event = Event(time: time, sequence: sequence, code: code)
        heap.append(event)
        siftUp(event, from: heap.count - 1)
        return sequence
    }

    /// Removes and returns the next event, or `nil` when none is pending.
    @inlinable
    public mutating func next() -> Event? {
        guard let last = heap.popLast() else { return nil }
        if heap.isEmpty { return last }
        let top = heap[0]
        siftDown(last)
        return top
    }

    /// Removes every pending event.
    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
    }

    @inlinable
    mutating func siftUp(_ event: Event, from start: Int) {
        heap.withUnsafeMutableBufferPointer { a in
            var i = start
            while i > 0 {
                let parent = (i - 1) >> 1
                if !Event.precedes(event, a[parent]) { break }
                a[i] = a[parent]
                i = parent
            }
            a[i] = event
        }
    }

    /// Fills the root's hole with `event` (the former last element) by Floyd's
    /// bottom-up method: the hole first moves down to a leaf along the path of smaller
    /// children (one comparison per level), then `event`, which usually belongs near
    /// the bottom, moves up from there.
    @inlinable
    mutating func siftDown(_ event: Event) {
        let n = heap.count
        let leaf: Int = heap.withUnsafeMutableBufferPointer { a in
            var i = 0
            var child = 1
            while child < n {
                if child + 1 < n && Event.precedes(a[child + 1], a[child]) { child += 1 }
                a[i] = a[child]
                i = child
                child = 2 * i + 1
            }
            return i
        }
        siftUp(event, from: leaf)
    }

    /// Checks the heap order (every event comes no earlier than its parent) and that
    /// every sequence number was handed out; traps otherwise. For debug builds and tests.
    public func checkInvariants() {
        for i in heap.indices.dropFirst() {
            precondition(!Event.precedes(heap[i], heap[(i - 1) >> 1]), "event queue: heap order broken at \(i)")
            precondition(heap[i].sequence < nextSequence, "event queue: unknown sequence number")
        }
    }
}
