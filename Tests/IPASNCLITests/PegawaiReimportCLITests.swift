import Foundation
import Testing

/// `ipasn import pegawai` on employees already on file, and `--dry-run`.
@Suite struct PegawaiReimportCLITests {
    static let changed = """
        nip,nama,kode_unit,jenis_jabatan,jenjang,status
        \(Fixture.nipA),"Ayu Lestari, S.Pd.",DINAS.01,fungsional,Guru Ahli Muda,pns
        \(Fixture.nipB),Budi Santoso Wijaya,DINAS,pelaksana,Pengadministrasi Umum,pns
        \(Fixture.nipC),"Citra Dewi, S.E., M.M.",DINAS,struktural,pengawas,pns
        199505052020012003,Dewi Baru,DINAS,pelaksana,,pns

        """

    @Test func aDryRunListsEveryChangeAndWritesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        let file = try cli.write("pegawai2.csv", Self.changed)
        let dry = try cli.ok(["import", "--lang", "en", "pegawai", file, "--dry-run"]).stdout
        #expect(dry.contains("dry run: would import 4 pegawai rows"), "\(dry)")
        #expect(dry.contains("would add 1 new pegawai, would change 2 existing, 1 unchanged"), "\(dry)")
        #expect(dry.contains("  line 3, \(Fixture.nipB): nama \"Budi Santoso\" -> \"Budi Santoso Wijaya\"; kode_unit DINAS.01 -> DINAS"))
        #expect(dry.contains("  line 4, \(Fixture.nipC): jenjang \"administrator\" -> \"pengawas\""))
        #expect(dry.contains("nothing was written (dry run)"))
        let export = try cli.ok(["export", "pegawai"]).stdout
        #expect(export.contains("Budi Santoso,") && !export.contains("Wijaya") && !export.contains("Dewi Baru"))

        let refused = try cli.run(["import", "--lang", "en", "pegawai", file])
        #expect(refused.status == 1, "changes to employees on file need --update")
        #expect(refused.stderr.contains("2 employees already on file would change; nothing was imported."), "\(refused.stderr)")
        let real = try cli.ok(["import", "--lang", "en", "pegawai", file, "--update"]).stdout
        #expect(real.contains("imported 4 pegawai rows"))
        #expect(real.contains("added 1 new pegawai, changed 2 existing, 1 unchanged"))
        #expect(real.contains("nama \"Budi Santoso\" -> \"Budi Santoso Wijaya\""))
        #expect(try cli.ok(["export", "pegawai"]).stdout.contains("Budi Santoso Wijaya"))
    }

    @Test func aDryRunOfABadFileReportsEveryProblemAndWritesNoRejectedFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        let file = try cli.write("pegawai.csv", Fixture.pegawai + "123,Salah,DINAS,pelaksana,,pns\n")
        let r = try cli.run(["import", "--lang", "en", "pegawai", file, "--dry-run", "--skip-invalid"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("line 5, column nip:"))
        #expect(r.stdout.contains("dry run: would import 3 pegawai rows"))
        #expect(r.stdout.contains("would reject 1 row"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("pegawai.rejected.csv")))
        #expect(!(try cli.ok(["export", "pegawai"]).stdout.contains(Fixture.nipA)))
    }

    /// A dry run compares with the database on file and never creates one.
    @Test func aDryRunNeedsAnExistingDatabaseAndCreatesNone() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.run(["import", "units", try cli.write("units.csv", Fixture.units), "--dry-run"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("Tidak ada basis data di \(cli.database.path)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.database.path))
    }

    /// With --lang id every line of the import is Indonesian: problems, summary, changes.
    @Test func indonesianWithLangID() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        let dry = try cli.ok(["--lang", "id", "import", "pegawai", try cli.write("p2.csv", Self.changed), "--dry-run"]).stdout
        #expect(dry.contains("uji coba: akan mengimpor 4 baris pegawai"), "\(dry)")
        #expect(dry.contains("akan menambah 1 pegawai baru, akan mengubah 2 yang sudah ada, 1 tetap"))
        #expect(dry.contains("  baris 3, \(Fixture.nipB): nama"))
        #expect(dry.contains("tidak ada yang ditulis (uji coba)"))
        // Indonesian is the default: no --lang, no $IPASN_LANG (the harness clears it).
        let byDefault = try cli.ok(["import", "pegawai", try cli.write("p3.csv", Self.changed), "--dry-run"]).stdout
        #expect(byDefault == dry)
        let bad = try cli.run(["--lang", "id", "import", "pegawai", try cli.write("bad.csv", Fixture.pegawai + "123,Salah,DINAS,pelaksana,,pns\n")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("baris 5, kolom nip:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("1 masalah ditemukan; tidak ada yang diimpor."))
    }
}
