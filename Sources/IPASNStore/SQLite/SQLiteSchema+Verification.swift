import GRDB

extension SQLiteSchema {
    /// Verification (migration `2026-11-30-verify`):
    /// - `verification`: one row per record that has a verdict or a document mark (a record
    ///   without a row is belum, no document); `since` orders the queue of records that came
    ///   back to belum after a verdict (the audit id of that change).
    /// - Triggers on every record table: a change of any value returns the record to belum
    ///   (in the statement's own transaction, so in the change's); a deleted record's row goes
    ///   (its undo restores a belum record).
    /// - `employee_score_entered`: the scores "as entered" (every record counting) of the few
    ///   employees whose cached score differs from them (they have a rejected record and the
    ///   ruleset does not count rejected records); the dashboard's "as entered" figures are
    ///   the cached totals corrected by these rows.
    static func addVerification(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE verification (
                    kind          TEXT NOT NULL,
                    record_id     INTEGER NOT NULL,
                    status        TEXT NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'memenuhi', 'tidak')),
                    reason        TEXT NOT NULL DEFAULT '',
                    by            TEXT,
                    at            TEXT,
                    since         INTEGER NOT NULL DEFAULT 0,
                    document      INTEGER NOT NULL DEFAULT 0,
                    document_path TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (kind, record_id)
                ) WITHOUT ROWID;
                CREATE INDEX verification_status ON verification(status, kind, record_id);
                CREATE TABLE employee_score_entered (
                    year        INTEGER NOT NULL,
                    nip         TEXT NOT NULL,
                    kualifikasi REAL NOT NULL,
                    kompetensi  REAL NOT NULL,
                    kinerja     REAL NOT NULL,
                    disiplin    REAL NOT NULL,
                    complete    INTEGER NOT NULL,
                    missing     TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (year, nip)
                ) WITHOUT ROWID;
                """)
        for (table, columns) in recordTables {
            let names = columns.split(separator: "\n").compactMap { line -> String? in
                line.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init)
            }
            let changed = (["id"] + names).map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)_verification_changed AFTER UPDATE ON \(table)
                    WHEN \(changed)
                    BEGIN
                        UPDATE verification
                        SET status = 'belum', reason = '', by = NULL, at = NULL,
                            since = (SELECT COALESCE(MAX(id), 0) + 1 FROM audit)
                        WHERE kind = '\(table)' AND record_id = OLD.id AND status <> 'belum';
                    END;
                    CREATE TRIGGER \(table)_verification_deleted AFTER DELETE ON \(table)
                    BEGIN
                        DELETE FROM verification WHERE kind = '\(table)' AND record_id = OLD.id;
                    END;
                    """)
        }
    }
}
