import Foundation
import Testing

/// The CLI's tables write numbers as the language does (the dashboard's decimal comma in
/// Indonesian, a point in English) with footers in that language; CSV and JSON keep a point
/// for programs whatever the language (csv-id a comma, for Indonesian Excel), and --help says so.
@Suite struct ReportNumbersCLITests {
    /// The worked examples (2024): DINAS.01 holds A (85) and B (60.5), mean 72.75.
    @Test func unitReportFollowsTheLanguage() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let id = try cli.ok(["report", "units", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        let bidangID = try #require(id.first { $0.contains("DINAS.01") })
        #expect(bidangID.contains("72,75") && !bidangID.contains("72.75"), "\(bidangID)")
        #expect(id.last == "3 unit, tahun 2024; Lkp% = persentase pegawai yang datanya lengkap")
        let en = try cli.ok(["--lang", "en", "report", "units", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        let bidangEN = try #require(en.first { $0.contains("DINAS.01") })
        #expect(bidangEN.contains("72.75") && !bidangEN.contains("72,75"), "\(bidangEN)")
        #expect(en.last == "3 units, year 2024; Lkp% = share of employees with complete data")
        // The same table otherwise: only the decimal separator and the footer differ.
        #expect(bidangID.replacingOccurrences(of: ",", with: ".") == bidangEN)
    }

    @Test func csvAndJSONKeepAPointInIndonesian() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let csv = try cli.ok(["report", "units", "--year", "2024", "--format", "csv"]).stdout
        #expect(csv.split(separator: "\n").contains { $0.hasPrefix("DINAS.01,") && $0.contains(",72.75,") })
        let json = try CLI.jsonArray(try cli.ok(["report", "units", "--year", "2024", "--format", "json"]).stdout)
        #expect(json.first { $0["kode"] as? String == "DINAS.01" }?["total"] as? Double == 72.75)
        // csv-id ends its lines with CRLF (one Character in Swift): split on any newline.
        let excel = try cli.ok(["report", "units", "--year", "2024", "--format", "csv-id"]).stdout
        #expect(excel.split(whereSeparator: \.isNewline).contains { $0.hasPrefix("DINAS.01;") && $0.contains(";72,75;") }, "\(excel)")
        let scores = try cli.ok(["score", "--year", "2024", "--format", "csv"]).stdout
        #expect(scores.contains(",60.5,Sangat Rendah,"))
        // ArgumentParser wraps the help: read it as one line.
        let help = try cli.run(["report", "units", "--help"], db: false).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("json or csv (a decimal point, for programs)"), "\(help)")
        #expect(help.contains("70,17 in Indonesian"))
    }

    @Test func everyTableSpeaksTheLanguage() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let score = try cli.ok(["score", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        #expect(score.contains { $0.hasPrefix(Fixture.nipB) && $0.contains("60,5") })
        #expect(score.last?.hasPrefix("3 pegawai, tahun 2024") == true, "\(score.last ?? "")")
        let scoreEN = try cli.ok(["--lang", "en", "score", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        #expect(scoreEN.contains { $0.hasPrefix(Fixture.nipB) && $0.contains("60.5") })
        #expect(scoreEN.last?.hasPrefix("3 employees, year 2024") == true, "\(scoreEN.last ?? "")")
        let plan = try cli.ok(["report", "interventions", "--year", "2024", "--by", "index"]).stdout.split(separator: "\n").map(String.init)
        #expect(plan.contains { $0.hasPrefix("DINAS.01") && $0.contains("+5,83") && $0.contains("+8,75") && $0.contains("81,50") })
        #expect(plan.last?.hasPrefix("5 dari 5 baris, tahun 2024, unit dengan sub-unit, urut kenaikan indeks; indeks 70,17") == true, "\(plan.last ?? "")")
        let progress = try cli.ok(["report", "progress", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        #expect(progress.contains { $0.contains("DINAS.01") && $0.contains("72,75") })
        #expect(progress.last?.hasPrefix("3 unit, ") == true, "\(progress.last ?? "")")
        let missing = try cli.ok(["report", "missing", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        #expect(missing.last?.contains("pegawai aktif belum lengkap untuk 2024") == true, "\(missing.last ?? "")")
    }
}
