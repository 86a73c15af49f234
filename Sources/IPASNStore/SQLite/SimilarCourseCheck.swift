import Foundation
import GRDB
import IPASNCore

/// The import's near-duplicate check (``IssueCode/similarCourse(nama:line:)``): a diklat row
/// whose employee already has a course of the same jenis and dates under a similar name
/// (``NearDuplicate``), stored before the import or written by an earlier line of it.
///
/// One indexed query per row, by employee: the `(nip, dedup_key)` index finds the employee's
/// courses (about 20 at province scale) and the jenis and dates narrow them; no list of the
/// file's rows is kept in memory (the rows this import wrote are in the table already, and
/// the import's id-to-line list names their lines).
struct SimilarCourseCheck {
    /// `--allow-similar`: nothing is checked.
    let allowed: Bool
    private var statement: Statement?

    /// At most this many of the employee's courses of one jenis and dates are compared: real
    /// data has one or two; a file of thousands of courses of one employee on one day (a
    /// generated test file) must not make the import quadratic.
    static let compared = 64

    init(allowed: Bool) {
        self.allowed = allowed
    }

    /// The issue for `record` when it resembles a course of its employee, else nil. Only
    /// diklat rows are checked.
    /// - Parameters:
    ///   - firstID: the id of this import's first written row of the kind (nil: none yet).
    ///   - lines: the file lines of this import's written rows, by `id - firstID`.
    mutating func issue(for record: IPASNCore.Record, firstID: Int64?, lines: [Int32]?, _ db: Database) throws
        -> ValidationIssue?
    {
        guard !allowed, case .diklat(let course) = record else { return nil }
        let query: Statement
        if let statement {
            query = statement
        } else {
            query = try db.makeStatement(
                sql: """
                    SELECT id, nama FROM diklat
                    WHERE nip = ? AND jenis = ? AND tanggal_mulai = ? AND tanggal_selesai = ?
                    ORDER BY id LIMIT \(Self.compared)
                    """)
            statement = query
        }
        query.setUncheckedArguments([course.nip, course.jenis.id, course.tanggalMulai.iso, course.tanggalSelesai.iso])
        let name = DuplicateKey.normalizedName(course.nama)
        let rows = try Row.fetchCursor(query)
        while let row = try rows.next() {
            let other: String = row[1]
            // An exact repeat is the unique index's to report (a duplicate, not a near one).
            guard DuplicateKey.normalizedName(other) != name, NearDuplicate.similarNames(other, course.nama) else { continue }
            let id: Int64 = row[0]
            var line: Int?
            if let firstID, let lines, id >= firstID, id - firstID < Int64(lines.count) { line = Int(lines[Int(id - firstID)]) }
            return ValidationIssue(field: "nama", code: .similarCourse(nama: other, line: line))
        }
        return nil
    }
}
