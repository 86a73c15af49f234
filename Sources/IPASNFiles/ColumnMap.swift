import Foundation
import IPASNCore
import IPASNStore

/// A header the importer does not know, with the known column nearest to it.
public struct UnknownHeader: Hashable, Sendable {
    /// The header as written.
    public var header: String
    /// The column's position, as a spreadsheet letter (`A`, `AB`).
    public var column: String
    /// The known column whose name or alias is nearest (edit distance).
    public var suggestion: String?

    public init(header: String, column: String, suggestion: String?) {
        self.header = header
        self.column = column
        self.suggestion = suggestion
    }
}

/// Which column of a file holds which known field, read from its header row.
///
/// Headers are matched with ``HeaderAliases``. Empty headers are ignored (Excel's trailing
/// empty columns). An unknown header is ignored when no known column is near it (a `No` or
/// `Keterangan` column) but refused when it looks like a misspelt column the file lacks
/// (`Tangal Mulai`), and named with its nearest known column whenever a required column is
/// missing, so the message says what to rename.
public struct ColumnMap: Sendable {
    /// For each column of the file, the known field it holds (nil: ignored).
    public let names: [String?]
    /// How many columns the header really has: up to its last non-empty name (Excel often
    /// writes empty columns after it).
    public let width: Int
    /// Ignored headers that contain the name or an alias of a column the file lacks
    /// (`Jabatan/Jenjang` and `jenjang`), each with that column as its suggestion: the import
    /// reads them as nothing, so the review names them once (``ImportReport/lookalikeHeaders``)
    /// rather than every row saying the column is empty.
    public let lookalikes: [UnknownHeader]

    /// - Throws: ``ImportFileError`` when a required column is missing, a header looks like a
    ///   misspelt known column, or two headers name the same column.
    public init(header: [String], kind: ImportKind) throws {
        var names: [String?] = []
        var unknown: [UnknownHeader] = []
        var seen: [String: String] = [:]
        for (index, text) in header.enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !HeaderAliases.key(trimmed).isEmpty else {
                names.append(nil)
                continue
            }
            if let column = HeaderAliases.column(for: trimmed, kind: kind) {
                if let first = seen[column] {
                    throw ImportFileError.duplicateColumn(kind: kind, column: column, headers: [first, trimmed])
                }
                seen[column] = trimmed
                names.append(column)
            } else {
                names.append(nil)
                let nearest = HeaderAliases.nearest(to: trimmed, kind: kind)
                unknown.append(
                    UnknownHeader(header: trimmed, column: CellReference.letters(index), suggestion: nearest?.column))
            }
        }
        // A SIASN field stands in for the ipasn columns it fills (SIASNImportFields).
        let present = Set(names.compactMap { $0 } + names.compactMap { $0 }.flatMap { SIASNImportFields.standsFor($0, kind: kind) })
        let missing = kind.requiredColumns.filter { !present.contains($0) }
        // A near miss of a column the file lacks is a typo, not an extra column.
        let typos = unknown.filter { item in
            guard let suggestion = item.suggestion, !present.contains(suggestion),
                let nearest = HeaderAliases.nearest(to: item.header, kind: kind)
            else { return false }
            return nearest.distance <= Self.typoLimit(HeaderAliases.key(item.header))
        }
        // The row-number column of Excel templates (`No`, `No.`, `Nomor Urut`) and the
        // employee's name beside the NIP (`Nama Pegawai` in a diklat file) are ignored quietly:
        // never named as unknown columns, even when a required one is missing.
        let named = unknown.filter { !Self.isIgnoredQuietly($0.header) }
        if !missing.isEmpty && !named.isEmpty {
            throw ImportFileError.unknownColumns(kind: kind, unknown: named, missing: missing)
        }
        if !missing.isEmpty {
            throw ImportFileError.missingColumns(kind: kind, missing: missing, expected: kind.columns)
        }
        if !typos.isEmpty { throw ImportFileError.unknownColumns(kind: kind, unknown: typos, missing: []) }
        self.names = names
        lookalikes = unknown.compactMap { item in
            guard let column = HeaderAliases.containedColumn(in: item.header, kind: kind), !present.contains(column) else {
                return nil
            }
            return UnknownHeader(header: item.header, column: item.column, suggestion: column)
        }
        width = (header.lastIndex { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? -1) + 1
    }

    /// The keys (``HeaderAliases/key(_:)``: `No.` is `no`) of the headers a unit's sheet carries
    /// for its readers, which no import reads when its kind has no such column: the row number
    /// and the employee's name beside the NIP.
    static let quietKeys: Set<String> = [
        "no", "nomor", "nourut", "nomorurut", "urut", "nomer", "nr", "namapegawai", "namaasn", "namalengkap", "namapns",
    ]

    /// Whether an unknown header is one of ``quietKeys``.
    static func isIgnoredQuietly(_ header: String) -> Bool { quietKeys.contains(HeaderAliases.key(header)) }

    /// How many edits still make a misspelling: 1 for short names, a quarter of longer ones.
    static func typoLimit(_ key: String) -> Int {
        key.count <= 4 ? 1 : max(2, key.count / 4)
    }
}
