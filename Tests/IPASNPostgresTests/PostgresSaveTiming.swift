import Foundation
import IPASNCore
import IPASNDemo
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// A measurement, not a test of speed: with `IPASN_MEASURE=1` (and a server), 500 saves of a
/// diklat (validation, permission check, insert, audit row, score refresh: one transaction
/// each) on a 2,000-employee demo database, over the server's Unix socket, against the same
/// on a SQLite file; prints p50 and p99. Nothing about time is asserted.
@Suite(
    .enabled(if: PostgresTestServer.isAvailable && ProcessInfo.processInfo.environment["IPASN_MEASURE"] == "1",
        "set IPASN_MEASURE=1 (and IPASN_TEST_PG) to measure save latency"))
struct PostgresSaveTiming {
    @Test func saveLatency() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let directory = try TemporaryDirectory(prefix: "ipasn-timing")
        defer { directory.remove() }
        let context = TestClock.context(actor: "ops")
        let stores: [(String, any Store)] = [
            ("PostgreSQL", try PostgresStore(try databases.makeConninfo(), context: context)),
            ("SQLite", try SQLiteStore(path: directory.path("timing.sqlite"), context: context)),
        ]
        for (engine, store) in stores {
            try DemoGenerator(seed: 1, pegawai: 2000, today: TestClock.today).write(to: store)
            let nips = try store.scores(year: try store.measurementYear(), unit: nil).map(\.pegawai.nip)
            var times: [Double] = []
            for n in 0..<500 {
                let record = SmallProvince.teknis(nips[(n * 7919) % nips.count], "Pengukuran \(n)", jp: 20)
                let start = DispatchTime.now().uptimeNanoseconds
                try store.add(record)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            let p50 = times[times.count / 2]
            let p99 = times[times.count * 99 / 100]
            print("save latency, \(engine), 2000 employees, 500 saves: p50 \(String(format: "%.2f", p50)) ms, p99 \(String(format: "%.2f", p99)) ms")
            #expect(try store.check() == [])
        }
    }
}
