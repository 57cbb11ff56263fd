import Engine
import XCTest

final class EventQueueTests: XCTestCase {
    func testEventsComeOutInTimeOrder() {
        var queue = EventQueue()
        var generator = SystemRandomNumberGenerator()
        var times: [Double] = []
        for i in 0..<5000 {
            let t = Double.random(in: 0..<1000, using: &generator)
            times.append(t)
            queue.schedule(at: t, code: UInt32(i))
        }
        var out: [Double] = []
        while let e = queue.next() { out.append(e.time) }
        XCTAssertEqual(out, times.sorted())
    }

    func testEqualTimesComeOutInSchedulingOrder() {
        var queue = EventQueue()
        for i in 0..<100 { queue.schedule(at: Double(i % 3), code: UInt32(i)) }
        var codes: [UInt32] = []
        while let e = queue.next() { codes.append(e.code) }
        let expected = (0..<3).flatMap { r in (0..<100).filter { $0 % 3 == r }.map(UInt32.init) }
        XCTAssertEqual(codes, expected)
    }

    func testInterleavedSchedulingAndRemoval() {
        var queue = EventQueue()
        queue.schedule(at: 5, code: 1)
        queue.schedule(at: 1, code: 2)
        XCTAssertEqual(queue.next()?.code, 2)
        queue.schedule(at: 3, code: 3)
        queue.schedule(at: 5, code: 4)
        XCTAssertEqual(queue.next()?.code, 3)
        XCTAssertEqual(queue.next()?.code, 1)
        XCTAssertEqual(queue.next()?.code, 4)
        XCTAssertNil(queue.next())
    }

    func testEventCodesPackKindAndIndex() {
        let code = Event.code(kind: 5, index: 123_456)
        let event = Event(time: 0, sequence: 0, code: code)
        XCTAssertEqual(event.kind(), 5)
        XCTAssertEqual(event.index(), 123_456)
        XCTAssertEqual(MemoryLayout<Event>.size, 16)
    }
}
