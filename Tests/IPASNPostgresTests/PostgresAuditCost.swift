import Foundation
import IPASNCore
import IPASNDemo
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// A measurement, not a test of speed: with `IPASN_MEASURE_AUDIT=1` (and a server), the server
/// CPU (user + system of the admin's backends, from `/proc/<pid>/stat`) of an admin's saves
/// and of an admin's 100,000-row diklat import, with the record tables' audit triggers of
/// migration `2026-12-01-pgaudit` on and off (off: the triggers disabled and `audit.xact`'s
/// default dropped, by the superuser), alternating. Prints the figures; asserts nothing about time.
@Suite(
    .enabled(if: PostgresTestServer.isAvailable && ProcessInfo.processInfo.environment["IPASN_MEASURE_AUDIT"] == "1",
        "set IPASN_MEASURE_AUDIT=1 (and IPASN_TEST_PG) to measure the audit triggers' cost"),
    .serialized)
struct PostgresAuditCost {
    static let admin = "ipasn_cost_admin"

    /// The clock ticks (user + system) of every backend of `login`.
    static func backendTicks(_ server: PGConnection, _ login: String) throws -> Int {
        let pids = try Int.fetchAll(server, sql: "SELECT pid FROM pg_stat_activity WHERE usename = ?", arguments: [login])
        return pids.reduce(0) { total, pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return total }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the name.
            return total + (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
        }
    }

    /// Every audit trigger of the record tables (`<table>_audited...`, whichever migration made them) on or off.
    static func setTriggers(_ server: PGConnection, on: Bool) throws {
        for table in RecordKind.allCases.map(\.rawValue) {
            let names = try String.fetchAll(
                server, sql: "SELECT tgname FROM pg_trigger WHERE tgrelid = '\(table)'::regclass AND tgname LIKE '\(table)_audited%'")
            for name in names {
                try server.execute(sql: "ALTER TABLE \(table) \(on ? "ENABLE" : "DISABLE") TRIGGER \(name)")
            }
        }
        try server.execute(sql: on ? "ALTER TABLE audit ALTER COLUMN xact SET DEFAULT pg_current_xact_id()" : "ALTER TABLE audit ALTER COLUMN xact DROP DEFAULT")
    }

    /// How the record tables' updates and deletes are checked for the measurement: not at
    /// all (every audit trigger off), row by row (the deferred per-row triggers of
    /// `2026-12-01-pgaudit`, made again), or a statement at a time (`2026-12-02-pgaudit3`, as shipped).
    enum Mode: String { case off, perRow = "per-row", setWise = "set-wise" }

    static func setMode(_ server: PGConnection, _ mode: Mode) throws {
        try setTriggers(server, on: mode != .off)
        for kind in RecordKind.allCases {
            let table = kind.rawValue
            let columns = AuditedTable.record(kind).columns
            let old = columns.map { "OLD.\($0)" }.joined(separator: ", ")
            let new = columns.map { "NEW.\($0)" }.joined(separator: ", ")
            try server.execute(sql: "DROP TRIGGER IF EXISTS \(table)_audited_update ON \(table)")
            try server.execute(sql: "DROP TRIGGER IF EXISTS \(table)_audited_delete ON \(table)")
            guard mode == .perRow else { continue }
            for suffix in ["updates", "deletes"] {
                try server.execute(sql: "ALTER TABLE \(table) DISABLE TRIGGER \(table)_audited_\(suffix)")
            }
            try server.execute(
                sql: """
                    DO $$
                    DECLARE
                        owner text := (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'public.\(table)'::regclass);
                    BEGIN
                        EXECUTE format('CREATE CONSTRAINT TRIGGER \(table)_audited_update AFTER UPDATE ON \(table) DEFERRABLE INITIALLY DEFERRED
                            FOR EACH ROW WHEN (session_user <> %L AND (\(old)) IS DISTINCT FROM (\(new))) EXECUTE FUNCTION ipasn_\(table)_audited()', owner);
                        EXECUTE format('CREATE CONSTRAINT TRIGGER \(table)_audited_delete AFTER DELETE ON \(table) DEFERRABLE INITIALLY DEFERRED
                            FOR EACH ROW WHEN (session_user <> %L) EXECUTE FUNCTION ipasn_\(table)_audited()', owner);
                    END
                    $$
                    """)
        }
    }

