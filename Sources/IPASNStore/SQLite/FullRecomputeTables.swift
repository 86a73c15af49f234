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
/// - the employees are read with only what scoring reads (NIP, jabatan, jenjang, status;
///   since recompute3 in table order and placed in NIP order: ``RecomputeEmployees``): their
///   name, unit and leaving data stay empty in the records handed out;
/// - the cached scores of the years are read once (``CachedScores``), and the recompute
///   executes its upsert only for a score that differs.
///
/// Since branch recompute3 the three tables are held packed per employee number
/// (``EmployeeRuns``: a contiguous array of small rows, no per-employee array or dictionary
/// entry) and the employees come from ``RecomputeEmployees``, so the memory, its page faults
/// and the hash lookups grow with the rows and no faster.
///
/// Same records, same scores: an employee's records of a kind come in table (id) order, which
/// scores do not depend on. `FullRecomputeTablesTests` pins the cached scores of the full
/// recompute to the plain `ScoringEngine` over the plain GRDB path on a store holding every
/// record kind (rejected records left out, NIPs that are not 18 digits, NIP order unlike the
/// table order, employees with no record, scores of deleted employees), and the records
/// themselves kind by kind.
struct FullRecomputeTables {
    /// Packed rows (branch recompute3: no per-employee arrays or dictionary entries).
    private struct PackedPendidikan {
        var lulus: UInt32
        var tingkat: UInt8
        var hasLulus: Bool
    }

    private struct PackedSKP {
        var tahun: Int
        var nilai: Double
        /// 0: none; n: `Predikat.allCases[n - 1]`.
        var predikat: UInt8
        var hasNilai: Bool
    }

    private struct PackedDisiplin {
        var tmt: UInt32
        var tingkat: UInt8
    }

    private static let levels = EducationLevel.allCases
    private static let predikats = Predikat.allCases
    private static let hukuman = TingkatHukuman.allCases

    private let pendidikan: EmployeeRuns<PackedPendidikan>
    private let skp: EmployeeRuns<PackedSKP>
    private let disiplin: EmployeeRuns<PackedDisiplin>

    /// Reads pendidikan, SKP and disiplin in table order (less the rows `filter(kind)` leaves
    /// out) for `employees` (the rows of a NIP not among them are left out, as the NIP-ordered
    /// merge left them).
    init(_ db: Database, employees: RecomputeEmployees, filter: (RecordKind) -> String) throws {
        func read<Row>(_ kind: RecordKind, _ columns: String, _ decode: (CRow) throws -> Row) throws -> EmployeeRuns<Row> {
            let table = RecordRows.table(kind)
            return try EmployeeRuns(
                db, sql: "SELECT id, nip, \(columns) FROM \(table)\(filter(kind)) ORDER BY id", employees: employees.count,
                capacity: try EmployeeRuns<Row>.rowCapacity(db, table: table), number: employees.numbers.number, decode: decode)
        }
        pendidikan = try read(.pendidikan, "tingkat, tanggal_lulus") { row in
            guard let tingkat = EducationLevel(rawValue: row.text(2)) else { throw row.corrupt("pendidikan", "tingkat") }
            // As the plain path: an unreadable graduation date is no date.
            let lulus = row.isNull(3) ? nil : row.date(3)
            return PackedPendidikan(
                lulus: lulus?.packed ?? 0, tingkat: UInt8(Self.levels.firstIndex(of: tingkat)!), hasLulus: lulus != nil)
        }
        skp = try read(.skp, "tahun, predikat, nilai") { row in
            let predikat = row.isNull(3) ? nil : Predikat(rawValue: row.text(3))
            return PackedSKP(
                tahun: Int(row.int(2)), nilai: row.isNull(4) ? 0 : row.double(4),
                predikat: predikat.map { UInt8(Self.predikats.firstIndex(of: $0)! + 1) } ?? 0, hasNilai: !row.isNull(4))
        }
        disiplin = try read(.disiplin, "tingkat, tmt") { row in
            guard let tingkat = TingkatHukuman(rawValue: row.text(2)) else { throw row.corrupt("disiplin", "tingkat") }
            guard let tmt = row.date(3) else { throw row.corrupt("disiplin", "date") }
            return PackedDisiplin(tmt: tmt.packed, tingkat: UInt8(Self.hukuman.firstIndex(of: tingkat)!))
        }
    }

