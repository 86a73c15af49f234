import Foundation
import IPASNStore

/// A ``PGConnection`` as an ``SQLDatabase``: the shared store areas' statements go through
/// the connection's prepared statements, their ``SQLArguments`` in PostgreSQL's text input
/// format (as ``PGArguments`` writes them), their rows read as ``PGRow`` reads them.
package struct PGDatabase: SQLDatabase {
    let connection: PGConnection

    init(_ connection: PGConnection) { self.connection = connection }

    @discardableResult
    package func execute(sql: String, arguments: SQLArguments) throws -> Int {
        try connection.execute(sql: sql, arguments: Self.arguments(arguments))
    }

    package func fetchAll(sql: String, arguments: SQLArguments) throws -> [PGSQLRow] {
        try connection.fetchAll(sql: sql, arguments: Self.arguments(arguments)).map(PGSQLRow.init)
    }

    package func fetchOne(sql: String, arguments: SQLArguments) throws -> PGSQLRow? {
        try connection.fetchOne(sql: sql, arguments: Self.arguments(arguments)).map(PGSQLRow.init)
    }

    /// Through a server-side cursor, a chunk at a time (inside the transaction).
    package func forEachRow(sql: String, arguments: SQLArguments, _ body: (PGSQLRow) throws -> Void) throws {
        let cursor = try connection.cursor(sql: sql, arguments: Self.arguments(arguments))
        while let row = try cursor.next() { try body(PGSQLRow(row: row)) }
    }

    package func insertReturningID(sql: String, arguments: SQLArguments) throws -> Int64 {
        guard let row = try connection.fetchOne(sql: sql + " RETURNING id", arguments: Self.arguments(arguments)),
            let id = row.text(0).flatMap({ Int64($0) })
        else { throw PGError(sqlState: "02000", message: "an INSERT returned no id") }
        return id
    }

    /// The text parameters of ``SQLArguments`` (nil: NULL).
    static func arguments(_ arguments: SQLArguments) -> PGArguments {
        PGArguments(texts: arguments.values.map(text))
    }

    static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let n): return n.pgText
        case .real(let x): return x.pgText
        case .text(let s): return s
        case .bool(let b): return b.pgText
        case .date(let d): return d.pgText
        }
    }
}

/// A ``PGRow`` as an ``SQLRow``: PostgreSQL's text output read as ``PGColumnValue`` reads it.
package struct PGSQLRow: SQLRow {
    let row: PGRow

    package func isNull(_ column: Int) -> Bool { row.text(column) == nil }
    package func int64(_ column: Int) -> Int64? { Int64.fromPG(row.text(column)) }
    package func double(_ column: Int) -> Double? { Double.fromPG(row.text(column)) }
    package func string(_ column: Int) -> String? { row.text(column) }
    package func bool(_ column: Int) -> Bool? { Bool.fromPG(row.text(column)) }
    package func date(_ column: Int) -> Date? { Date.fromPG(row.text(column)) }
}
