import Foundation
import IPASNCore

/// BKN's per-employee IP ASN result, read whole (a province's file is 50,000 short rows).
public struct BKNResultFile: Hashable, Sendable {
    public var path: String
    /// The non-empty lines above the header (title, instansi, period), each as its cells joined.
    public var titleLines: [String]
    /// The spreadsheet row or CSV line of the header.
    public var headerLine: Int
    public var rows: [BKNResultRow]
    /// Lines below the header without a NIP and without figures that were passed over
    /// (a footer, a signature line), so the report can say they were.
    public var skippedLines: [Int]

    public init(path: String, titleLines: [String], headerLine: Int, rows: [BKNResultRow], skippedLines: [Int]) {
        self.path = path
        self.titleLines = titleLines
        self.headerLine = headerLine
        self.rows = rows
        self.skippedLines = skippedLines
    }
}
