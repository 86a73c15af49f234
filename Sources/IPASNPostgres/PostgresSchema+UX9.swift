import IPASNCore

extension PostgresSchema {
    /// Migration `2026-12-03-ux9` (as SQLite's): the undo of a delete no longer touches the
    /// record it puts back, so the verifikator's queue shows who entered it and when, not the
    /// admin who undid the delete (the audit log keeps the undo as theirs). Only the trigger's
    /// condition changes; its function (`ipasn_audit_touch`) is untouched.
    static var keepTouchOnUndoneDelete: String {
        let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return """
            DROP TRIGGER audit_record_touch ON audit;
            CREATE TRIGGER audit_record_touch AFTER INSERT ON audit FOR EACH ROW
                WHEN (NEW.entity IN (\(kinds)) AND NEW.action IN ('insert', 'update', 'undo', 'redo', 'import')
                      AND NOT (NEW.action = 'undo' AND NEW.old_value IS NULL))
                EXECUTE FUNCTION ipasn_audit_touch();
            """
    }
}
