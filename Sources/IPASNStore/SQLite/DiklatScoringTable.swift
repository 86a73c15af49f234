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
/// Memory: 16 bytes a row (16 MB for a province's million rows) plus a few bytes per run and
/// per employee, held for the length of the recompute; the plain and cursor paths hold one row.
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

    private var rows: ContiguousArray<Packed> = []
    /// Rows whose JP does not fit 32 bits, whole.
    private var overflow: [Diklat] = []
    /// Runs of consecutive rows of one employee: where each starts, and the employee's next run.
    private var runStart: [Int32] = []
    private var runNext: [Int32] = []
    /// Per employee (numbered in order of appearance): first and last run.
    private var firstRun: [Int32] = []
    private var lastRun: [Int32] = []
    /// Employee numbers by NIP: an 18-digit NIP as a number (``NIPKey/numericKey(_:)``), any other by text.
    private var numericEmployees: [UInt64: Int32] = [:]
    private var otherEmployees: [String: Int32] = [:]

    /// Reads every diklat row (less those `filter` leaves out) in table order.
    /// - Parameter filter: a `WHERE` clause leaving records out (rejected ones), or "".
    init(_ db: Database, filter: String = "") throws {
        var cursor = try DiklatScoringCursor(db, filter: filter, order: .table)
        var previous: [UInt8] = []
        var hasPrevious = false
        while cursor.hasRow {
            let sameRun = cursor.withNIPBytes { nip in
                hasPrevious && nip.count == previous.count
                    && (nip.isEmpty || memcmp(nip.baseAddress!, previous, nip.count) == 0)
            }
            if !sameRun {
                let employee = cursor.withNIPBytes { nip in
                    previous.removeAll(keepingCapacity: true)
                    previous.append(contentsOf: nip)
                    return employeeNumber(nip)
                }
                hasPrevious = true
                let run = Int32(runStart.count)
                runStart.append(Int32(rows.count))
                runNext.append(-1)
                if Int(employee) == firstRun.count {
                    firstRun.append(run)
                    lastRun.append(run)
                } else {
                    runNext[Int(lastRun[Int(employee)])] = run
                    lastRun[Int(employee)] = run
                }
            }
            rows.append(try pack(cursor.diklat(nip: "")))
            try cursor.step()
        }
    }

    /// The diklat of the employee with this NIP, in table order; the records carry `nip` itself.
    func diklat(nip: String) -> [Diklat] {
        var utf8 = nip
        let found = utf8.withUTF8 { knownEmployee($0) }
        guard let employee = found else { return [] }
        var result: [Diklat] = []
        var run = firstRun[Int(employee)]
        while run >= 0 {
            let end = Int(run) + 1 < runStart.count ? Int(runStart[Int(run) + 1]) : rows.count
            for index in Int(runStart[Int(run)])..<end { result.append(unpack(rows[index], nip: nip)) }
            run = runNext[Int(run)]
        }
        return result
    }

    // MARK: Employees

    /// The employee number of a NIP: the one it has, or the next one (``firstRun``'s count).
    private mutating func employeeNumber(_ nip: UnsafeBufferPointer<UInt8>) -> Int32 {
        let next = Int32(firstRun.count)
        if let key = NIPKey.numericKey(nip) {
            if let known = numericEmployees[key] { return known }
            numericEmployees[key] = next
            return next
        }
        let text = String(decoding: nip, as: UTF8.self)
        if let known = otherEmployees[text] { return known }
        otherEmployees[text] = next
        return next
    }

    /// The employee number of a NIP seen in the table, or nil.
    private func knownEmployee(_ nip: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let key = NIPKey.numericKey(nip) { return numericEmployees[key] }
        return otherEmployees[String(decoding: nip, as: UTF8.self)]
    }

    // MARK: Packing

    private mutating func pack(_ d: Diklat) -> Packed {
        var tingkat: UInt8 = 0
        if let level = d.tingkat { tingkat = UInt8(Self.levels.firstIndex(of: level)! + 1) }
        var jp = Int32(truncatingIfNeeded: d.jp)
        if Int(jp) != d.jp {
            tingkat = Self.overflowMark
            jp = Int32(overflow.count)
            overflow.append(d)
        }
        return Packed(
            jp: jp, start: UInt32(d.tanggalMulai.ordinal), end: UInt32(d.tanggalSelesai.ordinal), jenis: UInt8(d.jenis.id),
            tingkat: tingkat, sesuaiJabatan: d.sesuaiJabatan)
    }

    private func unpack(_ p: Packed, nip: String) -> Diklat {
        if p.tingkat == Self.overflowMark {
            var whole = overflow[Int(p.jp)]
            whole.nip = nip
            return whole
        }
        return Diklat(
            nip: nip, jenis: JenisDiklat.all[Int(p.jenis) - 1], tingkat: p.tingkat == 0 ? nil : Self.levels[Int(p.tingkat) - 1],
            nama: "", tanggalMulai: Self.date(p.start), tanggalSelesai: Self.date(p.end), jp: Int(p.jp),
            sesuaiJabatan: p.sesuaiJabatan)
    }

    /// A `YYYYMMDD` ordinal of a valid ``LocalDate`` back to the date.
    private static func date(_ ordinal: UInt32) -> LocalDate {
        let o = Int(ordinal)
        return LocalDate(year: o / 10000, month: o / 100 % 100, day: o % 100)!
    }
}
