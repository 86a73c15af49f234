import Foundation
import IPASNFiles
import Testing

/// Issue 13's guarantees over the newer commands: the report tables escape control
/// characters from data while csv-id carries them as stored, and an .xlsx import's error list
/// is bounded like a CSV file's.
@Suite struct CLIMergedOutputTests {
    static let esc = "\u{1B}"

    func sql(_ cli: CLI, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [cli.database.path, statement]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func reportTablesEscapeControlCharactersAndCSVIDKeepsThem() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        // Stored by an older version: a unit name that turns the terminal red, an employee
        // name that asks for the cursor position.
        try sql(cli, "UPDATE units SET nama = 'Dinas' || char(27) || '[31m' WHERE kode = 'DINAS'")
        try sql(cli, "UPDATE pegawai SET nama = 'Budi' || char(27) || '[6n' WHERE nip = '\(Fixture.nipB)'")
        let units = try cli.ok(["report", "units", "--year", "2024"]).stdout
        let progress = try cli.ok(["report", "progress", "--year", "2024"]).stdout
        // 2025 has no SKP for anyone: every employee is listed as missing one.
        let missing = try cli.ok(["report", "missing", "--year", "2025"]).stdout
        for table in [units, progress, missing] {
            #expect(!table.contains(Self.esc), "\(table)")
        }
        // The escaped name is fitted like any other (after its code, in the unit's cell).
        #expect(units.contains(#" DINAS Dinas\u{1B}[31m        3"#), "\(units)")
        #expect(units.contains("PEMDA Pemerintah Kabupaten…   3"), "a name longer than its room is cut: \(units)")
        #expect(progress.contains(#"Dinas\u{1B}[31m"#), "\(progress)")
        #expect(missing.contains(#"Budi\u{1B}[6n"#), "\(missing)")
        let csvID = try cli.ok(["report", "missing", "--year", "2025", "--format", "csv-id"]).stdout
        #expect(csvID.contains("Budi\(Self.esc)[6n"))
        let json = try cli.ok(["report", "progress", "--year", "2024", "--format", "json"]).stdout
        #expect(json.contains(#"Dinas\u001b[31m"#), "\(json)")
    }

    @Test func anXLSXImportsLongErrorListIsBoundedAndWrittenWhole() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        let path = cli.path("SKP 2024.xlsx")
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet("skp")
        try sheet.write(row: 0, texts: ["nip", "tahun", "predikat", "nilai"])
        // 120 rows with an unknown predikat, one of them with a tab inside.
        for i in 0..<120 {
            try sheet.write(row: i + 1, texts: [Fixture.nipA, "2024", i == 119 ? "baik\tsekali" : "luar biasa \(i)", ""])
        }
        try writer.close()
        let r = try cli.run(["import", "skp", path])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("baris ") }.count == 100, "\(r.stderr)")
        let list = cli.path("SKP 2024.masalah.txt")
        #expect(r.stderr.contains("... dan 20 masalah lagi; daftar lengkap (120) ditulis ke \(list)"), "\(r.stderr)")
        #expect(r.stderr.contains("kesalahan: \(path): 120 masalah ditemukan; tidak ada yang diimpor."), "\(r.stderr)")
        let whole = try String(contentsOfFile: list, encoding: .utf8).split(separator: "\n")
        #expect(whole.count == 120)
        // Spreadsheet row 121: the tab is refused by name (the text limits hold for .xlsx rows).
        #expect(whole.last?.hasPrefix("baris 121, kolom predikat:") == true, "\(whole.last ?? "")")
        #expect(whole.last?.contains("TAB (U+0009)") == true, "\(whole.last ?? "")")
        #expect(try cli.ok(["export", "skp"]).stdout.split(separator: "\n").count == 1)
    }
}
