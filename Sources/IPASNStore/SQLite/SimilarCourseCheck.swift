import Foundation
import GRDB
import IPASNCore

/// The import's near-duplicate check (``IssueCode/similarCourse(nama:line:)``): a diklat row
/// whose employee already has a course of the same jenis and dates under a similar name
/// (``NearDuplicate``), stored before the import or written by an earlier line of it.
///
/// Linear in the file, whatever it holds:
/// - **Earlier lines:** a hash of (NIP, jenis, dates) per written row, kept as 32-bit key and
///   32-bit offset (about 16 MB for a million rows); on a hit the earlier row is read back by
///   its id (one primary-key lookup) and compared.
/// - **Stored courses:** per employee, whether they had any diklat before the import (one
///   indexed query the first time the employee appears); only then are their courses of
///   that jenis and dates read (`(nip, dedup_key)` index, the import's own rows excluded by id).
struct SimilarCourseCheck {
    /// `--allow-similar`: nothing is checked.
    let allowed: Bool
    /// The first id this import can write: rows at or above it are the import's own.
    private var start: Int64?
    /// Earlier rows of this import by a hash of their (NIP, jenis, dates): offset from `start`.
    private var earlier: [UInt32: UInt32] = [:]
    /// Whether an employee had diklat before the import.
    private var hadCourses: [String: Bool] = [:]
    private var storedQuery: Statement?
    private var hadQuery: Statement?
    private var rowQuery: Statement?

    /// At most this many stored courses of one employee, jenis and dates are compared.
    static let compared = 64

    init(allowed: Bool) {
        self.allowed = allowed
    }

    /// The issue for `record` when it resembles a course of its employee, else nil. Only
    /// diklat rows are checked. Call it before the row is written; a row that is then written
    /// is remembered the next time (its id is `firstID + lines.count - 1`).
    /// - Parameters:
    ///   - firstID: the id of this import's first written row of the kind (nil: none yet).
    ///   - lines: the file lines of this import's written rows, by `id - firstID`.
    mutating func issue(for record: IPASNCore.Record, firstID: Int64?, lines: [Int32]?, _ db: Database) throws
        -> ValidationIssue?
    {
        guard !allowed, case .diklat(let course) = record else { return nil }
        let start = try self.start ?? SQLiteStore.nextRecordID(.diklat, db)
        self.start = start
        remember(firstID: firstID, lines: lines)
        let key = Self.key(course)
        let found = try find(course, key: key, start: start, firstID: firstID, lines: lines, db)
        // Not refused here: the row is written unless the unique index refuses it.
        if found == nil { pending = key }
        return found
    }

    private mutating func find(
        _ course: Diklat, key: UInt32, start: Int64, firstID: Int64?, lines: [Int32]?, _ db: Database
    ) throws -> ValidationIssue? {
        // An earlier line of the file with the same employee, jenis and dates.
        if let offset = earlier[key], let lines, let firstID {
            let id = start + Int64(offset)
            let query = try rowQuery ?? db.makeStatement(
                sql: "SELECT nip, jenis, tanggal_mulai, tanggal_selesai, nama FROM diklat WHERE id = ?")
            rowQuery = query
            if let row = try Row.fetchOne(query, arguments: [id]), id >= firstID, id - firstID < Int64(lines.count),
                row[0] == course.nip, row[1] == course.jenis.id, row[2] == course.tanggalMulai.iso,
                row[3] == course.tanggalSelesai.iso, Self.similar(row[4], course.nama)
            {
                return ValidationIssue(field: "nama", code: .similarCourse(nama: row[4], line: Int(lines[Int(id - firstID)])))
            }
        }
        // A course stored before the import.
        let had: Bool
        if let known = hadCourses[course.nip] {
            had = known
        } else {
            let query = try hadQuery ?? db.makeStatement(sql: "SELECT EXISTS (SELECT 1 FROM diklat WHERE nip = ? AND id < ?)")
            hadQuery = query
            had = try Bool.fetchOne(query, arguments: [course.nip, start]) ?? false
            hadCourses[course.nip] = had
        }
        guard had else { return nil }
        let query = try storedQuery ?? db.makeStatement(
            sql: """
                SELECT nama FROM diklat
                WHERE nip = ? AND jenis = ? AND tanggal_mulai = ? AND tanggal_selesai = ? AND id < ?
                ORDER BY id LIMIT \(Self.compared)
                """)
        storedQuery = query
        query.setUncheckedArguments([course.nip, course.jenis.id, course.tanggalMulai.iso, course.tanggalSelesai.iso, start])
        let names = try String.fetchCursor(query)
        while let other = try names.next() {
            if Self.similar(other, course.nama) { return ValidationIssue(field: "nama", code: .similarCourse(nama: other, line: nil)) }
        }
        return nil
    }

    /// Adds the rows written since the last call (at most one: the previous row, when it was
    /// written) to ``earlier``.
    private var remembered = 0
    private var pending: UInt32?
    private mutating func remember(firstID: Int64?, lines: [Int32]?) {
        let written = lines?.count ?? 0
        if let key = pending, written > remembered, let firstID, let start {
            // The previous row was written: its id is the newest.
            let id = firstID + Int64(written - 1)
            if earlier[key] == nil { earlier[key] = UInt32(clamping: id - start) }
        }
        remembered = written
        pending = nil
    }

    /// (NIP, jenis, start, end) as 32 bits; a collision costs one extra comparison, never a
    /// wrong answer (the earlier row's fields are compared).
    static func key(_ course: Diklat) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(course.nip)
        hasher.combine(course.jenis.id)
        hasher.combine(course.tanggalMulai.iso)
        hasher.combine(course.tanggalSelesai.iso)
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }

    /// Similar and not an exact repeat (that is the unique index's duplicate).
    static func similar(_ other: String, _ name: String) -> Bool {
        DuplicateKey.normalizedName(other) != DuplicateKey.normalizedName(name) && NearDuplicate.similarNames(other, name)
    }
}
