import IPASNCore
import IPASNStore
import IPASNTerminal

/// Before a bulk entry is saved: every participant with what the course changes for them
/// (kompetensi and total before -> after), marked when it would be a duplicate (not saved
/// again), when it changes nothing, or when a course with a similar name is already there;
/// and the unit's mean before -> after. Ctrl-S saves all in one transaction.
final class BulkReviewView: View {
    let form: BulkCourseView
    private(set) var review: BulkReview
    private var cursor: ScrollList
    private var failure: String?

    init(form: BulkCourseView, review: BulkReview) {
        self.form = form
        self.review = review
        cursor = ScrollList(count: review.lines.count, height: 1)
    }

    var context: KeyContext { .review }
    var keyBar: [Command] { [.save, .toggleSelect, .back, .help] }
    var status: (text: String, style: Style)? { failure.map { ($0, .error) } }

    /// The panel under the form and the head of the review: who changes, who is skipped,
    /// and the unit's mean before -> after.
    static func summaryLines(_ review: BulkReview, app: App) -> [(text: String, style: Style)] {
        let language = app.language
        var lines: [(String, Style)] = []
        let changes = review.count(.changes)
        lines.append((app.t(L.bulkChanges(changes, of: review.lines.count)), changes > 0 ? .highlight : .normal))
        let left = review.lines.filter { $0.status != .duplicate && review.excluded.contains($0.pegawai.nip) }.count
        if left > 0 { lines.append((app.t(L.bulkLeftOut(left)), .warning)) }
        let duplicates = review.count(.duplicate)
        if duplicates > 0 { lines.append((app.t(L.bulkDuplicates(duplicates)), .warning)) }
        let unchanged = review.count(.unchanged)
        if unchanged > 0 { lines.append((app.t(L.bulkUnchanged(unchanged)), .dim)) }
        if review.similarCount > 0 { lines.append((app.t(L.bulkSimilar(review.similarCount)), .warning)) }
        if let before = review.unitBefore, let after = review.unitAfter {
            var unit = "\(language.t(L.unitMean)) \(language.mean(before)) -> \(language.mean(after))"
            if abs(after - before) >= 0.005 { unit += " (\(language.meanDelta(from: before, to: after)))" }
            lines.append((unit, abs(after - before) >= 0.005 ? .highlight : .normal))
        }
        return lines
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .save:
            save(app: app)
        case .toggleSelect:
            // Space leaves a participant out (someone who did not come after all), or back in.
            guard !review.lines.isEmpty else { return true }
            let nip = review.lines[cursor.selection].pegawai.nip
            if review.excluded.remove(nip) == nil { review.excluded.insert(nip) }
            _ = cursor.move(.moveDown)
        default:
            return false
        }
        return true
    }

    private func save(app: App) {
        let records = review.toSave
        guard !records.isEmpty else {
            failure = app.t(L.bulkNothingToSave)
            return
        }
        do {
            let result = try app.store.addBatch(records, label: review.label)
            app.discardDraft(of: form)
            form.saved()
            app.pop(to: form.source)
            form.source.bulkSaved(app: app)
            var text = app.t(L.bulkSaved(review.label, result.ids.count))
            let skipped = review.count(.duplicate)
            if skipped > 0 { text += " " + app.t(L.bulkSkipped(skipped)) }
            if let before = review.unitBefore, let after = review.unitAfter {
                text += " \(app.t(L.unitMean)) \(app.language.mean(before)) -> \(app.language.mean(after))."
            }
            app.inform(text)
        } catch let refused as BatchRefused {
            let names = refused.refusals.map { refusal in
                let name = review.lines.first { $0.pegawai.nip == refusal.nip }?.pegawai.nama ?? refusal.nip
                return name + ": " + (refusal.issues.first?.message(app.language) ?? "")
            }
            failure = app.t(L.bulkRefused(refused.refusals.count)) + " " + names.joined(separator: "; ")
        } catch let invalid as ValidationFailure {
            failure = invalid.message(app.language)
        } catch {
            failure = app.storeFailureText(error)
        }
    }

    // MARK: Drawing

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        let language = app.language
        Draw.title(&grid, app.t(L.bulkReviewTitle(review.label, review.lines.count)), right: "\(app.t(L.labelYear)) \(app.year) ")
        let event = Self.eventLine(review, app: app).map { [(text: $0, style: Style.highlight)] } ?? []
        let head = event + Self.summaryLines(review, app: app)
        for (offset, line) in head.enumerated() {
            grid.put(line.text, row: 1 + offset, col: 1, style: line.style, maxWidth: grid.width - 2)
        }
        let top = 1 + head.count
        let table = Table(
            [
                .init(width: .fixed(1)),
                .init(language.t(L.colNIP), width: .fixed(18), gap: 0),
                .init(language.t(L.colName), width: .fill(minimum: 8)),
                .init(language.t(L.dimShort[review.dimension]!), width: .fixed(11), alignment: .right),
                .init(language.t(L.colTotal), width: .fixed(11), alignment: .right),
                .init(language.t(L.bulkColNote), width: .fixed(13)),
            ], width: grid.width)
        table.drawHeader(into: &grid, row: top, col: 0)
        // The last row explains the selected line (which course it resembles).
        for (offset, index) in cursor.visible(height: rows - top - 2).enumerated() {
            let line = review.lines[index]
            let note: Table.Cell
            let left = review.excluded.contains(line.pegawai.nip)
            switch line.status {
            case _ where left && line.status != .duplicate: note = .init(language.t(L.bulkNoteLeftOut), style: .dim)
            case .duplicate: note = .init(language.t(L.bulkNoteDuplicate), style: .warning)
            case .unchanged: note = .init(language.t(L.bulkNoteUnchanged), style: .dim)
            case .changes: note = line.similar != nil ? .init(language.t(L.bulkNoteSimilar), style: .warning) : .init("")
            }
            let mark: Table.Cell = review.saves(line) ? .init("+", style: .highlight) : .init("-", style: .warning)
            table.draw(
                [
                    mark, .init(line.pegawai.nip), .init(line.pegawai.nama),
                    .init(Self.change(line.before[review.dimension], line.after[review.dimension], language)),
                    .init(Self.change(line.before.total, line.after.total, language)), note,
                ], into: &grid, row: top + 1 + offset, col: 0, selected: index == cursor.selection)
        }
        if !review.lines.isEmpty {
            let line = review.lines[cursor.selection]
            let detail: String
            if line.status == .duplicate {
                detail = app.t(L.bulkDetailDuplicate(line.pegawai.nama))
            } else if review.excluded.contains(line.pegawai.nip) {
                detail = app.t(L.bulkDetailLeftOut(line.pegawai.nama))
            } else if let similar = line.similar {
                detail = app.t(L.bulkDetailSimilar(line.pegawai.nama, similar.nama, similar.tanggalMulai.dayFirst))
            } else {
                detail = app.t(L.bulkDetailSave)
            }
            grid.put(detail, row: rows - 1, col: 1, style: line.similar != nil || line.status == .duplicate ? .warning : .dim, maxWidth: grid.width - 2)
        }
    }

    /// What is being saved, beside its name in the title: a course's dates, JP, jenis and
    /// penyelenggara; a pendidikan's graduation date. A wrong date is seen before the save.
    static func eventLine(_ review: BulkReview, app: App) -> String? {
        switch review.template {
        case .diklat(let course):
            let dates = app.t(L.courseDates(course.tanggalMulai.dayFirst, course.tanggalSelesai.dayFirst))
            return app.t(L.bulkReviewCourse(dates: dates, jp: course.jp, jenis: course.jenis.nama, penyelenggara: course.penyelenggara))
        case .pendidikan(let p):
            return p.tanggalLulus.map { app.t(L.bulkReviewGraduation($0.dayFirst)) }
        case .skp, .disiplin:
            return nil
        }
    }

    /// `17,5→40`, or just `40` when nothing moves.
    static func change(_ before: Double, _ after: Double, _ language: Language) -> String {
        abs(after - before) < 0.0001 ? language.points(after) : "\(language.points(before))→\(language.points(after))"
    }
}
