extension PostgresSchema {
    /// Migration `2026-12-04-pgsave9` (issue 12, PostgreSQL only): a save's score write asks
    /// the permission once and writes nothing when nothing changes.
    ///
    /// `ipasn_put_scores` (a save's score write, one call per cached year and the scores as
    /// entered) was `ipasn_check_scores` (the permission, then the comparison with the
    /// server's figures), the audit's token, then `ipasn_put_scores_unchecked` (the permission
    /// again, then the upsert): two calls of `ipasn_writes_every_score` and of
    /// `ipasn_may_write_score` per employee, and an upsert that, when every given row equals
    /// its cached row (most saves: a course for an employee whose kompetensi is already at its
    /// maximum), writes no row but still fires the per-unit totals' statement triggers
    /// (`unit_totals_score_insert`, `unit_totals_score_update`: a grouped upsert of no delta
    /// each). For a call of at most 64 rows (a save) it is now one function:
    ///
    /// 1. the permission, once, before anything is compared (`42501` naming the NIP, as before);
    /// 2. which parts of the given rows differ from the cached rows, and those parts compared
    ///    with the server's figures (`23514`), exactly as `ipasn_check_scores` does;
    /// 3. the audit's token (``auditBulkSetWise``'s `ipasn_audit_note_scored`), as before;
    /// 4. the upsert, only when some given row differs from its cached row or has none: when
    ///    none does, the upsert would leave every row as it is, so it is not run and its
    ///    triggers do not fire (0 rows written, as before). No rows at all (the warm-up) still
    ///    runs it, so that the triggers are compiled.
    ///
    /// Calls of more than 64 rows (a recompute, an import) go as before through
    /// `ipasn_check_scores` and `ipasn_put_scores_unchecked`; both stay as they are (the
    /// import's `ipasn_refresh_scores` calls the check). The statements keep one generic plan
    /// a session, as the check's (`plan_cache_mode = force_generic_plan`).
    static var scoreWriteOnce: String {
        let arrays = scoreArrays
        let passed = scoreArguments
        return """
            CREATE OR REPLACE FUNCTION ipasn_put_scores(entered boolean, \(arrays)) RETURNS bigint
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
            SET plan_cache_mode = force_generic_plan AS $$
            DECLARE
                bad record;
                refused text;
                written bigint := 0;
                differing bigint := 0;
                need_records boolean;
                need_disiplin boolean;
                need_diklat boolean;
            BEGIN
                IF cardinality(p_nips) > 64 THEN
                    PERFORM ipasn_check_scores(entered, \(passed));
                    IF NOT entered THEN
                        PERFORM ipasn_audit_note_scored(p_nips);
                    END IF;
                    RETURN ipasn_put_scores_unchecked(entered, \(passed));
                END IF;
                \(scoreWriteRefusal)
                \(scorePartsCompared)
                \(scoreCheckRefusal)
                IF NOT entered THEN
                    PERFORM ipasn_audit_note_scored(p_nips);
                END IF;
                -- Every given row is its cached row: the upsert would write none.
                IF NOT (need_records OR need_disiplin OR need_diklat) AND cardinality(p_nips) > 0 THEN
                    RETURN 0;
                END IF;
                IF entered THEN
                    \(scoreUpsert("employee_score_entered"))
                ELSE
                    \(scoreUpsert("employee_score"))
                END IF;
                RETURN written;
            END
            $$;
            """
    }
}
