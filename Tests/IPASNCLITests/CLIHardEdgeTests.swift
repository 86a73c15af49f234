import Foundation
import Testing

/// Issue 13: the command line never prints raw terminal escapes from data, bounds its error
/// lists, speaks the admin's language, and never traps on a stored ruleset.
@Suite struct CLIHardEdgeTests {
    /// Runs SQL on the CLI's database with the system's sqlite3 (data an older ipasn let in).
    func sql(_ cli: CLI, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [cli.database.path, statement]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static let esc = "\u{1B}"

    @Test func dataWithTerminalEscapesIsShownEscaped() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        // A name stored by an older version: it sets the window title and asks the cursor position.
        try sql(cli, "UPDATE pegawai SET nama = 'Ayu' || char(27) || ']0;pwned' || char(7) || char(27) || '[6n' WHERE nip = '\(Fixture.nipA)'")
        let explain = try cli.ok(["explain", Fixture.nipA, "--year", "2024", "--lang", "en"])
        #expect(!explain.stdout.contains(Self.esc))
        #expect(!explain.stdout.contains("\u{07}"))
        #expect(explain.stdout.contains(#"Name: Ayu\u{1B}]0;pwned\u{7}\u{1B}[6n"#))
        let table = try cli.ok(["score", "--year", "2024"])
        #expect(!table.stdout.contains(Self.esc))
        #expect(table.stdout.contains(#"Ayu\u{1B}"#))
        let interventions = try cli.ok(["report", "interventions", "--year", "2024"])
        #expect(!interventions.stdout.contains(Self.esc))
        // JSON and CSV carry the data as stored (JSON escapes it its own way).
        let json = try cli.ok(["score", "--year", "2024", "--format", "json"]).stdout
        #expect(json.contains(#"Ayu\u001b]0;pwned\u0007\u001b[6n"#))
        let csv = try cli.ok(["score", "--year", "2024", "--format", "csv"]).stdout
        #expect(csv.contains("Ayu\(Self.esc)]0;pwned\u{07}\(Self.esc)[6n"))
    }

