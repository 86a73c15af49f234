import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn units rename OLD NEW` and `ipasn migrate --join --rename OLD=NEW` / `--rename-prefix`,
/// through the real binary (which acts as the OS login of the test process).
@Suite struct UnitsRenameCLITests {
    let me = StoreContext.currentUser()

    private func seeded(_ cli: CLI) throws {
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["config", "year", "2024"])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        try cli.ok(["import", "diklat", try cli.write("diklat.csv", Fixture.diklat)])
        try cli.ok(["users", "add", "ani", "--role", "admin", "--unit", "DINAS.01"])
    }

    @Test func anOperatorRenamesAUnitAndEveryFigureReadsTheSameUnderTheNewCode() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try seeded(cli)
        let before = try cli.ok(["report", "units", "--format", "json"]).stdout
        let scores = try cli.ok(["score", "--format", "csv"]).stdout
        let renamed = try cli.ok(["units", "rename", "DINAS.01", "DINAS-BIDANG"])
        #expect(renamed.stdout == "unit Bidang Contoh: kode DINAS.01 -> DINAS-BIDANG; 2 pegawai dan 0 sub-unit ikut pindah; riwayat lama tetap dengan kode DINAS.01\n")
        #expect(try cli.ok(["report", "units", "--format", "json"]).stdout == before.replacingOccurrences(of: "\"DINAS.01\"", with: "\"DINAS-BIDANG\""))
        #expect(try cli.ok(["score", "--format", "csv"]).stdout == scores.replacingOccurrences(of: "DINAS.01", with: "DINAS-BIDANG"))
        #expect(try cli.ok(["users", "list"]).stdout.contains("DINAS-BIDANG"))
        #expect(try cli.run(["check"]).status == 0)
        let english = try cli.ok(["--lang", "en", "units", "rename", "DINAS", "DINAS-INDUK"])
        #expect(english.stdout == "unit Dinas Contoh: code DINAS -> DINAS-INDUK; 1 employee(s) and 1 sub-unit(s) moved with it; the old history keeps the code DINAS\n")
        let entry = try #require(
            try SQLiteStore(path: cli.database.path, context: StoreContext(actor: me), access: .read).auditLog(limit: 1).first)
        #expect(entry.action == .rename && entry.actor == me && entry.subject == .unit("DINAS-INDUK"))
    }

    @Test func aRenameIsRefusedToAnAdminAndForAnUsedOrInvalidCodeInBothLanguages() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Another login made the database; this login is an admin of DINAS.01.
        let boss = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: "boss-\(me)"))
        try boss.saveUnit(OrgUnit(kode: "DINAS", nama: "Dinas Contoh"))
        try boss.saveUnit(OrgUnit(kode: "DINAS.01", nama: "Bidang Contoh", induk: "DINAS"))
        try boss.saveAccount(Account(login: me, role: .admin, units: ["DINAS.01"]))
        let admin = try cli.run(["units", "rename", "DINAS.01", "BIDANG"])
        #expect(admin.status == 1)
        #expect(admin.stderr.contains("Hanya operator yang dapat mengganti kode unit (ipasn units rename)"))
        let adminEn = try cli.run(["--lang", "en", "units", "rename", "DINAS.01", "BIDANG"])
        #expect(adminEn.status == 1 && adminEn.stderr.contains("Only an operator changes a unit's code (ipasn units rename)"))
        try boss.saveAccount(Account(login: me, role: .operator))
        let used = try cli.run(["units", "rename", "DINAS.01", "DINAS"])
        #expect(used.status == 1 && used.stderr.contains("Kode unit DINAS sudah dipakai unit lain; pilih kode yang belum dipakai."), "\(used.stderr)")
        let usedEn = try cli.run(["--lang", "en", "units", "rename", "DINAS.01", "DINAS"])
        #expect(usedEn.status == 1 && usedEn.stderr.contains("The unit code DINAS is already used by another unit; choose an unused code."))
        let unknown = try cli.run(["units", "rename", "NOPE", "X"])
        #expect(unknown.status == 1 && unknown.stderr.contains("Unit NOPE tidak ada di basis data."))
        #expect(try cli.run(["units", "rename", "DINAS.01", String(repeating: "X", count: 500)]).status == 1)
        #expect(try boss.units().map(\.kode) == ["DINAS", "DINAS.01"], "nothing renamed")
    }

    /// A province (SQLite file) and a city file that both hold a unit DISDIK, each with its own employee.
    private func clashingPair(_ cli: CLI) throws -> (city: String, province: String) {
        let province = cli.path("provinsi.sqlite")
        let p = try SQLiteStore(path: province, context: StoreContext(actor: me))
        try p.setMeasurementYear(2024)
        try p.saveUnit(OrgUnit(kode: "PROV", nama: "Pemerintah Provinsi"))
        try p.saveUnit(OrgUnit(kode: "DISDIK", nama: "Dinas Pendidikan Provinsi", induk: "PROV"))
        try p.savePegawai(Pegawai(nip: Fixture.nipA, nama: "Ayu", kodeUnit: "DISDIK", jenisJabatan: .pelaksana))
        let c = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: me))
        try c.setMeasurementYear(2024)
        try c.saveUnit(OrgUnit(kode: "KOTA", nama: "Pemerintah Kota"))
        try c.saveUnit(OrgUnit(kode: "DISDIK", nama: "Dinas Pendidikan Kota", induk: "KOTA"))
        try c.savePegawai(Pegawai(nip: Fixture.nipB, nama: "Budi", kodeUnit: "DISDIK", jenisJabatan: .pelaksana))
        try c.add(SmallProvince.teknis(Fixture.nipB, "Bimtek Kota"))
        try c.saveAccount(Account(login: "sari", role: .admin, units: ["DISDIK"]))
        try c.setProgress(unit: "DISDIK", dimension: .kompetensi, done: true)
        return (cli.database.path, province)
    }

    @Test func aJoiningCityUnitLandsUnderItsNewCodeAndAClashNamesTheOption() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (city, province) = try clashingPair(cli)
        let refused = try cli.run(["migrate", "--to", province, "--join"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("DISDIK: berkas \"Dinas Pendidikan Kota\", tujuan \"Dinas Pendidikan Provinsi\""))
        #expect(refused.stderr.contains("--rename KODE=KODE-BARU") && refused.stderr.contains("--rename-prefix"))
        let refusedEn = try cli.run(["--lang", "en", "migrate", "--to", province, "--join"])
        #expect(refusedEn.status == 1 && refusedEn.stderr.contains("join with --rename CODE=NEW-CODE for each"))
        #expect(try cli.run(["migrate", "--to", province, "--join", "--rename", "DISDIK"]).status == 2)

        let joined = try cli.run(["migrate", "--to", province, "--join", "--rename", "DISDIK=KOTA-DISDIK"])
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(joined.stdout.contains("  kode unit DISDIK -> KOTA-DISDIK\n"))
        #expect(joined.stdout.contains("1 kode unit diganti di salinan berkas"))
        #expect(joined.stdout.contains("terbukti sama: unit berkas di tujuan"))
        let target = try SQLiteStore(path: province, context: StoreContext(actor: me), access: .read)
        #expect(try target.units().map(\.kode) == ["DISDIK", "KOTA", "KOTA-DISDIK", "PROV"])
        #expect(try target.pegawai(nip: Fixture.nipB)?.kodeUnit == "KOTA-DISDIK" && target.pegawai(nip: Fixture.nipA)?.kodeUnit == "DISDIK")
        #expect(try target.account(login: "sari")?.units == ["KOTA-DISDIK"])
        #expect(try target.progressMarks().contains { $0.unit == "KOTA-DISDIK" && $0.done })
        #expect(try target.records(nip: Fixture.nipB)?.diklat.count == 1)
        let newest = try #require(try target.auditLog(limit: 1).first)
        #expect(newest.action == .rename && newest.subject == .unit("KOTA-DISDIK") && newest.actor == me, "the rename, in the target's history")
        #expect(try target.check().isEmpty)
        // The file itself is only read.
        let file = try SQLiteStore(path: city, context: StoreContext(actor: me), access: .read)
        #expect(try file.units().map(\.kode) == ["DISDIK", "KOTA"])
    }

    @Test func aPrefixRenamesEveryUnitOfTheJoiningFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (_, province) = try clashingPair(cli)
        let joined = try cli.run(["--lang", "en", "migrate", "--to", province, "--join", "--rename-prefix", "KAB-"])
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(joined.stdout.contains("  unit code DISDIK -> KAB-DISDIK\n") && joined.stdout.contains("  unit code KOTA -> KAB-KOTA\n"))
        let target = try SQLiteStore(path: province, context: StoreContext(actor: me), access: .read)
        #expect(try target.units().map(\.kode) == ["DISDIK", "KAB-DISDIK", "KAB-KOTA", "PROV"])
        #expect(try target.units().first { $0.kode == "KAB-DISDIK" }?.induk == "KAB-KOTA")
        #expect(try target.check().isEmpty)
        #expect(try cli.run(["migrate", "--to", "postgresql://x/y", "--rename", "A=B"]).status == 2, "--rename needs --join")
    }
}
