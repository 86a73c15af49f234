import Foundation
import IPASNTestSupport
import Testing

/// `ipasn import pegawai` with NIPs already on file: the changes (unit, jabatan, status_aktif
/// with tanggal_keluar) are listed with their lines and applied only with --update.
@Suite struct EmployeeChangeCLITests {
    static let changed = """
        nip,nama,kode_unit,jenis_jabatan,jenjang,status,status_aktif,tanggal_keluar
        \(Fixture.nipA),"Ayu Lestari, S.Pd.",DINAS,fungsional,Guru Ahli Muda,pns,,
        \(Fixture.nipB),Budi Santoso,DINAS.01,pelaksana,Pengadministrasi Umum,pns,Pensiun,30-06-2024
        \(Fixture.nipC),"Citra Dewi, S.E., M.M.",DINAS,struktural,administrator,pns,aktif,

        """

    @Test func changesToEmployeesOnFileAreListedAndAppliedOnlyWithUpdate() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        let file = try cli.write("pegawai-2.csv", Self.changed)
        let refused = try cli.run(["import", "pegawai", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("2 pegawai yang sudah ada akan berubah; tidak ada yang diimpor."), "\(refused.stderr)")
        #expect(refused.stderr.contains("baris 2, \(Fixture.nipA): kode_unit DINAS.01 -> DINAS"), "\(refused.stderr)")
        #expect(refused.stderr.contains("baris 3, \(Fixture.nipB): status_aktif aktif -> pensiun 30-06-2024"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("baris 4"))
        #expect(refused.stderr.contains("--update"))
        #expect(try cli.ok(["explain", Fixture.nipB]).stdout.contains("tidak aktif") == false, "nothing was written")
        let applied = try cli.ok(["import", "pegawai", file, "--update"])
        #expect(applied.stdout.contains("ditambah 0 pegawai baru, diubah 2 yang sudah ada, 1 tetap"), "\(applied.stdout)")
        #expect(try cli.ok(["explain", Fixture.nipB]).stdout.contains("tidak aktif"))
        // Again: nothing changes, so no --update is needed.
        let again = try cli.ok(["import", "pegawai", file])
        #expect(again.stdout.contains("diubah 0 yang sudah ada, 3 tetap"), "\(again.stdout)")
    }

    @Test func anUnknownActiveStatusIsRefusedWithTheChoices() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        let file = try cli.write(
            "p.csv", "nip,nama,kode_unit,jenis_jabatan,status_aktif,tanggal_keluar\n\(Fixture.nipB),Budi,DINAS,pelaksana,cuti,01-01-2024\n")
        let result = try cli.run(["import", "pegawai", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Status aktif 'cuti' tidak dikenal: isi aktif, pensiun, pindah keluar, meninggal atau diberhentikan"), "\(result.stderr)")
    }

    @Test func anEmptyIPASNDBIsRefusedLikeAnEmptyDbOption() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["score"], db: false, environment: ["IPASN_DB": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("IPASN_DB kosong: isi dengan berkas basis data"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path(".local/share/ipasn/ipasn.sqlite")))
        let english = try cli.run(["--lang", "en", "score"], db: false, environment: ["IPASN_DB": " "])
        #expect(english.stderr.contains("IPASN_DB is empty"))
        // --db given wins over the empty variable.
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        #expect(try cli.run(["score"], environment: ["IPASN_DB": ""]).status == 0)
    }

    @Test func pegawaiUbahNonaktifAndAktifkanChangeOneEmployeeEach() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        let refused = try cli.run(["pegawai", "ubah", Fixture.nipB, "--unit", "DINAS"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Tanggal mutasi"), "\(refused.stderr)")
        let moved = try cli.ok(["pegawai", "ubah", Fixture.nipB, "--unit", "DINAS", "--tanggal-mutasi", "02-01-2025"])
        #expect(moved.stdout.contains("\(Fixture.nipB): kode_unit DINAS.01 -> DINAS; tmt_unit - -> 02-01-2025"), "\(moved.stdout)")
        let retired = try cli.ok(["pegawai", "nonaktif", Fixture.nipB, "--alasan", "pensiun", "--tanggal", "30-06-2025"])
        #expect(retired.stdout.contains("status_aktif aktif -> pensiun 30-06-2025"), "\(retired.stdout)")
        #expect(try cli.ok(["explain", Fixture.nipB]).stdout.contains("tidak aktif"))
        let unknown = try cli.run(["pegawai", "nonaktif", Fixture.nipB, "--alasan", "cuti", "--tanggal", "30-06-2025"])
        #expect(unknown.stderr.contains("--alasan cuti tidak dikenal"))
        let back = try cli.ok(["pegawai", "aktifkan", Fixture.nipB])
        #expect(back.stdout.contains("status_aktif pensiun 30-06-2025 -> aktif"), "\(back.stdout)")
        #expect(try cli.ok(["pegawai", "aktifkan", Fixture.nipB]).stdout.contains("tidak ada yang berubah"))
    }
}
