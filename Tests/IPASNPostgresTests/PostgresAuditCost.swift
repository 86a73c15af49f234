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

    static func setTriggers(_ server: PGConnection, on: Bool) throws {
        for table in RecordKind.allCases.map(\.rawValue) {
            for suffix in ["insert", "update", "delete"] {
                try server.execute(sql: "ALTER TABLE \(table) \(on ? "ENABLE" : "DISABLE") TRIGGER \(table)_audited_\(suffix)")
            }
            try server.execute(sql: "ALTER TABLE \(table) \(on ? "ENABLE" : "DISABLE") TRIGGER \(table)_audited_bulk")
        }
        try server.execute(sql: on ? "ALTER TABLE audit ALTER COLUMN xact SET DEFAULT pg_current_xact_id()" : "ALTER TABLE audit ALTER COLUMN xact DROP DEFAULT")
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
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, own, nips) = try Self.province(databases, pegawai: 2000)
        let server = try PGConnection(conninfo: conninfo)
        let saves = Int(ProcessInfo.processInfo.environment["IPASN_MEASURE_SAVES"] ?? "") ?? 400
        var ticks: [Bool: [Double]] = [true: [], false: []]
        var n = 0
        for round in 0..<6 {
            let on = round % 2 == 1
            try Self.setTriggers(server, on: on)
            // A few unmeasured saves: the session plans the (re)enabled triggers' statements.
            for _ in 0..<20 {
                try own.add(SmallProvince.teknis(nips[(n * 7919) % nips.count], "Pemanasan \(n)", jp: 20))
                n += 1
            }
            let before = try Self.backendTicks(server, Self.admin)
            for _ in 0..<saves {
                try own.add(SmallProvince.teknis(nips[(n * 7919) % nips.count], "Pengukuran \(n)", jp: 20))
                n += 1
            }
            let after = try Self.backendTicks(server, Self.admin)
            // Ticks are 10 ms: microseconds per save.
            ticks[on]!.append(Double(after - before) * 10_000 / Double(saves))
        }
        let off = ticks[false]!, on = ticks[true]!
        func line(_ v: [Double]) -> String { v.map { String(format: "%.0f", $0) }.joined(separator: " / ") }
        print("pgaudit save server CPU, \(saves) saves a round, µs per save: off \(line(off)), on \(line(on)); "
            + "means off \(String(format: "%.1f", off.reduce(0, +) / Double(off.count))) on \(String(format: "%.1f", on.reduce(0, +) / Double(on.count)))")
        #expect(try own.check() == [])
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
                let lines = (0..<rowsPerRun).map { i in
                    let nip = nips[i % nips.count]
                    let day = 1 + (i / nips.count) % 28
                    let month = 1 + (i / nips.count / 28) % 12
                    let date = String(format: "2023-%02d-%02d", month, day)
                    return Line(i + 2, ImportRow.record(.diklat(Diklat(
                        nip: nip, jenis: JenisDiklat.withID(3)!, nama: "Impor \(i / nips.count)", penyelenggara: "BPSDM",
                        tanggalMulai: TestClock.date(date), tanggalSelesai: TestClock.date(date), jp: 8))))
                }
                var file = ArrayRowSource(kind: .diklat, rows: lines)
                let before = try Self.backendTicks(server, Self.admin)
                let outcome = try own.importRows(&file, skipInvalid: true)
                let after = try Self.backendTicks(server, Self.admin)
                results.append("round \(round) \(on ? "on" : "off"): \(outcome.imported) rows, \(after - before) ticks (\(Double(after - before) / 100) s)")
            }
        }
        print("pgaudit import server CPU: " + results.joined(separator: "; "))
    }
}
