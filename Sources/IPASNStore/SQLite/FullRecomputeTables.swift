import Foundation
import GRDB
import GRDBSQLite
import IPASNCore

/// FAST PATH (issue 14, branch recompute2): everything the full recompute reads besides diklat
/// (``DiklatScoringTable``), read through SQLite's C API, and the scores already cached, so
/// that an unchanged score costs no statement at all.
///
/// Why it is fast (perf of `ipasn bench --only recompute` before this): after diklat, the
/// largest costs were the other record tables read through GRDB rows in NIP order (a
/// `Row`, a NIP `String` and every text column as a `String` per row, and a B-tree descent
/// per row through the `nip` index), the employees read whole (name, unit, leaving columns:
/// ten columns as Swift values) and an upsert executed per employee and year even when its
/// score did not change. Here:
///
/// - pendidikan, SKP and disiplin are scanned in TABLE order (every page read once, no
///   index), only the columns scoring reads, each NIP compared as bytes with the previous
///   row's so that a run of one employee's rows costs one hash lookup (``NIPKey``);
/// - the employees are read in NIP order with only what scoring reads (NIP, jabatan, jenjang,
///   status): their name, unit and leaving data stay empty in the records handed out;
/// - the cached scores of the years are read once (``CachedScores``), and the recompute
///   executes its upsert only for a score that differs.
///
/// Same records, same scores: an employee's records of a kind come in table (id) order, which
/// scores do not depend on. `FullRecomputeTablesTests` pins the cached scores of the full
/// recompute to the plain `ScoringEngine` over the plain GRDB path on a store holding every
/// record kind (rejected records left out, NIPs that are not 18 digits), and the records
/// themselves kind by kind.
struct FullRecomputeTables {
    private var pendidikan: [NIPKey: [Pendidikan]] = [:]
    private var skp: [NIPKey: [SKP]] = [:]
    private var disiplin: [NIPKey: [HukumanDisiplin]] = [:]

    /// Reads pendidikan, SKP and disiplin in table order (less the rows `filter(kind)` leaves out).
    init(_ db: Database, filter: (RecordKind) -> String) throws {
        pendidikan = try Self.read(db, "SELECT id, nip, tingkat, tanggal_lulus FROM pendidikan\(filter(.pendidikan)) ORDER BY id") { row in
            guard let tingkat = EducationLevel(rawValue: row.text(2)) else { throw row.corrupt("pendidikan", "tingkat") }
            // As the plain path: an unreadable graduation date is no date.
            return Pendidikan(nip: "", tingkat: tingkat, tanggalLulus: row.isNull(3) ? nil : row.date(3))
        }
        skp = try Self.read(db, "SELECT id, nip, tahun, predikat, nilai FROM skp\(filter(.skp)) ORDER BY id") { row in
            SKP(
                nip: "", tahun: Int(row.int(2)), predikat: row.isNull(3) ? nil : Predikat(rawValue: row.text(3)),
                nilai: row.isNull(4) ? nil : row.double(4))
        }
        disiplin = try Self.read(db, "SELECT id, nip, tingkat, tmt FROM disiplin\(filter(.disiplin)) ORDER BY id") { row in
            guard let tingkat = TingkatHukuman(rawValue: row.text(2)) else { throw row.corrupt("disiplin", "tingkat") }
            guard let tmt = row.date(3) else { throw row.corrupt("disiplin", "date") }
            return HukumanDisiplin(nip: "", tingkat: tingkat, tmt: tmt)
        }
    }

    /// Fills `records`' pendidikan, SKP and disiplin (each carrying the employee's NIP).
    func fill(_ records: inout EmployeeRecords, key: NIPKey) {
        let nip = records.pegawai.nip
        if let rows = pendidikan[key] { records.pendidikan = rows.map { var r = $0; r.nip = nip; return r } }
        if let rows = skp[key] { records.skp = rows.map { var r = $0; r.nip = nip; return r } }
        if let rows = disiplin[key] { records.disiplin = rows.map { var r = $0; r.nip = nip; return r } }
    }

