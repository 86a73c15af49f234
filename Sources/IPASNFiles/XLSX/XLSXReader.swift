import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the rows of one worksheet of an .xlsx file, one at a time.
///
/// The container is opened with ZIPFoundation; the workbook, relationships, shared strings and
/// styles are read whole (they are small); the worksheet is unpacked to a temporary file and
/// parsed by `XMLParser` from a stream on a background thread, which hands rows over through
/// a small bounded queue: memory stays small whatever the number of rows, and no document tree
/// is built. Cells are text: shared and inline strings as written, booleans as `TRUE`/`FALSE`,
/// numbers in a date format as ISO dates (`2026-03-01`, Excel serials in the 1900 system
/// with its leap-year bug, or the 1904 system), other numbers as written (whole numbers
/// without `.0`). Rows without any value are not returned.
public final class XLSXReader {
    /// The sheet names, in workbook order.
    public let sheetNames: [String]
    /// The sheet being read.
    public let sheetName: String
    /// The last row the sheet declares in its `<dimension ref="A1:J5001"/>` (Excel and
    /// LibreOffice write it; nil when absent): how many rows to expect, for progress.
    public let lastRow: Int?
    private let stream: XLSXRowStream

    /// Opens `path` at its first sheet, or at the sheet called `sheet` (case-insensitive).
    /// - Throws: ``XLSXError``, or a file error.
    public init(path: String, sheet: String? = nil) throws {
        let package = try XLSXPackage(path: path)
        let workbook = try XLSXWorkbook(package: package)
        sheetNames = workbook.sheets.map(\.name)
        var chosen = workbook.sheets[0]
        if let sheet {
            let wanted = sheet.trimmingCharacters(in: .whitespaces).lowercased()
            guard let match = workbook.sheets.first(where: { $0.name.lowercased() == wanted }) else {
                throw XLSXError.noSuchSheet(name: sheet, sheets: workbook.sheets.map(\.name))
            }
            chosen = match
        }
        sheetName = chosen.name
        let strings = try XLSXSharedStrings(package: package)
        let styles = try XLSXStyles(package: package)
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("ipasn-sheet-\(UUID().uuidString).xml")
        try package.extract(chosen.part, to: file)
        lastRow = Self.dimensionLastRow(file)
        stream = XLSXRowStream(
            file: file, part: chosen.part, strings: strings, styles: styles, date1904: workbook.date1904)
    }

    deinit { stream.cancel() }

    /// The next row with a value, or nil at the end of the sheet.
    /// - Throws: ``XLSXError/malformed(part:detail:)`` when the sheet's XML is broken.
    public func next() throws -> XLSXRow? { try stream.next() }

    /// The row number at the end of the `<dimension ref="...">` in the first 64 KiB of a
    /// worksheet's XML (it comes before `<sheetData>`), or nil.
    static func dimensionLastRow(_ file: URL) -> Int? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1 << 16) else { return nil }
        return dimensionLastRow(String(decoding: head, as: UTF8.self))
    }

    /// `<dimension ref="A1:J5001"/>` → 5001, `ref="B3"` → 3.
    static func dimensionLastRow(_ xml: String) -> Int? {
        guard let tag = xml.range(of: "<dimension ref=\""), let end = xml[tag.upperBound...].firstIndex(of: "\"")
        else { return nil }
        let reference = xml[tag.upperBound..<end]
        let last = reference.split(separator: ":", omittingEmptySubsequences: false).last ?? reference[...]
        return Int(String(last.drop { !$0.isNumber }))
    }

    /// Every row of the sheet (tests and small files).
    public func allRows() throws -> [XLSXRow] {
        var rows: [XLSXRow] = []
        while let row = try next() { rows.append(row) }
        return rows
    }
}

/// The background parse of one worksheet file, delivering rows in batches through a bounded
/// queue. `@unchecked Sendable`: all shared state is in the ``BatchPipe``; the parser
/// objects are used by the parsing thread only.
final class XLSXRowStream: @unchecked Sendable {
    private let pipe = BatchPipe<[XLSXRow]>(capacity: XLSXRowStream.capacity)
    private var batch: [XLSXRow] = []
    private var index = 0
    private static let capacity = 4
    private static let batchSize = 256

    init(file: URL, part: String, strings: XLSXSharedStrings, styles: XLSXStyles, date1904: Bool) {
        let job = Job(file: file, part: part, strings: strings, styles: styles, date1904: date1904)
        let thread = Thread { [self] in run(job) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// What the parsing thread owns.
    private final class Job: @unchecked Sendable {
        let file: URL
        let part: String
        let strings: XLSXSharedStrings
        let styles: XLSXStyles
        let date1904: Bool
        init(file: URL, part: String, strings: XLSXSharedStrings, styles: XLSXStyles, date1904: Bool) {
            self.file = file
            self.part = part
            self.strings = strings
            self.styles = styles
            self.date1904 = date1904
        }
    }

    private func run(_ job: Job) {
        defer { try? FileManager.default.removeItem(at: job.file) }
        guard let input = InputStream(url: job.file) else {
            pipe.put(.failed(XLSXError.malformed(part: job.part, detail: "cannot open")))
            return
        }
        var rows: [XLSXRow] = []
        rows.reserveCapacity(Self.batchSize)
        let delegate = XLSXSheetParser(strings: job.strings, styles: job.styles, date1904: job.date1904) { row in
            rows.append(row)
            guard rows.count >= Self.batchSize else { return true }
            defer { rows.removeAll(keepingCapacity: true) }
            return self.pipe.put(.batch(rows))
        }
        let parser = XMLParser(stream: input)
        parser.delegate = delegate
        let ok = parser.parse()
        if pipe.isCancelled { return }
        if !ok {
            pipe.put(.failed(XLSXError.malformed(part: job.part, detail: parser.parserError.map { "\($0)" } ?? "XML")))
            return
        }
        if !rows.isEmpty { pipe.put(.batch(rows)) }
        pipe.put(.end)
    }

    func next() throws -> XLSXRow? {
        while index >= batch.count {
            switch pipe.take() {
            case .batch(let rows):
                batch = rows
                index = 0
            case .end:
                return nil
            case .failed(let error):
                throw error
            }
        }
        defer { index += 1 }
        return batch[index]
    }

    /// Stops the parsing thread (the reader is being dropped before the end).
    func cancel() { pipe.cancel() }
}
