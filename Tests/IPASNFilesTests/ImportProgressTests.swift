import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNFiles

/// A source of `remaining` units whose rows each take 10 bytes of a file.
private struct TenBytesARow: ImportRowSource, ByteCountingRowSource, Sendable {
    var kind = ImportKind.units
    var remaining: Int
    var given = 0
    var bytesRead: Int { given * 10 }

    mutating func next() throws -> Line<ImportRow>? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        given += 1
        return Line(given + 1, .unit(OrgUnit(kode: "U\(given)", nama: "Unit \(given)")))
    }
}

/// Collects progress reports (they come on the consumer's thread, one at a time).
private final class Reports: @unchecked Sendable {
    var all: [ImportProgress] = []
}

@Suite struct ImportProgressTests {
    @Test func theConsumerIsToldAsEachBatchIsTakenThenOnceAtTheEnd() throws {
        let reports = Reports()
        var source = PrefetchingRowSource(TenBytesARow(remaining: 200), batchSize: 64, totalBytes: 2_000) {
            reports.all.append($0)
        }
        var rows = 0
        while try source.next() != nil { rows += 1 }
        #expect(try source.next() == nil)  // asking again reports nothing more
        #expect(rows == 200)
        #expect(
            reports.all == [
                ImportProgress(rows: 64, bytes: 640, totalBytes: 2_000),
                ImportProgress(rows: 128, bytes: 1_280, totalBytes: 2_000),
                ImportProgress(rows: 192, bytes: 1_920, totalBytes: 2_000),
                ImportProgress(rows: 200, bytes: 2_000, totalBytes: 2_000),
                ImportProgress(rows: 200, bytes: 2_000, totalBytes: 2_000, readAll: true),
            ])
    }

    @Test func aSourceThatCannotCountBytesReportsRowsOnly() throws {
        let reports = Reports()
        var source = PrefetchingRowSource(CountingSource(remaining: 10), batchSize: 4) { reports.all.append($0) }
        while try source.next() != nil {}
        #expect(reports.all.map(\.rows) == [4, 8, 10, 10])
        #expect(reports.all.allSatisfy { $0.bytes == nil && $0.totalBytes == nil })
        #expect(reports.all.map(\.readAll) == [false, false, false, true])
    }

    @Test func theCSVReaderCountsTheBytesOfTheRecordsRead() throws {
        // Records of 4, 7 (CRLF) and 8 bytes (a line break inside quotes), after a 3-byte BOM.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\nccc,d\r\n\"e\nf\",g\n".utf8)
        let path = NSTemporaryDirectory() + "bytes-\(UInt32.random(in: 0...UInt32.max)).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for chunk in [16, 17, 1 << 20] {
            let reader = try CSVReader(path: path, chunkSize: chunk)
            var reached: [Int] = []
            while try reader.next() != nil { reached.append(reader.bytesRead) }
            #expect(reached == [7, 14, 22], "chunk \(chunk)")
            #expect(reached.last == bytes.count)
        }
    }

    @Test func anImportOfACSVFileReportsItsRowsAndBytes() throws {
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try SmallProvince.seed(store)
        var text = "nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan\n"
        for row in 0..<2_500 {
            text += "\(SmallProvince.nipA),9,,Seminar \(row),BPSDM,2024-01-05,2024-01-05,2,,Y\n"
        }
        let path = NSTemporaryDirectory() + "progress-\(UInt32.random(in: 0...UInt32.max)).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reports = Reports()
        let report = try Importer(store: store).importFile(
            kind: .diklat, path: path, skipInvalid: false, today: TestClock.today) { reports.all.append($0) }
        #expect(report.imported == 2_500)
        // Batches of 1,024 rows: 1024, 2048, 2500, then the end.
        #expect(reports.all.map(\.rows) == [1_024, 2_048, 2_500, 2_500])
        #expect(reports.all.allSatisfy { $0.totalBytes == text.utf8.count })
        #expect(reports.all.last == ImportProgress(rows: 2_500, bytes: text.utf8.count, totalBytes: text.utf8.count, readAll: true))
        let bytes = reports.all.compactMap(\.bytes)
        #expect(bytes == bytes.sorted() && bytes.count == 4 && bytes[0] > 0)
    }
}

/// An .xlsx sheet cannot tell bytes (its XML is unpacked from the zip), but its declared
/// dimension says how many rows to expect.
@Suite struct XLSXProgressTests {
    @Test func theDimensionsLastRow() {
        #expect(XLSXReader.dimensionLastRow(#"<sheetPr/><dimension ref="A1:J5001"/><sheetViews>"#) == 5_001)
        #expect(XLSXReader.dimensionLastRow(#"<dimension ref="A1:XFD1048576"/>"#) == 1_048_576)
        #expect(XLSXReader.dimensionLastRow(#"<dimension ref="B3"/>"#) == 3)
        #expect(XLSXReader.dimensionLastRow(#"<worksheet><sheetData><row r="1"/></sheetData>"#) == nil)
        #expect(XLSXReader.dimensionLastRow(#"<dimension ref="A1:"/>"#) == nil)
    }

    @Test func aWorkbooksRowsToExpectComeFromItsDimension() throws {
        // LibreOffice's file declares A1:H5: a header and four rows below it (one of them blank).
        #expect(try XLSXReader(path: XLSXTest.fixture("diklat-libreoffice.xlsx")).lastRow == 5)
        let store = try XLSXTest.seededStore()
        let reports = Reports()
        let report = try Importer(store: store).importFile(
            kind: .diklat, path: XLSXTest.fixture("diklat-libreoffice.xlsx"), skipInvalid: false, today: XLSXTest.today
        ) { reports.all.append($0) }
        #expect(report.imported == 3)
        #expect(
            reports.all == [
                ImportProgress(rows: 3, totalRows: 4), ImportProgress(rows: 3, totalRows: 4, readAll: true),
            ])
    }

    @Test func aSheetWithoutADimensionHasNoTotal() throws {
        let directory = try TemporaryDirectory(prefix: "xlsx-progress")
        defer { directory.remove() }
        let path = try RawWorkbook.write(
            to: directory.url.appendingPathComponent("units.xlsx").path,
            sheets: [("Sheet1", RawWorkbook.row(1, ["kode", "nama", "induk"]) + RawWorkbook.row(2, ["DNS", "Dinas", ""]))])
        #expect(try XLSXReader(path: path).lastRow == nil)
        let reports = Reports()
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        let report = try Importer(store: store).importFile(
            kind: .units, path: path, skipInvalid: false, today: TestClock.today) { reports.all.append($0) }
        #expect(report.imported == 1)
        #expect(reports.all == [ImportProgress(rows: 1), ImportProgress(rows: 1, readAll: true)])
    }
}
