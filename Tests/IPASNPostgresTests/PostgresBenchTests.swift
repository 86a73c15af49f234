import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNBench
@testable import IPASNPostgres

/// The PostgreSQL rows of `ipasn bench`: the PostgreSQL form of the reference query on a
/// province whose unit means are worked out by hand, and a short run of many admins at once.
@Suite(.enabled(if: PostgresTestServer.isAvailable && ChildProcess.available("psql"), PostgresTestServer.skipNote))
struct PostgresBenchTests {
    /// SmallProvince (2024) plus: Andi (ROOT) a 20 JP teknis course (kompetensi 22.5), Budi
    /// (SUB) SKP predikat baik (kinerja 25), Citra (SUB) SKP nilai 80 (25) and an S1 (15).
    /// By hand, every pelaksana without punishment has disiplin 5:
    /// Andi 0 + 22.5 + 0 + 5 = 27.5, Budi 0 + 0 + 25 + 5 = 30, Citra 15 + 0 + 25 + 5 = 45.
    /// SUB (Budi, Citra): means 7.5, 0, 25, 5, total 37.5.
    /// ROOT (all three): means 5, 7.5, 50/3, 5, total 102.5/3.
    @Test func referenceQueryOnPostgreSQLMatchesTheHandWorkedMeansAndTheStore() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let store = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(store)
        _ = try store.add(SmallProvince.teknis(SmallProvince.nipA))
        _ = try store.add(.skp(SKP(nip: SmallProvince.nipB, tahun: 2024, predikat: .baik)))
        _ = try store.add(.skp(SKP(nip: SmallProvince.nipC, tahun: 2024, nilai: 80)))
        _ = try store.add(
            .pendidikan(
                Pendidikan(
                    nip: SmallProvince.nipC, tingkat: .s1, tanggalLulus: TestClock.date("2010-08-20"),
                    namaSekolah: "Universitas Hasanuddin")))

        let directory = try TemporaryDirectory(prefix: "ipasn-pgbench")
        defer { directory.remove() }
        let path = try directory.write("reference.sql", ReferenceQuery.sql(year: 2024, dialect: .postgresql))
        let output = try PostgresCluster.psql(conninfo, ["--csv", "-f", path]).stdout
        let rows = try RecomputeBench.parse(output)
        #expect(rows.map(\.kode) == ["ROOT", "SUB"])
        let root = try #require(rows.first)
        #expect(root.pegawai == 3)
        #expect(root.sumsX2 == [30, 45, 100, 30])
        #expect(root.means[0] == 5 && root.means[1] == 7.5 && root.means[3] == 5)
        #expect(abs(root.means[2] - 50.0 / 3) < 1e-12)
        #expect(abs(root.means[4] - 102.5 / 3) < 1e-12)
        let sub = try #require(rows.last)
        #expect(sub.pegawai == 2)
        #expect(sub.sumsX2 == [30, 0, 100, 20])
        #expect(sub.means == [7.5, 0, 25, 5, 37.5])

        // The store's unit report agrees with it (the bench's self-check), and a changed
        // figure is caught.
        try store.recomputeAll(year: 2024)
        let figures = try store.unitFigures(year: 2024)
        #expect(try PostgresBench.compare(figures, rows) == 2)
        var wrong = rows
        wrong[1].sumsX2[2] = 98
        #expect(throws: BenchError.self) { try PostgresBench.compare(figures, wrong) }
    }

    /// Twenty admins, each its own database role and unit on its own connection, plus a
    /// pimpinan reading the dashboard figures: no call fails and every save is stored with
    /// its audit row (the bench's PG4 row, short; only the outcome is checked, never a time).
    @Test func manyAdminsAtOnceLoseNothing() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let conninfo = try databases.makeConninfo()
        let operatorStore = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try operatorStore.setMeasurementYear(2024)
        try operatorStore.saveUnit(OrgUnit(kode: "PROV", nama: "Provinsi"))
        for unit in 1...20 {
            let kode = String(format: "U%02d", unit)
            try operatorStore.saveUnit(OrgUnit(kode: kode, nama: "Unit \(unit)", induk: "PROV"))
            for person in 1...3 {
                let nip = String(format: "1990010120150%02d%03d", unit, person)
                try operatorStore.savePegawai(
                    Pegawai(nip: nip, nama: "Pegawai \(unit)-\(person)", kodeUnit: kode, jenisJabatan: .pelaksana))
            }
        }
        let bench = ConcurrentAdminsBench(
            connect: { login, context in
                try PostgresStore(conninfo + " user='\(login)'", context: context)
            },
            operatorStore: operatorStore,
            provision: { login in try PostgresCluster.psql(conninfo, ["-c", PostgresBench.provisionSQL(login)]) },
            count: { tag in
                try PostgresBench.countConcurrent(tag: tag) { sql in
                    try PostgresCluster.psql(conninfo, ["-c", sql]).stdout.split(separator: "\n").compactMap { line in
                        let fields = line.split(separator: ",").map(String.init)
                        return fields.count == 2 ? Int(fields[1]).map { (fields[0], $0) } : nil
                    }
                }
            })
        let result = try bench.run(.init(admins: 20, seconds: 3, interval: 0.1...0.4), tag: "t")
        #expect(result.errors == [])
        #expect(result.admins == 20)
        #expect(!result.saves.isEmpty)
        #expect(!result.dashboardReads.isEmpty)
        // Every reported save is a record under its admin's unit, entered by that admin.
        let stored = try PostgresCluster.psql(
            conninfo,
            ["-c", "SELECT count(*) FROM diklat d JOIN pegawai p ON p.nip = d.nip WHERE d.nama LIKE 'Bench t %' AND p.kode_unit LIKE 'U%'"]
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(stored == String(result.saves.count))
    }
}
