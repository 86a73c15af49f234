import Foundation
import IPASNCore

/// The changes of one employee import as its rows go in (``EmployeeImportChangesStore``):
/// each added or changed employee becomes one row of `import_pegawai_changes` under the
/// import's audit id (``importID``, reserved before the first row and given to the import's
/// audit row at the end), and only the counts and the first few changes stay in memory.
package struct EmployeeImportChangeLog {
    /// The table's columns, in the order of ``row(line:old:new:)``'s arguments.
    package static let columns = "import_id, seq, line, nip, old_unit, new_unit, old_value, new_value"
    package static let columnCount = 8
    /// How many changed employees an import's outcome keeps to show (the command line lists
    /// 10, the workstation 3); a dry run keeps every one (`--dry-run` lists them all).
    package static let sampleSize = 20

    /// The audit id the import's audit row gets.
    package let importID: Int64
    /// Employees added so far.
    package private(set) var added = 0
    /// Existing employees changed so far.
    package private(set) var changed = 0
    /// The first changed employees (every one when ``keepsAll``), with their lines.
    package private(set) var sample: [PegawaiChange] = []
    private let keepsAll: Bool

    package init(importID: Int64, keepsAll: Bool) {
        self.importID = importID
        self.keepsAll = keepsAll
    }

    /// The next row's arguments (``columns``) for an employee the import adds (`old` nil) or
    /// changes; counted, and sampled when it is a change.
    package mutating func row(line: Int, old: Pegawai?, new: Pegawai) throws -> SQLArguments {
        let seq = added + changed
        if let old {
            changed += 1
            if keepsAll || sample.count < Self.sampleSize { sample.append(PegawaiChange(line: line, old: old, new: new)) }
        } else {
            added += 1
        }
        return [
            importID, seq, line, new.nip, old?.kodeUnit, new.kodeUnit, try old.map { try RecordRows.json($0) },
            try RecordRows.json(new),
        ]
    }
}

extension SQLStore {
    /// Rows read per query when an undo or redo walks an import's changes (a page in memory).
    static var employeeImportChangePage: Int { 500 }

    /// ``EmployeeImportChangesStore/employeeImportChanges(of:offset:limit:)`` in a transaction.
    package func sqlEmployeeImportChanges(of entry: AuditEntry, offset: Int, limit: Int, _ db: Connection) throws
        -> [ImportChange<Pegawai>]
    {
        guard entry.action == .import, case .importSummary(let summary)? = entry.new, summary.kind == .pegawai else { return [] }
        let offset = max(0, offset)
        guard limit > 0 else { return [] }
        if let inline = summary.pegawaiChanges {
            guard offset < inline.count else { return [] }
            return Array(inline[offset..<min(inline.count, offset + min(limit, inline.count))])
        }
        guard summary.pegawaiAdded != nil, try sqlHasTable("import_pegawai_changes", db) else { return [] }
        return try employeeImportChangePage(entry.id, from: offset, to: offset + min(limit, Int(Int32.max)), descending: false, db)
            .map(\.change)
    }

    /// Calls `body` with every change of the import audited as `importID`, in file order or
    /// (`reversed`) the reverse, a page at a time: the import's changes are never all in memory.
    func forEachEmployeeImportChange(
        _ importID: Int64, reversed: Bool, _ db: Connection, _ body: (ImportChange<Pegawai>) throws -> Void
    ) throws {
        let page = Self.employeeImportChangePage
        if reversed {
            var below = Int.max
            while true {
                let rows = try employeeImportChangePage(importID, from: 0, to: below, descending: true, limit: page, db)
                for row in rows { try body(row.change) }
                guard rows.count == page, let last = rows.last else { return }
                below = last.seq
            }
        } else {
            var from = 0
            while true {
                let rows = try employeeImportChangePage(importID, from: from, to: Int.max, descending: false, limit: page, db)
                for row in rows { try body(row.change) }
                guard rows.count == page, let last = rows.last else { return }
                from = last.seq + 1
            }
        }
    }

    /// The import's changes with `seq` in `from ..< to`, ascending or descending, at most `limit`.
    private func employeeImportChangePage(
        _ importID: Int64, from: Int, to: Int, descending: Bool, limit: Int? = nil, _ db: Connection
    ) throws -> [(seq: Int, change: ImportChange<Pegawai>)] {
        // `seq` is a 32-bit column on PostgreSQL, which types the parameter as one too.
        let upper = min(to, Int(Int32.max))
        let count = limit ?? max(0, upper - from)
        guard count > 0 else { return [] }
        let decoder = JSONDecoder()
        return try db.fetchAll(
            sql: """
                SELECT seq, old_value, new_value FROM import_pegawai_changes
                WHERE import_id = ? AND seq >= ? AND seq < ? ORDER BY seq \(descending ? "DESC" : "ASC") LIMIT ?
                """, arguments: [importID, from, upper, count]
        ).map { row in
            func pegawai(_ text: String) throws -> Pegawai {
                do { return try decoder.decode(Pegawai.self, from: Data(text.utf8)) } catch {
                    throw StoreError.corrupt("import_pegawai_changes \(importID): an unreadable employee")
                }
            }
            let seq: Int = row[0]
            let old: String? = row.string(1)
            let new: String = row[2]
            return (seq, ImportChange(old: try old.map(pegawai), new: try pegawai(new)))
        }
    }
}
