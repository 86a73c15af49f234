import Foundation
import GRDB
import IPASNCore

extension SQLDialect {
    /// SQLite's snippets (JSON1, `INDEXED BY` hints, the columns it allows to be named `by` and `count`).
    static let sqlite = SQLDialect(
        name: "SQLite", subunits: SQLiteStore.subunitsCTE,
        jsonText: { column, key in "json_extract(\(column), '$.\(key)')" },
        countWhere: { condition in "SUM(\(condition))" }, distinctFrom: "IS NOT",
        integer: { text in "CAST(\(text) AS INTEGER)" },
        indexedBy: { index in "INDEXED BY \(index)" }, notIndexed: "NOT INDEXED",
        progressBy: "by", reviewBy: "by", batchCount: "count", verifiedBy: "by", orderedJoin: "CROSS JOIN")
}

/// The SQLite store's side of ``SQLStore``: its transactions, and its helpers of the areas
/// not shared yet, for GRDB's `Database` in a ``SQLiteConnection``.
extension SQLiteStore: SQLStore {
    package var dialect: SQLDialect { .sqlite }

    package func sqlRead<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try read { try body(SQLiteConnection($0)) }
    }

    package func sqlWrite<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try transaction { try body(SQLiteConnection($0)) }
    }

    package func sqlHasTable(_ table: String, _ db: SQLiteConnection) throws -> Bool { try db.db.tableExists(table) }
    package func sqlPendingCondition(_ alias: String, _ kind: RecordKind) -> String { Self.pendingCondition(alias, kind) }

    package func sqlAudit(
        _ action: AuditAction, _ subject: AuditSubject, nip: String?, old: AuditValue?, new: AuditValue?, undoes: Int64?,
        batch: Int64?, _ db: SQLiteConnection
    ) throws {
        try audit(action, subject, nip: nip, old: old, new: new, undoes: undoes, batch: batch, db.db)
    }

    package func sqlAuditEntry(_ row: SQLiteRow) throws -> AuditEntry { try AuditRows.entry(row.row) }
    package func sqlOperators(_ db: SQLiteConnection) throws -> [String] { try operators(db.db) }
    package func sqlPermitAccounts(_ db: SQLiteConnection) throws { try permit(.accounts, db.db) }
    package func sqlPermitRecords(nips: [String], _ db: SQLiteConnection) throws { try permit(.records(nips: nips), db.db) }

    package func sqlRecord(_ id: RecordID, _ db: SQLiteConnection) throws -> IPASNCore.Record? { try record(id, db.db) }
    package func sqlPegawai(nip: String, _ db: SQLiteConnection) throws -> Pegawai? { try pegawai(nip: nip, db.db) }
    package func sqlPegawaiRow(_ row: SQLiteRow, offset: Int) throws -> Pegawai { try Self.pegawai(row.row, offset: offset) }
    package func sqlDropScores(nip: String, _ db: SQLiteConnection) throws {
        try db.execute(sql: "DELETE FROM employee_score WHERE nip = ?", arguments: [nip])
    }

    package func sqlRecomputeEmployee(_ nip: String, _ db: SQLiteConnection) throws -> EmployeeScore {
        try recomputeEmployee(nip, db.db)
    }

    package func sqlPermitAnyWrite(_ db: SQLiteConnection) throws { try permit(.anyWrite, db.db) }
    package func sqlPermitRevert(_ subject: AuditSubject, from: AuditValue?, to: AuditValue?, _ db: SQLiteConnection) throws {
        try permit(.revert(subject, from: from, to: to), db.db)
    }

    package func sqlRestoreVerification(_ id: RecordID, _ verification: RecordVerification, before: Int64, _ db: SQLiteConnection) throws {
        try writeVerification(id, verification, since: nil, db)
    }

    package func sqlRefuseDuplicate(_ record: IPASNCore.Record, ignoring id: RecordID, _ db: SQLiteConnection) throws {
        try refuseDuplicate(record, ignoring: id, db.db)
    }

    package func sqlWriteRecord(_ record: IPASNCore.Record, over id: RecordID, _ db: SQLiteConnection) throws { try write(record, over: id, db.db) }
    package func sqlInsertRecord(_ record: IPASNCore.Record, id: Int64?, _ db: SQLiteConnection) throws -> Int64 { try insert(record, id: id, db.db) }

    package func sqlRecords(_ kind: RecordKind, ids: ClosedRange<Int64>, _ db: SQLiteConnection) throws -> [StoredRecord<IPASNCore.Record>] {
        try Row.fetchAll(db.db, sql: RecordRows.selectSQL(kind) + " WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [ids.lowerBound, ids.upperBound])
            .map { StoredRecord(id: $0[0], value: try RecordRows.decode(kind, $0)) }
    }

    package func sqlRecompute(years: [Int], only: Set<String>, _ db: SQLiteConnection) throws {
        try recompute(years: years, only: EmployeeSelection(only), replaceAll: false, db.db)
    }
    package func sqlUpsertPegawai(_ pegawai: Pegawai, _ db: SQLiteConnection) throws {
        try db.db.makeStatement(sql: Self.upsertPegawaiSQL).execute(arguments: Self.arguments(pegawai))
    }

    package func sqlUnits(_ db: SQLiteConnection) throws -> [OrgUnit] { try units(db.db) }
    package func sqlCachedYears(_ db: SQLiteConnection) throws -> [Int] { try cachedYears(db.db) }
    package func sqlScore(_ row: SQLiteRow) -> EmployeeScore { Self.score(row.row) }
    package func sqlRuleset(_ db: SQLiteConnection) throws -> Ruleset { try ruleset(db.db) }
    package func sqlMeasurementYear(_ db: SQLiteConnection) throws -> Int { try measurementYear(db.db) }
    package func sqlEnsureCached(year: Int, _ db: SQLiteConnection) throws { try ensureCached(year: year, db.db) }
    package func sqlStoredRecords(nip: String, _ db: SQLiteConnection) throws -> StoredEmployeeRecords? { try records(nip: nip, db.db) }
    package func sqlRecomputeAllCached(_ db: SQLiteConnection) throws { try recomputeAllCached(db.db) }
    package func sqlUpsertScore(_ score: EmployeeScore, _ db: SQLiteConnection) throws {
        try db.db.cachedStatement(sql: Self.upsertScoreSQL).execute(arguments: Self.scoreArguments(score))
    }
    package func sqlForEachEmployee(asEntered: Bool, _ db: SQLiteConnection, _ body: (EmployeeRecords) throws -> Void) throws {
        try forEachEmployee(db.db, asEntered: asEntered, body)
    }
    package func sqlEnsureCached(year: Int) throws -> Bool { try ensureCached(year: year) }
    package var sqlCountedInYear: String { Self.countedInYear }

    /// SQLite's own `integrity_check` and `foreign_key_check`.
    package func sqlEngineProblems(_ db: SQLiteConnection) throws -> [String] {
        var problems: [String] = []
        let integrity = try String.fetchAll(db.db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] { problems += integrity.map { "SQLite integrity check: \($0)" } }
        for row in try Row.fetchAll(db.db, sql: "PRAGMA foreign_key_check") {
            let table: String = row[0]
            let rowid: Int64? = row[1]
            let parent: String = row[2]
            problems.append("Table \(table), row \(rowid.map(String.init) ?? "?"), refers to a missing row of \(parent).")
        }
        return problems
    }

    /// The per-unit totals kept current equal a fresh sum of the cached scores.
    package func sqlDerivedProblems(_ db: SQLiteConnection) throws -> [String] { try checkUnitTotals(db.db) }

    // MARK: The shared areas for the SQLite store's own code

    /// One login's account, or nil, in a GRDB transaction (``SQLStore/account(login:_:)``).
    func account(login: String, _ db: Database) throws -> Account? { try account(login: login, SQLiteConnection(db)) }
}
