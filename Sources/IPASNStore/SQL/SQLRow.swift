import Foundation

/// One row of a result, read by column position. Each engine reads its own column format
/// (GRDB's conversions for SQLite, PostgreSQL's text output), so a value reads back exactly
/// as the engine's own code reads it. A row handed to a ``SQLDatabase/forEachRow(sql:arguments:_:)``
/// body is valid during that call only (GRDB reuses it for the next row).
public protocol SQLRow {
    /// Whether the column is NULL.
    func isNull(_ column: Int) -> Bool
    /// The column as an integer; nil for NULL.
    func int64(_ column: Int) -> Int64?
    /// The column as a floating-point number; nil for NULL.
    func double(_ column: Int) -> Double?
    /// The column as text; nil for NULL.
    func string(_ column: Int) -> String?
    /// The column as a flag (a boolean, or an integer: non-zero is true); nil for NULL.
    func bool(_ column: Int) -> Bool?
    /// The column as a moment; nil for NULL.
    func date(_ column: Int) -> Date?
}

extension SQLRow {
    /// The column as `T`; traps on a NULL or unreadable value for a non-optional `T`, like
    /// GRDB (the schema's NOT NULL and CHECK constraints keep such values out). Optional
    /// types read NULL as nil.
    public subscript<T: SQLColumnValue>(_ column: Int) -> T {
        guard let value = T.read(self, column) else {
            preconditionFailure("column \(column) holds \(string(column) ?? "NULL"), not a \(T.self)")
        }
        return value
    }
}

/// A type a column can be read as.
public protocol SQLColumnValue {
    /// The column's value; nil for NULL (or a value that does not read as this type).
    static func read(_ row: some SQLRow, _ column: Int) -> Self?
}

extension String: SQLColumnValue {
    public static func read(_ row: some SQLRow, _ column: Int) -> String? { row.string(column) }
}

extension Int64: SQLColumnValue {
    public static func read(_ row: some SQLRow, _ column: Int) -> Int64? { row.int64(column) }
}

extension Int: SQLColumnValue {
    public static func read(_ row: some SQLRow, _ column: Int) -> Int? { row.int64(column).flatMap { Int(exactly: $0) } }
}

extension Int32: SQLColumnValue {
    public static func read(_ row: some SQLRow, _ column: Int) -> Int32? { row.int64(column).flatMap { Int32(exactly: $0) } }
}

extension Double: SQLColumnValue {
    public static func read(_ row: some SQLRow, _ column: Int) -> Double? { row.double(column) }
}

extension Bool: SQLColumnValue {
    public static func read(_ row: some SQLRow, _ column: Int) -> Bool? { row.bool(column) }
}

extension Date: SQLColumnValue {
    public static func read(_ row: some SQLRow, _ column: Int) -> Date? { row.date(column) }
}

extension Optional: SQLColumnValue where Wrapped: SQLColumnValue {
    /// NULL reads as `.some(nil)`; a value that does not read as `Wrapped` as nil (a trap for the subscript).
    public static func read(_ row: some SQLRow, _ column: Int) -> Wrapped?? {
        if row.isNull(column) { return .some(nil) }
        return Wrapped.read(row, column).map { .some($0) }
    }
}