    @Test func importRefusesControlCharactersAndNeverEchoesThemRaw() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        let file = try cli.write(
            "pegawai.csv",
            "nip,nama,kode_unit,jenis_jabatan\n\(Fixture.nipA),Ayu\(Self.esc)[6n,DINAS,pelaksana\n\(Fixture.nipB),Budi,DINAS,guru\(Self.esc)[6n\n")
        let r = try cli.run(["import", "pegawai", file])
        #expect(r.status == 1)
        #expect(!r.stderr.contains(Self.esc))
        #expect(r.stderr.contains("baris 2, kolom nama:"), "\(r.stderr)")
        #expect(r.stderr.contains("berisi karakter kendali ESC (U+001B)"), "\(r.stderr)")
        #expect(r.stderr.contains("baris 3, kolom jenis_jabatan:"), "\(r.stderr)")
        #expect(r.stderr.contains("kesalahan: \(file): 2 masalah ditemukan; tidak ada yang diimpor."), "\(r.stderr)")
        let en = try cli.run(["--lang", "en", "import", "pegawai", file])
        #expect(en.stderr.contains("line 2, column nama:"), "\(en.stderr)")
        #expect(en.stderr.contains("contains the control character ESC (U+001B)"), "\(en.stderr)")
        #expect(en.stderr.contains("error: \(file): 2 problems found; nothing was imported."), "\(en.stderr)")
    }

    @Test func aLongErrorListIsBoundedAndWrittenWhole() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        var text = "nip,tahun,predikat,nilai\n"
        for i in 0..<150 { text += "\(Fixture.nipA),2024,\(String(repeating: "x", count: 100))\(i),\n" }
        let file = try cli.write("skp.csv", text)
        let r = try cli.run(["import", "skp", file])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("baris ") }.count == 100)
        let list = cli.path("skp.masalah.txt")
        #expect(r.stderr.contains("... dan 50 masalah lagi; daftar lengkap (150) ditulis ke \(list)"), "\(r.stderr)")
        let whole = try String(contentsOfFile: list, encoding: .utf8).split(separator: "\n")
        #expect(whole.count == 150)
        #expect(whole.last?.hasPrefix("baris 151, kolom predikat:") == true)
        // The echoed value is shortened.
        #expect(lines.first?.contains("\"\(String(repeating: "x", count: 40))…\"") == true, "\(lines.first ?? "")")
        #expect(r.stderr.utf8.count < 40_000)
    }

    @Test func aMixedEncodingFileIsRefusedInTheAdminsLanguage() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let url = cli.directory.appendingPathComponent("units.csv")
        try Data(Array("kode,nama\nU1,Jos".utf8) + [0xE9] + Array("\nU2,Café\n".utf8)).write(to: url)
        let r = try cli.run(["import", "units", url.path])
        #expect(r.status == 1)
        // The first line says the new database was made (import creates it); then the one refusal.
        #expect(
            r.stderr.contains("\nkesalahan: \(url.path): Berkas mencampur dua pengodean huruf: baris 3 ditulis UTF-8, baris 2 Windows-1252"),
            "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "kesalahan:").count == 2)
        #expect(!r.stderr.contains("Error:"))
        #expect(!r.stderr.contains("Error Domain"))
    }

    @Test func aStoredRulesetThatWouldTrapIsReportedNotCrashed() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        // The issue's ruleset, as an older ipasn stored it after `rules use`.
        let bad = try cli.write("bad.json", #"{"base":"bkn-2019","kinerja":{"max":1e308}}"#)
        let check = try cli.run(["rules", "check", bad])
        #expect(check.status == 1)
        #expect(check.stderr.contains("kinerja.max: 1e308 is outside 0...1000"), "\(check.stderr)")
        let full = try cli.ok(["rules", "show", "--format", "json"]).stdout
        var object = try #require(try JSONSerialization.jsonObject(with: Data(full.utf8)) as? [String: Any])
        var kinerja = try #require(object["kinerja"] as? [String: Any])
        kinerja["max"] = 1e308
        object["kinerja"] = kinerja
        object["id"] = "kab-x"
        let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            .replacingOccurrences(of: "'", with: "''")
        try sql(cli, "INSERT OR REPLACE INTO config(key, value) VALUES('ruleset', '\(json)')")
        for args in [["explain", Fixture.nipA, "--year", "2024"], ["rules", "show"]] {
            let r = try cli.run(args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("kinerja.max: 1e+308 is outside 0...1000") || r.stderr.contains("kinerja.max: 1e308 is outside 0...1000"), "\(r.stderr)")
            #expect(!r.stderr.contains("Error:"))
        }
    }

    @Test func aPartialRulesetIsShownAsChanged() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = try cli.write(
            "rules.json", #"{"base":"bkn-2019","categories":[{"min":80,"name":"Tinggi"},{"min":0,"name":"Rendah"}]}"#)
        try cli.ok(["rules", "use", file])
        let show = try cli.ok(["config", "show"]).stdout
        #expect(show.contains("bkn-2019-diubah (PermenPANRB 38/2018 & Peraturan BKN 8/2019 (diubah))"), "\(show)")
        #expect(try cli.ok(["rules", "show"]).stdout.hasPrefix("Aturan bkn-2019-diubah:"))
        #expect(try cli.ok(["rules", "show", "--lang", "en"]).stdout.hasPrefix("Ruleset bkn-2019-diubah:"))
    }

    @Test func emptyDBAndControlCharactersInArgumentsAreUsageErrors() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let empty = try cli.run(["--db", "", "score"], db: false)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("--db kosong"), "\(empty.stderr)")
        let escape = try cli.run(["explain", "1986\(Self.esc)]0;x\u{07}"])
        #expect(escape.status == 2)
        #expect(!escape.stderr.contains(Self.esc))
        #expect(escape.stderr.contains("berisi karakter kendali ESC (U+001B)"), "\(escape.stderr)")
    }
}

