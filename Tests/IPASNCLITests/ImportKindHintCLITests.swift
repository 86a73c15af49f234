import Foundation
import Testing

/// Branch leftovers13: `ipasn import KIND` on a file whose header is plainly another kind's
/// names that kind and the command, as the workstation's import reads the file's kind
/// (`ImportKindDecision`, one function for both).
@Suite struct ImportKindHintCLITests {
    @Test func aHeaderOfAnotherKindIsNamedWithTheCommand() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        let file = try cli.write(
            "Sosialisasi SKP 2026.csv",
            "NIP;Jenis Diklat;Nama Diklat;Tanggal Mulai;Tanggal Selesai;JP\n\(Fixture.nipA);Sosialisasi;Sosialisasi SKP;01-03-2024;02-03-2024;4\n")
        let result = try cli.run(["import", "skp", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Kepala kolomnya milik berkas diklat: ipasn import diklat \"\(file)\""), "\(result.stderr)")
        // The kind the header is: no hint.
        let plain = try cli.run(["import", "diklat", file])
        #expect(!plain.stderr.contains("Kepala kolomnya"), "\(plain.stderr)")
    }
}
