import Foundation
import IPASNCore
import IPASNStore

/// FAST PATH (issue 12): the whole diklat table read for scoring with ONE
/// `COPY (SELECT ...) TO STDOUT` in table order, packed in memory and handed out per
/// employee; the PostgreSQL full recompute's diklat reader (the SQLite store's
/// `DiklatScoringTable`, for PostgreSQL).
///
/// Why it is fast: the cursor path asked the server to sort (or walk an index over) the
/// million rows in NIP order and then fetched them 5,000 at a time as text results, each
/// field turned into a String and parsed. Here the server scans the table once in its own
/// order and streams it; each row is read from libpq's buffer in place (``PGCopyRow``: no
/// String except for a NIP starting a new run) into 16 bytes (``Packed``). The rows of one
/// employee that follow each other (an import or the demo writes an employee's records
/// together) form a run, found once per run through the NIP's number in a hash map.
///
/// Memory: 16 bytes a row (16 MB for a province's million rows) plus a few bytes per run and
/// per employee, held for the length of the recompute.
///
/// It returns the records the cursor path returns (same values, the free-text fields empty);
/// an employee's diklat come in table order instead, which scores do not depend on.
/// `PostgresFullRecomputeTests` pins scores and unit figures against the cursor path.
struct PGDiklatScoringTable {
    /// One diklat row, packed.
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
    /// `LeadershipLevel` raw values as bytes, in ``levels`` order.
    private static let levelBytes: [[UInt8]] = levels.map { Array($0.rawValue.utf8) }

    /// The columns read, in ``PGCopyRow`` field order.
    static let columns = "nip, jenis, tingkat, tanggal_mulai, tanggal_selesai, jp, sesuai_jabatan"

    private var rows: ContiguousArray<Packed> = []
    /// Rows whose JP does not fit 32 bits, whole.
    private var overflow: [Diklat] = []
    /// Runs of consecutive rows of one employee: where each starts, and the employee's next run.
    private var runStart: [Int32] = []
    private var runNext: [Int32] = []
    /// Per employee (numbered in order of appearance): first and last run.
    private var firstRun: [Int32] = []
    private var lastRun: [Int32] = []
    /// Employee numbers by NIP: an 18-digit NIP as a number (``numericKey(_:)``), any other by text.
    private var numericEmployees: [UInt64: Int32] = [:]
    private var otherEmployees: [String: Int32] = [:]

    /// How many rows were read.
    var count: Int { rows.count }

    /// Reads every diklat row (less those `filter` leaves out) in table order.
    /// - Parameter filter: a `WHERE` clause leaving records out (rejected ones), or "".
    init(_ db: PGConnection, filter: String = "") throws {
        var row = PGCopyRow()
        var previous: [UInt8] = []
        var hasPrevious = false
        try db.copyOut(query: "SELECT \(Self.columns) FROM diklat" + filter) { bytes in
            row.load(bytes)
            guard row.count == 7, !row.isNull(0) else { throw Self.corrupt(row, "row") }
            let nip = row.raw(0)
            let sameRun =
                hasPrevious && nip.count == previous.count && (nip.isEmpty || memcmp(nip.baseAddress!, previous, nip.count) == 0)
            if !sameRun {
                previous.removeAll(keepingCapacity: true)
                previous.append(contentsOf: nip)
                hasPrevious = true
                let employee = employeeNumber(row)
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
            rows.append(try pack(row))
        }
    }

    /// The diklat of the employee with this NIP, in table order; the records carry `nip` itself.
    func diklat(nip: String) -> [Diklat] {
        guard let employee = knownEmployee(nip) else { return [] }
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

    /// The employee number of the row's NIP: the one it has, or the next one (``firstRun``'s count).
    private mutating func employeeNumber(_ row: PGCopyRow) -> Int32 {
        let next = Int32(firstRun.count)
        if let key = Self.numericKey(row.raw(0)) {
            if let known = numericEmployees[key] { return known }
            numericEmployees[key] = next
            return next
        }
        let text = row.text(0) ?? ""
        if let known = otherEmployees[text] { return known }
        otherEmployees[text] = next
        return next
    }

    /// The employee number of a NIP seen in the table, or nil.
    private func knownEmployee(_ nip: String) -> Int32? {
        var utf8 = nip
        if let key = utf8.withUTF8({ Self.numericKey($0) }) { return numericEmployees[key] }
        return otherEmployees[nip]
    }

    /// 1 to 18 ASCII digits as one number, unique per text: 10^length + value (so "007"
    /// and "7" differ). Nil for anything else (the text is the key then). Digits carry no
    /// COPY escape, so the wire bytes are the NIP's own.
    static func numericKey(_ nip: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard (1...18).contains(nip.count) else { return nil }
        var value: UInt64 = 0
        var power: UInt64 = 1
        for byte in nip {
            let digit = UInt64(byte &- UInt8(ascii: "0"))
            guard digit <= 9 else { return nil }
            value = value * 10 + digit
            power *= 10
        }
        return power + value
    }

    // MARK: Packing

    private mutating func pack(_ row: PGCopyRow) throws -> Packed {
        guard let jenisID = row.int(1), let jenis = JenisDiklat.withID(jenisID) else { throw Self.corrupt(row, "jenis") }
        var tingkat: UInt8 = 0
        var level: LeadershipLevel?
        if !row.isNull(2) {
            let raw = row.raw(2)
            // An unknown tingkat reads as none, as the cursor path's `LeadershipLevel(rawValue:)` does.
            if let index = Self.levelBytes.firstIndex(where: { $0.elementsEqual(raw) }) {
                tingkat = UInt8(index + 1)
                level = Self.levels[index]
            }
        }
        guard let start = row.date(3), let end = row.date(4) else { throw Self.corrupt(row, "date") }
        guard let jp = row.int(5), let sesuai = row.int(6) else { throw Self.corrupt(row, "jp") }
        var packedJP = Int32(truncatingIfNeeded: jp)
        if Int(packedJP) != jp {
            tingkat = Self.overflowMark
            packedJP = Int32(overflow.count)
            overflow.append(
                Diklat(
                    nip: "", jenis: jenis, tingkat: level, nama: "", tanggalMulai: start, tanggalSelesai: end, jp: jp,
                    sesuaiJabatan: sesuai != 0))
        }
        return Packed(
            jp: packedJP, start: UInt32(start.ordinal), end: UInt32(end.ordinal), jenis: UInt8(jenis.id), tingkat: tingkat,
            sesuaiJabatan: sesuai != 0)
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

    private static func corrupt(_ row: PGCopyRow, _ what: String) -> Error {
        StoreError.corrupt("diklat of \(row.count > 0 ? row.text(0) ?? "?" : "?"): unreadable \(what)")
    }
}
