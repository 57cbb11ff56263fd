/// The future event list: a 4-ary min-heap of ``Event`` values in one contiguous
/// array. Scheduling and removing the next event allocate nothing once the array has
/// grown to the largest number of pending events; events at the same time come out
/// in the order they were scheduled, so runs are reproducible.
///
/// A 4-ary heap halves the depth of a binary heap and keeps a node's children in one
/// cache line (four 16-byte events), which is faster for the sift-down that dominates.
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

    /// Schedules an event with model code `code` at `time`; returns its sequence number
    /// (models may store it to recognise a cancelled event when it comes out).
    @inlinable
    @discardableResult
    public mutating func schedule(at time: Double, code: UInt32) -> UInt32 {
        let sequence = nextSequence
        nextSequence &+= 1
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
                let parent = (i - 1) >> 2
                if !Event.precedes(event, a[parent]) { break }
                a[i] = a[parent]
                i = parent
            }
            a[i] = event
        }
    }

    /// Places `event` at the root's hole and moves it down to its place.
    @inlinable
    mutating func siftDown(_ event: Event) {
        heap.withUnsafeMutableBufferPointer { a in
            let n = a.count
            var i = 0
            while true {
                let firstChild = 4 * i + 1
                if firstChild >= n { break }
                var best = firstChild
                let lastChild = min(firstChild + 3, n - 1)
                var c = firstChild + 1
                while c <= lastChild {
                    if Event.precedes(a[c], a[best]) { best = c }
                    c += 1
                }
                if !Event.precedes(a[best], event) { break }
                a[i] = a[best]
                i = best
            }
            a[i] = event
        }
    }
}
