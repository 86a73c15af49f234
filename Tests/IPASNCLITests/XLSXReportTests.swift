import Foundation
import IPASNTestSupport
import Testing

/// What openpyxl (Debian's python3-openpyxl) reads from a workbook: per sheet, the cell values,
/// the number formats and indents of the data cells, and the print and view set-up.
struct Workbook {
    struct Sheet {
        var title: String
        var rows: [[Any?]]
        var formats: [[String]]
        var indents: [Int]
        var orientation: String
        var paperSize: Int
        var printTitleRows: String
        var freezePanes: String
        var fitWidth: Int

        /// The value of a cell by its Excel row (1-based) and column index (0-based).
        func cell(_ row: Int, _ column: Int) -> Any? {
            guard row - 1 < rows.count, column < rows[row - 1].count else { return nil }
            return rows[row - 1][column]
        }

        func number(_ row: Int, _ column: Int) -> Double? { (cell(row, column) as? NSNumber)?.doubleValue }
        func text(_ row: Int, _ column: Int) -> String? { cell(row, column) as? String }
        /// The data rows' first cells when they are text (from row 5 to the first empty row).
        var firstColumn: [String] { rows.dropFirst(4).prefix { ($0.first ?? nil) != nil }.compactMap { $0.first as? String } }
    }

    var sheets: [Sheet]

    static func read(_ path: String) throws -> Workbook {
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = []
            for ws in wb.worksheets:
                rows = [[c.value for c in row] for row in ws.iter_rows()]
                formats = [[c.number_format for c in row] for row in ws.iter_rows()]
                indents = [int(row[0].alignment.indent or 0) for row in ws.iter_rows()]
                out.append({"title": ws.title, "rows": rows, "formats": formats, "indents": indents,
                    "orientation": ws.page_setup.orientation or "", "paper": int(ws.page_setup.paperSize or 0),
                    "printTitleRows": ws.print_title_rows or "", "freeze": ws.freeze_panes or "",
                    "fitWidth": int(ws.page_setup.fitToWidth or 1) if ws.sheet_properties.pageSetUpPr.fitToPage else 0})
            print(json.dumps(out, default=str))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            Issue.record("openpyxl could not read \(path) (python3-openpyxl: scripts/ensure-deps.sh test)")
            return Workbook(sheets: [])
        }
        return Workbook(
            sheets: list.map { s in
                Sheet(
                    title: s["title"] as? String ?? "",
                    rows: (s["rows"] as? [[Any]] ?? []).map { $0.map { $0 is NSNull ? nil : $0 } },
                    formats: s["formats"] as? [[String]] ?? [], indents: s["indents"] as? [Int] ?? [],
                    orientation: s["orientation"] as? String ?? "", paperSize: s["paper"] as? Int ?? 0,
                    printTitleRows: s["printTitleRows"] as? String ?? "", freezePanes: s["freeze"] as? String ?? "",
                    fitWidth: s["fitWidth"] as? Int ?? 0)
            })
    }
}

