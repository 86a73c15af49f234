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

    @Test func aResizeTakesEffectWhenItsEventIsRead() {
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.enqueue([.down])
        screen.resize(to: Size(width: 100, height: 30))
        #expect(screen.size == Size(width: 80, height: 24), "nothing has been read yet")
        #expect(screen.nextEvent(timeoutMilliseconds: 10) == .key(.down))
        #expect(screen.size == Size(width: 80, height: 24))
        #expect(screen.nextEvent(timeoutMilliseconds: 10) == .resize(Size(width: 100, height: 30)))
        #expect(screen.size == Size(width: 100, height: 30))
        screen.enqueue(event: .resize(Size(width: 60, height: 16)))
        #expect(screen.nextEvent(timeoutMilliseconds: 10) == .resize(Size(width: 60, height: 16)))
        #expect(screen.size == Size(width: 60, height: 16), "a resize queued as an event works the same")
    }

    @Test func actionsRunBetweenEventsAndAreNeverDelivered() {
        let screen = VirtualScreen(size: Size(width: 10, height: 2))
        var seen: [String] = []
        screen.enqueue(action: { seen.append("start: \($0.frames.count) frames") })
        screen.enqueue(text: "a")
        screen.enqueue(action: { seen.append("after a: \($0.lastFrame?.line(0) ?? "-")") })
        screen.enqueue(action: { _ in seen.append("again") })
        screen.enqueue(text: "b")
        #expect(screen.actionsQueued == 3)
        #expect(screen.nextEvent(timeoutMilliseconds: 0) == .key(.char("a")))
        #expect(seen == ["start: 0 frames"])
        var grid = CellGrid(size: screen.size)
        grid.put("A", row: 0, col: 0)
        screen.present(grid)
        #expect(screen.nextEvent(timeoutMilliseconds: 0) == .key(.char("b")))
        #expect(seen == ["start: 0 frames", "after a: A", "again"])
        #expect(screen.actionsRun == 3)
        #expect(screen.nextEvent(timeoutMilliseconds: 0) == .signal(.terminate))
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
