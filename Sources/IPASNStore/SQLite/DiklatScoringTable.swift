import Foundation
import IPASNCore
import GRDB

/// FAST PATH (issue 14): the whole diklat table read for scoring in TABLE order, kept packed
/// in memory and handed out per employee; the full recompute's diklat reader.
///
/// Why it is fast: the full recompute needs every employee's diklat, and walking the
/// `(nip, dedup_key)` index in NIP order (``DiklatScoringCursor``) costs a table lookup per row:
/// a B-tree descent and, on a province whose table is larger than SQLite's page cache, a page
/// read from the operating system for most of the million rows, because the table's rows are
/// stored in the order they were entered, not in NIP order. Here the table is scanned once in
/// its own order (every page read once, no index), and each row goes into 16 bytes
/// (``Packed``); the rows of one employee that follow each other (an import or the demo writes
/// an employee's records together) form a run, found once per run by the NIP's number in a
/// hash map, so most rows cost a `memcmp` with the previous row's NIP and no lookup.
///
/// Memory: 16 bytes a row (16 MB for a province's million rows) plus 8 bytes per run and
/// per employee (``EmployeeRuns``, the rows reserved once from the id span: no copy by growth),
/// held for the length of the recompute; the plain and cursor paths hold one row. The full
/// recompute numbers the employees by ``RecomputeEmployees`` (``init(_:filter:employees:)``,
/// branch recompute3); the rows are decoded straight from the statement into ``Packed``.
/// That is why only the full recompute uses it (not an import's refresh of its touched employees).
///
/// It returns what ``DiklatScoringCursor`` returns (same rows and values, the free-text fields
/// empty); an employee's diklat come in table (id) order instead of index order, which scores
/// do not depend on. `DiklatScoringCursorTests` pins it row for row and score for score
/// against the plain GRDB path.
struct DiklatScoringTable {
    /// One diklat row, packed: 16 bytes instead of a ``Diklat``'s ~150.
    private struct Packed {
        /// The JP, or (``tingkat`` == ``overflowMark``) an index into ``overflow``.
        var jp: Int32
        /// Dates as `YYYYMMDD` (``LocalDate/ordinal``).
        var start: UInt32
        var end: UInt32
        var jenis: UInt8
        /// 0: no tingkat; n: `LeadershipLevel.allCases[n - 1]`; ``overflowMark``: see ``jp``.
        var tingkat: UInt8
        var sesuaiJabatan: Bool
    }

    private static let overflowMark: UInt8 = 0xFF
    private static let levels = LeadershipLevel.allCases

    private let runs: EmployeeRuns<Packed>
    /// Rows whose JP does not fit 32 bits, whole.
    private var overflow: [Diklat] = []
    /// The employee numbers by NIP when the table numbered them itself (``init(_:filter:)``).
    private var numbers: NIPNumbers?

    /// Reads every diklat row (less those `filter` leaves out) in table order, numbering the
    /// employees itself, for ``diklat(nip:)``.
    /// - Parameter filter: a `WHERE` clause leaving records out (rejected ones), or "".
    init(_ db: Database, filter: String = "") throws {
        var numbers = NIPNumbers()
        var overflow: [Diklat] = []
        runs = try Self.read(db, filter: filter, employees: 0, overflow: &overflow) { numbers.assigning($0) }
        self.overflow = overflow
        self.numbers = numbers
    }

    /// Reads every diklat row (less those `filter` leaves out) of `employees` in table order,
    /// for ``diklat(employee:nip:)`` (the full recompute's employee numbers).
    init(_ db: Database, filter: String = "", employees: RecomputeEmployees) throws {
        var overflow: [Diklat] = []
        runs = try Self.read(db, filter: filter, employees: employees.count, overflow: &overflow, number: employees.numbers.number)
        self.overflow = overflow
    }

    private static func read(
        _ db: Database, filter: String, employees: Int, overflow: inout [Diklat], number: (UnsafeBufferPointer<UInt8>) -> Int32?
    ) throws -> EmployeeRuns<Packed> {
        try EmployeeRuns(
            db, sql: RecordRows.scoringSelectSQL(.diklat) + filter + ScoringReadOrder.table.clause, employees: employees,
            capacity: try EmployeeRuns<Packed>.rowCapacity(db, table: "diklat"), number: number
        ) { row in
            // Columns of ``RecordRows/scoringSelectSQL(_:)``, decoded as ``DiklatScoringCursor`` does.
            guard let jenis = JenisDiklat.withID(Int(row.int(2))) else { throw row.corrupt("diklat", "jenis") }
            var tingkat: UInt8 = 0
            if !row.isNull(3), let level = LeadershipLevel(rawValue: row.text(3)) { tingkat = UInt8(Self.levels.firstIndex(of: level)! + 1) }
            guard let start = row.date(4), let end = row.date(5) else { throw row.corrupt("diklat", "date") }
            let sesuai = row.int(7) != 0
            var jp = Int32(truncatingIfNeeded: row.int(6))
            if Int64(jp) != row.int(6) {
                overflow.append(
                    Diklat(
                        nip: "", jenis: jenis, tingkat: tingkat == 0 ? nil : Self.levels[Int(tingkat) - 1], nama: "",
                        tanggalMulai: start, tanggalSelesai: end, jp: Int(row.int(6)), sesuaiJabatan: sesuai))
                tingkat = Self.overflowMark
                jp = Int32(overflow.count - 1)
            }
            return Packed(jp: jp, start: start.packed, end: end.packed, jenis: UInt8(jenis.id), tingkat: tingkat, sesuaiJabatan: sesuai)
        }
    }

    /// The diklat of the employee with this NIP, in table order; the records carry `nip` itself
    /// (a table made by ``init(_:filter:)``).
    func diklat(nip: String) -> [Diklat] {
        var utf8 = nip
        guard let employee = utf8.withUTF8({ numbers?.number($0) }) else { return [] }
        return diklat(employee: employee, nip: nip)
    }

    /// The diklat of employee number `employee` (whose NIP is `nip`), in table order.
    func diklat(employee: Int32, nip: String) -> [Diklat] {
        runs.records(employee) { unpack($0, nip: nip) }
    }

    // MARK: Packing

    private func unpack(_ p: Packed, nip: String) -> Diklat {
        if p.tingkat == Self.overflowMark {
            var whole = overflow[Int(p.jp)]
            whole.nip = nip
            return whole
        }
        return Diklat(
            nip: nip, jenis: JenisDiklat.all[Int(p.jenis) - 1], tingkat: p.tingkat == 0 ? nil : Self.levels[Int(p.tingkat) - 1],
            nama: "", tanggalMulai: LocalDate(packed: p.start), tanggalSelesai: LocalDate(packed: p.end), jp: Int(p.jp),
            sesuaiJabatan: p.sesuaiJabatan)
    }
}