@Suite struct XLSXReportTests {
    private func expectPrintSetUp(_ sheet: Workbook.Sheet, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sheet.orientation == "landscape", sourceLocation: sourceLocation)
        #expect(sheet.paperSize == 9, sourceLocation: sourceLocation)  // A4
        #expect(sheet.printTitleRows == "$1:$4", sourceLocation: sourceLocation)
        #expect(sheet.freezePanes == "A5", sourceLocation: sourceLocation)
        #expect(sheet.fitWidth == 1, sourceLocation: sourceLocation)
    }

    @Test func unitRecapHasEveryUnitIndentedWithMeansAsNumbers() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let path = cli.path("rekap unit.xlsx")
        #expect(try cli.ok(["report", "units", "--year", "2024", "--format", "xlsx", "--out", path]).stdout == "ditulis: \(path)\n")
        let sheet = try #require(try Workbook.read(path).sheets.first)
        #expect(sheet.title == "Rekap Unit")
        #expect(sheet.text(1, 0) == "Rekap IP ASN per Unit Kerja — Pemerintah Kabupaten Contoh")
        #expect(sheet.text(2, 0)?.hasPrefix("Tahun pengukuran 2024") == true)
        #expect(
            sheet.rows[3].compactMap { $0 as? String } == [
                "Kode", "Unit kerja", "Pegawai", "Kualifikasi", "Kompetensi", "Kinerja", "Disiplin", "Total", "Kategori",
                "Kelengkapan", "Selesai diinput",
            ])
        #expect(sheet.firstColumn.prefix(3) == ["PEMDA", "DINAS", "DINAS.01"])
        #expect(Array(sheet.indents[4...6]) == [0, 1, 2])
        // DINAS.01: Ayu 85 and Budi 60.5: kualifikasi (15 + 5) / 2, kompetensi (40 + 22.5) / 2, total 72.75.
        #expect(sheet.number(7, 2) == 2)
        #expect(sheet.number(7, 3) == 10)
        #expect(sheet.number(7, 4) == 31.25)
        #expect(sheet.number(7, 7) == 72.75)
        #expect(sheet.text(7, 8) == "Sedang")
        #expect(sheet.number(7, 9) == 1)
        #expect(sheet.text(7, 10) == "····")
        // PEMDA holds all three: (85 + 60.5 + 65) / 3 = 70.17.
        #expect(sheet.number(5, 7) == 70.17)
        #expect(sheet.formats[4][7] == "#,##0.00")
        #expect(sheet.formats[4][9] == "0%")
        expectPrintSetUp(sheet)
    }

    @Test func missingScoresAndInterventionsWorkbooks() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)

        let scores = cli.path("nilai.xlsx")
        try cli.ok(["score", "--year", "2024", "--unit", "DINAS.01", "--format", "xlsx", "--out", scores])
        let s = try #require(try Workbook.read(scores).sheets.first)
        #expect(s.text(1, 0) == "Nilai IP ASN Pegawai — Pemerintah Kabupaten Contoh")
        #expect(s.text(2, 0) == "Tahun pengukuran 2024; unit DINAS.01 Bidang Contoh beserta sub-unitnya")
        #expect(s.firstColumn == ["198609262015051001", "199001012014022002"])
        #expect(s.formats[4][0] == "@")
        #expect(s.number(5, 7) == 85)
        #expect(s.number(6, 4) == 22.5)
        #expect(s.text(6, 8) == "Sangat Rendah")
        expectPrintSetUp(s)

        // Dewi has no record at all: missing everything.
        try cli.ok(["import", "pegawai", try cli.write("baru.csv", "nip,nama,kode_unit,jenis_jabatan\n199512312020121001,Dewi,DINAS.01,pelaksana\n")])
        let missing = cli.path("kurang.xlsx")
        try cli.ok(["report", "missing", "--year", "2024", "--format", "xlsx", "--out", missing])
        let m = try #require(try Workbook.read(missing).sheets.first)
        #expect(m.rows[3].compactMap { $0 as? String } == ["NIP", "Nama", "Unit", "Tanpa pendidikan", "Tanpa SKP", "Tanpa kompetensi"])
        let plain = try cli.ok(["report", "missing", "--year", "2024", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(m.firstColumn.count == plain.count - 1)
        #expect(m.firstColumn == ["199512312020121001"])
        #expect(m.rows[4].compactMap { $0 as? String } == ["199512312020121001", "Dewi", "DINAS.01", "x", "x", "x"])
        #expect(m.text(7, 0) == "1 dari 4 pegawai aktif belum lengkap (lengkap 75%): pendidikan 1, SKP 1; belum ada kompetensi tahun ini: 1.")
        expectPrintSetUp(m)

        let plan = cli.path("intervensi.xlsx")
        try cli.ok(["report", "interventions", "--year", "2024", "--format", "xlsx", "--out", plan, "--top", "0"])
        let book = try Workbook.read(plan)
        #expect(book.sheets.map(\.title) == ["Rencana", "Pegawai"])
        let ranked = book.sheets[0], people = book.sheets[1]
        let csv = try cli.ok(["report", "interventions", "--year", "2024", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(ranked.firstColumn.isEmpty)  // No is a number
        let rowCount = ranked.rows.dropFirst(4).filter { $0.first is NSNumber }.count
        #expect(rowCount == csv.count - 1)
        // The employees sheet lists, for every plan row, as many employees as the row says gain.
        let gains = ranked.rows.dropFirst(4).filter { $0.first is NSNumber }.map { ($0[4] as? NSNumber)?.intValue ?? -1 }
        let listed = people.rows.dropFirst(4).filter { $0.first is NSNumber }
        #expect(listed.count == gains.reduce(0, +))
        for (i, gain) in gains.enumerated() {
            #expect(listed.filter { ($0[0] as? NSNumber)?.intValue == i + 1 }.count == gain)
        }
        #expect(ranked.formats[4][6] == "#,##0.00")
        expectPrintSetUp(ranked)
        expectPrintSetUp(people)
    }

    @Test func xlsxNeedsAnXLSXOutAndOnlyTheseReports() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let noOut = try cli.run(["report", "units", "--format", "xlsx", "--lang", "en"])
        #expect(noOut.status == 2)
        #expect(noOut.stderr.contains("--format xlsx needs --out FILE.xlsx"))
        #expect(try cli.run(["report", "units", "--format", "xlsx", "--out", cli.path("a.csv"), "--lang", "en"]).stderr.contains("must name an .xlsx"))
        #expect(try cli.run(["report", "units", "--out", cli.path("a.xlsx")]).status == 2)
        #expect(try cli.run(["report", "progress", "--format", "xlsx"]).status != 0)
        let dinas = cli.path("dinas.xlsx")
        try cli.ok(["report", "units", "--year", "2024", "--unit", "DINAS.01", "--format", "xlsx", "--out", dinas])
        let one = try #require(try Workbook.read(dinas).sheets.first)
        #expect(one.firstColumn == ["DINAS.01"])
        #expect(one.text(2, 0)?.contains("unit DINAS.01 Bidang Contoh beserta sub-unitnya") == true)
        let english = cli.path("en.xlsx")
        try cli.ok(["--lang", "en", "report", "units", "--year", "2024", "--format", "xlsx", "--out", english])
        #expect(try Workbook.read(english).sheets.first?.text(1, 0) == "IP ASN per unit — Pemerintah Kabupaten Contoh")
    }
}
