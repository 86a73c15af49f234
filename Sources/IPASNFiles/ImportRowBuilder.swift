import IPASNCore
import IPASNStore

/// Turns the fields of one row of an import file (CSV or .xlsx) into an ``ImportRow``: the one
/// path every file format's rows take, so validation and messages are the same for all.
///
/// - a row whose fields are all empty (`;;;;;;`) is skipped (nil);
/// - empty fields after the header's last column are ignored (Excel's trailing columns);
///   a non-empty one there, or (with `padShortRows` false, for CSV) a row with fewer fields
///   than the header, is a field-count error;
/// - ``ExcelHabits`` are undone, then ``RecordParser`` parses the row; a habit's message
///   replaces the parser's for the same field.
public struct ImportRowBuilder: Sendable {
    public let kind: ImportKind
    public let columns: ColumnMap
    let parser: RecordParser
    /// Whether a row may end before the header does (.xlsx rows omit empty trailing cells).
    let padShortRows: Bool
    /// The columns read, each with its field: a row's fields are put in place by index.
    private let slots: [(column: Int, field: RecordField?, name: String)]

    public init(kind: ImportKind, columns: ColumnMap, today: LocalDate, padShortRows: Bool) {
        self.kind = kind
        self.columns = columns
        parser = RecordParser(today: today)
        self.padShortRows = padShortRows
        slots = columns.names.enumerated().compactMap { column, name in
            name.map { (column, RecordField(name: $0), $0) }
        }
    }

    /// The row at `line`, or nil for a blank row.
    public func row(line: Int, fields: [String]) -> Line<ImportRow>? {
        guard fields.contains(where: { !Self.isBlank($0) }) else { return nil }
        let width = columns.width
        if fields.count > width, fields[width...].contains(where: { !Self.isBlank($0) }) {
            return Line(line, .invalid(ValidationFailure([Self.fieldCount(Self.lastFilled(fields), width)])))
        }
        if fields.count < width && !padShortRows {
            return Line(line, .invalid(ValidationFailure([Self.fieldCount(fields.count, width)])))
        }
        var values = RecordFields()
        for slot in slots where slot.column < fields.count {
            if let field = slot.field { values[field] = fields[slot.column] } else { values[slot.name] = fields[slot.column] }
        }
        let codes = SIASNImportFields.normalize(&values, kind: kind, today: parser.validator.today)
        let habits = codes + ExcelHabits.normalize(&values, kind: kind)
        let row = parse(values)
        guard !habits.isEmpty else { return Line(line, row) }
        let fixed = Set(habits.flatMap { [$0.field] + SIASNImportFields.standsFor($0.field, kind: kind) })
        var issues = habits
        if case .invalid(let failure) = row { issues += failure.issues.filter { !fixed.contains($0.field) } }
        return Line(line, .invalid(ValidationFailure(issues)))
    }

    private func parse(_ fields: RecordFields) -> ImportRow {
        switch kind {
        case .units:
            switch parser.unit(fields) {
            case .success(let unit): return .unit(unit)
            case .failure(let failure): return .invalid(failure)
            }
        case .pegawai:
            switch parser.pegawai(fields) {
            case .success(let (pegawai, _)): return .pegawai(pegawai)
            case .failure(let failure): return .invalid(failure)
            }
        case .pendidikan, .diklat, .skp, .disiplin:
            switch parser.record(kind.recordKind!, fields) {
            case .success(let record): return .record(record)
            case .failure(let failure): return .invalid(failure)
            }
        }
    }

    static func isBlank(_ field: String) -> Bool {
        field.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    static func lastFilled(_ fields: [String]) -> Int {
        (fields.lastIndex { !isBlank($0) } ?? -1) + 1
    }

    static func fieldCount(_ actual: Int, _ expected: Int) -> ValidationIssue {
        ValidationIssue(
            field: "",
            code: .custom(
                id: "Baris ini punya \(actual) kolom, judulnya \(expected). Periksa pemisah atau tanda kutip.",
                en: "The row has \(actual) fields but the header has \(expected). Check separators and quotes."))
    }
}
