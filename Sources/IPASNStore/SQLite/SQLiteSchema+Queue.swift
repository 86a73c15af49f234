import Foundation
import GRDB
import IPASNCore

extension SQLiteSchema {
    /// The verifikator's queue at province scale (migration `2026-11-30-queue`): when each
    /// record was last entered or changed, and by whom, kept by a trigger on `audit`, so that
    /// "newest first", "since yesterday" and "entered by" read an index instead of the audit log.
    /// - `record_touch(kind, record_id, at, actor)`: the newest audit row that touched one
    ///   record's content (insert, update, undo, redo; never a verdict or a document mark),
    ///   upserted by the trigger. Indexed by moment and by actor.
    /// - `touch_ranges(audit_id, kind, first_id, last_id, at, actor)`: a record import (or the
    ///   redo of one) touches its whole id range with one row.
    /// A record's touch is its `record_touch` row when it has one (always newer than the import
    /// that wrote it), else the newest range holding it. Existing audit rows are read once.
    /// A deleted record's row stays (every read joins the record table, and ids are never
    /// reused): no trigger on the record tables, so a big delete (the undo of an import) costs
    /// nothing more.
    static func migrateQueue(_ db: Database) throws {
        let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(
            sql: """
                CREATE TABLE record_touch (
                    kind      TEXT NOT NULL,
                    record_id INTEGER NOT NULL,
                    at        TEXT NOT NULL,
                    actor     TEXT NOT NULL,
                    PRIMARY KEY (kind, record_id)
                ) WITHOUT ROWID;
                CREATE INDEX record_touch_at ON record_touch(kind, at, record_id);
                CREATE INDEX record_touch_actor ON record_touch(kind, actor, at, record_id);
                CREATE TABLE touch_ranges (
                    audit_id INTEGER PRIMARY KEY,
                    kind     TEXT NOT NULL,
                    first_id INTEGER NOT NULL,
                    last_id  INTEGER NOT NULL,
                    at       TEXT NOT NULL,
                    actor    TEXT NOT NULL
                );
                INSERT OR REPLACE INTO record_touch(kind, record_id, at, actor)
                    SELECT entity, CAST(entity_id AS INTEGER), at, actor FROM audit
                    WHERE entity IN (\(kinds)) AND entity_id <> '' AND action IN ('insert', 'update', 'undo', 'redo')
                    ORDER BY id;
                INSERT INTO touch_ranges(audit_id, kind, first_id, last_id, at, actor)
                    SELECT id, entity, json_extract(new_value, '$.ids.first'), json_extract(new_value, '$.ids.last'), at, actor
                    FROM audit
                    WHERE entity IN (\(kinds)) AND entity_id = '' AND action IN ('import', 'redo')
                      AND json_valid(new_value) AND json_extract(new_value, '$.ids.first') IS NOT NULL;
                CREATE TRIGGER audit_record_touch AFTER INSERT ON audit
                WHEN NEW.entity IN (\(kinds)) AND NEW.entity_id <> '' AND NEW.action IN ('insert', 'update', 'undo', 'redo') BEGIN
                    INSERT OR REPLACE INTO record_touch(kind, record_id, at, actor)
                        VALUES (NEW.entity, CAST(NEW.entity_id AS INTEGER), NEW.at, NEW.actor);
                END;
                CREATE TRIGGER audit_touch_range AFTER INSERT ON audit
                WHEN NEW.entity IN (\(kinds)) AND NEW.entity_id = '' AND NEW.action IN ('import', 'redo')
                  AND json_valid(NEW.new_value) AND json_extract(NEW.new_value, '$.ids.first') IS NOT NULL BEGIN
                    INSERT INTO touch_ranges(audit_id, kind, first_id, last_id, at, actor)
                        VALUES (NEW.id, NEW.entity, json_extract(NEW.new_value, '$.ids.first'),
                                json_extract(NEW.new_value, '$.ids.last'), NEW.at, NEW.actor);
                END;
                """)
    }
}
