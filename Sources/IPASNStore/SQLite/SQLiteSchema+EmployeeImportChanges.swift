import GRDB

extension SQLiteSchema {
    /// Migration `2026-11-30-pegawai` (issue 14): an employee import's changes as rows beside
    /// its audit row (``EmployeeImportChangesStore``) instead of a list inside its summary.
    ///
    /// One row per employee the import added (`old_value` NULL) or changed, in file order
    /// (`seq` from 0), with the file line; the values are the audit log's JSON of an employee.
    /// `old_unit` and `new_unit` repeat the units (PostgreSQL's row-level security checks them;
    /// kept on both engines so that `ipasn migrate` copies the table as it is).
    /// `import_id` is the import's audit row, written at the end of the import's transaction:
    /// the foreign key is checked at commit, so a row cannot outlive its import, and an import
    /// refused as a whole (or a dry run) rolls its rows back with it. No index beyond the key:
    /// undo and redo read the rows by `(import_id, seq)`.
    static let employeeImportChanges = """
        CREATE TABLE import_pegawai_changes (
            import_id INTEGER NOT NULL REFERENCES audit(id) DEFERRABLE INITIALLY DEFERRED,
            seq       INTEGER NOT NULL,
            line      INTEGER NOT NULL,
            nip       TEXT NOT NULL,
            old_unit  TEXT,
            new_unit  TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT NOT NULL,
            PRIMARY KEY (import_id, seq)
        ) WITHOUT ROWID;
        """
}
