extension PostgresSchema {
    /// Migration `2026-12-04-pgcopy4` (PostgreSQL only, issue 12, row PG1): a first load's
    /// score refresh writes the server's own scores.
    ///
    /// Before, a first load (``PostgresStore/firstLoadRecords``) read every table back by COPY,
    /// scored its ~49,000 employees in Swift and sent the scores to `ipasn_refresh_scores`,
    /// which scored the same employees again on the server (`ipasn_check_scores`: a pass over
    /// each record table, the million diklat rows included), compared the two row by row, and
    /// only then updated the rows that changed: two scorings, a comparison and the write, all
    /// after the COPY, one after the other.
    ///
    /// `ipasn_refresh_server_scores(nips, years)` scores `nips` for `years` once, with the
    /// server's scorer (`ipasn_server_scores`, the very figures the check compares with: a
    /// score the check would accept IS the server's), and writes them in one statement: an
    /// `UPDATE` of the rows that differ (`IS DISTINCT FROM` over every column, so an unchanged
    /// score writes nothing), an `INSERT` of the employee-years not cached. The per-unit
    /// totals' statement triggers fire as for `ipasn_refresh_scores`. Its permission check is
    /// `ipasn_refresh_scores`' own: an account that does not write every score may pass only
    /// the NIPs it may write (`42501`, naming the first other one). Returns the rows updated
    /// and inserted.
    static let firstLoadServerScores = """
        CREATE FUNCTION ipasn_refresh_server_scores(p_nips text[], p_years int4[], OUT updated bigint, OUT inserted bigint)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_custom_plan AS $$
        DECLARE
            refused text;
        BEGIN
            \(scoreWriteRefusal)
            WITH n AS MATERIALIZED (
                SELECT * FROM ipasn_server_scores(p_nips, p_years, false)
            ), changed AS (
                UPDATE employee_score s SET kualifikasi = n.kualifikasi, kompetensi = n.kompetensi, kinerja = n.kinerja,
                    disiplin = n.disiplin, complete = n.complete, missing = n.missing
                FROM n
                WHERE s.year = n.year AND s.nip = n.nip
                  AND (s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.complete, s.missing)
                      IS DISTINCT FROM (n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing)
                RETURNING 1
            ), added AS (
                INSERT INTO employee_score(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
                SELECT n.year, n.nip, n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing
                FROM n
                WHERE NOT EXISTS (SELECT 1 FROM employee_score s WHERE s.year = n.year AND s.nip = n.nip)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM changed), (SELECT count(*) FROM added) INTO updated, inserted;
        END
        $$;
        """
}
