extension PostgresSchema {
    /// Migration `2026-11-30-pegawai` (issue 14), as SQLite's: an employee import's changes as
    /// rows beside its audit row (``EmployeeImportChangesStore``) instead of a list inside its
    /// summary. `import_id` is the import's audit row: the import takes the id from the audit
    /// sequence before its first row and writes its audit row under it at the end; the
    /// foreign key is checked at commit.
    ///
    /// Security as the audit log's (`2026-11-30-row-security`, `2026-11-30-pgsecure`):
    /// - everyone reads (the history and the undo of an import read them);
    /// - rows are inserted only by an account that writes (an operator, an admin) and, for an
    ///   admin, only for employees of their units, before and after the change
    ///   (`ipasn_may_write` on both units), and only within the import's own transaction: the
    ///   policy refuses a row for an audit id that already exists (a committed import's), and
    ///   the deferred foreign key refuses the commit unless the transaction writes that audit
    ///   row (under its own login: the audit log's policy);
    /// - nobody but the schema's owner may change or delete them: `UPDATE`, `DELETE`,
    ///   `TRUNCATE`, `REFERENCES` and `TRIGGER` revoked from every grantee but the owner.
    static var employeeImportChanges: String {
        """
        CREATE TABLE import_pegawai_changes (
            import_id BIGINT NOT NULL REFERENCES audit(id) DEFERRABLE INITIALLY DEFERRED,
            seq       INTEGER NOT NULL,
            line      INTEGER NOT NULL,
            nip       TEXT COLLATE "C" NOT NULL,
            old_unit  TEXT COLLATE "C",
            new_unit  TEXT COLLATE "C" NOT NULL,
            old_value TEXT,
            new_value TEXT NOT NULL,
            PRIMARY KEY (import_id, seq)
        );
        ALTER TABLE import_pegawai_changes ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON import_pegawai_changes FOR SELECT USING (true);
        CREATE POLICY add ON import_pegawai_changes FOR INSERT WITH CHECK (
            ipasn_writer() AND ipasn_may_write(new_unit) AND (old_unit IS NULL OR ipasn_may_write(old_unit))
            AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.id = import_id));
        DO $$
        DECLARE
            g record;
        BEGIN
            FOR g IN
                SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                WHERE c.oid = 'public.import_pegawai_changes'::regclass AND a.grantee <> c.relowner
                  AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')
            LOOP
                EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON public.import_pegawai_changes FROM %s',
                    CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);
            END LOOP;
        END
        $$;
        """
    }
}