    /// Every row of `sql` (column 1 the NIP) decoded by `decode`, grouped by NIP.
    private static func read<T>(_ db: Database, _ sql: String, _ decode: (CRow) throws -> T) throws -> [NIPKey: [T]] {
        var result: [NIPKey: [T]] = [:]
        let row = try CRow(db, sql: sql)
        var previous: [UInt8] = []
        var key: NIPKey?
        var run: [T] = []
        while try row.step() {
            let same = row.withText(1) { nip in
                key != nil && nip.count == previous.count && (nip.isEmpty || memcmp(nip.baseAddress!, previous, nip.count) == 0)
            }
            if !same {
                if let key, !run.isEmpty { result[key, default: []].append(contentsOf: run) }
                run.removeAll(keepingCapacity: true)
                row.withText(1) { nip in
                    previous.removeAll(keepingCapacity: true)
                    previous.append(contentsOf: nip)
                    key = NIPKey(nip)
                }
            }
            run.append(try decode(row))
        }
        if let key, !run.isEmpty { result[key, default: []].append(contentsOf: run) }
        return result
    }

    /// Every employee in NIP order with what scoring reads (name, unit and leaving data
    /// empty), and the NIP's key.
    static func forEachEmployee(_ db: Database, _ body: (Pegawai, NIPKey) throws -> Void) throws {
        let row = try CRow(db, sql: "SELECT nip, jenis_jabatan, jenjang, status FROM pegawai ORDER BY nip")
        while try row.step() {
            let nip = row.text(0)
            guard let jabatan = JenisJabatan(rawValue: row.text(1)), let status = StatusPegawai(rawValue: row.text(3)) else {
                throw StoreError.corrupt("pegawai \(nip): jenis_jabatan or status")
            }
            let key = row.withText(0) { NIPKey($0) }
            try body(Pegawai(nip: nip, nama: "", kodeUnit: "", jenisJabatan: jabatan, jenjang: row.text(2), status: status), key)
        }
    }
}

/// The cached scores of some years, to tell which recomputed scores changed.
struct CachedScores {
    private struct Stored: Equatable {
        var kualifikasi, kompetensi, kinerja, disiplin: Double
        var complete: Bool
        var missing: String
    }

    private var stored: [Int: [NIPKey: Stored]] = [:]

    init(_ db: Database, years: [Int]) throws {
        let row = try CRow(
            db, sql: "SELECT year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing FROM employee_score WHERE year IN (\(years.map(String.init).joined(separator: ",")))")
        while try row.step() {
            let key = row.withText(1) { NIPKey($0) }
            stored[Int(row.int(0)), default: [:]][key] = Stored(
                kualifikasi: row.double(2), kompetensi: row.double(3), kinerja: row.double(4), disiplin: row.double(5),
                complete: row.int(6) != 0, missing: row.text(7))
        }
    }

    /// Whether `score` is cached exactly as it is (then the upsert would change nothing).
    func isCached(_ score: EmployeeScore, key: NIPKey) -> Bool {
        guard let cached = stored[score.year]?[key] else { return false }
        return cached == Stored(
            kualifikasi: score.kualifikasi, kompetensi: score.kompetensi, kinerja: score.kinerja, disiplin: score.disiplin,
            complete: score.complete, missing: score.missing.map(\.rawValue).joined(separator: ","))
    }
}

/// A statement read row by row through the C API (the fast paths' reader).
final class CRow {
    private let statement: Statement
    private let sql: String
    private let connection: OpaquePointer?

    init(_ db: Database, sql: String) throws {
        self.sql = sql
        statement = try db.makeStatement(sql: sql)
        connection = db.sqliteConnection
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    /// Moves to the next row; false after the last.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "reading"
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column's text ("" for NULL).
    func text(_ column: Int32) -> String { withText(column) { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the column's text as UTF-8 bytes (valid only inside `body`).
    func withText<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let text = sqlite3_column_text(handle, column), count > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: text, count: count))
    }

    /// A stored `YYYY-MM-DD` date (as ``RecordRows/isoDate(_:)``, which decides any other form).
    func date(_ column: Int32) -> LocalDate? {
        withText(column, RecordRows.storedDate)
    }

    func corrupt(_ table: String, _ what: String) -> Error {
        StoreError.corrupt("\(table) row \(int(0)): unreadable \(what)")
    }
}
