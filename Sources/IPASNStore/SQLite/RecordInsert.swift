import Foundation
import GRDB
import GRDBSQLite
import IPASNCore

/// FAST PATH (issue 14): the import's `INSERT ... ON CONFLICT DO NOTHING` of one record,
/// bound and stepped through SQLite's C API on a GRDB statement.
///
/// Why it is fast: a province's diklat file is a million rows. The plain path
/// (`statement.setUncheckedArguments(RecordRows.arguments(record))` then `execute()`) builds a
/// `StatementArguments` array of boxed `DatabaseValue`s per row, a `String` for each date, and
/// runs GRDB's per-statement bookkeeping around every step: the profile put that at
/// 22% of the writer's time. Here each value is bound straight from the record
/// (`sqlite3_bind_*`; text copied once by SQLite, dates written into a 10-byte stack buffer),
/// and the statement is stepped and reset directly. No transaction observers are registered
/// on ipasn's connections, so nothing GRDB would have told about the change is missed.
///
/// It writes exactly what the plain path writes (same columns, values and types):
/// `RecordInsertTests` pins that for every record kind, the optional fields' nil and
/// empty-text cases included, and that a duplicate is refused the same way.
struct RecordInsert {
    let kind: RecordKind
    private let statement: Statement
    private let connection: OpaquePointer?

    init(_ kind: RecordKind, _ db: Database) throws {
        self.kind = kind
        statement = try db.makeStatement(sql: RecordRows.insertSQL(kind, withID: true, ignoreDuplicates: true))
        connection = db.sqliteConnection
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    /// Inserts `record` (of this statement's kind) with `id`. Returns false when the unique
    /// `(nip, dedup_key)` index refused it as a duplicate (nothing written).
    /// `key` is the record's ``DuplicateKey/hash(_:)`` when the caller has it already.
    func insert(_ record: IPASNCore.Record, id: Int64, key: Int64? = nil) throws -> Bool {
        sqlite3_bind_int64(handle, 1, id)
        let key = key ?? DuplicateKey.hash(record)
        switch record {
        case .pendidikan(let r):
            bind(r.nip, 2); bind(r.tingkat.rawValue, 3); bind(r.tanggalLulus, 4); bind(r.namaSekolah, 5)
            bind(r.jurusan, 6); sqlite3_bind_int64(handle, 7, key)
        case .diklat(let r):
            bind(r.nip, 2); sqlite3_bind_int64(handle, 3, Int64(r.jenis.id)); bind(r.tingkat?.rawValue, 4)
            bind(r.nama, 5); bind(r.penyelenggara, 6); bind(r.tanggalMulai, 7); bind(r.tanggalSelesai, 8)
            sqlite3_bind_int64(handle, 9, Int64(r.jp)); bind(r.nomorSertifikat, 10)
            sqlite3_bind_int64(handle, 11, r.sesuaiJabatan ? 1 : 0); sqlite3_bind_int64(handle, 12, key)
        case .skp(let r):
            bind(r.nip, 2); sqlite3_bind_int64(handle, 3, Int64(r.tahun)); bind(r.predikat?.rawValue, 4)
            if let nilai = r.nilai { sqlite3_bind_double(handle, 5, nilai) } else { sqlite3_bind_null(handle, 5) }
            sqlite3_bind_int64(handle, 6, key)
        case .disiplin(let r):
            bind(r.nip, 2); bind(r.tingkat.rawValue, 3); bind(r.tmt, 4); bind(r.jenis, 5)
            sqlite3_bind_int64(handle, 6, key)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "inserting \(kind.rawValue)"
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(handle)
        return sqlite3_changes(connection) > 0
    }

    /// Binds text (copied by SQLite); nil binds NULL, "" binds the empty text (not NULL).
    private func bind(_ text: String?, _ index: Int32) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        _ = text.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
            } else {
                sqlite3_bind_text(handle, index, "", 0, transient)
            }
        }
    }

    /// Binds a date in the stored `YYYY-MM-DD` form (as ``LocalDate/iso``) without a `String`.
    private func bind(_ date: LocalDate?, _ index: Int32) {
        guard let date else {
            sqlite3_bind_null(handle, index)
            return
        }
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        let y = date.year % 10000
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            zero + UInt8(y / 1000), zero + UInt8(y / 100 % 10), zero + UInt8(y / 10 % 10), zero + UInt8(y % 10), dash,
            zero + UInt8(date.month / 10), zero + UInt8(date.month % 10), dash, zero + UInt8(date.day / 10),
            zero + UInt8(date.day % 10)
        )
        _ = withUnsafeBytes(of: &bytes) { raw in
            sqlite3_bind_text(handle, index, raw.baseAddress!.assumingMemoryBound(to: CChar.self), 10, transient)
        }
    }
}

/// SQLite's "copy the value now" destructor (`SQLITE_TRANSIENT`, a macro Swift cannot import).
private var transient: sqlite3_destructor_type {
    unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
