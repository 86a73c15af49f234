/// How far an import has got, for a progress bar: the rows handed to the store so far and,
/// for a CSV file, how many of its bytes they reach.
public struct ImportProgress: Hashable, Sendable {
    /// Rows read, parsed and handed to the store.
    public var rows: Int
    /// Bytes of the file those rows reach (nil when the source cannot tell, as an .xlsx sheet
    /// inside its zip cannot).
    public var bytes: Int?
    /// The file's size in bytes (nil when unknown).
    public var totalBytes: Int?
    /// About how many rows the file has (an .xlsx sheet's declared dimension below its
    /// header; nil when unknown).
    public var totalRows: Int?
    /// Every row has been handed over: what is left is the store's work (the score
    /// refresh, the commit).
    public var readAll: Bool

    public init(rows: Int, bytes: Int? = nil, totalBytes: Int? = nil, totalRows: Int? = nil, readAll: Bool = false) {
        self.rows = rows
        self.bytes = bytes
        self.totalBytes = totalBytes
        self.totalRows = totalRows
        self.readAll = readAll
    }
}

/// A row source that can tell how far into its file it has read (for progress).
public protocol ByteCountingRowSource {
    /// Bytes of the file the rows given so far reach.
    var bytesRead: Int { get }
}