    /// A demo province of `pegawai` and an admin of every top unit, as their own role.
    static func province(_ databases: TestDatabases, pegawai: Int) throws -> (String, PostgresStore, [String]) {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try DemoGenerator(seed: 1, pegawai: pegawai, today: TestClock.today).write(to: ops)
        let tops = try ops.units().filter { $0.induk == nil }.map(\.kode)
        try ops.saveAccount(Account(login: admin, role: .admin, units: tops))
        _ = try ops.provisionLoginRole(admin)
        let nips = try ops.scores(year: try ops.measurementYear(), unit: nil).map(\.pegawai.nip)
        let own = try PostgresStore(conninfo + " user=\(admin)", context: TestClock.context(actor: admin, session: "cost"))
        return (conninfo, own, nips)
    }

    @Test func saveServerCPU() throws {
        try Self.measureSaves("pgaudit save server CPU") { server, on in try Self.setTriggers(server, on: on) }
    }

    /// The save (an add, or with `IPASN_MEASURE_EDIT=1` an edit) with the updates and deletes
    /// checked row by row (off) and a statement at a time (on, as shipped), alternately.
    @Test func setWiseSaveServerCPU() throws {
        try Self.measureSaves("pgaudit3 save server CPU (off: per-row, on: set-wise)") { server, on in
            try Self.setMode(server, on ? .setWise : .perRow)
        }
    }

    /// The score verification of migration `2026-12-01-pgaudit2` alone: the save's check with
    /// `ipasn_audit_verify_scores` as shipped (on) and replaced by an empty body (off), alternately.
    @Test func verifyServerCPU() throws {
        var shipped: String?
        try Self.measureSaves("pgaudit2 save server CPU (score verification)") { server, on in
            if shipped == nil {
                shipped = try String.fetchOne(
                    server, sql: "SELECT pg_get_functiondef('ipasn_audit_verify_scores(text[], boolean, boolean, boolean)'::regprocedure)")
            }
            try server.execute(
                sql: on
                    ? shipped!
                    : "CREATE OR REPLACE FUNCTION public.ipasn_audit_verify_scores(p_nips text[], p_records boolean, p_disiplin boolean, "
                        + "p_diklat boolean) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$")
        }
    }

