import Foundation

/// A connection inside a transaction, as the shared store areas (``SQLStore``) use it: SQL
/// with `?` placeholders, ``SQLArguments``, rows read by position. Each engine adapts its
/// own connection (GRDB's `Database` in `SQLiteConnection`, `PGConnection` in IPASNPostgres);
/// what differs in the SQL itself is in the store's ``SQLDialect``.
public protocol SQLDatabase {
    associatedtype Row: SQLRow

    /// Runs one statement; returns the number of rows it changed.
    @discardableResult
    func execute(sql: String, arguments: SQLArguments) throws -> Int

    /// Every row of a query.
    func fetchAll(sql: String, arguments: SQLArguments) throws -> [Row]

    /// The first row of a query, or nil.
    func fetchOne(sql: String, arguments: SQLArguments) throws -> Row?

    /// Every row of a query, one at a time, without holding them all (a cursor); the row is
    /// valid during the call of `body` only.
    func forEachRow(sql: String, arguments: SQLArguments, _ body: (Row) throws -> Void) throws

    /// Runs an `INSERT` into a table whose key is an integer `id` and returns the new row's
    /// id (SQLite: the last inserted rowid; PostgreSQL: `RETURNING id`).
    func insertReturningID(sql: String, arguments: SQLArguments) throws -> Int64
}

extension SQLDatabase {
    @discardableResult
    public func execute(sql: String) throws -> Int { try execute(sql: sql, arguments: []) }

    public func fetchAll(sql: String) throws -> [Row] { try fetchAll(sql: sql, arguments: []) }

    public func fetchOne(sql: String) throws -> Row? { try fetchOne(sql: sql, arguments: []) }

    /// The first column of the first row as `T`; nil without a row or for NULL.
    public func fetchValue<T: SQLColumnValue>(_ type: T.Type = T.self, sql: String, arguments: SQLArguments = []) throws -> T? {
        guard let row = try fetchOne(sql: sql, arguments: arguments), !row.isNull(0) else { return nil }
        return T.read(row, 0)
    }

    /// The first column of every row as `T` (NULLs left out).
    public func fetchValues<T: SQLColumnValue>(_ type: T.Type = T.self, sql: String, arguments: SQLArguments = []) throws -> [T] {
        try fetchAll(sql: sql, arguments: arguments).compactMap { row in row.isNull(0) ? nil : T.read(row, 0) }
    }

    /// Whether a query returns a row.
    public func exists(sql: String, arguments: SQLArguments = []) throws -> Bool {
        try fetchOne(sql: sql, arguments: arguments) != nil
    }
}

/// `?, ?, ...` for `count` parameters.
public func sqlPlaceholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
