import Foundation
import Testing

/// `ipasn template` and `ipasn import` of .xlsx files, through the binary.
@Suite struct XLSXCommandTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xlsx/\(name)").path
    }

    /// Units and the two employees of the .xlsx fixtures.
    static func seed(_ cli: CLI) throws {
        try cli.ok(["import", "units", try cli.write("units.csv", "kode,nama,induk\nROOT,Pemkot,\nSUB,Bidang,ROOT\n")])
        try cli.ok([
            "import", "pegawai",
            try cli.write(
                "DATA PEGAWAI 2026.csv",
                "NIP Baru;Nama Pegawai;Kode Unit;Jenis Jabatan\n198609262015051001;Andi;ROOT;pelaksana\n199001012019032002;Budi;SUB;fungsional\n"),
        ])
    }

    @Test func aTemplateIsWrittenAndImportsEmpty() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let out = cli.path("diklat template.xlsx")
        let r = try cli.ok(["--lang", "en", "template", "diklat", "--out", out])
        #expect(r.stdout == "wrote the diklat template to \(out)\n")
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(try cli.ok(["import", "--lang", "en", "diklat", out]).stdout == "imported 0 diklat rows\n")
    }

    @Test func templateRefusesAnOutputThatIsNoXLSX() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.run(["--lang", "en", "template", "skp", "--out", cli.path("skp.csv")])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--out must name an .xlsx file"))
        let missingDir = try cli.run(["--lang", "en", "template", "skp", "--out", cli.path("nope/skp.xlsx")])
        #expect(missingDir.status != 0)
        #expect(missingDir.stderr.contains("no such directory"))
    }

    @Test func aFilledTemplateImportsThroughTheCLI() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.seed(cli)
        let r = try cli.ok(["import", "--lang", "en", "diklat", Self.fixture("diklat-template-filled.xlsx"), "--sheet", "diklat"])
        #expect(r.stdout == "imported 3 diklat rows\n")
        let export = try cli.ok(["export", "diklat"]).stdout
        #expect(export.contains("Pelatihan Kepemimpinan Pengawas"))
        #expect(export.split(separator: "\n").count == 4)
    }

    @Test func nipsThatExcelTurnedIntoNumbersAreRefusedWithTheFix() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", "kode,nama,induk\nROOT,Pemkot,\nSUB,Bidang,ROOT\n")])
        let r = try cli.run(["import", "--lang", "en", "pegawai", Self.fixture("pegawai-nip-number.xlsx")])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "line 2, column nip: NIP \"1.98609E+17\" was turned into a number by Excel and lost its last digits. Format the NIP column as Text"
            ), "\(r.stderr)")
        #expect(r.stderr.contains("line 3, column nip:"))
        #expect(r.stderr.contains("2 problems found; nothing was imported."))
    }

    @Test func sheetErrors() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let noSheet = try cli.run(["import", "--lang", "en", "diklat", Self.fixture("diklat-template-filled.xlsx"), "--sheet", "Nope"])
        #expect(noSheet.status != 0)
        #expect(noSheet.stderr.contains("There is no sheet \"Nope\". The sheets of this file: diklat, Petunjuk, Daftar."))
        let csv = try cli.write("diklat.csv", "nip,jenis\n")
        let onCSV = try cli.run(["import", "--lang", "en", "diklat", csv, "--sheet", "diklat"])
        #expect(onCSV.status != 0)
        #expect(onCSV.stderr.contains("--sheet is for .xlsx files"))
    }

    @Test func aMisspeltHeaderIsNamedWithTheNearestColumn() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.seed(cli)
        let file = try cli.write(
            "kursus.csv", "NIP;Jenis;Nama Diklat;Tangal Mulai;Tanggal Selesai;Jumlah JP\n198609262015051001;Bimtek;SIASN;01-03-2024;01-03-2024;8\n")
        let r = try cli.run(["import", "--lang", "en", "diklat", file])
        #expect(r.status != 0)
        #expect(r.stderr.contains("Unknown column header(s): \"Tangal Mulai\" in column D (did you mean tanggal_mulai?)."), "\(r.stderr)")
    }
}
