import Testing

@testable import IPASNTerminal

@Suite("VirtualScreen")
struct VirtualScreenTests {
    @Test func scriptedEventsComeOutInOrderThenEnd() {
        let screen = VirtualScreen(size: Size(width: 20, height: 5))
        screen.enqueue(text: "ab\n")
        screen.enqueue([.ctrl("s"), .function(10)])
        screen.enqueue(event: .signal(.hangup))
        var events: [InputEvent] = []
        for _ in 0..<7 { events.append(screen.nextEvent(timeoutMilliseconds: 100)) }
        #expect(
            events == [
                .key(.char("a")), .key(.char("b")), .key(.enter), .key(.ctrl("s")),
                .key(.function(10)), .signal(.hangup), .signal(.terminate),
            ])
        #expect(screen.requestedTimeouts.count == 7)
    }

    @Test func idleTicksBeforeEndEvent() {
        let screen = VirtualScreen(idleTicks: 2, endEvent: .key(.escape))
        #expect(screen.nextEvent(timeoutMilliseconds: 0) == .tick)
        #expect(screen.nextEvent(timeoutMilliseconds: 0) == .tick)
        #expect(screen.nextEvent(timeoutMilliseconds: 0) == .key(.escape))
        #expect(screen.nextEvent(timeoutMilliseconds: 0) == .key(.escape))
    }

    @Test func resizeChangesSizeAndQueuesEvent() {
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.enqueue([.down])
        screen.resize(to: Size(width: 100, height: 30))
        #expect(screen.size == Size(width: 100, height: 30))
        #expect(screen.nextEvent(timeoutMilliseconds: 10) == .key(.down))
        #expect(screen.nextEvent(timeoutMilliseconds: 10) == .resize(Size(width: 100, height: 30)))
    }

    @Test func presentRecordsFrames() {
        let screen = VirtualScreen(size: Size(width: 10, height: 2))
        #expect(screen.lastFrame == nil)
        #expect(screen.text == "")
        var grid = CellGrid(size: screen.size)
        grid.put("satu", row: 0, col: 0)
        screen.present(grid)
        grid.put("dua", row: 1, col: 0)
        screen.present(grid)
        #expect(screen.frames.count == 2)
        #expect(screen.text == "satu\ndua")
        #expect(screen.frames[0].text == "satu\n")
        screen.shutdown()
        #expect(screen.isShutDown)
    }
}
