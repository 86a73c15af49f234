import IPASNTestSupport
import Testing

@testable import IPASNTerminal

/// The screen helpers of IPASNTestSupport, on a bare virtual screen (no application).
@Suite struct ScreenCheckpointTests {
    @Test func selectedRowsAreReadFromTheStyles() {
        var grid = CellGrid(width: 20, height: 4)
        grid.put("Andi", row: 0, col: 1)
        grid.fill(row: 1, col: 0, width: 20, height: 1, style: .selected)
        grid.put("Budi   45", row: 1, col: 1, style: .selected)
        grid.put("Citra", row: 2, col: 1)
        grid.put("x", row: 3, col: 0)
        grid.put("OK", row: 3, col: 5, style: .selected)
        #expect(grid.selectedRows == ["Budi   45", "OK"])
        #expect(ScreenCheckpoint(frame: grid).selection == "Budi   45")
        #expect(ScreenCheckpoint(frame: CellGrid(width: 5, height: 1)).selection == nil)
    }

    @Test func checkpointsSeeTheFrameOfTheKeysBeforeThem() {
        let screen = VirtualScreen(size: Size(width: 10, height: 1))
        var seen: [String] = []
        screen.enqueue(text: "a")
        screen.checkpoint { seen.append($0.text) }
        screen.enqueue(text: "b")
        screen.checkpoint { seen.append($0.text) }
        // A stand-in for an application loop: present, read, draw what was typed.
        var typed = ""
        while true {
            var grid = CellGrid(size: screen.size)
            grid.put(typed, row: 0, col: 0)
            screen.present(grid)
            guard case .key(.char(let c)) = screen.nextEvent(timeoutMilliseconds: 0) else { break }
            typed.append(c)
        }
        #expect(seen == ["a", "ab"])
        screen.expectEveryCheckpointReached()
    }

    @Test func aCheckpointNeverReachedIsAnIssue() {
        let screen = VirtualScreen()
        screen.enqueue(text: "a")
        screen.checkpoint { _ in }
        withKnownIssue("the loop stopped before the checkpoint") {
            screen.expectEveryCheckpointReached()
        }
    }

    @Test func pressLooksTheKeyUpByCommand() {
        enum Command { case save, unbound }
        let screen = VirtualScreen()
        let keys: [Command: Key] = [.save: .ctrl("s")]
        screen.press(Command.save) { keys[$0] }
        #expect(screen.nextEvent(timeoutMilliseconds: 0) == .key(.ctrl("s")))
        withKnownIssue("no key is bound") {
            screen.press(Command.unbound) { keys[$0] }
        }
        #expect(screen.pendingEventCount == 0)
    }
}
