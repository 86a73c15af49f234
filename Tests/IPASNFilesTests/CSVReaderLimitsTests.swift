import Foundation
import IPASNCore
import IPASNStore
import Testing

@testable import IPASNFiles

/// Issue 13: one encoding per file, bounded fields, a runaway quote reported where it opened.
@Suite struct CSVReaderLimitsTests {
    final class Dir {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-csvlimits-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func write(_ bytes: [UInt8]) throws -> String {
            let path = url.appendingPathComponent("f.csv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    func readAll(_ path: String, chunkSize: Int = 1 << 20) throws -> [CSVRecord] {
        let reader = try CSVReader(path: path, chunkSize: chunkSize)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test func oneWindows1252ByteDoesNotTurnALaterUTF8LineIntoMojibake() throws {
        let dir = try Dir()
        // Row 2 (line 2) has é as Windows-1252; row 3 has a correct UTF-8 "Café".
        let path = try dir.write(Array("nama\n".utf8) + [0x4A, 0x6F, 0x73, 0xE9, 0x0A] + Array("Café\n".utf8))
        #expect(throws: CSVReadError.mixedEncoding(utf8Line: 3, windows1252Line: 2)) { try readAll(path) }
        // The other order names the same two kinds of line.
        let reverse = try dir.write(Array("nama\nCafé\n".utf8) + [0x4A, 0x6F, 0x73, 0xE9, 0x0A])
        #expect(throws: CSVReadError.mixedEncoding(utf8Line: 2, windows1252Line: 3)) { try readAll(reverse) }
    }

    @Test func aFileInOneEncodingReadsRightWhereverItsLettersAre() throws {
        let dir = try Dir()
        let utf8 = try dir.write(Array("nama\nAndi\nBudi\nCafé\n".utf8))
        #expect(try readAll(utf8).map(\.fields) == [["nama"], ["Andi"], ["Budi"], ["Café"]])
        let cp1252 = try dir.write(Array("nama\nAndi\n".utf8) + [0x4A, 0x6F, 0x73, 0xE9, 0x0A, 0x80, 0x31, 0x0A])
        let reader = try CSVReader(path: cp1252)
        var fields: [[String]] = []
        while let record = try reader.next() { fields.append(record.fields) }
        #expect(fields == [["nama"], ["Andi"], ["José"], ["€1"]])
        #expect(reader.windows1252Line == 3)
        #expect(reader.utf8Line == nil)
    }

    @Test func aRunawayQuoteIsReportedWhereItOpened() throws {
        let dir = try Dir()
        var text = "nama,jp\nAndi,1\nBudi \"x\",2\n\"Cici,3\n"
        for i in 0..<20_000 { text += "Pegawai \(i),\(i)\n" }
        let path = try dir.write(Array(text.utf8))
        for chunk in [16, 4096, 1 << 20] {
            #expect(throws: CSVReadError.unclosedQuote(line: 4)) { try readAll(path, chunkSize: chunk) }
        }
        // Also when the file ends first.
        let short = try dir.write(Array("nama,jp\nAndi,1\n\"Cici,3\nDodi,4\n".utf8))
        #expect(throws: CSVReadError.unclosedQuote(line: 3)) { try readAll(short) }
    }

    @Test func aFieldIsBounded() throws {
        let dir = try Dir()
        let long = String(repeating: "x", count: CSVReader.maxFieldBytes + 1)
        let path = try dir.write(Array("nama,jp\nAndi,1\n\(long),2\n".utf8))
        #expect(throws: CSVReadError.fieldTooLong(line: 3, limit: 65_536)) { try readAll(path, chunkSize: 1000) }
        // Just under the limit reads (the text limits of the fields refuse it later, by name).
        let fits = String(repeating: "x", count: CSVReader.maxFieldBytes)
        let ok = try dir.write(Array("nama,jp\n\(fits),2\n".utf8))
        #expect(try readAll(ok)[1].fields[0].utf8.count == CSVReader.maxFieldBytes)
    }

    @Test func aMixedFileImportsNothing() throws {
        let dir = try Dir()
        let context = StoreContext(actor: "test", now: { Date(timeIntervalSince1970: 1_732_968_000) }, timeZone: TimeZone(identifier: "UTC")!)
        let store = try SQLiteStore.inMemory(context: context)
        let path = try dir.write(Array("kode,nama\nU1,Dinas Kesehatan\nU2,".utf8) + [0x4A, 0x6F, 0x73, 0xE9] + Array("\nU3,Café\n".utf8))
        #expect(throws: CSVReadError.mixedEncoding(utf8Line: 4, windows1252Line: 3)) {
            try Importer(store: store).importFile(kind: .units, path: path, skipInvalid: true, today: LocalDate(year: 2024, month: 11, day: 30)!)
        }
        #expect(try store.units().isEmpty)
        #expect(
            CSVReadError.mixedEncoding(utf8Line: 4, windows1252Line: 3).message(.id).hasPrefix(
                "Berkas mencampur dua pengodean huruf: baris 4 ditulis UTF-8, baris 3 Windows-1252 (ANSI)."))
    }
}
