import Foundation
import IPASNCore
import IPASNStore

/// The bulk SKP grid's cells and cursor (no drawing, no store): one row per employee with
/// the year's SKP fields (predikat, nilai), moved through like a spreadsheet. A row left
/// empty is not saved. A row whose employee has the year's SKP already shows it, and what
/// the row's input does to it is the admin's explicit choice (``Decision``): until then the
/// row is not saved.
struct SKPGrid: Sendable {
    /// What the admin chose for a row whose employee has the year's SKP already.
    enum Decision: Sendable, Hashable {
        /// Ganti: the typed SKP replaces the stored one (an edit, with the lost-update check).
        case replace
        /// Biarkan: the stored SKP stays; the row is skipped.
        case keep
    }

    /// What saving the grid would do with a row.
    enum Plan: Sendable, Hashable {
        /// Nothing: an empty row (with or without a stored SKP, which then stays).
        case nothing
        /// A new SKP (the employee has none for the year).
        case new
        /// The stored SKP replaced by the typed one.
        case replace
        /// The stored SKP kept (biarkan), whatever is typed.
        case keep
        /// Typed over a stored SKP without a choice: not saved until the admin chooses.
        case undecided
        /// Typed exactly what is stored (the same predikat, the same nilai or none typed):
        /// nothing to write and nothing to choose; not an edit.
        case unchanged
    }

    struct Row: Sendable {
        let pegawai: Pegawai
        /// The employee's SKP of the year as stored when the grid read it (or read it again
        /// after a refused save), with its id.
        var current: StoredRecord<SKP>?
        var predikat = ""
        var nilai = ""
        var decision: Decision?
        /// Set when a save was refused because another admin changed this row's SKP (their
        /// login; empty when unknown): the row shows the new SKP and needs a choice again.
        var changedBy: String?
        var isEmpty: Bool { predikat.isEmpty && nilai.isEmpty }

        var plan: Plan {
            guard let current else { return isEmpty ? .nothing : .new }
            if decision == .keep { return .keep }
            if isEmpty { return .nothing }
            if typedEquals(current.value) { return .unchanged }
            return decision == .replace ? .replace : .undecided
        }

        /// Whether the typed cells say what `stored` holds: the predikat they pick is the
        /// stored one (none typed: none stored), and the nilai is the stored one or not typed
        /// (the grid's usual entry is the predikat alone).
        func typedEquals(_ stored: SKP) -> Bool {
            let typedPredikat = predikat.isEmpty ? nil : SKPGrid.predikat(predikat)
            guard predikat.isEmpty || typedPredikat != nil, typedPredikat == stored.predikat else { return false }
            guard !nilai.isEmpty else { return true }
            let typedNilai = Double(nilai.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
            return typedNilai != nil && typedNilai == stored.nilai
        }
    }

    enum Column: Int, CaseIterable, Sendable {
        case predikat
        case nilai
        var key: String { self == .predikat ? "predikat" : "nilai" }
    }

    let year: Int
    private(set) var rows: [Row]
    var row = 0
    var column = Column.predikat

    /// `existing`: the year's SKP of the employees that have one, by NIP (one read for the
    /// whole grid, ``SKPGridStore/skp(year:nips:)``).
    init(year: Int, employees: [Pegawai], existing: [String: StoredRecord<SKP>]) {
        self.year = year
        rows = employees.map { Row(pegawai: $0, current: existing[$0.nip]) }
    }

    var text: String {
        get { column == .predikat ? rows[row].predikat : rows[row].nilai }
        set {
            if column == .predikat { rows[row].predikat = newValue } else { rows[row].nilai = newValue }
        }
    }

    mutating func type(_ character: Character) {
        guard !rows.isEmpty, text.count < 20 else { return }
        text.append(character)
    }

    mutating func backspace() {
        guard !rows.isEmpty, !text.isEmpty else { return }
        text.removeLast()
    }

    /// Ctrl-U: empties the cell (as in every field).
    mutating func clearCell() {
        guard !rows.isEmpty else { return }
        text = ""
    }

    /// Ctrl-W: deletes the word before the end of the cell, with the spaces after it (as in
    /// every field: the cell's cursor is always at its end).
    mutating func deleteWord() {
        guard !rows.isEmpty else { return }
        var cell = text
        while cell.last == " " { cell.removeLast() }
        while let last = cell.last, last != " " { cell.removeLast() }
        text = cell
    }

    /// Ganti or biarkan for the cursor's row. False when the row's employee has no SKP of
    /// the year (nothing to choose), or for ganti when nothing is typed (nothing to replace with).
    mutating func decide(_ decision: Decision) -> Bool {
        guard !rows.isEmpty, rows[row].current != nil else { return false }
        if decision == .replace && rows[row].isEmpty { return false }
        rows[row].decision = decision
        rows[row].changedBy = nil
        return true
    }

