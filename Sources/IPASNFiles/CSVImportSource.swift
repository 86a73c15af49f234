import IPASNCore
import IPASNStore

/// An ``ImportRowSource`` over a CSV file: each record is parsed with ``RecordParser`` as it
/// is read, so the store consumes the file one row at a time.
///
/// `@unchecked Sendable`: the reader is a class with mutable state, used by one thread at a
/// time: the source is handed whole to the reading thread of ``PrefetchingRowSource``, and
/// ``CSVReader/isWindows1252`` is read only after that thread has delivered the end.
public struct CSVImportSource: ImportRowSource, @unchecked Sendable {
    public let kind: ImportKind
    /// The header's fields as written (for the rejected-rows file).
    public let header: [String]
    let reader: CSVReader
    let parser: RecordParser
    /// For each column of the file, the known column name it holds (nil: ignored).
    private let names: [String?]

    /// Opens `path` and reads its header (names in any order and case; unknown ones ignored).
    /// - Throws: ``ImportFileError`` for an empty file or missing required columns, or a read error.
    public init(kind: ImportKind, path: String, today: LocalDate) throws {
        reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw ImportFileError.empty(path: path) }
        self.header = header.fields
        let known = Set(kind.columns)
        names = header.fields.map { text in
            let name = text.trimmingCharacters(in: .whitespaces).lowercased()
            return known.contains(name) ? name : nil
        }
        let present = Set(names.compactMap { $0 })
        let missing = kind.requiredColumns.filter { !present.contains($0) }
        if !missing.isEmpty { throw ImportFileError.missingColumns(kind: kind, missing: missing, expected: kind.columns) }
        self.kind = kind
        parser = RecordParser(today: today)
    }

    public mutating func next() throws -> Line<ImportRow>? {
        guard let record = try reader.next() else { return nil }
        guard record.fields.count == names.count else {
            return Line(record.line, .invalid(ValidationFailure([Self.fieldCount(record.fields.count, names.count)])))
        }
        var fields: [String: String] = Dictionary(minimumCapacity: names.count)
        for (index, name) in names.enumerated() {
            if let name { fields[name] = record.fields[index] }
        }
        return Line(record.line, parse(fields))
    }

    private func parse(_ fields: [String: String]) -> ImportRow {
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

    static func fieldCount(_ actual: Int, _ expected: Int) -> ValidationIssue {
        ValidationIssue(
            field: "",
            code: .custom(
                id: "Baris ini punya \(actual) kolom, judulnya \(expected). Periksa pemisah atau tanda kutip.",
                en: "The row has \(actual) fields but the header has \(expected). Check separators and quotes."))
    }
}
