import Foundation
import GRDB

extension SQLiteStore: JoinStore {
    public func copyTables(joining: Bool, _ fill: (any CopyTarget) throws -> Void) throws -> TableCopyReport {
        try transaction { db in
            let target = try SQLiteTableCopy(db, joining: joining, name: path ?? ":memory:")
            try fill(target)
            try target.finish()
            return target.report
        }
    }
}

/// A table copy into a SQLite database, inside the store's write transaction: rows are
/// inserted as text (SQLite's column affinities give integers and reals back), the target's
/// triggers keep its bookkeeping (unit totals, pending counts, the queue's touches) as they
/// come in, and the id sequences are moved past the source's at the end.
final class SQLiteTableCopy: CopyTarget {
    let used: UsedIDs
    private let db: Database
    private let used0: Int64
    private(set) var report = TableCopyReport()
    /// The source's sequences (``JoinRemap`` moved them above the target's).
    private var sequences: [String: Int64] = [:]

    /// The tables whose rows mean the database holds ipasn data.
    static let data = ["units", "pegawai", "audit", "accounts"]

    init(_ db: Database, joining: Bool, name: String) throws {
        self.db = db
        if !joining {
            for table in Self.data where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true {
                throw TableCopyError.targetNotEmpty(database: name, table: table)
            }
        }
        func highest(_ table: String) throws -> Int64 {
            max(
                try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0,
                try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = ?", arguments: [table])
                    ?? 0)
        }
        let records = try JoinRemap.recordTables.map(highest).max() ?? 0
        used = UsedIDs(
            records: records, audit: try highest("audit"), batches: try highest("batches"),
            exportBatches: try highest("export_batches"),
            cachedYears: try Int.fetchAll(db, sql: "SELECT year FROM score_year ORDER BY year"))
        used0 = records
    }

    func copy(_ table: ExportedTable) throws {
        if table.name == "sqlite_sequence" {
            while let row = try table.next() {
                if let name = row.first ?? nil, let seq = row.count > 1 ? row[1].flatMap({ Int64($0) }) : nil { sequences[name] = seq }
            }
            return
        }
        if TableCopy.bookkeeping.contains(table.name) { return }
        let known = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table.name]).map { $0[0] as String }
        guard !known.isEmpty else { throw TableCopyError.unknownTable(table.name) }
        if let missing = table.columns.first(where: { !known.contains($0) }) {
            throw TableCopyError.unknownColumn(table: table.name, column: missing)
        }
        // The audit rows copied before the records' own marks made marks of the target's
        // trigger (`audit_entry_marks`) above the target's ids: the source's marks replace them.
        if table.name == "entry_marks" { try db.execute(sql: "DELETE FROM entry_marks WHERE upto_id > ?", arguments: [used0]) }
        let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let statement = try db.makeStatement(sql: "INSERT INTO \"\(table.name)\"(\(columns)) VALUES (\(marks))")
        var years: [Int] = []
        var copied = 0
        while let row = try table.next() {
            try statement.execute(arguments: StatementArguments(row.map { $0.map(Self.value) ?? DatabaseValue.null }))
            if table.name == "score_year", let text = row.first ?? nil, let year = Int(text) { years.append(year) }
            copied += 1
        }
        if table.name == "score_year" { report.cachedYears = years.sorted() }
        report.tables.append((table.name, copied))
    }

    /// A text value as the source stored it: SQLite's affinity turns "12" into 12 in an
    /// INTEGER column and leaves it text in a TEXT one.
    private static func value(_ text: String) -> DatabaseValue { text.databaseValue }

    /// Moves every AUTOINCREMENT sequence past the ids the source ever used.
    func finish() throws {
        for (name, seq) in sequences.sorted(by: { $0.key < $1.key }) {
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?)", arguments: [name]) == true
            else { continue }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)", arguments: [name]) == true {
                try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", arguments: [seq, name])
            } else {
                try db.execute(sql: "INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)", arguments: [name, seq])
            }
        }
    }
}
