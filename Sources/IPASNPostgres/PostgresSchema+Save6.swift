extension PostgresSchema {
    /// Migration `2026-12-01-pgsave6` (issue 12): the score check of a save scores only what
    /// the save changes.
    ///
    /// `ipasn_check_scores` (migration `2026-11-30-pgscore`) scored every row it was given in
    /// full: a save's one row re-read the employee's pendidikan, SKP, disiplin and diklat, about
    /// 0.28 ms of server CPU a call on the bench's province, for a save that changes one record
    /// table, and most saves change none of the four figures (a course added to an employee
    /// whose kompetensi is already at its maximum). Now a call of at most 64 rows first reads
    /// the cached rows it would replace (`employee_score`; `employee_score_entered` for the
    /// scores as entered) and scores only the parts in which some given row differs from its
    /// cached row (or has none): pendidikan and SKP (kualifikasi, kinerja, complete, missing),
    /// disiplin, diklat (kompetensi), through `ipasn_server_scores_parts`, the few-rows scorer
    /// whose record tables are each read only when asked for. A figure equal to the one
    /// already cached is not a new figure: writing it changes nothing, so nothing is checked
    /// for it (the write itself skips an unchanged row). A figure that differs is compared
    /// with the server's own as before and a wrong one refused (`23514`), and a row with no
    /// cached row is scored in full. Bigger calls (a recompute, an import) are checked as
    /// before. The warm-up (`ipasn_warm_save_path`) readies the new scorer's generic plan
    /// instead of the old one's (`ipasn_server_scores_few`, no longer called by the check).
    static var checkedScoresParts: String {
        let arrays = scoreArrays
        let passed = scoreArguments
        return """
            \(serverScoresFunction(
                name: "ipasn_server_scores_parts", settings: " SET plan_cache_mode = force_generic_plan", rows: 4,
                body: perEmployeeScores(parts: true), parameters: ", p_records boolean, p_disiplin boolean, p_diklat boolean"))
            REVOKE EXECUTE ON FUNCTION ipasn_server_scores_parts(text[], int4[], boolean, boolean, boolean, boolean) FROM PUBLIC;

            CREATE OR REPLACE FUNCTION ipasn_check_scores(entered boolean, \(arrays)) RETURNS void
            LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                bad record;
                refused text;
                differing bigint := 0;
                need_records boolean;
                need_disiplin boolean;
                need_diklat boolean;
            BEGIN
                IF NOT ipasn_writes_every_score() THEN
                    SELECT x.nip INTO refused FROM unnest(p_nips) AS x(nip) WHERE NOT ipasn_may_write_score(x.nip) LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION 'permission denied: the cached score of employee % is not this account''s to write', refused
                            USING ERRCODE = '42501';
                    END IF;
                END IF;
                IF cardinality(p_nips) <= 64 THEN
                    -- Only the parts in which a given row differs from the row it replaces are
                    -- scored (an unchanged figure writes nothing); no rows at all (the warm-up)
                    -- still runs the comparison, so that its plan is made.
                    \(scorePartsCompared)
                ELSE
                    -- Planned for this call's arrays (a cached generic plan would be made for a
                    -- few rows): EXECUTE, which plans at every call.
                    EXECUTE $check$\(compare(scorer: "ipasn_server_scores", dynamic: true))$check$
                        INTO bad USING \(passed), entered;
                    -- (EXECUTE leaves FOUND as it was: the row count says.)
                    GET DIAGNOSTICS differing = ROW_COUNT;
                END IF;
                \(scoreCheckRefusal)
            END
            $$;

            CREATE OR REPLACE FUNCTION ipasn_warm_save_path() RETURNS void
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                no_nips text[] := '{}';
                no_years int4[] := '{}';
            BEGIN
                PERFORM ipasn_take_export_deleted('', 0);
                PERFORM ipasn_mark_entries('{}'::text[], now());
                PERFORM ipasn_touch_record('', NULL, 0, now(), '');
                PERFORM count(*) FROM ipasn_server_scores_parts(no_nips, no_years, false, true, true, true);
            END
            $$;
            """
    }

    /// The score arrays of a check or a write as one relation `n` (a few rows: a save's).
    static let givenScores = """
        unnest(\(scoreArguments))
                        AS n(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
        """

    /// Which parts of the given scores differ from `cache`'s rows (none cached: every part),
    /// into `need_records`, `need_disiplin`, `need_diklat` (``checkedScoresParts``).
    static func scorePartsDiffering(_ cache: String) -> String {
        """
        SELECT COALESCE(bool_or(c.nip IS NULL
                           OR (n.kualifikasi, n.kinerja, n.complete, n.missing)
                              IS DISTINCT FROM (c.kualifikasi, c.kinerja, c.complete, c.missing)), false),
                       COALESCE(bool_or(c.nip IS NULL OR n.disiplin IS DISTINCT FROM c.disiplin), false),
                       COALESCE(bool_or(c.nip IS NULL OR n.kompetensi IS DISTINCT FROM c.kompetensi), false)
                    INTO need_records, need_disiplin, need_diklat
                    FROM \(givenScores)
                    LEFT JOIN \(cache) c ON c.year = n.year AND c.nip = n.nip
        """
    }

    /// The server's figure of a column: the scorer's when its part was scored, else the
    /// given one (equal to the cached one for every row).
    static func scorePartExpected(_ column: String) -> String {
        let part: String
        switch column {
        case "disiplin": part = "need_disiplin"
        case "kompetensi": part = "need_diklat"
        default: part = "need_records"
        }
        return "CASE WHEN \(part) THEN s.\(column) ELSE n.\(column) END"
    }

    /// The check of a save's few rows (``checkedScoresParts``): which parts differ from the
    /// cached rows, and those parts compared with the server's figures (the first differing
    /// row into `bad`, their count into `differing`).
    static let scorePartsCompared = """
        IF entered THEN
                    \(scorePartsDiffering("employee_score_entered"));
                ELSE
                    \(scorePartsDiffering("employee_score"));
                END IF;
                IF need_records OR need_disiplin OR need_diklat OR cardinality(p_nips) = 0 THEN
                    \(compare(
                        scorer: "ipasn_server_scores_parts", dynamic: false, extra: ", need_records, need_disiplin, need_diklat",
                        expected: scorePartExpected));
                    GET DIAGNOSTICS differing = ROW_COUNT;
                END IF;
        """

    /// The refusal of a figure the server does not give (`23514`), after the comparison.
    static let scoreCheckRefusal = """
        IF differing > 0 THEN
                IF bad.dimension = 'employee' THEN
                    RAISE EXCEPTION 'refused: no score can be stored for %: no such employee', bad.nip USING ERRCODE = '23514';
                END IF;
                RAISE EXCEPTION 'refused: the % score of employee % for % is %: the server computes scores from the stored records and the active ruleset',
                    bad.dimension, bad.nip, bad.year, bad.detail USING ERRCODE = '23514';
            END IF;
        """
}
