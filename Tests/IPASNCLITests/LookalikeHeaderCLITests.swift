import Foundation
import Testing

/// Seventh user test (branch ux8): `Jabatan/Jenjang` was ignored without a word and every
/// struktural line said "Jenjang wajib diisi". `ipasn import` now names such a header once,
/// before the lines' problems, with the column to rename it to.
@Suite struct LookalikeHeaderCLITests {
    @Test func aHeaderThatLooksLikeAMissingColumnIsNamedOnceBeforeTheProblems() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        let file = try cli.write(
            "pegawai.csv",
            "NIP;Nama Pegawai;Kode Unit;Jenis Jabatan;Jabatan/Jenjang\n"
                + "\(Fixture.nipA);Ayu;DINAS;struktural;administrator\n"
                + "\(Fixture.nipB);Budi;DINAS;struktural;pengawas\n")
        let result = try cli.run(["import", "pegawai", file])
        #expect(result.status == 1)
        let said = "Judul \"Jabatan/Jenjang\" (kolom E) tidak dibaca, dan berkas ini tidak punya kolom jenjang. "
            + "Jika isinya jenjang, ganti judulnya menjadi \"jenjang\"."
        #expect(result.stderr.components(separatedBy: said).count == 2, "once: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let named = try #require(lines.firstIndex(of: said), "\(result.stderr)")
        let firstProblem = try #require(lines.firstIndex { $0.contains("baris 2") }, "\(result.stderr)")
        #expect(named < firstProblem, "before the lines' problems: \(result.stderr)")
    }
}
