import Foundation
import GRDB
import IPASNCore

/// The import's near-duplicate check (``IssueCode/similarCourse(nama:line:)``): a diklat row
/// whose employee already has a course of the same jenis and dates under a similar name
/// (``NearDuplicate``), stored before the import or written by an earlier line of it.
///
/// Linear in the file, and its memory does not grow with the file (issue 14):
/// - **Earlier lines of the file:** a file lists an employee's courses together (SIASN's
///   export, the demo, a sheet sorted by NIP), so the rows this import wrote for the employee
///   of the current run of lines are kept in memory, by (jenis, dates), with their name and
///   line; the map is emptied when the next employee starts. An employee who comes back after
///   other employees' rows (a file not grouped by employee) has earlier rows outside the map:
///   for them the import's own rows are read back instead (the `(nip, dedup_key)` index;
///   slower, the same answer).
/// - **Stored courses:** per employee, whether they had any diklat before the import (one
///   indexed query the first time the employee appears; one byte per employee); only then
///   are their courses of that jenis and dates read (the import's own rows excluded by id).
///
/// The earlier line compared is the FIRST row this import wrote for the employee with the same
/// jenis and dates (as before this was kept per run); stored courses are compared up to
/// ``compared`` of them.
struct SimilarCourseCheck {
    /// `--allow-similar`: nothing is checked.
    let allowed: Bool
    /// The first id this import writes: rows at or above it are the import's own.
    let start: Int64
    /// Per employee (index into the import's employee arrays): 0 not asked yet, 1 had no
    /// diklat before the import, 2 had.
    private var stored: [UInt8]
    /// The employee of the current run of lines, and whether this import wrote rows for them
    /// before the run began (then ``group`` does not hold all of them).
    private var current: Int32 = -1
    private var revisit = false
    /// The first row written in the current run for each (jenis, dates): its name and line.
    private var group: [GroupKey: (nama: String, line: Int)] = [:]
    /// The row checked last, when it passed: remembered if ``written(line:)`` follows.
    private var pending: (key: GroupKey, nama: String)?
    private var storedQuery: Statement?
    private var hadQuery: Statement?
    private var importedQuery: Statement?
    /// Where the stored courses are read: `diklat` (rows below ``start``), or the bulk path's
    /// copy of them while the table's `(nip, dedup_key)` index is dropped (``BulkImportDedup``).
    private var storedTable = "diklat"

    /// At most this many stored courses of one employee, jenis and dates are compared.
    static let compared = 64

    struct GroupKey: Hashable {
        var jenis: Int
        var mulai: LocalDate
        var selesai: LocalDate
    }

    /// - Parameters:
    ///   - start: the id of this import's first written row (above every id the table used).
    ///   - employees: how many employees the import's employee map holds.
    init(allowed: Bool, start: Int64, employees: Int) {
        self.allowed = allowed
        self.start = start
        stored = allowed ? [] : [UInt8](repeating: 0, count: employees)
    }

    /// The issue for `record` when it resembles a course of its employee, else nil. Only
    /// diklat rows are checked. Call it before the row is written, and ``written(line:)``
    /// when it then is.
    /// - Parameters:
    ///   - employee: the employee's index in the import's employee map.
    ///   - writtenBefore: how many rows this import has written for the employee so far.
    ///   - lines: the lines of this import's written rows.
    mutating func issue(
        for record: IPASNCore.Record, employee: Int32, writtenBefore: Int32, lines: ImportedLines, _ db: Database
    ) throws -> ValidationIssue? {
        pending = nil
        guard !allowed, case .diklat(let course) = record else { return nil }
        if employee != current {
            current = employee
            revisit = writtenBefore > 0
            group.removeAll(keepingCapacity: true)
        }
        let key = GroupKey(jenis: course.jenis.id, mulai: course.tanggalMulai, selesai: course.tanggalSelesai)
        // The incoming name is prepared once, whatever the number of courses it meets, and
        // only when it meets one: most rows of an import meet none, and preparing every
        // row's name cost ~1.5 s of the writer's CPU on the province's million rows.
        var prepared: NearDuplicate.Name?
        func incoming() -> NearDuplicate.Name {
            if let prepared { return prepared }
            let name = NearDuplicate.Name(course.nama)
            prepared = name
            return name
        }
        // An earlier line of the file with the same employee, jenis and dates.
        if revisit {
            let query = try importedQuery ?? db.makeStatement(
                sql: """
                    SELECT id, nama FROM diklat
                    WHERE nip = ? AND jenis = ? AND tanggal_mulai = ? AND tanggal_selesai = ? AND id >= ?
                    ORDER BY id LIMIT 1
                    """)
            importedQuery = query
            query.setUncheckedArguments(
                [course.nip, course.jenis.id, course.tanggalMulai.iso, course.tanggalSelesai.iso, start])
            if let row = try Row.fetchOne(query), let line = lines.line(at: Int(row[0] as Int64 - start)),
                NearDuplicate.nearDuplicate(row[1], of: incoming())
            {
                return ValidationIssue(field: "nama", code: .similarCourse(nama: row[1], line: line))
            }
        } else if let first = group[key], NearDuplicate.nearDuplicate(first.nama, of: incoming()) {
            return ValidationIssue(field: "nama", code: .similarCourse(nama: first.nama, line: first.line))
        }
        // A course stored before the import.
        if stored[Int(employee)] == 0 {
            let query = try hadQuery ?? db.makeStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM \(storedTable) WHERE nip = ? AND id < ?)")
            hadQuery = query
            stored[Int(employee)] = try Bool.fetchOne(query, arguments: [course.nip, start]) == true ? 2 : 1
        }
        if stored[Int(employee)] == 2 {
            let query = try storedQuery ?? db.makeStatement(
                sql: """
                    SELECT nama FROM \(storedTable)
                    WHERE nip = ? AND jenis = ? AND tanggal_mulai = ? AND tanggal_selesai = ? AND id < ?
                    ORDER BY id LIMIT \(Self.compared)
                    """)
            storedQuery = query
            query.setUncheckedArguments(
                [course.nip, course.jenis.id, course.tanggalMulai.iso, course.tanggalSelesai.iso, start])
            let names = try String.fetchCursor(query)
            while let other = try names.next() {
                if NearDuplicate.nearDuplicate(other, of: incoming()) { return ValidationIssue(field: "nama", code: .similarCourse(nama: other, line: nil)) }
            }
        }
        // Not refused here: the row is written unless the unique index refuses it.
        pending = (key, course.nama)
        return nil
    }

    /// Reads the stored courses from `table` from now on (the same rows: ``BulkImportDedup``).
    mutating func readStored(from table: String) {
        storedTable = table
        hadQuery = nil
        storedQuery = nil
    }

    /// The row checked last was written, from `line`.
    mutating func written(line: Int) {
        guard let pending else { return }
        self.pending = nil
        if !revisit && group[pending.key] == nil { group[pending.key] = (pending.nama, line) }
    }
}
