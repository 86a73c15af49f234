import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// A connection's first save (issue 12, branch pg3tail): its statements prepared in ONE
/// round trip instead of one each, and readied before the save when the workstation opens
/// (``PostgresStore/warmSavePath()``), which writes nothing.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSaveWarmupTests {
    /// A seeded database, its operator's store and an admin of SUB (also the one-trip save's tests').
    static func seeded(_ databases: TestDatabases) throws -> (conninfo: String, ops: PostgresStore) {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: "sub-admin", role: .admin, units: ["SUB"]))
        return (conninfo, ops)
    }

    /// Statements never prepared on the connection: one PREPARE exchange for all of them,
    /// then the pipeline; sent again, the pipeline alone.
    @Test func unpreparedStatementsArePreparedInOneRoundTrip() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _) = try Self.seeded(databases)
        let db = try PGConnection(conninfo: conninfo)
        var trips: [[String]] = []
        db.roundTripObserver = { trips.append($0.statements) }
        let statements: [(sql: String, arguments: PGArguments)] = [
            ("SELECT 1 + ?::int", [1]), ("SELECT nama FROM pegawai WHERE nip = ?", [SmallProvince.nipB]),
            ("SELECT 'three'", []), ("SELECT count(*) FROM units WHERE kode = ?", ["SUB"]),
        ]
        let before = db.roundTrips
        let results = try db.pipelined(statements)
        #expect(results.map { $0.text(0, 0) } == ["2", "Budi", "three", "1"])
        #expect(db.roundTrips - before == 2)
        #expect(trips.count == 2)
        #expect(trips.first?.count == 4)
        #expect(trips.first?.allSatisfy { $0.hasPrefix("PREPARE ") } == true)
        let again = db.roundTrips
        #expect(try db.pipelined(statements).map { $0.text(0, 0) } == ["2", "Budi", "three", "1"])
        #expect(db.roundTrips - again == 1)
        // Preparing what is prepared sends nothing.
        try db.prepare(statements)
        #expect(db.roundTrips - again == 1)
    }

    /// A statement the server refuses fails the PREPARE exchange with the server's error: the
    /// ones before it are prepared (using them sends no PREPARE again, and no name is reused),
    /// the ones after it were skipped and are prepared by the next call that needs them.
    @Test func aRefusedPrepareKeepsTheOnesBeforeItAndSkipsTheRest() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _) = try Self.seeded(databases)
        let db = try PGConnection(conninfo: conninfo)
        let first: (sql: String, arguments: PGArguments) = ("SELECT nama FROM pegawai WHERE nip = ?", [SmallProvince.nipB])
        let wrong: (sql: String, arguments: PGArguments) = ("SELECT no_such_column FROM pegawai WHERE nip = ?", [SmallProvince.nipB])
        let last: (sql: String, arguments: PGArguments) = ("SELECT kode FROM units WHERE kode = ?", ["SUB"])
        do {
            try db.prepare([first, wrong, last])
            Issue.record("a statement naming no column was prepared")
        } catch let error as PGError {
            #expect(error.sqlState == "42703")  // undefined_column, the server's own error
        }
        var trips: [[String]] = []
        db.roundTripObserver = { trips.append($0.statements) }
        // The first is known as prepared; the last is prepared now, under a new name.
        #expect(try db.pipelined([first, last]).map { $0.text(0, 0) } == ["Budi", "SUB"])
        #expect(trips.count == 2)
        #expect(trips.first == ["PREPARE " + db.numberedSQL(last.sql)])
        #expect(try db.pipelined([first, last]).map { $0.text(0, 0) } == ["Budi", "SUB"])
        #expect(trips.count == 3)
    }

    /// After ``PostgresStore/warmSavePath()`` the admin's FIRST save is the two exchanges of
    /// every later save and the page's reload after it one: no PREPARE in between; and the
    /// warming wrote nothing (no audit row, no sequence value, no draft, the same scores).
    @Test func afterWarmingTheFirstSaveSendsNoPrepareAndNothingWasWritten() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try Self.seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        let sequences = """
            SELECT string_agg(coalesce(last_value::text, '-'), ',' ORDER BY sequencename) FROM pg_sequences
            WHERE schemaname = 'public'
            """
        let sequencesBefore = try ops.read { try String.fetchOne($0, sql: sequences) }
        let auditBefore = try ops.auditLog(limit: 1000).count
        let generation = try ops.dataGeneration()
        let scoreBefore = try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear)

        let warming = admin.roundTrips
        try admin.warmSavePath()
        // One exchange of PREPAREs, one read-only snapshot of the save's and the page's reads,
        // one rolled-back transaction of writes of no row.
        #expect(admin.roundTrips - warming == 3)
        #expect(try ops.read { try String.fetchOne($0, sql: sequences) } == sequencesBefore)
        #expect(try ops.auditLog(limit: 1000).count == auditBefore)
        #expect(try ops.dataGeneration() == generation)
        #expect(try ops.score(nip: SmallProvince.nipB, year: TestClock.measurementYear) == scoreBefore)
        // Called again: everything is prepared, the reads and the writes of no row go.
        let again = admin.roundTrips
        try admin.warmSavePath()
        #expect(admin.roundTrips - again == 2)
        #expect(try ops.auditLog(limit: 1000).count == auditBefore)
        #expect(try ops.read { try String.fetchOne($0, sql: sequences) } == sequencesBefore)

        var trips: [[String]] = []
        admin.roundTripObserver = { trips.append($0.statements) }
        let saved = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama", jp: 20))
        try admin.clearDraft(owner: "sub-admin", formKey: "diklat:\(SmallProvince.nipB)")
        _ = try admin.employeePage(nip: SmallProvince.nipB)
        _ = try admin.auditLog(limit: 3)
        #expect(trips.filter { $0.contains { $0.hasPrefix("PREPARE ") } } == [])
        #expect(trips.count == 5)  // the save's 2, the draft's 1, the page's 1, the audit rows' 1
        // The save is the save without warming: 20 JP in 2024, a pelaksana's 22.5 points.
        #expect(saved.score.kompetensi == 22.5)
        #expect(try ops.auditLog(limit: 1)[0].subject == .record(saved.id))
        #expect(try ops.check() == [])
    }

    /// Warming runs the save's per-row trigger statements on no row (migration
    /// `2026-12-01-pgsave5`): every table holds the rows it held, every sequence is where it
    /// was, no audit row; and the functions it runs them through are not an admin's to call.
    @Test func warmingTheTriggersWritesNoRowAndItsFunctionsAreTheOwners() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, ops) = try Self.seeded(databases)
        // A deleted record that was sent, an entry mark and a record touch exist: the warming's
        // statements on no row leave them as they are.
        let saved = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Ada", jp: 12))
        // The admin as its own PostgreSQL role, as a workstation connects.
        let login = "ipasn_warm5_admin"
        try ops.saveAccount(Account(login: login, role: .admin, units: ["SUB"]))
        _ = try ops.provisionLoginRole(login)
        let admin = try PostgresStore(conninfo + " user=\(login)", context: TestClock.context(actor: login))
        let raw = try PGConnection(conninfo: conninfo + " user=\(login)")
        let counts = Self.tableCounts
        let sequences = Self.sequencePositions
        let countsBefore = try ops.read { try String.fetchOne($0, sql: counts) }
        let sequencesBefore = try ops.read { try String.fetchOne($0, sql: sequences) }
        let touches = "SELECT string_agg(kind || record_id || ':' || audit_id, ',' ORDER BY kind, record_id) FROM record_touch"
        let marks = "SELECT string_agg(kind || upto_id, ',' ORDER BY kind, upto_id) FROM entry_marks"
        let touchesBefore = try ops.read { try String.fetchOne($0, sql: touches) }
        let marksBefore = try ops.read { try String.fetchOne($0, sql: marks) }
        #expect(countsBefore?.contains("diklat=") == true)
        #expect(touchesBefore?.contains("diklat\(saved.id.id):") == true)

        try admin.warmSavePath()
        try admin.warmSavePath()
        #expect(try ops.read { try String.fetchOne($0, sql: counts) } == countsBefore)
        #expect(try ops.read { try String.fetchOne($0, sql: sequences) } == sequencesBefore)
        #expect(try ops.read { try String.fetchOne($0, sql: touches) } == touchesBefore)
        #expect(try ops.read { try String.fetchOne($0, sql: marks) } == marksBefore)

        // The helpers write marks and touches for whatever they are given: the triggers' and
        // the owner's, not an admin's (42501, insufficient privilege); the warming is everyone's.
        let calls = [
            "SELECT ipasn_touch_record('diklat', 1, 999999, now(), 'sub-admin')",
            "SELECT ipasn_mark_entries(ARRAY['diklat'], now())",
            "SELECT ipasn_take_export_deleted('diklat', 1)",
        ]
        for sql in calls {
            do {
                _ = try raw.execute(sql: sql)
                Issue.record("an admin ran \(sql)")
            } catch let error as PGError {
                #expect(error.sqlState == "42501")
            }
        }
        _ = try raw.execute(sql: "SELECT ipasn_warm_save_path()")
        #expect(try ops.read { try String.fetchOne($0, sql: counts) } == countsBefore)

        // The first save after warming: its touch and its audit row, as without warming.
        let next = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Sesudah", jp: 10))
        #expect(try ops.read { try String.fetchOne($0, sql: touches) }?.contains("diklat\(next.id.id):") == true)
        #expect(try ops.check() == [])
    }

    /// Every table of the schema with its row count, as one text ("audit=12,diklat=3,...").
    static let tableCounts = """
        SELECT string_agg(t.table_name || '=' || (xpath('/row/c/text()',
            query_to_xml(format('SELECT count(*) AS c FROM public.%I', t.table_name), false, true, '')))[1]::text,
            ',' ORDER BY t.table_name)
        FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        """

    /// Every sequence of the schema with its last value, as one text.
    static let sequencePositions = """
        SELECT string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ',' ORDER BY sequencename)
        FROM pg_sequences WHERE schemaname = 'public'
        """

    /// Inside a transaction warming does nothing (no round trip) and the transaction goes on.
    @Test func warmingInsideATransactionDoesNothing() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _) = try Self.seeded(databases)
        let admin = try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin"))
        let saved = try admin.inOneTransaction { () throws -> SaveResult in
            let before = admin.roundTrips
            try admin.warmSavePath()
            #expect(admin.roundTrips == before)
            return try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Dalam transaksi", jp: 10))
        }
        #expect(try admin.records(nip: SmallProvince.nipB)?.diklat.last?.id == saved.id.id)
    }
}