    /// Fills `records`' pendidikan, SKP and disiplin (each carrying the employee's NIP).
    func fill(_ records: inout EmployeeRecords, employee: Int32) {
        let nip = records.pegawai.nip
        records.pendidikan = pendidikan.records(employee) { p in
            Pendidikan(nip: nip, tingkat: Self.levels[Int(p.tingkat)], tanggalLulus: p.hasLulus ? LocalDate(packed: p.lulus) : nil)
        }
        records.skp = skp.records(employee) { s in
            SKP(
                nip: nip, tahun: s.tahun, predikat: s.predikat == 0 ? nil : Self.predikats[Int(s.predikat) - 1],
                nilai: s.hasNilai ? s.nilai : nil)
        }
        records.disiplin = disiplin.records(employee) { d in
            HukumanDisiplin(nip: nip, tingkat: Self.hukuman[Int(d.tingkat)], tmt: LocalDate(packed: d.tmt))
        }
    }
}

/// The cached scores of some years, to tell which recomputed scores changed, held packed per
/// employee number (``RecomputeEmployees``), and the cached scores of no employee (the full
/// recompute's clean-up deletes exactly those: no anti-join over the year's scores).
struct CachedScores {
    private struct Stored {
        var kualifikasi, kompetensi, kinerja, disiplin: Double
        /// The number of the text in ``missingTexts``; -1: no cached score.
        var missing: Int32
        var complete: Bool
    }

    private let years: [Int]
    /// Per year (in ``years``' order), per employee number.
    private var stored: [ContiguousArray<Stored>]
    /// The distinct `missing` texts (a handful: "", "pendidikan", "skp", "pendidikan,skp").
    private var missingTexts = InternedTexts()
    /// Cached scores of a NIP that is no employee's (only a database written with foreign
    /// keys off has them): year and NIP.
    private(set) var orphans: [(year: Int, nip: String)] = []

    init(_ db: Database, years: [Int], employees: RecomputeEmployees) throws {
        self.years = years
        let none = Stored(kualifikasi: 0, kompetensi: 0, kinerja: 0, disiplin: 0, missing: -1, complete: false)
        stored = years.map { _ in ContiguousArray(repeating: none, count: employees.count) }
        let row = try CRow(
            db, sql: "SELECT year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing FROM employee_score WHERE year IN (\(years.map(String.init).joined(separator: ",")))")
        while try row.step() {
            let year = Int(row.int(0))
            guard let slot = years.firstIndex(of: year) else { continue }
            guard let employee = row.withText(1, employees.numbers.number) else {
                orphans.append((year, row.text(1)))
                continue
            }
            stored[slot][Int(employee)] = Stored(
                kualifikasi: row.double(2), kompetensi: row.double(3), kinerja: row.double(4), disiplin: row.double(5),
                missing: missingTexts.number(row.text(7)), complete: row.int(6) != 0)
        }
    }

    /// Whether `score` is cached exactly as it is for `employee` (then the upsert would change nothing).
    func isCached(_ score: EmployeeScore, employee: Int32) -> Bool {
        guard let slot = years.firstIndex(of: score.year) else { return false }
        let cached = stored[slot][Int(employee)]
        guard cached.missing >= 0, cached.kualifikasi == score.kualifikasi, cached.kompetensi == score.kompetensi,
            cached.kinerja == score.kinerja, cached.disiplin == score.disiplin, cached.complete == score.complete
        else { return false }
        return missingTexts[cached.missing] == score.missing.map(\.rawValue).joined(separator: ",")
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
