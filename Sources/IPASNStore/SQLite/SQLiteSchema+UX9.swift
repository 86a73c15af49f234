import GRDB
import IPASNCore

extension SQLiteSchema {
    /// Migration `2026-12-03-ux9`: the undo of a delete no longer touches the record it puts
    /// back. The verifikator's queue listed an undone delete at its top as entered by the
    /// admin who undid it (round 8), though the record was the demo's or another admin's. The
    /// record comes back with its id, and its `record_touch` row (or import range) was never
    /// removed by the delete, so the queue shows who entered or changed it last, and when, as
    /// before the delete. The audit log keeps the undo as the undoer's act. An undo's `undo`
    /// row with no old value is exactly such an undo (``AuditEntry/old`` is what it found:
    /// nothing; the undo of an insert or an update found the record).
    static let keepTouchOnUndoneDelete: String = {
        let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return """
            DROP TRIGGER audit_record_touch;
            CREATE TRIGGER audit_record_touch AFTER INSERT ON audit
            WHEN NEW.entity IN (\(kinds)) AND NEW.entity_id <> '' AND NEW.action IN ('insert', 'update', 'undo', 'redo')
              AND NOT (NEW.action = 'undo' AND NEW.old_value IS NULL) BEGIN
                INSERT OR REPLACE INTO record_touch(kind, record_id, at, actor)
                    VALUES (NEW.entity, CAST(NEW.entity_id AS INTEGER), NEW.at, NEW.actor);
            END;
            """
    }()
}
