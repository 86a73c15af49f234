import Foundation
import IPASNCore
import IPASNStore
import Testing

/// The checks of an engine's ``SQLDatabase`` adaptor and ``SQLDialect``, written once against
/// ``SQLStore``: each engine's test target runs them on a store of its own, in one write
/// transaction on a temporary table `sql_adaptor(id, i, r, s, b, d, j)` its DDL makes
/// (`id` an integer key the engine assigns, `i` an integer, `r` a floating-point number,
/// `s` and `j` text, `b` a flag, `d` a moment). Every expectation is a value written and read back.
package enum SQLAdaptorChecks {
    /// Text that breaks naive quoting and placeholder numbering.
    static let awkward = "O'Brien \"si ?\" ; -- $1 \\ Ñoño ✓"
    /// A moment with milliseconds (GRDB keeps milliseconds, PostgreSQL microseconds).
    static let moment = Date(timeIntervalSince1970: 1_736_474_400.125)

    package static func run<S: SQLStore>(_ store: S, createTable ddl: String) throws {
        try store.sqlWrite { db in
            try db.execute(sql: ddl)
            defer { _ = try? db.execute(sql: "DROP TABLE sql_adaptor") }
            try bindsEveryKind(db)
            try readsNulls(db)
            try countsAndIDs(db)
            try readsWithACursor(db)
            try splicesTheDialect(db, store.dialect)
        }
    }

    /// Each value kind goes in as a parameter and comes back the same.
    static func bindsEveryKind<D: SQLDatabase>(_ db: D) throws {
        let insert = "INSERT INTO sql_adaptor(i, r, s, b, d, j) VALUES (?, ?, ?, ?, ?, ?)"
        let rows: [(Int64, Double, String, Bool)] = [
            (Int64.max, 1.5, awkward, true), (Int64.min, -0.25, "", false), (0, 0, "?", true),
        ]
        for (i, r, s, b) in rows {
            _ = try db.insertReturningID(sql: insert, arguments: [i, r, s, b, moment, TestClock.today])
        }
        let read = try db.fetchAll(sql: "SELECT i, r, s, b, d, j FROM sql_adaptor ORDER BY id")
        #expect(read.count == 3)
        for (row, expected) in zip(read, rows) {
            #expect(row[0] as Int64 == expected.0)
            #expect(row[1] as Double == expected.1)
            #expect(row[2] as String == expected.2)
            #expect(row[3] as Bool == expected.3)
            let at: Date = row[4]
            #expect(abs(at.timeIntervalSince(moment)) < 0.000_5, "the moment keeps its milliseconds: \(at)")
            #expect(row[5] as String == "2025-01-10", "a calendar date binds as ISO text")
        }
        // A parameter compared in a WHERE, and `?` inside a literal left alone.
        let awkwardRow = try db.fetchOne(
            sql: "SELECT '?', i FROM sql_adaptor WHERE s = ? AND i = ?", arguments: [awkward, Int64.max])
        #expect(awkwardRow.map { $0[0] as String } == "?")
        #expect(awkwardRow.map { $0[1] as Int64 } == Int64.max)
        #expect(try db.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM sql_adaptor WHERE b = ?", arguments: [true]) == 2)
        #expect(try db.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM sql_adaptor WHERE d = ?", arguments: [moment]) == 3)
        // Arguments joined with `+` keep their order.
        let joined: SQLArguments = [Int64.min] + SQLArguments([String?.none, "x"])
        #expect(joined.values == [.integer(Int64.min), .null, .text("x")])
        #expect(try db.fetchValue(Int32.self, sql: "SELECT COUNT(*) FROM sql_adaptor WHERE i IN (?, ?)", arguments: [Int64.min, 0]) == 2)
    }

    /// NULL parameters store NULL; optional types read it as nil, the scalar readers skip it.
    static func readsNulls<D: SQLDatabase>(_ db: D) throws {
        let none: String? = nil
        let id = try db.insertReturningID(
            sql: "INSERT INTO sql_adaptor(i, r, s, b, d, j) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [Int64?.none, Double?.none, none, Bool?.none, Date?.none, SQLValue.null])
        let row = try #require(try db.fetchOne(sql: "SELECT i, r, s, b, d, j FROM sql_adaptor WHERE id = ?", arguments: [id]))
        for column in 0..<6 { #expect(row.isNull(column)) }
        #expect(row[0] as Int64? == nil)
        #expect(row[1] as Double? == nil)
        #expect(row[2] as String? == nil)
        #expect(row[3] as Bool? == nil)
        #expect(row[4] as Date? == nil)
        #expect(try db.fetchValue(String.self, sql: "SELECT s FROM sql_adaptor WHERE id = ?", arguments: [id]) == nil)
        #expect(try db.fetchValues(String.self, sql: "SELECT s FROM sql_adaptor ORDER BY id") == [awkward, "", "?"])
        #expect(try db.fetchValue(Int.self, sql: "SELECT i FROM sql_adaptor WHERE id = ?", arguments: [-1]) == nil)
        #expect(try db.exists(sql: "SELECT 1 FROM sql_adaptor WHERE i IS NULL"))
        #expect(try !db.exists(sql: "SELECT 1 FROM sql_adaptor WHERE s = ?", arguments: ["none such"]))
    }

    /// `execute` counts the rows it changed; new ids grow.
    static func countsAndIDs<D: SQLDatabase>(_ db: D) throws {
        let first = try db.insertReturningID(sql: "INSERT INTO sql_adaptor(i) VALUES (?)", arguments: [7])
        let second = try db.insertReturningID(sql: "INSERT INTO sql_adaptor(i) VALUES (?)", arguments: [7])
        #expect(second > first)
        #expect(try db.execute(sql: "UPDATE sql_adaptor SET r = ? WHERE i = ?", arguments: [2.5, 7]) == 2)
        #expect(try db.execute(sql: "DELETE FROM sql_adaptor WHERE id = ?", arguments: [second]) == 1)
        #expect(try db.execute(sql: "DELETE FROM sql_adaptor WHERE id = ?", arguments: [second]) == 0)
    }

    /// A cursor reads every row once, in order, past PostgreSQL's chunk of 5,000 rows.
    static func readsWithACursor<D: SQLDatabase>(_ db: D) throws {
        let made = try db.execute(
            sql: """
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5100)
                INSERT INTO sql_adaptor(i, s) SELECT 1000 + x, 'n' || x FROM n
                """)
        #expect(made == 5100)
        var seen: [Int] = []
        try db.forEachRow(sql: "SELECT i, s FROM sql_adaptor WHERE i BETWEEN ? AND ? ORDER BY i", arguments: [1001, 6100]) { row in
            let i: Int = row[0]
            #expect(row[1] as String == "n\(i - 1000)")
            seen.append(i)
        }
        #expect(seen == Array(1001...6100))
    }

    /// The dialect's snippets mean the same on the engine.
    static func splicesTheDialect<D: SQLDatabase>(_ db: D, _ d: SQLDialect) throws {
        try db.execute(sql: "DELETE FROM sql_adaptor")
        let values = [
            #"{"status":"memenuhi","reason":"O'Brien"}"#, #"{"status":"tidak"}"#, #"{"status":"memenuhi"}"#,
        ]
        for (n, json) in values.enumerated() {
            try db.execute(sql: "INSERT INTO sql_adaptor(i, s, j) VALUES (?, ?, ?)", arguments: [n, String(n * 10), json])
        }
        #expect(
            try db.fetchValues(String.self, sql: "SELECT \(d.jsonText("j", "status")) FROM sql_adaptor ORDER BY i")
                == ["memenuhi", "tidak", "memenuhi"])
        #expect(try db.fetchValues(String.self, sql: "SELECT \(d.jsonText("j", "reason")) FROM sql_adaptor ORDER BY i") == ["O'Brien"])
        #expect(
            try db.fetchValue(
                Int.self, sql: "SELECT CAST(\(d.countWhere("\(d.jsonText("j", "status")) = 'memenuhi'")) AS BIGINT) FROM sql_adaptor")
                == 2)
        // NULL-safe "not equal": a missing reason differs from a given one, two missing ones do not.
        #expect(
            try db.fetchValues(
                Int.self,
                sql: "SELECT i FROM sql_adaptor WHERE \(d.jsonText("j", "reason")) \(d.distinctFrom) ? ORDER BY i",
                arguments: ["O'Brien"]) == [1, 2])
        #expect(
            try db.fetchValue(
                Int.self, sql: "SELECT COUNT(*) FROM sql_adaptor WHERE \(d.jsonText("j", "reason")) \(d.distinctFrom) \(d.jsonText("j", "reason"))")
                == 0)
        #expect(try db.fetchValues(Int64.self, sql: "SELECT \(d.integer("s")) FROM sql_adaptor ORDER BY i") == [0, 10, 20])
        // The hints leave the result alone.
        #expect(try db.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM sql_adaptor \(d.notIndexed) WHERE i >= ?", arguments: [0]) == 3)
        // The sub-unit CTE takes the unit as its one parameter.
        let units = try db.fetchValues(
            String.self, sql: "\(d.subunits) SELECT kode FROM sub ORDER BY kode", arguments: ["NO-SUCH-UNIT"])
        #expect(units == ["NO-SUCH-UNIT"])
    }
}
