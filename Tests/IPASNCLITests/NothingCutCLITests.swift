import Foundation
import Testing

@testable import ipasn

/// Nothing cut without a sign on the command line: unit codes whole in tables (two codes
/// with a long common prefix stay apart), `rules show` wrapped at the terminal width.
@Suite struct NothingCutCLITests {
    static let units = """
        kode,nama,induk
        BKPSDM,Badan Kepegawaian,
        BKPSDM.BIDANG.01,Bidang Mutasi,BKPSDM
        BKPSDM.BIDANG.02,Bidang Pengembangan,BKPSDM

        """
    static let pegawai = """
        nip,nama,kode_unit,jenis_jabatan,jenjang,status
        \(Fixture.nipA),Ayu Lestari,BKPSDM.BIDANG.01,pelaksana,,pns
        \(Fixture.nipB),Budi Santoso,BKPSDM.BIDANG.02,pelaksana,,pns

        """

    @Test func sameFixedUnitCodesStayWholeInTables() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Self.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Self.pegawai)])
        let report = try cli.ok(["report", "units"]).stdout
        #expect(report.contains(" BKPSDM.BIDANG.01 "), "\(report)")
        #expect(report.contains(" BKPSDM.BIDANG.02 "), "\(report)")
        let score = try cli.ok(["score"]).stdout
        #expect(score.contains(" BKPSDM.BIDANG.01 ") && score.contains(" BKPSDM.BIDANG.02 "), "\(score)")
        for line in (report + score).split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
    }

    @Test func rulesShowWrapsAtTheTerminalWidth() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Reading never creates a database: the sample makes it first.
        try Fixture.load(into: cli)
        let narrow = try cli.run(["rules", "show"], environment: ["COLUMNS": "50"]).stdout
        for line in narrow.split(separator: "\n") { #expect(line.count <= 50, "too wide: \(line)") }
        // Every word is still there: the text is the same once the wrapping is undone.
        let wide = try cli.run(["rules", "show"], environment: ["COLUMNS": "1000"]).stdout
        func words(_ text: String) -> [Substring] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }) }
        #expect(words(narrow) == words(wide))
        #expect(narrow.contains("\n    Nonklasikal Lainnya (25)") || narrow.contains("Nonklasikal"))
    }

    @Test func tableCellsAlignByDisplayWidth() {
        let table = TextTable([("Nama", 6, .left), ("N", 2, .right)], utf8: true)
        #expect(table.row(["Ruslï", "1"]) == "Ruslï   1")
        #expect(table.row(["漢字漢字", "1"]) == "漢字…   1", "a wide character never split: 漢字 and the ellipsis, padded")
        #expect(TextTable.category("Sangat Rendah", short: true) == "S.Rendah")
        #expect(TextTable.category("Sangat Rendah", short: false) == "Sangat Rendah")
    }

    @Test func aLongCodeWidensItsColumnAndTheCategoryShortensToStayIn80Columns() {
        var columns: [TextTable.Column] =
            [("NIP", 18, .left), ("Nama", 13, .left), ("Unit", 6, .left)] + TextTable.scoreColumns(means: false) + [("", 1, .left)]
        #expect(TextTable.width(columns) == 80)
        // A 16-character code: 10 more for the unit, 5 taken from the name (down to 8).
        columns = TextTable.widen(columns, whole: 2, toFit: ["BKPSDM.BIDANG.01"], give: 1)
        #expect(columns[2].width == 16 && columns[1].width == 8)
        #expect(TextTable.width(columns) == 85)
        #expect(TextTable.fitCategory(&columns))
        #expect(columns[8].width == 8 && TextTable.width(columns) == 80)
    }
}

@Suite struct AsciiLocaleCLITests {
    @Test func theLocaleDecides() {
        #expect(TerminalText.utf8Locale(["LANG": "C.UTF-8"]))
        #expect(TerminalText.utf8Locale(["LANG": "id_ID.utf8"]))
        #expect(!TerminalText.utf8Locale(["LANG": "C"]))
        #expect(!TerminalText.utf8Locale(["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
        #expect(TerminalText.utf8Locale([:]), "nothing set: UTF-8 as scripts expect")
        #expect(TerminalText.forTerminal("JP ≥ 20 – Ruslï…", utf8: false) == "JP >= 20 - Rusli~")
        #expect(TerminalText.forTerminal("JP ≥ 20", utf8: true) == "JP ≥ 20")
    }

    /// `LANG=C ipasn rules show`: ASCII only, the same layout.
    @Test func rulesShowUnderLangCIsAscii() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let ascii = try cli.run(["--lang", "en", "rules", "show"], environment: ["LANG": "C", "LC_ALL": "C", "COLUMNS": "80"]).stdout
        #expect(ascii.utf8.allSatisfy { $0 < 0x80 })
        #expect(ascii.contains("JP in Y >= 20"), "\(ascii)")
        let utf8 = try cli.run(["rules", "show"], environment: ["LANG": "C.UTF-8", "LC_ALL": "", "COLUMNS": "80"]).stdout
        #expect(utf8.contains("≥"))
    }
}
