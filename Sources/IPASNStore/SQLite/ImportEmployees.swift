import GRDB

/// A record import's map of every employee: is a NIP known (the foreign key, checked in
/// memory), which unit, and how many rows this import wrote for them (whose scores to refresh).
///
/// Memory per employee a few bytes, not per NIP string (issue 14: at 500,000 employees the
/// `[String: Int32]` map, a unit `String` per employee and a touched `Set<String>` made the
/// import's peak memory grow 1.9x for 10x the data). An 18-digit NIP does not fit Swift's
/// small-string form, so every NIP kept as a `String` was a heap allocation of its own. Here:
/// - a NIP of 1 to 18 ASCII digits (every real NIP) is one `UInt64`
///   (``NIPKey/numericKey(_:)``: "007" and "7" differ), kept in ONE sorted array:
///   employee `i` is the `i`-th key, found by binary search, with a one-entry cache because a
///   file lists an employee's rows together (8 bytes an employee);
/// - any other NIP (a database written by hand may hold one) in a dictionary of its own, after
///   the numeric ones;
/// - the unit as an index into the table of distinct unit codes (4 bytes), and the rows
///   written as a counter (4 bytes): the touched employees are those with a counter above 0
///   (``touched``), no set of NIPs is built;
/// - the employees who are not active (`aktif <> 1`, a few) as a set of their indexes: the
///   bulk path's waiting counts leave their rows out (``activeRowsByUnit``) without reading
///   `pegawai` again after the insert.
struct ImportEmployees {
    /// The numeric keys, ascending: employee `i < numeric.count` has key `numeric[i]`.
    private var numeric: [UInt64] = []
    /// Employees whose NIP is not 1 to 18 digits, by NIP (indexes from `numeric.count` on).
    private var other: [String: Int32] = [:]
    /// Per employee: its unit, an index into ``unitCodes``.
    private var unitOf: [Int32] = []
    /// The distinct unit codes of the employees.
    private(set) var unitCodes: [String] = []
    /// Per employee: the rows this import wrote for them.
    private(set) var rowsOf: [Int32] = []
    /// The employees who are not active (`aktif = 1` false).
    private var inactive: Set<Int32> = []
    /// The last lookup (a file's rows come grouped by employee).
    private var lastNIP = ""
    private var lastEmployee: Int32?

    /// Every employee of `db` (read through the C API: no `String` per NIP).
    init(_ db: Database) throws {
        var numericUnits: [(key: UInt64, unit: Int32, active: Bool)] = []
        var otherUnits: [(nip: String, unit: Int32, active: Bool)] = []
        var unitIndex: [String: Int32] = [:]
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pegawai") ?? 0
        numericUnits.reserveCapacity(count)
        // `aktif = 1` as the queue's waiting test has it (``QueueWaiting/waiting(_:r:p:)``).
        let row = try CRow(db, sql: "SELECT nip, kode_unit, aktif = 1 FROM pegawai")
        while try row.step() {
            let kode = row.text(1)
            let unit: Int32
            if let known = unitIndex[kode] {
                unit = known
            } else {
                unit = Int32(unitCodes.count)
                unitIndex[kode] = unit
                unitCodes.append(kode)
            }
            let active = row.int(2) == 1
            if let key = row.withText(0, NIPKey.numericKey) {
                numericUnits.append((key, unit, active))
            } else {
                otherUnits.append((row.text(0), unit, active))
            }
        }
        numericUnits.sort { $0.key < $1.key }
        numeric = numericUnits.map(\.key)
        unitOf = numericUnits.map(\.unit)
        for (employee, entry) in numericUnits.enumerated() where !entry.active { inactive.insert(Int32(employee)) }
        numericUnits = []
        for (nip, unit, active) in otherUnits {
            if !active { inactive.insert(Int32(unitOf.count)) }
            other[nip] = Int32(unitOf.count)
            unitOf.append(unit)
        }
        rowsOf = [Int32](repeating: 0, count: unitOf.count)
    }

    /// How many employees.
    var count: Int { unitOf.count }

