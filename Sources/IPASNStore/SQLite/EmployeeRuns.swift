import Foundation
import GRDB
import IPASNCore

/// FAST PATH (issue 14, branch recompute3): the rows of one record table held packed, per
/// employee, for the full recompute: one contiguous array of rows in table order, and runs of
/// consecutive rows of one employee chained per employee number (``RecomputeEmployees``).
///
/// Why: the full recompute reads every record table in table order (every page once, no index
/// lookup per row) but scores the employees in NIP order, so it holds the tables. Held as a
/// dictionary of per-employee arrays (the previous form) that cost an array allocation and a
/// dictionary entry per employee and table, and the arrays grew by doubling: the memory, the
/// page faults of touching it the first time and the cache misses of the hash table grew faster
/// than the rows (peak RSS 644 MB at 500,000 employees). Here: the rows (capacity reserved from
/// the table's id span, so never copied by growth), 8 bytes per run and 8 per employee.
struct EmployeeRuns<Row> {
    private(set) var rows: ContiguousArray<Row> = []
    /// Where each run starts in ``rows``, and the next run of the same employee (-1: none).
    private var runStart: ContiguousArray<Int32> = []
    private var runNext: ContiguousArray<Int32> = []
    /// Per employee number: the first and the last run (-1: no row).
    private var firstRun: ContiguousArray<Int32>
    private var lastRun: ContiguousArray<Int32>

    init(employees: Int) {
        firstRun = ContiguousArray(repeating: -1, count: employees)
        lastRun = firstRun
    }

    /// Reads every row of `sql` (column 0 the id, column 1 the NIP) in its order: the rows of
    /// a NIP `number` gives no employee number for are left out.
    /// - Parameters:
    ///   - capacity: the most rows expected (``rowCapacity(_:table:)``).
    ///   - number: the employee number of a NIP, or nil (called once per run of equal NIPs).
    init(
        _ db: Database, sql: String, employees: Int, capacity: Int, number: (UnsafeBufferPointer<UInt8>) -> Int32?,
        decode: (CRow) throws -> Row
    ) throws {
        self.init(employees: employees)
        rows.reserveCapacity(capacity)
        let row = try CRow(db, sql: sql)
        var previous: [UInt8] = []
        var hasPrevious = false
        var employee: Int32?
        while try row.step() {
            let same = row.withText(1) { nip in
                hasPrevious && nip.count == previous.count && (nip.isEmpty || memcmp(nip.baseAddress!, previous, nip.count) == 0)
            }
            if !same {
                employee = row.withText(1) { nip in
                    previous.removeAll(keepingCapacity: true)
                    previous.append(contentsOf: nip)
                    return number(nip)
                }
                hasPrevious = true
                if let employee { startRun(employee) }
            }
            if employee != nil { rows.append(try decode(row)) }
        }
    }

    /// An upper bound of a table's rows (its id span; 0 when empty), to reserve the rows once.
    static func rowCapacity(_ db: Database, table: String) throws -> Int {
        let row = try CRow(db, sql: "SELECT max(id) - min(id) + 1 FROM \(table)")
        guard try row.step(), !row.isNull(0) else { return 0 }
        return Int(min(max(row.int(0), 0), 1 << 28))
    }

    /// Starts a run of `employee`'s rows at the end of ``rows``.
    private mutating func startRun(_ employee: Int32) {
        let index = Int(employee)
        if index >= firstRun.count {
            firstRun.append(contentsOf: repeatElement(-1, count: index + 1 - firstRun.count))
            lastRun.append(contentsOf: repeatElement(-1, count: index + 1 - lastRun.count))
        }
        let run = Int32(runStart.count)
        runStart.append(Int32(rows.count))
        runNext.append(-1)
        if firstRun[index] < 0 {
            firstRun[index] = run
        } else {
            runNext[Int(lastRun[index])] = run
        }
        lastRun[index] = run
    }

    /// Whether `employee` has any row.
    func hasRows(_ employee: Int32) -> Bool { Int(employee) < firstRun.count && firstRun[Int(employee)] >= 0 }

    /// Calls `body` with each of `employee`'s rows, in table order.
    func forEach(_ employee: Int32, _ body: (Row) throws -> Void) rethrows {
        guard Int(employee) < firstRun.count else { return }
        var run = firstRun[Int(employee)]
        while run >= 0 {
            let end = Int(run) + 1 < runStart.count ? Int(runStart[Int(run) + 1]) : rows.count
            for index in Int(runStart[Int(run)])..<end { try body(rows[index]) }
            run = runNext[Int(run)]
        }
    }

    /// `employee`'s rows made into records by `unpack`, in table order.
    func records<T>(_ employee: Int32, _ unpack: (Row) throws -> T) rethrows -> [T] {
        guard hasRows(employee) else { return [] }
        var result: [T] = []
        try forEach(employee) { result.append(try unpack($0)) }
        return result
    }
}

extension LocalDate {
    /// A date packed as its ``ordinal`` (`YYYYMMDD`: years 1-9999 fit 32 bits), for the packed rows.
    var packed: UInt32 { UInt32(ordinal) }

    /// The date of a ``packed`` ordinal.
    init(packed: UInt32) {
        let o = Int(packed)
        self = LocalDate(year: o / 10000, month: o / 100 % 100, day: o % 100)!
    }
}
