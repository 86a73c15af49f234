import Foundation
import IPASNCore
import IPASNStore

/// The per-line checks of a bulk record import on PostgreSQL (``PostgresStore``'s staging
/// path and its first load), done in memory while the rows stream to the server: the line
/// is a record of the imported kind, its NIP a known employee, its unit one this account may
/// write. An employee's rows usually come together: the NIP's unit, permission and
/// fingerprint are looked up once per run of rows, and the run's count added at its end.
struct ImportLineCheck {
    let expected: RecordKind
    /// NIP -> unit of every employee (~50k short strings at province scale).
    private let unitOf: [String: String]
    /// The employees who left (`aktif = 0`): their records wait for no verifikator.
    private let inactive: Set<String>
    private let writable: [String: Bool]
    /// The current run of one employee's lines.
    private(set) var run = (nip: "", unit: String?.none, writable: false, employee: 0, staged: 0)
    /// The rows passed on of each employee (less ``unstage(_:)``'s): the per-unit counts and the touched employees.
    private(set) var stagedOf: [String: Int] = [:]
    /// Of those, the rows not pending once inserted (``PendingRule/pendingWhenInserted(_:)``; few: an SKP before 2022).
    private var notPendingOf: [String: Int] = [:]

    /// Reads every employee's unit and which units this account may write (before a COPY
    /// starts: no other statement can run on the connection during it).
    init(_ expected: RecordKind, _ permissions: WritePermissions, _ db: PGConnection) throws {
        self.expected = expected
        var unitOf: [String: String] = [:]
        unitOf.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pegawai") ?? 0)
        var inactive: Set<String> = []
        let pegawaiUnits = try PGRow.fetchCursor(db, sql: "SELECT nip, kode_unit, aktif FROM pegawai")
        while let row = try pegawaiUnits.next() {
            unitOf[row[0]] = row[1] as String
            if (row[2] as Int) == 0 { inactive.insert(row[0]) }
        }
        var writable: [String: Bool] = [:]
        for unit in Set(unitOf.values) { writable[unit] = try permissions.mayWrite(unit: unit, db) }
        self.unitOf = unitOf
        self.inactive = inactive
        self.writable = writable
    }

    /// The record of `line` when it may be written (then counted as passed on), else nil
    /// with its issue appended. `newRun` tells the caller the record starts a run of another employee.
    mutating func check(_ line: Line<ImportRow>, issues: inout [LineIssue], newRun: (String) -> Void = { _ in }) -> Record? {
        guard case .record(let record) = line.value, record.kind == expected else {
            StoreCodec.refuse(line, into: &issues)
            return nil
        }
        if record.nip != run.nip {
            endRun()
            let unit = unitOf[record.nip]
            run = (record.nip, unit, unit.map { writable[$0] == true } ?? false, ImportRepeats.employee(record.nip), 0)
            newRun(record.nip)
        }
        guard let unit = run.unit else {
            issues.append(LineIssue(line: line.number, issue: ValidationIssue(field: "nip", code: .unknownNIP(record.nip))))
            return nil
        }
        guard run.writable else {
            issues.append(LineIssue(line: line.number, issue: StoreCodec.notYourUnit(unit, field: "nip")))
            return nil
        }
        return record
    }

    /// Counts the checked record as passed on (staged or written).
    mutating func pass(_ record: Record) {
        run.staged += 1
        if !PendingRule.skp2022.pendingWhenInserted(record) { notPendingOf[run.nip, default: 0] += 1 }
    }

    /// Ends the current run (adds its count); at the end of the file.
    mutating func endRun() {
        if run.staged > 0 { stagedOf[run.nip, default: 0] += run.staged }
        run.staged = 0
    }

    /// Takes back a row of `nip` passed on but refused afterwards.
    mutating func unstage(_ nip: String) { stagedOf[nip, default: 0] -= 1 }

    /// The rows passed on per unit as the record table's insert triggers count them
    /// (``FirstLoadTriggers``): those pending, and those waiting for a verdict (of active
    /// employees; the caller knows no verdict names them).
    func insertedCounts() -> (pending: [String: Int], waiting: [String: Int]) {
        var pending: [String: Int] = [:]
        var waiting: [String: Int] = [:]
        for (nip, written) in stagedOf where written > 0 {
            guard let unit = unitOf[nip] else { continue }
            pending[unit, default: 0] += written - notPendingOf[nip, default: 0]
            if !inactive.contains(nip) { waiting[unit, default: 0] += written }
        }
        return (pending, waiting)
    }

    /// The employees with rows written and the rows per unit, added to `byUnit`.
    func touched(byUnit: inout [String: Int]) -> Set<String> {
        var touched: Set<String> = []
        for (nip, written) in stagedOf where written > 0 {
            touched.insert(nip)
            if let unit = unitOf[nip] { byUnit[unit, default: 0] += written }
        }
        return touched
    }
}
