import Foundation
import IPASNCore
import IPASNStore

/// Copies a whole database, table by table (``ExportedTable``s from the SQLite store), into an
/// empty PostgreSQL database, in ONE transaction under the write lock: all of it or nothing.
/// `ipasn migrate --to postgresql://...` drives it and then proves the copy through the
/// `Store` protocol (scores, unit figures, audit, `check`).
///
/// ```swift
/// let target = try PostgresCopy(conninfo)
/// try sqlite.exportTables(order: PostgresCopy.tableOrder) { try target.copy($0) }
/// let report = try target.finish()
/// ```
public final class PostgresCopy: CopyTarget {
    /// Parents before children, as the foreign keys need them.
    public static let tableOrder = TableCopy.order
    /// Columns named differently in PostgreSQL (reserved words there).
    static let renamed: [String: [String: String]] = [
        "progress": ["by": "marked_by"], "batches": ["count": "record_count"], "progress_review": ["by": "reviewed_by"],
        "verification": ["by": "verified_by"],
    ]
    static let bookkeeping = TableCopy.bookkeeping

    /// What was copied.
    public typealias Report = TableCopyReport

    private let connection: PGConnection
    private let displayName: String
    private var report = Report()
    /// Ids ever handed out per table, from the source's sequence table.
    private var usedIDs: [String: Int64] = [:]
    private var finished = false
    /// The ids the target had used when the copy began (``JoinRemap`` continues above them).
    public private(set) var used = UsedIDs(records: 0, audit: 0, batches: 0, exportBatches: 0, cachedYears: [])

    /// Connects, creates the ipasn schema when the database is empty, refuses a database that
    /// already holds any ipasn data (unless `joining`: ``DatabaseJoin``), and starts the
    /// copy's transaction.
    public init(_ conninfo: String, joining: Bool = false) throws {
        displayName = PostgresStore.displayName(conninfo)
        try PostgresStore.prepareSchema(conninfo)
        do {
            connection = try PGConnection(conninfo: conninfo)
            try connection.execute(sql: "BEGIN")
            try connection.execute(
                sql: "SELECT pg_advisory_xact_lock(?::int4, ?::int4)",
                arguments: [PostgresSchema.writeLockKey.0, PostgresSchema.writeLockKey.1])
            for table in Self.tableOrder where !Self.bookkeeping.contains(table) && !joining {
                if try Bool.fetchOne(connection, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true {
                    throw PostgresCopyError.targetNotEmpty(database: displayName, table: table)
                }
            }
            func highest(_ table: String) throws -> Int64 {
                try Int64.fetchOne(
                    connection,
                    sql: """
                        SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(table)),
                                        COALESCE(pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass), 0))
                        """, arguments: [table]) ?? 0
            }
            used = UsedIDs(
                records: try ["pendidikan", "diklat", "skp", "disiplin"].map(highest).max() ?? 0, audit: try highest("audit"),
                batches: try highest("batches"), exportBatches: try highest("export_batches"),
                cachedYears: try Int.fetchAll(connection, sql: "SELECT year FROM score_year ORDER BY year"))
        } catch let error as PGError {
            throw PostgresStore.translate(error, displayName)
        }
    }

    deinit {
        if !finished { _ = try? connection.execute(sql: "ROLLBACK") }
    }

    /// Copies one table (with `COPY`), checking that it and its columns exist in the target.
    public func copy(_ table: ExportedTable) throws {
        if table.name == "sqlite_sequence" {
            while let row = try table.next() {
                if let name = row.first ?? nil, let seq = row.count > 1 ? row[1].flatMap({ Int64($0) }) : nil {
                    usedIDs[name] = seq
                }
            }
            return
        }
        if Self.bookkeeping.contains(table.name) { return }
        do {
            let known = try String.fetchAll(
                connection,
                sql: "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?",
                arguments: [table.name])
            guard !known.isEmpty else { throw PostgresCopyError.unknownTable(table.name) }
            let columns = table.columns.map { Self.renamed[table.name]?[$0] ?? $0 }
            if let missing = columns.first(where: { !known.contains($0) }) {
                throw PostgresCopyError.unknownColumn(table: table.name, column: missing)
            }
            var years: [Int] = []
            let before = try Int.fetchOne(connection, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0
            let copied = try connection.copyIn(table: table.name, columns: columns) {
                let row = try table.next()
                if table.name == "score_year", let text = row?.first ?? nil, let year = Int(text) { years.append(year) }
                return row
            }
            if table.name == "score_year" { report.cachedYears = years.sorted() }
            let stored = (try Int.fetchOne(connection, sql: "SELECT COUNT(*) FROM \(table.name)") ?? -1) - before
            guard stored == copied else { throw PostgresCopyError.countMismatch(table: table.name, copied: copied, stored: stored) }
            report.tables.append((table.name, copied))
        } catch let error as PGError {
            throw PostgresStore.translate(error, displayName)
        }
    }

    /// Moves every id sequence past the ids the source ever used (deleted ones included, so
    /// none is handed out again) and commits. Returns what was copied.
    public func finish() throws -> Report {
        do {
            for (table, _) in report.tables {
                guard
                    try Bool.fetchOne(
                        connection,
                        sql: """
                            SELECT EXISTS (SELECT 1 FROM information_schema.columns
                                           WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'id')
                            """, arguments: [table]) == true,
                    try String.fetchOne(connection, sql: "SELECT pg_get_serial_sequence(?, 'id')", arguments: [table]) != nil
                else { continue }
                let highest = max(
                    try Int64.fetchOne(connection, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0, usedIDs[table] ?? 0)
                // Forward only, through the owner's function: no account may `setval` itself.
                try connection.execute(sql: PostgresSchema.advanceSequenceSQL, arguments: [table, highest])
            }
            try connection.execute(sql: "COMMIT")
            finished = true
            return report
        } catch let error as PGError {
            throw PostgresStore.translate(error, displayName)
        }
    }
}

/// The copy's refusals, shared with the SQLite target (``TableCopyError``).
public typealias PostgresCopyError = TableCopyError