    /// The employee with `nip`, or nil when there is none.
    mutating func employee(_ nip: String) -> Int32? {
        if nip == lastNIP, let lastEmployee { return lastEmployee }
        let found = find(nip)
        if let found {
            lastNIP = nip
            lastEmployee = found
        }
        return found
    }

    /// The employee with `nip` (no cache: a `let` lookup).
    func find(_ nip: String) -> Int32? {
        var nip = nip
        let key = nip.withUTF8(NIPKey.numericKey)
        guard let key else { return other[nip] }
        // The first key not below `key`.
        var low = 0, high = numeric.count
        while low < high {
            let middle = (low + high) / 2
            if numeric[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < numeric.count && numeric[low] == key ? Int32(low) : nil
    }

    /// The unit code of `employee`.
    func unit(of employee: Int32) -> String { unitCodes[Int(unitOf[Int(employee)])] }

    /// Counts one more row written for `employee`.
    mutating func wrote(_ employee: Int32) { rowsOf[Int(employee)] += 1 }

    /// The employees this import wrote rows for, as the score refresh asks for them.
    var touched: EmployeeSelection {
        let employees = self
        let count = rowsOf.count { $0 > 0 }
        return EmployeeSelection(
            count: count,
            contains: { nip in employees.find(nip).map { employees.rowsOf[Int($0)] > 0 } ?? false },
            forEach: { body in
                for (employee, key) in employees.numeric.enumerated() where employees.rowsOf[employee] > 0 {
                    try body(Self.nip(numericKey: key))
                }
                for (nip, employee) in employees.other where employees.rowsOf[Int(employee)] > 0 { try body(nip) }
            })
    }

    /// The rows written per unit code (the audit summary's `byUnit`).
    var rowsByUnit: [String: Int] { rowsByUnit(activeOnly: false) }

    /// The rows written for active employees per unit code (the queue's waiting counts).
    var activeRowsByUnit: [String: Int] { rowsByUnit(activeOnly: true) }

    private func rowsByUnit(activeOnly: Bool) -> [String: Int] {
        var perUnit = [Int](repeating: 0, count: unitCodes.count)
        for (employee, rows) in rowsOf.enumerated() where rows > 0 {
            if activeOnly && inactive.contains(Int32(employee)) { continue }
            perUnit[Int(unitOf[employee])] += Int(rows)
        }
        var byUnit: [String: Int] = [:]
        for (unit, rows) in perUnit.enumerated() where rows > 0 { byUnit[unitCodes[unit]] = rows }
        return byUnit
    }

    /// The NIP text of a ``NIPKey/numericKey(_:)`` (10^length + value): the value
    /// written with `length` digits, leading zeros included.
    static func nip(numericKey key: UInt64) -> String {
        var length = 0
        var power: UInt64 = 1
        while power <= key / 10 {
            power *= 10
            length += 1
        }
        var value = key - power
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: length)
        for index in stride(from: length - 1, through: 0, by: -1) {
            digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

/// Some employees by NIP, as a score refresh asks for them: whether a NIP is one of them, and
/// each of them. An import's touched employees are read from its per-employee counters
/// (``ImportEmployees/touched``) rather than held as a `Set<String>`.
struct EmployeeSelection {
    let count: Int
    let contains: (String) -> Bool
    /// Calls its argument with every NIP of the selection (in no particular order).
    let forEach: ((String) throws -> Void) throws -> Void

    var isEmpty: Bool { count == 0 }

    init(count: Int, contains: @escaping (String) -> Bool, forEach: @escaping ((String) throws -> Void) throws -> Void) {
        self.count = count
        self.contains = contains
        self.forEach = forEach
    }

    init(_ nips: Set<String>) {
        self.init(count: nips.count, contains: { nips.contains($0) }, forEach: { body in for nip in nips { try body(nip) } })
    }

    /// The NIPs, sorted (for a few employees refreshed one by one).
    func sorted() throws -> [String] {
        var nips: [String] = []
        try forEach { nips.append($0) }
        return nips.sorted()
    }
}
