import Synchronization

/// Owner of the raw memory behind the ``SlotBuffer``s of one simulation run: it frees
/// them all when the run's state goes away. Only buffer creation and growth touch it,
/// never the event path.
///
/// Debug builds (`CCSIM_INVARIANT_CHECKS`) keep a register of the memory buffers may
/// use: memory enters it when allocated and leaves it when a buffer grows out of it or
/// its arena goes away, and every access through a buffer checks it. So a copy of a
/// buffer kept across a `grow` (whose nonmutating setter would write to the old memory)
/// or a buffer used after its arena was freed (a missing `withExtendedLifetime`) traps.
public final class SlotArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    public init() {}

    deinit {
        for pointer in allocations {
            Self.retire(pointer)
            pointer.deallocate()
        }
    }

    /// Memory for `count` elements of a trivial type, each set to `value`.
    func allocate<Element>(_ count: Int, repeating value: Element) -> UnsafeMutablePointer<Element> {
        precondition(_isPOD(Element.self), "slot buffers hold trivial (plain-data) elements only")
        let pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: max(count, 1))
        allocations.append(UnsafeMutableRawPointer(pointer))
        #if CCSIM_INVARIANT_CHECKS
        _ = liveSlotMemory.withLock { $0.insert(UInt(bitPattern: pointer)) }
        #endif
        return pointer
    }

    /// Takes memory out of the debug register (a buffer grew out of it, or it is freed).
    static func retire(_ pointer: UnsafeMutableRawPointer) {
        #if CCSIM_INVARIANT_CHECKS
        _ = liveSlotMemory.withLock { $0.remove(UInt(bitPattern: pointer)) }
        #endif
    }

    /// Whether buffers may use the memory at `base` (always true in release builds).
    @usableFromInline
    static func isLive(_ base: UnsafeMutableRawPointer) -> Bool {
        #if CCSIM_INVARIANT_CHECKS
        return liveSlotMemory.withLock { $0.contains(UInt(bitPattern: base)) }
        #else
        return true
        #endif
    }
}

#if CCSIM_INVARIANT_CHECKS
/// Debug builds: the memory that slot buffers may use (see ``SlotArena``).
let liveSlotMemory = Mutex(Set<UInt>())
#endif

/// A fixed-size (or explicitly grown) array of plain-data elements in memory owned by a
/// ``SlotArena``: the simulation's calls, agents, queues and counters. Reading and
/// writing an element is a pointer access — no copy-on-write uniqueness check, no
/// reference counting — which is what the event loop needs (see docs/architecture.md, "the hot path").
///
/// A buffer is a view: copies share the elements, and it is valid while its arena
/// lives. The arena is not referenced by the buffer (that would cost reference counting
/// on every copy), so its owner keeps it alive across every access — hold it in the
/// same struct and use `withExtendedLifetime(arena)` around the code that reads the
/// buffers, since the optimiser may otherwise free an unused field early.
/// Index bounds are checked in debug builds only.
public struct SlotBuffer<Element> {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    /// Number of elements.
    public private(set) var count: Int

    /// `count` elements set to `value`, in memory owned by `arena`.
    public init(_ arena: SlotArena, count: Int, repeating value: Element) {
        base = arena.allocate(count, repeating: value)
        self.count = count
    }

    /// The elements of `array`, copied into memory owned by `arena`.
    public init(_ arena: SlotArena, copying array: [Element]) {
        precondition(!array.isEmpty, "a slot buffer copies a non-empty array")
        self.init(arena, count: array.count, repeating: array[0])
        for (i, element) in array.enumerated() { base[i] = element }
    }

    @inlinable
    public subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count, "slot index out of range")
            assert(SlotArena.isLive(UnsafeMutableRawPointer(base)), "slot buffer used after its memory was retired or freed")
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            assert(index >= 0 && index < count, "slot index out of range")
            assert(SlotArena.isLive(UnsafeMutableRawPointer(base)), "slot buffer used after its memory was retired or freed")
            return base + index
        }
    }

    /// Grows to `newCount` elements (keeping the existing ones), new ones set to `value`.
    public mutating func grow(_ arena: SlotArena, to newCount: Int, repeating value: Element) {
        guard newCount > count else { return }
        let larger = arena.allocate(newCount, repeating: value)
        larger.update(from: base, count: count)
        SlotArena.retire(UnsafeMutableRawPointer(base))
        base = larger
        count = newCount
    }

    /// The elements as a buffer pointer (valid while the arena lives).
    @inlinable
    public var bufferPointer: UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base, count: count)
    }

    /// Whether the buffer's memory is still the buffer's: false for a copy kept across a
    /// ``grow(_:to:repeating:)`` or a buffer whose arena is gone. Known in debug builds
    /// only (`CCSIM_INVARIANT_CHECKS`), where every access checks it; always true in release.
    public var isUsable: Bool { SlotArena.isLive(UnsafeMutableRawPointer(base)) }

    /// Whether debug checks of slot-buffer use are compiled in.
    public static var checksUse: Bool {
        #if CCSIM_INVARIANT_CHECKS
        return true
        #else
        return false
        #endif
    }

    /// The elements copied into an array.
    public var array: [Element] { Array(bufferPointer) }
}
