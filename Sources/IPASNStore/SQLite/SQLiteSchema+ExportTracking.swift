import Foundation
import GRDB
import IPASNCore

extension SQLiteSchema {
    /// Export tracking (migration `2026-11-30-tracking`):
    /// - every record table gets `change_no` (its version: 0 when inserted, +1 on every update
    ///   that changes a data column, by trigger) and `sent_no` (the version a SIASN batch sent,
    ///   NULL when never sent), with a partial index over the pending rows only, so that
    ///   counting what is not yet sent reads nothing else;
    /// - `export_batches` (the numbered batches) and `export_items` (each batch's records and
    ///   versions; `deleted` for a reported deletion);
    /// - `export_deleted`: records deleted after they were sent (by trigger), until a batch
    ///   reports the deletion (`reported`); an undo that restores the record takes it back;
    /// - `entry_marks`: per kind, the highest record id that existed at each audit row's moment
    ///   (by trigger on `audit`), so that a record's first-entered moment is one index lookup
    ///   (ids only grow). Records that existed before the migration get the newest audit moment.
    static func migrateExportTracking(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE export_batches (
                    id           INTEGER PRIMARY KEY AUTOINCREMENT,
                    at           TEXT NOT NULL,
                    actor        TEXT NOT NULL,
                    kind         TEXT NOT NULL,
                    format       TEXT NOT NULL,
                    file         TEXT NOT NULL,
                    unit         TEXT,
                    since        TEXT,
                    pending_only INTEGER NOT NULL,
                    marks_sent   INTEGER NOT NULL,
                    rows         INTEGER NOT NULL,
                    deletions    INTEGER NOT NULL
                );
                CREATE TABLE export_items (
                    batch     INTEGER NOT NULL REFERENCES export_batches(id),
                    kind      TEXT NOT NULL,
                    record_id INTEGER NOT NULL,
                    version   INTEGER NOT NULL,
                    deleted   INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (batch, kind, record_id)
                ) WITHOUT ROWID;
                CREATE INDEX export_items_record ON export_items(kind, record_id, batch);
                CREATE TABLE export_deleted (
                    kind        TEXT NOT NULL,
                    record_id   INTEGER NOT NULL,
                    nip         TEXT NOT NULL,
                    what        TEXT NOT NULL,
                    jenis       INTEGER,
                    change_no   INTEGER NOT NULL,
                    sent_no     INTEGER NOT NULL,
                    reported    INTEGER,
                    PRIMARY KEY (kind, record_id)
                ) WITHOUT ROWID;
                CREATE TABLE entry_marks (
                    kind    TEXT NOT NULL,
                    upto_id INTEGER NOT NULL,
                    at      TEXT NOT NULL,
                    PRIMARY KEY (kind, upto_id)
                ) WITHOUT ROWID;
                INSERT INTO entry_marks(kind, upto_id, at)
                    SELECT name, seq, (SELECT MAX(at) FROM audit) FROM sqlite_sequence
                    WHERE name IN ('pendidikan', 'diklat', 'skp', 'disiplin') AND seq > 0
                      AND EXISTS (SELECT 1 FROM audit);
                CREATE TRIGGER audit_entry_marks AFTER INSERT ON audit BEGIN
                    INSERT INTO entry_marks(kind, upto_id, at)
                        SELECT s.name, s.seq, NEW.at FROM sqlite_sequence s
                        WHERE s.name IN ('pendidikan', 'diklat', 'skp', 'disiplin')
                          AND s.seq > COALESCE((SELECT MAX(m.upto_id) FROM entry_marks m WHERE m.kind = s.name), 0);
                END;
                """)
        for kind in RecordKind.allCases {
            let table = RecordRows.table(kind)
            let changed = RecordRows.columns(kind).map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(separator: " OR ")
            try db.execute(
                sql: """
                    ALTER TABLE \(table) ADD COLUMN change_no INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE \(table) ADD COLUMN sent_no INTEGER;
                    CREATE INDEX \(table)_pending ON \(table)(nip) WHERE sent_no IS NOT change_no;
                    CREATE TRIGGER \(table)_version AFTER UPDATE OF \(RecordRows.columns(kind).joined(separator: ", "))
                    ON \(table) WHEN \(changed) BEGIN
                        UPDATE \(table) SET change_no = OLD.change_no + 1 WHERE id = NEW.id;
                    END;
                    CREATE TRIGGER \(table)_sent_deleted AFTER DELETE ON \(table) WHEN OLD.sent_no IS NOT NULL BEGIN
                        INSERT OR REPLACE INTO export_deleted(kind, record_id, nip, what, jenis, change_no, sent_no, reported)
                        VALUES ('\(table)', OLD.id, OLD.nip, \(deletedWhat(kind)), \(kind == .diklat ? "OLD.jenis" : "NULL"),
                                OLD.change_no, OLD.sent_no, NULL);
                    END;
                    CREATE TRIGGER \(table)_restored AFTER INSERT ON \(table)
                    WHEN EXISTS (SELECT 1 FROM export_deleted WHERE kind = '\(table)' AND record_id = NEW.id) BEGIN
                        UPDATE \(table) SET
                            change_no = (SELECT change_no FROM export_deleted WHERE kind = '\(table)' AND record_id = NEW.id),
                            sent_no = (SELECT CASE WHEN reported IS NULL THEN sent_no END
                                       FROM export_deleted WHERE kind = '\(table)' AND record_id = NEW.id)
                        WHERE id = NEW.id;
                        DELETE FROM export_deleted WHERE kind = '\(table)' AND record_id = NEW.id;
                    END;
                    """)
        }
    }

    /// A deleted record in a few words, from the row's old values.
    private static func deletedWhat(_ kind: RecordKind) -> String {
        switch kind {
        case .pendidikan:
            return "OLD.tingkat || COALESCE(' ' || OLD.tanggal_lulus, '') "
                + "|| CASE WHEN OLD.nama_sekolah <> '' THEN ' ' || OLD.nama_sekolah ELSE '' END"
        case .diklat: return "OLD.nama || ' ' || OLD.tanggal_mulai"
        case .skp: return "'SKP ' || OLD.tahun"
        case .disiplin: return "OLD.tingkat || ' ' || OLD.tmt"
        }
    }
}
