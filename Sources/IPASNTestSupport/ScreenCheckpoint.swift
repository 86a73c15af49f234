import Foundation
import IPASNTerminal
import Testing

/// What a test sees at a checkpoint: the frame on the screen once every key queued before
/// the checkpoint has been handled. A failed expectation shows the screen as text.
public struct ScreenCheckpoint: CustomStringConvertible, CustomTestStringConvertible {
    public let frame: CellGrid

    public init(frame: CellGrid) { self.frame = frame }

    /// The whole frame as text (rows joined with newlines).
    public var text: String { frame.text }

    public var description: String { "the screen:\n" + text }
    public var testDescription: String { description }
    /// Every row as text.
    public var lines: [String] { frame.lines() }
    /// Whether the frame shows `text` anywhere (within one row).
    public func shows(_ text: String) -> Bool { frame.lines().contains { $0.contains(text) } }
    /// The first row that contains `text`.
    public func line(containing text: String) -> String? { frame.lines().first { $0.contains(text) } }

    /// The selected rows' text (see ``CellGrid/selectedRows``).
    public var selectedRows: [String] { frame.selectedRows }
    /// The first selected row's text, nil when nothing is selected.
    public var selection: String? { frame.selectedRows.first }
}

extension CellGrid {
    /// Rows with cells in the `.selected` style (the highlighted row of a list), top to
    /// bottom, each as the text of its selected cells, trimmed. What the admin sees as the
    /// cursor of a list, read from the styles rather than from the text.
    public var selectedRows: [String] {
        (0..<height).compactMap { row -> String? in
            var text = ""
            var any = false
            for col in 0..<width where self[row, col].style == .selected {
                any = true
                text += self[row, col].grapheme
            }
            guard any else { return nil }
            return text.trimmingCharacters(in: .whitespaces)
        }
    }
}

extension VirtualScreen {
    /// Queues a checkpoint: `body` runs with the frame shown once every key queued before it
    /// has been handled, so a test asserts between keys instead of counting frames. An error
    /// thrown by `body` (a failed `#require`) is recorded as an issue at the checkpoint.
    /// Pair it with ``expectEveryCheckpointReached(sourceLocation:)`` after the run.
    public func checkpoint(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: @escaping (ScreenCheckpoint) throws -> Void
    ) {
        enqueue { screen in
            guard let frame = screen.lastFrame else {
                Issue.record("no frame was presented before the checkpoint", sourceLocation: sourceLocation)
                return
            }
            do {
                try body(ScreenCheckpoint(frame: frame))
            } catch {
                Issue.record(error, "at the checkpoint", sourceLocation: sourceLocation)
            }
        }
    }

    /// Records an issue when the application stopped before reaching every queued checkpoint
    /// (it quit early, or waited on something the script never gave it).
    public func expectEveryCheckpointReached(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            actionsRun == actionsQueued, "\(actionsQueued - actionsRun) checkpoint(s) never reached",
            sourceLocation: sourceLocation)
    }

    /// Presses the key bound to `command`, looked up by `keyFor` (a keymap's lookup: this
    /// module does not know the workstation's commands). Records an issue when no key is bound.
    public func press<Command>(
        _ command: Command, sourceLocation: SourceLocation = #_sourceLocation, keyFor: (Command) -> Key?
    ) {
        guard let key = keyFor(command) else {
            Issue.record("no key is bound to \(command)", sourceLocation: sourceLocation)
            return
        }
        enqueue(key)
    }
}
