extension PostgresSchema {
    /// Migration `2026-12-05-pgsave10` (issue 12, row PG3, PostgreSQL only): less server work
    /// in every save, the same decisions.
    ///
    /// - The one-trip save's guard (`ipasn_one_trip_guard`) no longer walks the unit tree again
    ///   when the record's insert in the same transaction was already checked by the table's
    ///   row-level security policy for the same account: the `add` policy of the record
    ///   tables is `ipasn_may_write_nip(nip)`, the very rule the guard asked (an operator, or an
    ///   admin holding the employee's unit or one above it), and a refused insert fails the
    ///   exchange before the guard runs. So when the login the guard is given is the session's
    ///   own and row security applies to the table for it (`row_security_active`: an account's
    ///   own role), the guard's permission is that of the insert; otherwise (the schema's
    ///   owner, which row security does not bind, or another login) the guard asks as before.
    ///   The digest and its refusal are unchanged; the warm-up (no table) runs every statement.
    /// - The per-row triggers of a save run their statement themselves instead of through a
    ///   helper function (`2026-12-01-pgsave5` moved each statement into a `SECURITY DEFINER`
    ///   helper so that the warm-up could plan it without a row; since `2026-12-04-pgsave9` the
    ///   warm-up rehearses a real save, which runs the triggers themselves):
    ///   `ipasn_restored` (the export tracking of a record restored under a deleted one's id),
    ///   `ipasn_entry_marks` (the audit's entry marks) and `ipasn_audit_touch` (the record's
    ///   newest audit row). Same names, conditions, statements and effects; three nested
    ///   calls a save fewer (each a `SECURITY DEFINER` call with its own `search_path`). The
    ///   helpers stay (the warm-up's `ipasn_warm_save_path` still calls them).
    /// - `ipasn_drop_scores` of the scores as entered (every save sends it for its employee)
    ///   returns at once when no such row matches, before asking whether the account writes
    ///   every score (`ipasn_writes_every_score`: the owner's role membership, `pg_roles`,
    ///   the account's role): the permission only chooses which matching rows are deleted,
    ///   and with none there is nothing to choose. The same rows are deleted as before.
    static let saveServerWork = """
        CREATE OR REPLACE FUNCTION ipasn_restored() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            d export_deleted%ROWTYPE;
        BEGIN
            DELETE FROM export_deleted e WHERE e.kind = TG_TABLE_NAME AND e.record_id = NEW.id RETURNING e.* INTO d;
            \(restoredTakesBack)
        END
        $$;

        CREATE OR REPLACE FUNCTION ipasn_entry_marks() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            \(entryMarksInsert)
            RETURN NULL;
        END
        $$;

        CREATE OR REPLACE FUNCTION ipasn_audit_touch() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            ids bigint[];
        BEGIN
            IF NEW.entity_id <> '' THEN
                IF NEW.action <> 'import' AND NEW.entity_id ~ '^[0-9]{1,18}$' THEN
                    INSERT INTO record_touch AS t(kind, record_id, audit_id, at, actor)
                        VALUES (NEW.entity, NEW.entity_id::bigint, NEW.id, NEW.at, NEW.actor)
                        ON CONFLICT (kind, record_id) DO UPDATE SET audit_id = excluded.audit_id, at = excluded.at, actor = excluded.actor
                        WHERE t.audit_id < excluded.audit_id;
                END IF;
            \(touchRangesBranch)
            END IF;
            RETURN NULL;
        END
        $$;

        CREATE OR REPLACE FUNCTION ipasn_drop_scores(entered boolean, p_years integer[], p_nips text[]) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            everyone boolean;
            written bigint;
        BEGIN
            IF entered THEN
                -- Most saves: the employee has no scores as entered, and nothing is asked.
                IF NOT EXISTS (SELECT 1 FROM employee_score_entered s
                               WHERE (p_years IS NULL OR s.year = ANY(p_years)) AND (p_nips IS NULL OR s.nip = ANY(p_nips))) THEN
                    RETURN 0;
                END IF;
                everyone := ipasn_writes_every_score();
                DELETE FROM employee_score_entered s
                WHERE (p_years IS NULL OR s.year = ANY(p_years)) AND (p_nips IS NULL OR s.nip = ANY(p_nips))
                  AND (everyone OR ipasn_may_write_score(s.nip));
                GET DIAGNOSTICS written = ROW_COUNT;
            ELSE
                everyone := ipasn_writes_every_score();
                DELETE FROM employee_score s
                WHERE (p_years IS NULL OR s.year = ANY(p_years)) AND (p_nips IS NULL OR s.nip = ANY(p_nips))
                  AND (everyone OR ipasn_may_write_score(s.nip));
                GET DIAGNOSTICS written = ROW_COUNT;
            END IF;
            RETURN written;
        END
        $$;

        \(oneTripGuard(create: "CREATE OR REPLACE", searchPath: "public, pg_temp", permission: guardPermissionOfTheInsert))
        """

    /// The guard's permission: the insert's own row-security check when it was the account's
    /// (``saveServerWork``), else ``oneTripGuardPermission`` as before.
    static var guardPermissionOfTheInsert: String {
        let asked = oneTripGuardPermission.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        return """
                IF p_table <> '' AND p_login = session_user AND row_security_active(p_table) THEN
                    -- The insert above passed the table's policy for this account: the same rule.
                    v_may := true;
                ELSE
            \(asked.joined(separator: "\n"))
                END IF;
            """
    }
}
