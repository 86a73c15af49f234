import Foundation
import GRDB
import GRDBSQLite
import IPASNCore

/// FAST PATH (issue 14): the diklat table read for scoring, in NIP order, through SQLite's C
/// API on a GRDB statement.
///
/// Why it is fast: a province has a million diklat rows, twenty per employee, and the full
/// recompute (and an import's score refresh) reads all of them. The plain path
/// (``RecordRows/decodeForScoring(_:_:)`` on GRDB `Row`s) makes a `Row`, a fresh NIP `String`
/// and two date `String`s per row and compares NIPs as Swift strings. Here each row's NIP is
/// compared as bytes with the employee being assembled (SQLite's BINARY order, which the
/// `ORDER BY nip` follows) and the record takes that employee's NIP string, dates are read
/// from the column's bytes, and nothing else is allocated but the `Diklat` itself.
///
/// It returns exactly what the plain path returns (same rows, same order, same values; the
/// free-text fields empty): `DiklatScoringCursorTests` pins that, row for row and score for
/// score, on a demo province. Unreadable values are `StoreError.corrupt` as on the plain path.
struct DiklatScoringCursor {
    /// Column order of ``sql``: as ``RecordRows/scoringSelectSQL(_:)`` for diklat.
    let sql: String

    private let statement: Statement
    private let connection: OpaquePointer?
    /// Whether the statement stands on a row (false once every row was read).
    private(set) var hasRow = false

    /// - Parameters:
    ///   - filter: a `WHERE` clause leaving records out (rejected ones), or "".
    ///   - order: NIP order through the index (the default), NIP order by a scan and a sort
    ///     (an import's refresh of a table it wrote most of: ``ScoringReadOrder``), or table (id)
    ///     order: a scan of the table with no index lookup per row (``DiklatScoringTable``).
    ///   - source: the table as named in the query (``UnchangedTables``), or nil: `diklat`.
    init(_ db: Database, filter: String = "", order: ScoringReadOrder = .nipIndex, from source: String? = nil) throws {
        sql = RecordRows.scoringSelectSQL(.diklat, from: order.source(source ?? "diklat")) + filter + order.clause
        statement = try db.makeStatement(sql: sql)
        connection = db.sqliteConnection
        try step()
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    /// Moves to the next row.
    mutating func step() throws {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: hasRow = true
        case SQLITE_DONE: hasRow = false
        case let code:
            hasRow = false
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "reading diklat"
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }

    /// The current row's NIP compared with `nip` (UTF-8 bytes) in SQLite's BINARY order:
    /// negative when the row's comes first, 0 when equal.
    func compareNIP(_ nip: UnsafeBufferPointer<UInt8>) -> Int {
        let count = Int(sqlite3_column_bytes(handle, 1))
        guard let text = sqlite3_column_text(handle, 1) else { return nip.isEmpty ? 0 : -1 }
        let common = min(count, nip.count)
        if common > 0 {
            let order = memcmp(text, nip.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return count - nip.count
    }

    /// Calls `body` with the current row's NIP as UTF-8 bytes (valid only inside `body`).
    func withNIPBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let count = Int(sqlite3_column_bytes(handle, 1))
        guard let text = sqlite3_column_text(handle, 1), count > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: text, count: count))
    }

    /// The current row as a diklat of `nip` (the caller's string, equal to the row's).
    func diklat(nip: String) throws -> Diklat {
        guard let jenis = JenisDiklat.withID(Int(sqlite3_column_int64(handle, 2))) else { throw corrupt("jenis") }
        var tingkat: LeadershipLevel?
        if sqlite3_column_type(handle, 3) != SQLITE_NULL, let text = sqlite3_column_text(handle, 3) {
            tingkat = LeadershipLevel(rawValue: String(cString: text))
        }
        guard let start = date(4), let end = date(5) else { throw corrupt("date") }
        return Diklat(
            nip: nip, jenis: jenis, tingkat: tingkat, nama: "", tanggalMulai: start, tanggalSelesai: end,
            jp: Int(sqlite3_column_int64(handle, 6)), sesuaiJabatan: sqlite3_column_int64(handle, 7) != 0)
    }

    /// A stored `YYYY-MM-DD` date read from the column's bytes (as ``RecordRows/isoDate(_:)``).
    private func date(_ column: Int32) -> LocalDate? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return RecordRows.storedDate(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
    }

    private func corrupt(_ what: String) -> Error {
        StoreError.corrupt("diklat row \(sqlite3_column_int64(handle, 0)): unreadable \(what)")
    }
}
