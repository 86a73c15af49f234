import IPASNCore
import IPASNStore

/// The bulk SKP grid's cells and cursor (no drawing, no store): one row per employee with
/// the year's SKP fields (predikat, nilai), moved through like a spreadsheet. A row left
/// empty is not saved.
struct SKPGrid: Sendable {
    struct Row: Sendable {
        let records: StoredEmployeeRecords
        /// The employee's SKP of the year as stored, if any (a new one would be a duplicate).
        let current: SKP?
        var predikat = ""
        var nilai = ""
        var pegawai: Pegawai { records.pegawai }
        var isEmpty: Bool { predikat.isEmpty && nilai.isEmpty }
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

    init(year: Int, employees: [StoredEmployeeRecords]) {
        self.year = year
        rows = employees.map { records in Row(records: records, current: records.skp.first { $0.value.tahun == year }?.value) }
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

    /// Every filled row's problem (the first issue), by row.
    func problems(parser: RecordParser) -> [(row: Int, issue: ValidationIssue)] {
        rows.indices.compactMap { index in
            if case .failure(let failure)? = record(index, parser: parser), let issue = failure.issues.first { return (index, issue) }
            return nil
        }
    }
}

/// What the filled rows change: each employee's score before -> after (in memory, as the
/// form's preview), whether it would be saved (not when the year's SKP is there already),
/// and the unit's mean before -> after.
struct SKPGridReview: Sendable {
    struct Line: Sendable {
        let pegawai: Pegawai
        let record: SKP
        let before: EmployeeScore
        let after: EmployeeScore
        /// The year's SKP is stored already: not saved (change it on the employee's page).
        let existing: SKP?
        var saved: Bool { existing == nil }
    }

    let lines: [Line]
    let unitTotals: ScoreTotals?

    init(grid: SKPGrid, parser: RecordParser, engine: ScoringEngine, unitTotals: ScoreTotals?) {
        var lines: [Line] = []
        for index in grid.rows.indices {
            guard case .success(let skp)? = grid.record(index, parser: parser) else { continue }
            let row = grid.rows[index]
            let preview = LivePreview(engine: engine, year: grid.year, records: row.records, editing: nil, unitTotals: nil)
            let outcome = preview.outcome(for: row.current == nil ? .skp(skp) : nil)
            lines.append(Line(pegawai: row.pegawai, record: skp, before: outcome.before, after: outcome.after, existing: row.current))
        }
        self.lines = lines
        self.unitTotals = unitTotals
    }

    var toSave: [Record] { lines.filter(\.saved).map { .skp($0.record) } }

    var unitBefore: Double? {
        guard let unitTotals, unitTotals.pegawai > 0 else { return nil }
        return unitTotals.meanTotal
    }

    var unitAfter: Double? {
        guard let unitTotals, unitTotals.pegawai > 0 else { return nil }
        let delta = lines.filter { $0.saved && $0.pegawai.aktif }.reduce(0.0) { $0 + $1.after.total - $1.before.total }
        return (unitTotals.total + delta) / Double(unitTotals.pegawai)
    }
}
