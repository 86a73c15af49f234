import Foundation
import IPASNCore
import IPASNStore

extension SQLDialect {
    /// PostgreSQL's snippets (`jsonb`, `FILTER`, no planner hints, the column names it does not reserve).
    static let postgresql: SQLDialect = {
        var dialect = postgresqlSnippets
        dialect.unitRenameCall = "SELECT ipasn_rename_unit(?::text, ?::text)"
        return dialect
    }()

    private static let postgresqlSnippets = SQLDialect(
        name: "PostgreSQL", subunits: PostgresStore.subunitsCTE,
        jsonText: { column, key in "(\(column)::jsonb ->> '\(key)')" },
        countWhere: { condition in "COUNT(*) FILTER (WHERE \(condition))" }, distinctFrom: "IS DISTINCT FROM",
        integer: { text in "(CASE WHEN \(text) ~ '^[0-9]+$' THEN \(text)::bigint END)" },
        indexedBy: { _ in "" }, notIndexed: "",
        progressBy: "marked_by", reviewBy: "reviewed_by", batchCount: "record_count",
        textParameter: "?::text COLLATE \"C\"", verifiedBy: "verified_by", orderedJoin: "JOIN")
}

/// The PostgreSQL store's side of ``SQLStore``: its transactions on the one locked
/// connection, and its helpers of the areas not shared yet, for a ``PGDatabase``.
extension PostgresStore: SQLStore {
    package var dialect: SQLDialect { .postgresql }

    package func sqlRead<T>(_ body: (PGDatabase) throws -> T) throws -> T {
        try read { try body(PGDatabase($0)) }
    }

    package func sqlWrite<T>(_ body: (PGDatabase) throws -> T) throws -> T {
        try transaction { try body(PGDatabase($0)) }
    }

    /// The schema is migrated whenever a store opens: every table is there.
    package func sqlHasTable(_ table: String, _ db: PGDatabase) throws -> Bool { true }
    package func sqlPendingCondition(_ alias: String, _ kind: RecordKind) -> String { Self.pendingCondition(alias, kind) }

    package func sqlAudit(
        _ action: AuditAction, _ subject: AuditSubject, nip: String?, old: AuditValue?, new: AuditValue?, undoes: Int64?,
        batch: Int64?, _ db: PGDatabase
    ) throws {
        try audit(action, subject, nip: nip, old: old, new: new, undoes: undoes, batch: batch, db.connection)
    }

    package func sqlAuditEntry(_ row: PGSQLRow) throws -> AuditEntry { try PGAuditRows.entry(row.row) }
    package func sqlOperators(_ db: PGDatabase) throws -> [String] { try operators(db.connection) }
    package func sqlPermitAccounts(_ db: PGDatabase) throws { try permit(.accounts, db.connection) }
    package func sqlPermitRecords(nips: [String], _ db: PGDatabase) throws { try permit(.records(nips: nips), db.connection) }

    package func sqlRecord(_ id: RecordID, _ db: PGDatabase) throws -> IPASNCore.Record? { try record(id, db.connection) }
    package func sqlPegawai(nip: String, _ db: PGDatabase) throws -> Pegawai? { try pegawai(nip: nip, db.connection) }
    package func sqlPegawaiRow(_ row: PGSQLRow, offset: Int) throws -> Pegawai { try Self.pegawai(row.row, offset: offset) }
    package func sqlDropScores(nip: String, _ db: PGDatabase) throws {
        try Self.dropScores(entered: false, years: nil, nips: [nip], db.connection)
    }

    package func sqlRecomputeEmployee(_ nip: String, _ db: PGDatabase) throws -> EmployeeScore {
        try recomputeEmployee(nip, db.connection)
    }

    package func sqlPermitAnyWrite(_ db: PGDatabase) throws { try permit(.anyWrite, db.connection) }
    package func sqlPermitRevert(_ subject: AuditSubject, from: AuditValue?, to: AuditValue?, _ db: PGDatabase) throws {
        try permit(.revert(subject, from: from, to: to), db.connection)
    }

