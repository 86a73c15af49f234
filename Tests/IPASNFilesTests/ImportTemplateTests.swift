import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import Testing

/// A python3 that has openpyxl (Debian's python3-openpyxl; scripts/ensure-deps.sh test
/// installs it), or nil.
private let openpyxlPython: String? = {
    for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: candidate)
        process.arguments = ["-c", "import openpyxl"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { continue }
        process.waitUntilExit()
        if process.terminationStatus == 0 { return candidate }
    }
    return nil
}()

/// Runs a python script with `path` as its argument and returns its JSON output.
private func openpyxl(_ script: String, _ path: String) throws -> [String: Any] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: openpyxlPython!)
    process.arguments = ["-c", script, path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
}

private let describeWorkbook = """
    import json, sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    data = wb.worksheets[0]
    out = {
      "sheets": wb.sheetnames,
      "states": [ws.sheet_state for ws in wb.worksheets],
      "active": wb.active.title,
      "header": [c.value for c in data[1]],
      "rows": data.max_row,
      "freeze": data.freeze_panes,
      "orientation": data.page_setup.orientation,
      "paper": data.page_setup.paperSize,
      "titles": data.print_title_rows,
      "guide": [[c for c in row] for row in wb["Petunjuk"].iter_rows(min_row=4, values_only=True)],
      "validations": sorted([[str(dv.sqref), dv.type, dv.formula1, dv.formula2, dv.error] for dv in data.data_validations.dataValidation]),
      "lists": {ws.title: [[c for c in col if c is not None] for col in ws.iter_cols(values_only=True)] for ws in wb.worksheets[2:]},
    }
    print(json.dumps(out))
    """

@Suite struct ImportTemplateTests {
    /// Read back by a real reader (openpyxl): headers, the explanation sheet, the drop-downs
    /// and their lists, the frozen header and the print set-up.
    @Test(.enabled(if: openpyxlPython != nil, "python3-openpyxl is not installed (scripts/ensure-deps.sh test installs it)"))
    func theDiklatTemplateAsOpenpyxlSeesIt() throws {
        let dir = try ScratchDirectory()
        let path = dir.path("diklat.xlsx")
        try ImportTemplate.write(kind: .diklat, to: path)
        let book = try openpyxl(describeWorkbook, path)
        #expect(book["sheets"] as? [String] == ["diklat", "Petunjuk", "Daftar"])
        #expect(book["states"] as? [String] == ["visible", "visible", "hidden"])
        #expect(book["active"] as? String == "diklat")
        #expect(book["header"] as? [String] == ImportKind.diklat.columns)
        #expect(book["rows"] as? Int == 1)
        #expect(book["freeze"] as? String == "A2")
        #expect(book["orientation"] as? String == "landscape")
        #expect(book["paper"] as? Int == 9)  // A4
        #expect(book["titles"] as? String == "$1:$1")
        let guide = try #require(book["guide"] as? [[Any]])
        #expect(guide.first as? [String] == ["Kolom", "Wajib", "Isi", "Contoh"])
        #expect(guide.dropFirst().map { $0[0] as? String } == ImportKind.diklat.columns)
        #expect(guide.dropFirst().map { $0[1] as? String } == ["Ya", "Ya", "Tidak", "Ya", "Tidak", "Ya", "Ya", "Ya", "Tidak", "Tidak"])
        let nipRow = try #require(guide.dropFirst().first)
        #expect((nipRow[2] as? String)?.contains("format Teks") == true)
        let validations = try #require(book["validations"] as? [[Any]])
        let byRange = Dictionary(uniqueKeysWithValues: validations.map { ($0[0] as! String, $0) })
        #expect(byRange.keys.sorted() == ["B2:B5001", "C2:C5001", "H2:H5001", "J2:J5001"])
        #expect(byRange["B2:B5001"]?[1] as? String == "list")
        #expect(byRange["B2:B5001"]?[2] as? String == "Daftar!$A$2:$A$26")
        #expect(byRange["C2:C5001"]?[2] as? String == "\"PIM IV,PKP,PIM III,PKA,PIM II,PKN II,PIM I,PKN I\"")
        #expect(byRange["H2:H5001"]?[1] as? String == "whole")
        #expect(byRange["H2:H5001"]?[2] as? String == "1")
        #expect(byRange["H2:H5001"]?[3] as? String == "1000")
        #expect(byRange["J2:J5001"]?[2] as? String == "\"Y,N\"")
        #expect((byRange["J2:J5001"]?[4] as? String)?.hasPrefix("Pilih salah satu") == true)
        let lists = try #require(book["lists"] as? [String: [[String]]])
        #expect(lists["Daftar"]?.first == ["jenis_diklat"] + JenisDiklat.all.map(\.nama))
    }

