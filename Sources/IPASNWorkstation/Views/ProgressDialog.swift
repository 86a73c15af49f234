import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal

/// Marks or reopens each of a unit's four data dimensions, and shows who marked each (and
/// when) and who confirmed it; a verifikator (or operator) confirms a mark (`c`) or reopens
/// it with a reason (`r`). The store refuses what the acting account may not do.
final class ProgressDialog: Modal {
    let unit: OrgUnit
    var done: Set<ProgressDimension>
    var cursor = ScrollList(count: ProgressDimension.allCases.count, height: ProgressDimension.allCases.count)
    let onClose: () -> Void
    /// The unit as lists name it (`DISDIK › Sekretariat` when several units share its name).
    let unitName: String

    /// Who set each dimension's current mark, and when.
    private(set) var marks: [ProgressDimension: ProgressMark] = [:]
    /// The verifikator's word on each mark that still stands.
    private(set) var reviews: [ProgressDimension: ProgressReview] = [:]
    /// The reason being typed for a reopening, with its dimension.
    private(set) var reason: (dimension: ProgressDimension, editor: LineEditor)?
    private var loaded = false

    init(unit: OrgUnit, name: String? = nil, done: Set<ProgressDimension>, onClose: @escaping () -> Void) {
        self.unit = unit
        self.unitName = name ?? unit.nama
        self.done = done
        self.onClose = onClose
    }

