import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import ZIPFoundation

/// Shared by the .xlsx tests: fixture paths, a scratch directory, hand-made workbooks and a
/// seeded store.
enum XLSXTest {
    static let now = TestClock.now
    static let context = TestClock.context()
    static let today = TestClock.today  // 2025-01-10
    static let nipA = "198609262015051001"
    static let nipB = "199001012019032002"

    /// `Tests/Fixtures/xlsx/NAME` (committed; see make-fixtures.sh there).
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xlsx/\(name)").path
    }

    /// A store with units ROOT > SUB and employees A (ROOT, pelaksana), B (SUB, fungsional).
    static func seededStore() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(context: context)
        try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))
        try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT"))
        try store.savePegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
        try store.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .fungsional))
        return store
    }
}

/// A scratch directory removed when dropped.
final class ScratchDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Writes a minimal workbook from raw XML parts with ZIPFoundation, to test the reader on
/// shapes neither our writer nor LibreOffice produce (inline strings, cells without a
/// reference, rich text, the 1904 system, absolute relationship targets).
enum RawWorkbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `sheets`: name and the `<sheetData>` content. `styles`: the `<cellXfs>` numFmtIds.
    @discardableResult
    static func write(
        to path: String, sheets: [(String, String)], sharedStrings: [String]? = nil, customFormats: [Int: String] = [:],
        cellFormats: [Int] = [0], date1904: Bool = false, absoluteTargets: Bool = false
    ) throws -> String {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        let sheetList = sheets.enumerated().map { index, sheet -> String in
            "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        try add(
            "xl/workbook.xml",
            "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relNS)\">"
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets>\(sheetList)</sheets></workbook>")
        let rels = sheets.indices.map { index -> String in
            let target = absoluteTargets ? "/xl/worksheets/sheet\(index + 1).xml" : "worksheets/sheet\(index + 1).xml"
            return "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relNS)/worksheet\" Target=\"\(target)\"/>"
        }.joined()
        try add(
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"
        )
        for (index, sheet) in sheets.enumerated() {
            try add(
                "xl/worksheets/sheet\(index + 1).xml",
                "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet.1)</sheetData></worksheet>")
        }
        if let sharedStrings {
            let items = sharedStrings.map { (text: String) -> String in text.hasPrefix("<") ? "<si>\(text)</si>" : "<si><t>\(escape(text))</t></si>" }.joined()
            try add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(items)</sst>")
        }
        let formats = customFormats.map { (format: (key: Int, value: String)) -> String in "<numFmt numFmtId=\"\(format.key)\" formatCode=\"\(escape(format.value))\"/>" }.joined()
        let xfs = cellFormats.map { (id: Int) -> String in "<xf numFmtId=\"\(id)\" fontId=\"0\"/>" }.joined()
        try add(
            "xl/styles.xml",
            "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\"><numFmts>\(formats)</numFmts>"
                + "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>\(xfs)</cellXfs></styleSheet>")
        return path
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A row of inline-string cells with references, for building sheets quickly.
    static func row(_ number: Int, _ cells: [String]) -> String {
        let body = cells.enumerated().map { index, text -> String in
            text.isEmpty
                ? ""
                : "<c r=\"\(CellName.of(index))\(number)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
        }.joined()
        return "<row r=\"\(number)\">\(body)</row>"
    }
}

enum CellName {
    static func of(_ column: Int) -> String {
        var number = column + 1
        var result = ""
        while number > 0 {
            result = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + result
            number = (number - 1) / 26
        }
        return result
    }
}