    /// `saves` diklat adds a round through the store as the admin, six rounds, `toggle` off and on alternately.
    static func measureSaves(_ label: String, toggle: (PGConnection, Bool) throws -> Void) throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, own, nips) = try Self.province(databases, pegawai: 2000)
        let server = try PGConnection(conninfo: conninfo)
        let functions = ProcessInfo.processInfo.environment["IPASN_MEASURE_FUNCTIONS"] == "1"
        if functions {
            try server.execute(sql: "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET track_functions = ''pl''', current_database()); END $$")
            try server.execute(sql: "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(Self.admin)'")
        }
        let saves = Int(ProcessInfo.processInfo.environment["IPASN_MEASURE_SAVES"] ?? "") ?? 400
        // `IPASN_MEASURE_EDIT=1`: each save is an edit (an UPDATE) of one of 50 records, not an add.
        let edits = ProcessInfo.processInfo.environment["IPASN_MEASURE_EDIT"] == "1"
        let pool = try (0..<(edits ? 50 : 0)).map { i in
            try own.add(SmallProvince.teknis(nips[(i * 7919) % nips.count], "Ubah \(i)", jp: 20)).id
        }
        var n = 0
        func save(_ label: String) throws {
            if edits {
                let id = pool[n % pool.count]
                try own.update(id, to: SmallProvince.teknis(nips[((n % pool.count) * 7919) % nips.count], "Ubah \(n % pool.count)", jp: 20 + n % 7))
            } else {
                try own.add(SmallProvince.teknis(nips[(n * 7919) % nips.count], "\(label) \(n)", jp: 20))
            }
            n += 1
        }
        var ticks: [Bool: [Double]] = [true: [], false: []]
        for round in 0..<6 {
            let on = round % 2 == 1
            try toggle(server, on)
            // A few unmeasured saves: the session plans the (re)enabled triggers' statements.
            for _ in 0..<20 { try save("Pemanasan") }
            let before = try Self.backendTicks(server, Self.admin)
            for _ in 0..<saves { try save("Pengukuran") }
            let after = try Self.backendTicks(server, Self.admin)
            // Ticks are 10 ms: microseconds per save.
            ticks[on]!.append(Double(after - before) * 10_000 / Double(saves))
        }
        let off = ticks[false]!, on = ticks[true]!
        func line(_ v: [Double]) -> String { v.map { String(format: "%.0f", $0) }.joined(separator: " / ") }
        print("\(label)\(edits ? " (edits)" : ""), \(saves) saves a round, µs per save: off \(line(off)), on \(line(on)); "
            + "means off \(String(format: "%.1f", off.reduce(0, +) / Double(off.count))) on \(String(format: "%.1f", on.reduce(0, +) / Double(on.count)))")
        if functions {
            Thread.sleep(forTimeInterval: 1)
            let rows = try String.fetchAll(
                server,
                sql: "SELECT funcname || ' calls ' || calls || ' self ' || round(self_time::numeric, 1) || ' total ' || round(total_time::numeric, 1) FROM pg_stat_user_functions WHERE funcname LIKE $q$%audit%$q$ OR funcname IN ($q$ipasn_put_scores$q$, $q$ipasn_check_scores$q$, $q$ipasn_server_scores_parts$q$) ORDER BY total_time DESC")
            print("functions: " + rows.joined(separator: "; "))
            print("server audit rows: \(try Int.fetchOne(server, sql: "SELECT COUNT(*) FROM audit WHERE session LIKE 'sql:%'") ?? -1)")
        }
        #expect(try own.check() == [])
    }

    /// The check's own cost, without the rest of a save around it: one transaction of an
    /// admin's role inserting `rows` diklat and their audit rows (as the store writes them,
    /// the record's JSON), committed; the backend's CPU with the triggers on and off.
    @Test func triggerServerCPU() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, _) = try Self.province(databases, pegawai: 2000)
        let server = try PGConnection(conninfo: conninfo)
        let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
        let pid = try #require(try Int.fetchOne(raw, sql: "SELECT pg_backend_pid()"))
        let rows = Int(ProcessInfo.processInfo.environment["IPASN_MEASURE_ROWS"] ?? "") ?? 5000
        func ticks() throws -> Int {
            let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
            return Int(fields[11])! + Int(fields[12])!
        }
        var results: [Bool: [Double]] = [true: [], false: []]
        for round in 0..<8 {
            let on = round % 2 == 1
            try Self.setTriggers(server, on: on)
            let first = (try Int64.fetchOne(server, sql: "SELECT COALESCE(MAX(id), 0) FROM diklat") ?? 0) + 1
            let before = try ticks()
            try raw.execute(sql: "BEGIN")
            try raw.execute(
                sql: """
                    INSERT INTO diklat (id, nip, jenis, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp, dedup_key)
                    SELECT \(first) + g, (ARRAY(SELECT nip FROM pegawai ORDER BY nip))[1 + g % 2000], 3, 'Ukur \(round) ' || g, 'BPSDM',
                        '2024-03-01', '2024-03-03', 20, \(round * 1_000_000) + g
                    FROM generate_series(0, \(rows - 1)) g
                    """)
            try raw.execute(
                sql: """
                    INSERT INTO audit (at, actor, action, entity, entity_id, nip, new_value, session)
                    SELECT now(), session_user, 'insert', 'diklat', d.id::text, d.nip, (\(PostgresSchema.rowJSON(.diklat, "d")))::text, 'cost'
                    FROM diklat d WHERE d.id >= \(first)
                    """)
            try raw.execute(sql: "COMMIT")
            let after = try ticks()
            results[on]!.append(Double(after - before) * 10_000 / Double(rows))
        }
        let audited = try Int.fetchOne(server, sql: "SELECT COUNT(*) FROM audit WHERE session LIKE 'sql:%'") ?? -1
        func line(_ v: [Double]) -> String { v.map { String(format: "%.1f", $0) }.joined(separator: " / ") }
        print("pgaudit trigger server CPU, \(rows) rows and audit rows a transaction, µs per row: off \(line(results[false]!)), on \(line(results[true]!)); server-written rows \(audited)")
    }

    /// `count` diklat import rows spread over `nips`, a different day of 2023 for each round of them.
    static func importLines(_ nips: [String], _ count: Int) -> [Line<ImportRow>] {
        (0..<count).map { i in
            let nip = nips[i % nips.count]
            let day = 1 + (i / nips.count) % 28
            let month = 1 + (i / nips.count / 28) % 12
            let date = String(format: "2023-%02d-%02d", month, day)
            return Line(i + 2, ImportRow.record(.diklat(Diklat(
                nip: nip, jenis: JenisDiklat.withID(3)!, nama: "Impor \(i / nips.count)", penyelenggara: "BPSDM",
                tanggalMulai: TestClock.date(date), tanggalSelesai: TestClock.date(date), jp: 8))))
        }
    }

    /// `ipasn_audit_warm()` in fresh sessions of the admin: the CPU (`/proc/<pid>/schedstat`,
    /// nanoseconds) of its first call (the checks compiled and planned) and of a second one;
    /// and of a first covered diklat write's COMMIT (record, the store's JSON in an audit row)
    /// in a fresh session with and without the warm-up before it.
    @Test func warmServerCPU() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, nips) = try Self.province(databases, pegawai: 200)
        func cpu(_ pid: Int) throws -> Double {
            let text = try String(contentsOfFile: "/proc/\(pid)/schedstat", encoding: .utf8)
            return Double(text.split(separator: " ")[0])! / 1_000_000
        }
        var first: [Double] = [], second: [Double] = [], cold: [Double] = [], warmed: [Double] = []
        for round in 0..<16 {
            let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
            let pid = try #require(try Int.fetchOne(raw, sql: "SELECT pg_backend_pid()"))
            let warm = round % 2 == 1
            if warm {
                var t = try cpu(pid)
                try raw.execute(sql: "SELECT ipasn_audit_warm()")
                first.append(try cpu(pid) - t)
                t = try cpu(pid)
                try raw.execute(sql: "SELECT ipasn_audit_warm()")
                second.append(try cpu(pid) - t)
            }
            try raw.execute(sql: "BEGIN")
            try raw.execute(
                sql: "INSERT INTO diklat (nip, jenis, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp, dedup_key) "
                    + "VALUES ('\(nips[round])', 3, 'Hangat \(round)', 'BPSDM', '2024-03-01', '2024-03-03', 20, \(round + 77))")
            try raw.execute(
                sql: "INSERT INTO audit (at, actor, action, entity, entity_id, nip, new_value, session) "
                    + "SELECT now(), session_user, 'insert', 'diklat', d.id::text, d.nip, (\(PostgresSchema.rowJSON(.diklat, "d")))::text, 'cost' "
                    + "FROM diklat d WHERE d.nama = 'Hangat \(round)'")
            let t = try cpu(pid)
            try raw.execute(sql: "COMMIT")
            let spent = try cpu(pid) - t
            if warm { warmed.append(spent) } else { cold.append(spent) }
        }
        func line(_ v: [Double]) -> String { v.map { String(format: "%.2f", $0) }.joined(separator: " / ") }
        print("pgaudit2 warm-up CPU ms: first call \(line(first)); second \(line(second)); "
            + "first COMMIT cold \(line(cold)); after the warm-up \(line(warmed))")
    }

    @Test func importServerCPU() throws {
        let rowsPerRun = Int(ProcessInfo.processInfo.environment["IPASN_MEASURE_IMPORT_ROWS"] ?? "") ?? 100_000
        var results: [String] = []
        for round in 0..<(Int(ProcessInfo.processInfo.environment["IPASN_MEASURE_IMPORT_ROUNDS"] ?? "") ?? 2) {
            for on in [false, true] {
                let databases = TestDatabases()
                defer { databases.dropAll() }
                let (conninfo, own, nips) = try Self.province(databases, pegawai: 2000)
                let server = try PGConnection(conninfo: conninfo)
                try Self.setTriggers(server, on: on)
                var file = ArrayRowSource(kind: .diklat, rows: Self.importLines(nips, rowsPerRun))
                let before = try Self.backendTicks(server, Self.admin)
                let outcome = try own.importRows(&file, skipInvalid: true)
                let after = try Self.backendTicks(server, Self.admin)
                // Its undo: one DELETE of the id range, each row checked at COMMIT.
                _ = try own.undoLast(session: "cost")
                let undone = try Self.backendTicks(server, Self.admin)
                results.append("round \(round) \(on ? "on" : "off"): \(outcome.imported) rows, \(after - before) ticks (\(Double(after - before) / 100) s), "
                    + "undo \(Double(undone - after) / 100) s")
            }
        }
        print("pgaudit import server CPU: " + results.joined(separator: "; "))
    }

    /// The bulk paths (issue 12, branch pgaudit3): an admin's import of `IPASN_MEASURE_IMPORT_ROWS`
    /// diklat (default 100,000) and its undo (one `DELETE` of the id range), then an admin's raw
    /// `INSERT ... SELECT` of `IPASN_MEASURE_BULK_ROWS` diklat (default 2,000), a multi-row `UPDATE`
    /// of them and a multi-row `DELETE`, none with an audit row of its own (the server writes
    /// each one); server CPU of the admin's backends with the record tables' audit triggers on
    /// and off, alternately, a fresh province each. Prints the figures and the server-written rows.
    @Test func bulkWritesServerCPU() throws {
        let env = ProcessInfo.processInfo.environment
        let importRows = Int(env["IPASN_MEASURE_IMPORT_ROWS"] ?? "") ?? 100_000
        let bulkRows = Int(env["IPASN_MEASURE_BULK_ROWS"] ?? "") ?? 2_000
        var lines: [String] = []
        for round in 0..<(Int(env["IPASN_MEASURE_IMPORT_ROUNDS"] ?? "") ?? 1) {
            for mode in [Mode.off, .perRow, .setWise] {
                let databases = TestDatabases()
                defer { databases.dropAll() }
                let (conninfo, own, nips) = try Self.province(databases, pegawai: 2000)
                let server = try PGConnection(conninfo: conninfo)
                try Self.setMode(server, mode)
                let raw = try PGConnection(conninfo: conninfo + " user=\(Self.admin)")
                var spent: [String] = []
                var mark = try Self.backendTicks(server, Self.admin)
                func lap(_ what: String) throws {
                    let now = try Self.backendTicks(server, Self.admin)
                    spent.append("\(what) \(String(format: "%.2f", Double(now - mark) / 100)) s")
                    mark = now
                }
                var file = ArrayRowSource(kind: .diklat, rows: Self.importLines(nips, importRows))
                _ = try own.importRows(&file, skipInvalid: true)
                try lap("import")
                _ = try own.undoLast(session: "cost")
                try lap("undo")
                try raw.execute(
                    sql: """
                        INSERT INTO diklat (nip, jenis, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp, dedup_key)
                        SELECT (ARRAY(SELECT nip FROM pegawai ORDER BY nip))[1 + g % 2000], 3, 'Massal ' || g, 'BPSDM',
                            '2024-03-01', '2024-03-03', 20, 5000000 + g
                        FROM generate_series(0, \(bulkRows - 1)) g
                        """)
                try lap("insert-select")
                try raw.execute(sql: "UPDATE diklat SET jp = jp + 1 WHERE nama LIKE 'Massal %'")
                try lap("update")
                try raw.execute(sql: "DELETE FROM diklat WHERE nama LIKE 'Massal %'")
                try lap("delete")
                let written = try Int.fetchOne(server, sql: "SELECT COUNT(*) FROM audit WHERE session LIKE 'sql:%'") ?? -1
                lines.append("round \(round) \(mode.rawValue): " + spent.joined(separator: ", ") + "; server-written audit rows \(written)")
            }
        }
        print("pgaudit3 bulk writes server CPU (\(importRows) imported, \(bulkRows) raw rows): " + lines.joined(separator: "; "))
    }
}
