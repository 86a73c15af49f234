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
public final class PostgresCopy {
    /// Parents before children, as the foreign keys need them.
    public static let tableOrder = [
        "units", "pegawai", "pendidikan", "diklat", "skp", "disiplin", "score_year", "employee_score", "employee_score_entered", "verification", "config",
        "batches", "audit", "import_pegawai_changes", "progress", "progress_review", "drafts", "export_batches", "export_items", "export_deleted",
        "entry_marks", "accounts", "account_units", "sqlite_sequence",
    ]
    /// Columns named differently in PostgreSQL (reserved words there).
    static let renamed: [String: [String: String]] = [
        "progress": ["by": "marked_by"], "batches": ["count": "record_count"], "progress_review": ["by": "reviewed_by"],
        "verification": ["by": "verified_by"],
    ]
    /// The source's own bookkeeping, which has no place in the target (its schema version is
    /// the target's `schema_migrations`; its id sequences are read for the target's).
    /// `unit_score_totals` is the per-unit sum of the cached scores, kept by triggers on both
    /// engines: PostgreSQL's own triggers fill its table as the scores are copied; so is
    /// `unit_pending_counts` (the pending records per unit), filled as the records are copied.
    /// `record_touch` and `touch_ranges` index the audit log for the verifikator's queue: the
    /// target's own audit trigger (migration `2026-11-30-pgqueue`) fills them as the log is copied.
    /// `queue_waiting` (the records waiting for verification per unit) is filled by the
    /// target's own triggers (`2026-11-30-pgqueue2`) as employees, records and verdicts are copied.
    static let bookkeeping: Set<String> = [
        "grdb_migrations", "sqlite_sequence", "unit_score_totals", "unit_pending_counts", "record_touch", "touch_ranges",
        "queue_waiting",
    ]

    /// What was copied.
    public struct Report: Sendable {
        /// Every copied table with its row count, in copy order.
        public var tables: [(name: String, rows: Int)] = []
        /// The years whose scores the source had cached (copied with them).
        public var cachedYears: [Int] = []
    }

    private let connection: PGConnection
    private let displayName: String
    private var report = Report()
    /// Ids ever handed out per table, from the source's sequence table.
    private var usedIDs: [String: Int64] = [:]
    private var finished = false

    /// Connects, creates the ipasn schema when the database is empty, refuses a database that
    /// already holds any ipasn data, and starts the copy's transaction.
    public init(_ conninfo: String) throws {
        displayName = PostgresStore.displayName(conninfo)
        try PostgresStore.prepareSchema(conninfo)
        do {
            connection = try PGConnection(conninfo: conninfo)
            try connection.execute(sql: "BEGIN")
            try connection.execute(
                sql: "SELECT pg_advisory_xact_lock(?::int4, ?::int4)",
                arguments: [PostgresSchema.writeLockKey.0, PostgresSchema.writeLockKey.1])
            for table in Self.tableOrder where !Self.bookkeeping.contains(table) {
                if try Bool.fetchOne(connection, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true {
                    throw PostgresCopyError.targetNotEmpty(database: displayName, table: table)
                }
            }
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
            let copied = try connection.copyIn(table: table.name, columns: columns) {
                let row = try table.next()
                if table.name == "score_year", let text = row?.first ?? nil, let year = Int(text) { years.append(year) }
                return row
            }
            if table.name == "score_year" { report.cachedYears = years.sorted() }
            let stored = try Int.fetchOne(connection, sql: "SELECT COUNT(*) FROM \(table.name)") ?? -1
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
                    let sequence = try String.fetchOne(
                        connection, sql: "SELECT pg_get_serial_sequence(?, 'id')", arguments: [table])
                else { continue }
                let highest = max(
                    try Int64.fetchOne(connection, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0, usedIDs[table] ?? 0)
                try connection.execute(
                    sql: "SELECT setval(?::regclass, ?, ?)", arguments: [sequence, max(highest, 1), highest > 0])
            }
            try connection.execute(sql: "COMMIT")
            finished = true
            return report
        } catch let error as PGError {
            throw PostgresStore.translate(error, displayName)
        }
    }
}

/// Why a copy into PostgreSQL was refused; nothing was written.
public enum PostgresCopyError: Error, Equatable, CustomStringConvertible {
    /// The target already holds ipasn data (a copy never merges into existing data).
    case targetNotEmpty(database: String, table: String)
    /// The source has a table this version's PostgreSQL schema does not know.
    case unknownTable(String)
    /// The source has a column this version's PostgreSQL schema does not know.
    case unknownColumn(table: String, column: String)
    /// The target holds another number of rows than were sent (nothing is committed).
    case countMismatch(table: String, copied: Int, stored: Int)

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        let id = language == .id
        switch self {
        case .targetNotEmpty(let database, let table):
            return id
                ? "Basis data tujuan \(database) sudah berisi data ipasn (tabel \(table)); salinan hanya ke basis data kosong. Buat basis data baru (createdb) lalu ulangi."
                : "The target database \(database) already holds ipasn data (table \(table)); a copy goes only into an empty database. Create a new one (createdb) and try again."
        case .unknownTable(let table):
            return id
                ? "Tabel \(table) tidak dikenal oleh skema PostgreSQL versi ini; tidak ada yang disalin. Perbarui ipasn."
                : "Table \(table) is not known to this version's PostgreSQL schema; nothing was copied. Update ipasn."
        case .unknownColumn(let table, let column):
            return id
                ? "Kolom \(table).\(column) tidak dikenal oleh skema PostgreSQL versi ini; tidak ada yang disalin. Perbarui ipasn."
                : "Column \(table).\(column) is not known to this version's PostgreSQL schema; nothing was copied. Update ipasn."
        case .countMismatch(let table, let copied, let stored):
            return id
                ? "Tabel \(table): \(copied) baris dikirim tetapi \(stored) tersimpan; tidak ada yang disalin."
                : "Table \(table): \(copied) rows sent but \(stored) stored; nothing was copied."
        }
    }
}
