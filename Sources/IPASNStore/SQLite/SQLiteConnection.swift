import Foundation
import GRDB

/// GRDB's `Database` as an ``SQLDatabase``: the shared store areas' statements run through
/// GRDB unchanged (its conversions bind and read the values, so they are stored and read as
/// the SQLite store's own code stores and reads them). Queries are prepared once per connection
/// (GRDB's statement cache): the account lookup of every save's permission check is one of them,
/// and the shared areas' SQL texts differ only by table and column names, so the cache stays small.
package struct SQLiteConnection: SQLDatabase {
    let db: Database

    package init(_ db: Database) { self.db = db }

    @discardableResult
    package func execute(sql: String, arguments: SQLArguments) throws -> Int {
        try db.execute(sql: sql, arguments: Self.arguments(arguments))
        return db.changesCount
    }

    package func fetchAll(sql: String, arguments: SQLArguments) throws -> [SQLiteRow] {
        try GRDB.Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map(SQLiteRow.init)
    }

    package func fetchOne(sql: String, arguments: SQLArguments) throws -> SQLiteRow? {
        try GRDB.Row.fetchOne(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map(SQLiteRow.init)
    }

    package func forEachRow(sql: String, arguments: SQLArguments, _ body: (SQLiteRow) throws -> Void) throws {
        let rows = try GRDB.Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments))
        while let row = try rows.next() { try body(SQLiteRow(row: row)) }
    }

    package func insertReturningID(sql: String, arguments: SQLArguments) throws -> Int64 {
        try db.execute(sql: sql, arguments: Self.arguments(arguments))
        return db.lastInsertedRowID
    }

    /// GRDB's arguments of ``SQLArguments``: dates and flags as GRDB stores them.
    static func arguments(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.values.map(databaseValue))
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let n): return n.databaseValue
        case .real(let x): return x.databaseValue
        case .text(let s): return s.databaseValue
        case .bool(let b): return b.databaseValue
        case .date(let d): return d.databaseValue
        }
    }
}

/// A GRDB row as an ``SQLRow``, read through GRDB's own conversions.
package struct SQLiteRow: SQLRow {
    let row: GRDB.Row

    package func isNull(_ column: Int) -> Bool { row.hasNull(atIndex: column) }
    package func int64(_ column: Int) -> Int64? { row[column] }
    package func double(_ column: Int) -> Double? { row[column] }
    package func string(_ column: Int) -> String? { row[column] }
    package func bool(_ column: Int) -> Bool? { row[column] }
    package func date(_ column: Int) -> Date? { row[column] }
}
