import Foundation
import IPASNCore
import IPASNStore
import Testing

@testable import IPASNFiles

struct CountingSource: ImportRowSource, Sendable {
    var kind = ImportKind.units
    var remaining: Int
    var failAt: Int?
    var line = 1

    mutating func next() throws -> Line<ImportRow>? {
        guard remaining > 0 else { return nil }
        line += 1
        if line == failAt { throw ImportFileError.empty(path: "boom") }
        remaining -= 1
        return Line(line, .unit(OrgUnit(kode: "U\(line)", nama: "Unit \(line)")))
    }
}

@Suite struct PrefetchingRowSourceTests {
    @Test func deliversEveryRowInOrderAcrossBatches() throws {
        var source = PrefetchingRowSource(CountingSource(remaining: 2_500), batchSize: 64, capacity: 2)
        var lines: [Int] = []
        while let row = try source.next() {
            lines.append(row.number)
            if case .unit(let unit) = row.value { #expect(unit.kode == "U\(row.number)") }
        }
        #expect(lines == Array(2...2_501))
        #expect(try source.next() == nil)
        #expect(source.kind == .units)
    }

    @Test func rethrowsTheReadersErrorWhereItHappened() {
        var source = PrefetchingRowSource(CountingSource(remaining: 100, failAt: 50), batchSize: 8)
        var delivered = 0
        #expect(throws: ImportFileError.self) {
            while try source.next() != nil { delivered += 1 }
        }
        #expect(delivered == 48)
    }

    @Test func cancelStopsAProducerBlockedOnAFullQueue() throws {
        var source = PrefetchingRowSource(CountingSource(remaining: 1_000_000), batchSize: 4, capacity: 1)
        _ = try source.next()
        source.cancel()  // must not hang; the consumer then sees the end
        var after = 0
        while try source.next() != nil { after += 1 }
        #expect(after < 1_000_000)
    }
}

@Suite struct CSVReaderChunkTests {
    /// A file whose records straddle every possible chunk boundary must read the same with
    /// any chunk size: quotes, "" escapes, line breaks inside quotes, CRLF, stray quotes.
    @Test func sameRecordsWhateverTheChunkSize() throws {
        let text =
            "nip;nama;catatan\r\n"
            + "1;\"Budi; S.Kom\";\"baris satu\r\nbaris dua\"\r\n"
            + "2;ab\"c;\"kata \"\"kutip\"\"\"\r\n"
            + "\r\n"
            + "3;\"\";akhir;\n"
            + "4;\"x\"y;z"
        let path = NSTemporaryDirectory() + "chunks-\(UInt32.random(in: 0...UInt32.max)).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        func read(_ chunk: Int) throws -> [CSVRecord] {
            let reader = try CSVReader(path: path, chunkSize: chunk)
            var records: [CSVRecord] = []
            while let record = try reader.next() { records.append(record) }
            return records
        }
        let expected = [
            CSVRecord(line: 1, fields: ["nip", "nama", "catatan"]),
            CSVRecord(line: 2, fields: ["1", "Budi; S.Kom", "baris satu\r\nbaris dua"]),
            CSVRecord(line: 4, fields: ["2", "ab\"c", "kata \"kutip\""]),
            CSVRecord(line: 6, fields: ["3", "", "akhir", ""]),
            CSVRecord(line: 7, fields: ["4", "xy", "z"]),
        ]
        for chunk in [16, 17, 19, 23, 64, 1 << 20] {
            #expect(try read(chunk) == expected, "chunk size \(chunk)")
        }
    }
}
