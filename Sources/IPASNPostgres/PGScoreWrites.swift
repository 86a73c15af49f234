import Foundation
import IPASNCore

/// FAST PATH (issue 12): a recompute's scores written to `employee_score` in two set-based
/// statements instead of one upsert per 500 rows, and only where a score changed.
///
/// The scores go to the server as eight array parameters (one per column) and are unnested
/// there:
///
/// 1. `UPDATE employee_score ... FROM unnest(...)` where the stored row differs
///    (`IS DISTINCT FROM` over every column): an unchanged score is not written at all, so
///    it costs no new row version, no WAL and nothing in the per-unit totals' trigger
///    (``PostgresSchema/unitTotals``: its transition tables hold only the changed rows);
/// 2. `INSERT ... SELECT FROM unnest(...)` of the employee-years not cached yet (a new year,
///    a new employee): the insert trigger adds them to the totals in one grouped statement.
///
/// The totals' triggers stay on: they are statement-level and set-based already, and with
/// only the changed rows in their transition tables they do the least work there is. Row-level
/// security applies as to any write (an admin's recompute passes only their units' scores).
struct PGScoreWrites {
    private var year: [String] = []
    private var nip: [String] = []
    private var kualifikasi: [String] = []
    private var kompetensi: [String] = []
    private var kinerja: [String] = []
    private var disiplin: [String] = []
    private var complete: [String] = []
    private var missing: [String] = []

    var count: Int { nip.count }

    mutating func add(_ score: EmployeeScore) {
        year.append(String(score.year))
        nip.append(Self.quoted(score.nip))
        kualifikasi.append(Self.number(score.kualifikasi))
        kompetensi.append(Self.number(score.kompetensi))
        kinerja.append(Self.number(score.kinerja))
        disiplin.append(Self.number(score.disiplin))
        complete.append(score.complete ? "1" : "0")
        missing.append(Self.quoted(score.missing.map(\.rawValue).joined(separator: ",")))
    }

    /// The rows as an unnested relation `n(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)`.
    static let relation = """
        unnest(?::int4[], ?::text[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::int2[], ?::text[])
            AS n(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
        """

    static let updateSQL = """
        UPDATE employee_score s SET kualifikasi = n.kualifikasi, kompetensi = n.kompetensi, kinerja = n.kinerja,
            disiplin = n.disiplin, complete = n.complete, missing = n.missing
        FROM \(relation)
        WHERE s.year = n.year AND s.nip = n.nip
          AND (s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.complete, s.missing)
              IS DISTINCT FROM (n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing)
        """

    static let insertSQL = """
        INSERT INTO employee_score(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
        SELECT n.year, n.nip, n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing
        FROM \(relation)
        WHERE NOT EXISTS (SELECT 1 FROM employee_score s WHERE s.year = n.year AND s.nip = n.nip)
        """

    /// Writes the scores; returns how many rows were updated and inserted.
    ///
    /// - Parameter everyone: the scores are every employee's for `years` (a full recompute):
    ///   when the years already hold as many rows as there are scores, every row exists (one
    ///   per year and employee, every one an employee's by the foreign key) and the INSERT is
    ///   skipped (an anti-join over the years' rows, a third of the write's server time).
    @discardableResult
    func write(_ db: PGConnection, everyone years: [Int]? = nil) throws -> (updated: Int, inserted: Int) {
        guard count > 0 else { return (0, 0) }
        let arguments = PGArguments(
            texts: [year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing].map { "{" + $0.joined(separator: ",") + "}" })
        let updated = try db.execute(sql: Self.updateSQL, arguments: arguments)
        if let years {
            let stored = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM employee_score WHERE year = ANY(?::int4[])",
                arguments: [("{" + years.map(String.init).joined(separator: ",") + "}")]) ?? 0
            if stored == count { return (updated, 0) }
        }
        let inserted = try db.execute(sql: Self.insertSQL, arguments: arguments)
        return (updated, inserted)
    }

    /// An array element in double quotes (backslash and quote escaped): any text, even empty.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text.unicodeScalars {
            if character == "\\" || character == "\"" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(character)
        }
        out += "\""
        return out
    }

    /// A double as float8 reads it back exactly (Swift's shortest round-trip form).
    static func number(_ value: Double) -> String { value.pgText }
}
