import GRDB

/// An employee import's NIPs seen so far (each with its first line, for "the same NIP as line
/// N") and which of them it wrote (whose scores to refresh), kept in a temporary table of
/// the import's transaction instead of memory.
///
/// Why not a dictionary (issue 14, branch pegawai): `[String: Int]` and `Set<String>` of every
/// NIP of the file grow with it (an 18-digit NIP is a heap block of its own: about 150 bytes
/// an employee for the two, 75 MB at 500,000, 650 MB at 4.3 million). SQLite's temporary
/// database lives in a file (this build's `TEMP_STORE=1`) behind its own bounded page cache,
/// so the import's memory stays flat whatever the file's size; a lookup is one B-tree probe
/// of a table written in the same order (about a microsecond, as the pegawai row's own).
/// The table is dropped when the import has read every row; a rolled-back import drops it
/// with the rest.
struct ImportedEmployeeLines {
    private let db: Database
    private let insert: Statement
    private let firstLine: Statement
    private let touch: Statement
    private let isTouched: Statement
    /// Employees written (``touch(_:)``).
    private(set) var touchedCount = 0
    /// A failed lookup of ``touched``'s `contains` (which cannot throw), thrown by ``drop()``.
    private let failure = LookupFailure()

    private final class LookupFailure: @unchecked Sendable {
        var error: (any Error)?
    }

    init(_ db: Database) throws {
        self.db = db
        try db.execute(sql: "DROP TABLE IF EXISTS temp.import_pegawai_seen")
        try db.execute(
            sql: """
                CREATE TEMP TABLE import_pegawai_seen(
                    nip TEXT PRIMARY KEY NOT NULL, line INTEGER NOT NULL, touched INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID
                """)
        insert = try db.makeStatement(sql: "INSERT INTO temp.import_pegawai_seen(nip, line) VALUES (?, ?) ON CONFLICT DO NOTHING")
        firstLine = try db.makeStatement(sql: "SELECT line FROM temp.import_pegawai_seen WHERE nip = ?")
        touch = try db.makeStatement(sql: "UPDATE temp.import_pegawai_seen SET touched = 1 WHERE nip = ?")
        isTouched = try db.makeStatement(sql: "SELECT 1 FROM temp.import_pegawai_seen WHERE nip = ? AND touched = 1")
    }

    /// Notes `nip` as seen on `line`; returns the earlier line when the file listed it before.
    func earlierLine(of nip: String, line: Int) throws -> Int? {
        insert.setUncheckedArguments([nip, line])
        try insert.execute()
        guard db.changesCount == 0 else { return nil }
        return try Int.fetchOne(firstLine, arguments: [nip])
    }

    /// Notes that the import wrote `nip` (seen before).
    mutating func touch(_ nip: String) throws {
        touch.setUncheckedArguments([nip])
        try touch.execute()
        touchedCount += 1
    }

    /// The written employees, for the score refresh (read from the table, nothing held).
    var touched: EmployeeSelection {
        let (db, isTouched, failure) = (db, isTouched, failure)
        return EmployeeSelection(
            count: touchedCount,
            contains: { nip in
                do { return try Bool.fetchOne(isTouched, arguments: [nip]) == true } catch {
                    failure.error = failure.error ?? error
                    return false
                }
            },
            forEach: { body in
                let nips = try String.fetchCursor(db, sql: "SELECT nip FROM temp.import_pegawai_seen WHERE touched = 1")
                while let nip = try nips.next() { try body(nip) }
            })
    }

    /// Drops the table (after the score refresh); throws a lookup's failure during the
    /// refresh, so that a refresh that missed an employee rolls the import back.
    func drop() throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.import_pegawai_seen")
        if let error = failure.error { throw error }
    }
}
