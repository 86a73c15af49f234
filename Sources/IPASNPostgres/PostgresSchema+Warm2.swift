extension PostgresSchema {
    /// Migration `2026-12-01-pgwarm` (issue 12): the save warm-up reaches what a save runs at
    /// its COMMIT.
    ///
    /// Since `2026-12-01-pgaudit` a save by an account's own role ends with a deferred per-row
    /// check on the record tables (`<table>_audited`), a PL/pgSQL function compiled and planned
    /// by the session's first COMMIT that follows a record write: on the bench's province the
    /// first save's server CPU went from about 7 to 9.4 ms against a warm save's 3.5. It fires
    /// only for a row, so ``PostgresStore/warmSavePath()``'s writes of no row never reach it.
    /// The check's own warm-up is the check's owner's to write (`ipasn_audit_warm()`: no
    /// arguments, no effect, it compiles and plans the check's statements); this function
    /// calls it when the database has it and does nothing otherwise, so the warm-up works with
    /// and without it. It runs as the schema's owner, as the check does (`SECURITY DEFINER`),
    /// and is everyone's to call; the lookup is one catalog probe a workstation start.
    static let warmCommitChecks = """
        CREATE FUNCTION ipasn_warm_commit_checks() RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            -- Planned only when reached: a database without the function never plans the call.
            IF to_regprocedure('public.ipasn_audit_warm()') IS NOT NULL THEN
                PERFORM ipasn_audit_warm();
            END IF;
        END
        $$;
        """
}
