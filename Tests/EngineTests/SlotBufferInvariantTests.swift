import Engine
import XCTest

/// The debug register of slot-buffer memory: a copy kept across a grow, or a buffer
/// whose arena is gone, is no longer usable (and traps on access in debug builds).
/// Run in a debug build: `swift test --filter InvariantTests`.
final class SlotBufferInvariantTests: XCTestCase {
    func testACopyKeptAcrossAGrowIsNoLongerUsable() throws {
        try XCTSkipUnless(SlotBuffer<Int32>.checksUse, "slot-buffer checks are compiled into debug builds only")
        let arena = SlotArena()
        var buffer = SlotBuffer<Int32>(arena, count: 4, repeating: 7)
        let stale = buffer
        XCTAssertTrue(stale.isUsable)
        buffer.grow(arena, to: 8, repeating: 0)
        XCTAssertTrue(buffer.isUsable)
        XCTAssertFalse(stale.isUsable, "its writes would go to memory the buffer left")
        XCTAssertEqual(buffer[3], 7)
        withExtendedLifetime(arena) {}
    }

    func testABufferOutlivingItsArenaIsNoLongerUsable() throws {
        try XCTSkipUnless(SlotBuffer<Int32>.checksUse, "slot-buffer checks are compiled into debug builds only")
        var buffer: SlotBuffer<Int32>?
        do {
            let arena = SlotArena()
            buffer = SlotBuffer(arena, count: 4, repeating: 1)
            XCTAssertEqual(buffer?.isUsable, true)
        }
        XCTAssertEqual(buffer?.isUsable, false)
    }
}