    /// Through the schema owner's `ipasn_restore_verdict`, which finds the verdict in the audit
    /// log itself (`2026-11-30-fixes`): an admin's role may not write a verdict otherwise.
    package func sqlRestoreVerification(_ id: RecordID, _ verification: RecordVerification, before: Int64, _ db: PGDatabase) throws {
        _ = try Bool.fetchOne(
            db.connection, sql: "SELECT ipasn_restore_verdict(?, ?::bigint, ?::bigint)", arguments: [id.kind.rawValue, id.id, before])
    }

    package func sqlRefuseDuplicate(_ record: IPASNCore.Record, ignoring id: RecordID, _ db: PGDatabase) throws {
        try refuseDuplicate(record, ignoring: id, db.connection)
    }

    package func sqlWriteRecord(_ record: IPASNCore.Record, over id: RecordID, _ db: PGDatabase) throws { try write(record, over: id, db.connection) }
    package func sqlInsertRecord(_ record: IPASNCore.Record, id: Int64?, _ db: PGDatabase) throws -> Int64 { try insert(record, id: id, db.connection) }

    package func sqlRecords(_ kind: RecordKind, ids: ClosedRange<Int64>, _ db: PGDatabase) throws -> [StoredRecord<IPASNCore.Record>] {
        try PGRow.fetchAll(db.connection, sql: PGRecordRows.selectSQL(kind) + " WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [ids.lowerBound, ids.upperBound])
            .map { StoredRecord(id: $0[0], value: try PGRecordRows.decode(kind, $0)) }
    }

    package func sqlRecompute(years: [Int], only: Set<String>, _ db: PGDatabase) throws {
        try recompute(years: years, only: only, replaceAll: false, db.connection)
    }
    package func sqlUpsertPegawai(_ pegawai: Pegawai, _ db: PGDatabase) throws {
        try db.connection.execute(sql: Self.upsertPegawaiSQL, arguments: Self.arguments(pegawai))
    }

    package func sqlUnits(_ db: PGDatabase) throws -> [OrgUnit] { try units(db.connection) }
    package func sqlCachedYears(_ db: PGDatabase) throws -> [Int] { try cachedYears(db.connection) }
    package func sqlScore(_ row: PGSQLRow) -> EmployeeScore { Self.score(row.row) }
    package func sqlRuleset(_ db: PGDatabase) throws -> Ruleset { try ruleset(db.connection) }
    package func sqlMeasurementYear(_ db: PGDatabase) throws -> Int { try measurementYear(db.connection) }
    package func sqlEnsureCached(year: Int, _ db: PGDatabase) throws { try ensureCached(year: year, db.connection) }
    package func sqlStoredRecords(nip: String, _ db: PGDatabase) throws -> StoredEmployeeRecords? { try records(nip: nip, db.connection) }
    package func sqlRecomputeAllCached(_ db: PGDatabase) throws { try recomputeAllCached(db.connection) }
    package func sqlUpsertScore(_ score: EmployeeScore, _ db: PGDatabase) throws {
        try db.connection.execute(sql: Self.upsertScoreSQL, arguments: Self.scoreArguments(score))
    }
    package func sqlForEachEmployee(asEntered: Bool, _ db: PGDatabase, _ body: (EmployeeRecords) throws -> Void) throws {
        try forEachEmployee(db.connection, asEntered: asEntered, body)
    }
    package func sqlEnsureCached(year: Int) throws -> Bool { try ensureCached(year: year) }
    package var sqlCountedInYear: String { Self.countedInYear }

    /// None: PostgreSQL enforces every foreign key at commit (a dangling reference cannot be
    /// stored), and its page checks are the server administrator's (`pg_amcheck`).
    package func sqlEngineProblems(_ db: PGDatabase) throws -> [String] { [] }
    /// The per-unit totals (`unit_score_totals`) against a fresh sum of the cached scores.
    package func sqlDerivedProblems(_ db: PGDatabase) throws -> [String] { try checkUnitTotals(db.connection) }

    // MARK: The shared areas for the PostgreSQL store's own code

    /// One login's account, or nil, on the store's connection (``SQLStore/account(login:_:)``).
    func account(login: String, _ db: PGConnection) throws -> Account? { try account(login: login, PGDatabase(db)) }
}