    @Test(.enabled(if: openpyxlPython != nil, "python3-openpyxl is not installed (scripts/ensure-deps.sh test installs it)"))
    func everyTemplateHasItsDropDowns() throws {
        let dir = try ScratchDirectory()
        let expected: [ImportKind: [String: String]] = [
            .units: [:],
            .pegawai: ["D2:D5001": "\"struktural,fungsional,pelaksana\"", "E2:E5001": "\"Pengawas,Administrator,JPT Pratama,JPT Madya,JPT Utama\"", "F2:F5001": "\"PNS,PPPK\""],
            .pendidikan: ["B2:B5001": "\"SD,SLTP,SLTP Kejuruan,SLTA,SLTA Kejuruan,SLTA Keguruan,D-I,D-II,D-III,D-IV,S-1,Profesi,S-2,Spesialis,S-3,Subspesialis\""],
            .skp: [
                "B2:B5001": "2000", "C2:C5001": "\"Sangat Baik,Baik,Cukup,Butuh Perbaikan,Kurang,Buruk,Sangat Kurang\"",
                "D2:D5001": "0",
            ],
            .disiplin: ["B2:B5001": "\"Ringan,Sedang,Berat\""],
        ]
        for (kind, lists) in expected {
            let path = dir.path("\(kind.rawValue).xlsx")
            try ImportTemplate.write(kind: kind, to: path)
            let book = try openpyxl(describeWorkbook, path)
            #expect(book["header"] as? [String] == kind.columns)
            #expect(book["sheets"] as? [String] == [kind.rawValue, "Petunjuk"])
            let validations = (book["validations"] as? [[Any]] ?? []).map { ($0[0] as! String, $0[2] as? String ?? "") }
            #expect(Dictionary(uniqueKeysWithValues: validations) == lists, "\(kind)")
        }
    }

    /// Without python: every template reads back through the importer's own reader, and an
    /// empty one imports cleanly (0 rows, no problem).
    @Test(arguments: ImportKind.allCases)
    func anEmptyTemplateReadsBackAndImportsNothing(kind: ImportKind) throws {
        let dir = try ScratchDirectory()
        let path = dir.path("\(kind.rawValue).xlsx")
        try ImportTemplate.write(kind: kind, to: path)
        let reader = try XLSXReader(path: path)
        #expect(reader.sheetNames.prefix(2) == [kind.rawValue, "Petunjuk"])
        #expect(try reader.allRows() == [XLSXRow(number: 1, cells: kind.columns)])
        let guide = try XLSXReader(path: path, sheet: "Petunjuk").allRows()
        #expect(guide.count == 3 + kind.columns.count)
        #expect(guide.last?.cells.first == kind.columns.last)
        let report = try Importer(store: try XLSXTest.seededStore()).importFile(
            kind: kind, path: path, skipInvalid: false, today: XLSXTest.today)
        #expect(report.imported == 0 && report.issues.isEmpty)
    }

    @Test func theWriterReportsAnUnwritablePath() throws {
        let writer = try XLSXWriter(path: "/nonexistent-dir/x.xlsx")
        _ = try writer.addSheet("S")
        #expect(throws: XLSXWriteError.self) { try writer.close() }
    }

    @Test func anUnclosedWorkbookWritesNothing() throws {
        let dir = try ScratchDirectory()
        do {
            let writer = try XLSXWriter(path: dir.path("never.xlsx"))
            try writer.addSheet("S").write("x", row: 0, column: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("never.xlsx")))
    }
}
