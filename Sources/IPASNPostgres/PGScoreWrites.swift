import Foundation
import IPASNCore
import IPASNStore

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
/// only the changed rows in their transition tables they do the least work there is. Both run
/// in the schema owner's `ipasn_refresh_scores`, which refuses an NIP the caller may not
/// write (an admin's recompute passes only their units' scores).
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

    /// The recompute's write: `ipasn_refresh_scores` (migration `2026-11-30-pgsecure`, the
    /// schema owner's function: no account may write `employee_score` itself) runs the two
    /// statements above on the server, `UPDATE ... FROM unnest(...)` of the rows that differ
    /// (`IS DISTINCT FROM` over every column), then `INSERT ... SELECT FROM unnest(...)` of
    /// the employee-years not cached yet, after checking the caller may write every NIP.
    static let refreshSQL = """
        SELECT updated, inserted FROM ipasn_refresh_scores(?::int4[], ?::text[], ?::float8[], ?::float8[], ?::float8[],
            ?::float8[], ?::int2[], ?::text[], ?::int4[])
        """

    /// The rows upserted (`ipasn_put_scores`: inserted, or replaced where they changed).
    static let putSQL = """
        SELECT ipasn_put_scores(false, ?::int4[], ?::text[], ?::float8[], ?::float8[], ?::float8[],
            ?::float8[], ?::int2[], ?::text[])
        """

    /// The eight columns as array texts.
    private var arrays: [String?] {
        [year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing].map { "{" + $0.joined(separator: ",") + "}" }
    }

    /// Writes the scores; returns how many rows were updated and inserted.
    ///
    /// - Parameter everyone: the scores are every employee's for `years` (a full recompute):
    ///   when the years already hold as many rows as there are scores, every row exists (one
    ///   per year and employee, every one an employee's by the foreign key) and the INSERT is
    ///   skipped (an anti-join over the years' rows, a third of the write's server time).
    @discardableResult
    func write(_ db: PGConnection, everyone years: [Int]? = nil) throws -> (updated: Int, inserted: Int) {
        guard count > 0 else { return (0, 0) }
        let full = years.map { "{" + $0.map(String.init).joined(separator: ",") + "}" }
        guard let row = try PGRow.fetchOne(db, sql: Self.refreshSQL, arguments: PGArguments(texts: arrays + [full])) else {
            throw StoreError.corrupt("ipasn_refresh_scores returned nothing")
        }
        return (Int(row[0] as Int64), Int(row[1] as Int64))
    }

    /// Upserts the scores in one statement (the plain recompute's batches).
    func put(_ db: PGConnection) throws {
        guard count > 0 else { return }
        try db.execute(sql: Self.putSQL, arguments: PGArguments(texts: arrays))
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