    /// After a refused save: each row's SKP as stored now. A row whose SKP changed (or
    /// appeared, or went) since the grid read it loses its choice and is marked with `by`
    /// (the admin who changed it, when known); its input stays. Returns the rows changed.
    @discardableResult
    mutating func reload(_ existing: [String: StoredRecord<SKP>], changedBy by: [String: String] = [:]) -> [Int] {
        var changed: [Int] = []
        for index in rows.indices {
            let now = existing[rows[index].pegawai.nip]
            guard now != rows[index].current else { continue }
            rows[index].current = now
            rows[index].decision = nil
            rows[index].changedBy = by[rows[index].pegawai.nip] ?? ""
            changed.append(index)
        }
        return changed
    }

    /// The predikat a cell's text picks: the exact name, one of the grid's short codes
    /// (`b` Baik, `sb` Sangat Baik, `c` Cukup, `bp` Butuh Perbaikan, `k` Kurang, `sk` Sangat
    /// Kurang, named in the grid's messages), or the one predikat whose name starts with the
    /// letters typed (`but` Butuh Perbaikan, `bur` Buruk, `sangat b` Sangat Baik). Text that
    /// fits several (`sangat`, `bu`) picks none, as in the form's picker.
    static func predikat(_ text: String) -> Predikat? {
        let fits = predikatMatches(text)
        return fits.count == 1 ? fits[0] : nil
    }

    static let codes: [String: Predikat] = ["b": .baik, "sb": .sangatBaik, "c": .cukup, "bp": .butuhPerbaikan, "k": .kurang, "sk": .sangatKurang]

    /// Every predikat the text could mean (one for an exact name or a code), in list order.
    static func predikatMatches(_ text: String) -> [Predikat] {
        let letters = text.lowercased().filter(\.isLetter)
        guard !letters.isEmpty else { return [] }
        if let exact = Predikat.parse(text) { return [exact] }
        if let code = codes[letters] { return [code] }
        return Predikat.allCases.filter { $0.displayName.lowercased().filter(\.isLetter).hasPrefix(letters) }
    }

    /// A score typed in the predikat cell (`88,5`, `88.5`: the grid's hint says "predikat ...
    /// atau nilai") moves to the row's nilai cell when that is empty; true when it moved.
    mutating func moveScoreToNilai() -> Bool {
        guard !rows.isEmpty, column == .predikat, rows[row].nilai.isEmpty else { return false }
        guard let typed = ScoreInPredikat.score(rows[row].predikat) else { return false }
        rows[row].nilai = typed
        rows[row].predikat = ""
        return true
    }

    /// Leaving a predikat cell writes the chosen name in full; nil when the text picks none
    /// (the cursor then stays).
    mutating func settle() -> Bool {
        guard !rows.isEmpty, column == .predikat, !rows[row].predikat.isEmpty else { return true }
        guard let chosen = Self.predikat(rows[row].predikat) else { return false }
        rows[row].predikat = chosen.displayName
        return true
    }

    mutating func nextRow() { row = min(row + 1, max(0, rows.count - 1)) }
    mutating func previousRow() { row = max(0, row - 1) }

    /// Tab: the next column, then the first column of the next row.
    mutating func nextColumn() {
        if column == .predikat {
            column = .nilai
        } else if row < rows.count - 1 {
            column = .predikat
            row += 1
        }
    }

    mutating func previousColumn() {
        if column == .nilai {
            column = .predikat
        } else if row > 0 {
            column = .nilai
            row -= 1
        }
    }

    /// The record a row would save, parsed as the SKP form parses it: nil for an empty row.
    func record(_ index: Int, parser: RecordParser) -> Result<SKP, ValidationFailure>? {
        let cells = rows[index]
        guard !cells.isEmpty else { return nil }
        var predikat = cells.predikat
        if let chosen = Self.predikat(predikat) { predikat = chosen.rawValue }
        return parser.skp(["nip": cells.pegawai.nip, "tahun": String(year), "predikat": predikat, "nilai": cells.nilai])
    }

    /// The problem (the first issue) of every row that would be saved (new or ganti), by row.
    func problems(parser: RecordParser) -> [(row: Int, issue: ValidationIssue)] {
        rows.indices.compactMap { index in
            guard [.new, .replace].contains(rows[index].plan) else { return nil }
            if case .failure(let failure)? = record(index, parser: parser), let issue = failure.issues.first { return (index, issue) }
            return nil
        }
    }
}