    /// Reads the marks and reviews of the unit (after every change, and before the first frame).
    func loadMarks(app: App) {
        loaded = true
        let all = (try? app.store.progressMarks()) ?? []
        marks = Dictionary(all.filter { $0.unit == unit.kode }.map { ($0.dimension, $0) }, uniquingKeysWith: { a, _ in a })
        done = Set(marks.values.filter(\.done).map(\.dimension))
        let standing = (try? app.store.progressReviews()) ?? []
        reviews = Dictionary(standing.filter { $0.unit == unit.kode }.map { ($0.dimension, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Handles a key while a reopening's reason is typed.
    private func handleReason(_ key: Key, app: App) {
        guard var typing = reason else { return }
        switch key {
        case .escape: reason = nil
        case .enter:
            let dimension = typing.dimension
            if app.attempt({ try app.store.reopenProgress(unit: unit.kode, dimension: dimension, reason: typing.editor.text) }) {
                app.inform(app.t(L.markReopened(app.t(L.progressDimension(dimension)), unitName)))
                reason = nil
                loadMarks(app: app)
            }
        default:
            _ = typing.editor.handle(key)
            reason = typing
        }
    }

    var keyBar: [Command] { [.confirmMark, .reopenMark, .back] }

    /// What the dialog's keys do (the key bar said "Enter Buka" while Enter toggles a mark):
    /// the marks' keys, then confirm and reopen from the keymap, Esc; while a reason is typed,
    /// Enter keeps it.
    func keyBarItems(app: App) -> KeyBar? {
        if reason != nil {
            return KeyBar([
                KeyBar.Item(keyText: Key.enter.name, label: app.t(L.progressKeepReason)),
                KeyBar.Item(keyText: Key.escape.name, label: app.t(L.confirmCancel)),
            ])
        }
        var items = [KeyBar.Item(keyText: "1-4,\(Key.enter.name)", label: app.t(L.progressToggleMark))]
        items += app.keyBar([.confirmMark, .reopenMark], context: .dialog).items
        items.append(KeyBar.Item(keyText: Key.escape.name, label: app.t(L.progressClose)))
        return KeyBar(items)
    }

    func handle(_ key: Key, app: App) -> Bool {
        if !loaded { loadMarks(app: app) }
        if reason != nil {
            handleReason(key, app: app)
            return false
        }
        let dims = ProgressDimension.allCases
        switch app.keymap.command(for: key, in: .dialog) {
        case .confirmMark?:
            let dimension = dims[cursor.selection]
            if app.attempt({ try app.store.confirmProgress(unit: unit.kode, dimension: dimension) }) {
                app.inform(app.t(L.markConfirmed(app.t(L.progressDimension(dimension)), unitName)))
                loadMarks(app: app)
            }
            return false
        case .reopenMark?:
            reason = (dims[cursor.selection], LineEditor(maxLength: 200))
            return false
        default: break
        }
        var toggle: Int?
        switch key {
        case .char(let c) where ("1"..."4").contains(c): toggle = Int(String(c))! - 1
        case .char(" "), .enter: toggle = cursor.selection
        case .up: _ = cursor.handle(.up)
        case .down: _ = cursor.handle(.down)
        case .escape, .char("q"), .ctrl("c"):
            onClose()
            return true
        default: break
        }
        if let toggle {
            cursor.select(toggle)
            let dimension = dims[toggle]
            let newValue = !done.contains(dimension)
            if newValue, let open = try? ProgressCheck.openSubunits(dimension, unit: unit.kode, app: app), !open.isEmpty {
                let more = open.count > 3 ? app.t(L.progressMissingMore(open.count - 3)) : ""
                app.fail(app.t(L.progressSubunitsOpen(open.prefix(3).joined(separator: ", ") + more)))
                return false
            }
            let missing = newValue ? (try? ProgressCheck.missing(dimension, unit: unit.kode, app: app)) ?? [] : []
            guard missing.isEmpty else {
                // Asks first and shows who; the answer closes this dialog.
                let unit = self.unit
                let onClose = self.onClose
                let unitName = self.unitName
                app.confirm(
                    ProgressCheck.question(dimension, unit: unit, missing: missing, app: app),
                    onYes: {
                        if app.attempt({ try app.store.setProgress(unit: unit.kode, dimension: dimension, done: true) }) {
                            app.inform(app.t(L.progressSet(app.t(L.progressDimension(dimension)), unitName, true)))
                        }
                        onClose()
                    }, onNo: onClose)
                return false
            }
            if app.attempt({ try app.store.setProgress(unit: unit.kode, dimension: dimension, done: newValue) }) {
                if newValue { done.insert(dimension) } else { done.remove(dimension) }
                app.inform(app.t(L.progressSet(app.t(L.progressDimension(dimension)), unitName, newValue)))
                loadMarks(app: app)
            }
        }
        return false
    }

    func render(into grid: inout CellGrid, app: App) {
        if !loaded { loadMarks(app: app) }
        var lines = [unitName, ""]
        var styles: [Style] = [.highlight, .normal]
        for (index, dimension) in ProgressDimension.allCases.enumerated() {
            let mark = done.contains(dimension) ? "[x]" : "[ ]"
            let state = app.t(done.contains(dimension) ? L.doneMark : L.openMark)
            lines.append("\(index + 1) \(mark) \(app.t(L.progressDimension(dimension)))  (\(state))")
            styles.append(index == cursor.selection ? .selected : .normal)
            lines.append("      " + Self.who(marks[dimension], reviews[dimension], app: app))
            styles.append(.dim)
        }
        if let reason {
            lines += ["", app.t(L.reopenReasonPrompt) + reason.editor.text]
            styles += [.normal, .highlight]
        }
        lines += ["", app.t(L.progressHint), app.t(L.progressReviewHint)]
        styles += [.normal, .dim, .dim]
        Dialogs.drawBox(&grid, title: app.t(L.progressTitle), lines: lines, styles: styles)
    }

    /// `ditandai sari 10-01 09:00; dikonfirmasi vera`, or the reopening's reason.
    static func who(_ mark: ProgressMark?, _ review: ProgressReview?, app: App) -> String {
        var parts: [String] = []
        if let mark, mark.done {
            let formatter = DateFormatter()
            formatter.timeZone = app.context.timeZone
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "dd-MM HH:mm"
            parts.append(app.t(L.markedBy(mark.by, formatter.string(from: mark.at))))
        }
        if let review {
            parts.append(app.t(review.confirmed ? L.confirmedBy(review.by) : L.reopenedBy(review.by, review.reason ?? "")))
        }
        return parts.joined(separator: "; ")
    }
}
