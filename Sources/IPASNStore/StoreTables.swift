/// One table of a database, read row by row as text: what `ipasn migrate` copies from one
/// engine to another. Values are in the engine-neutral text forms both engines read
/// (integers and reals as decimal text, moments as `YYYY-MM-DD HH:MM:SS.SSS` UTC, dates as
/// `YYYY-MM-DD`, NULL as nil).
public final class ExportedTable {
    /// The table's name.
    public let name: String
    /// Its columns, in the order of every row's values.
    public let columns: [String]
    private let nextRow: () throws -> [String?]?

    public init(name: String, columns: [String], nextRow: @escaping () throws -> [String?]?) {
        self.name = name
        self.columns = columns
        self.nextRow = nextRow
    }

    /// The next row, nil after the last.
    public func next() throws -> [String?]? { try nextRow() }
}
