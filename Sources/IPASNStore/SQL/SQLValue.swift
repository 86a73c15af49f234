import Foundation
import IPASNCore

/// A statement parameter as both engines bind it: each engine turns these few kinds into
/// its own (GRDB's `DatabaseValue`, PostgreSQL's text input format), so the SQL written once
/// in ``SQLStore`` areas stores the same values as each engine's own code always did.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// A flag: SQLite stores 1/0; PostgreSQL binds `1`/`0`, which a boolean and an integer column both read.
    case bool(Bool)
    /// A moment: each engine keeps it in its own column format (GRDB's text, `timestamptz`).
    case date(Date)
}

/// A Swift value that binds as an ``SQLValue``.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable {
    public var sqlValue: SQLValue { .text(self) }
}

extension Int: SQLBindable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
    public var sqlValue: SQLValue { .integer(self) }
}

extension Int32: SQLBindable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Double: SQLBindable {
    public var sqlValue: SQLValue { .real(self) }
}

extension Bool: SQLBindable {
    public var sqlValue: SQLValue { .bool(self) }
}

extension Date: SQLBindable {
    public var sqlValue: SQLValue { .date(self) }
}

extension LocalDate: SQLBindable {
    /// `YYYY-MM-DD`, as both stores keep calendar dates.
    public var sqlValue: SQLValue { .text(iso) }
}

extension SQLValue: SQLBindable {
    public var sqlValue: SQLValue { self }
}

/// The parameters of one statement, in `?` order (nil is SQL NULL).
public struct SQLArguments: ExpressibleByArrayLiteral, Sendable, Equatable {
    public var values: [SQLValue]

    public init(arrayLiteral elements: (any SQLBindable)?...) {
        values = elements.map { $0?.sqlValue ?? .null }
    }

    public init(_ elements: [(any SQLBindable)?]) {
        values = elements.map { $0?.sqlValue ?? .null }
    }

    public init(values: [SQLValue]) {
        self.values = values
    }

    public static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments {
        SQLArguments(values: lhs.values + rhs.values)
    }

    public static func += (lhs: inout SQLArguments, rhs: SQLArguments) {
        lhs.values += rhs.values
    }
}
