extension PostgresSchema {
    /// Migration `2026-12-05-pgscorer` (PostgreSQL only, issue 12, row PG1): the set-based
    /// scorer `ipasn_server_scores` reads a province's record tables whole, one year at a
    /// time, each grouped by NIP before it meets the employees.
    ///
    /// Before, every record table was joined to the employees x years (`e`, a materialized
    /// CTE) and then grouped by employee and year: for the million diklat rows the planner
    /// hashed the diklat side and probed it with the 50,000 employees, then grouped, all in
    /// one backend (a plan node above a CTE scan runs in the leader only): 2.3 s of the
    /// import refresh's 3 s of server CPU. Now, when the call names at least
    /// ``wholeTableNIPs`` employees (an import's refresh, a recompute's check), each year is
    /// scored by its own statement in which:
    ///
    /// - every record table is grouped by NIP alone, with no reference to the employees, so
    ///   the planner may scan and partially aggregate diklat in parallel workers; the
    ///   employees (`pegawai` filtered by `= ANY (p_nips)`, a hashed array: no index probe per
    ///   employee) meet the four per-NIP results only at the end, by hash joins, and a NIP not
    ///   asked for is simply not joined;
    /// - diklat rows that can count for nothing in that year are left out before the
    ///   grouping: rows ending after 31 December, teknis rows before the teknis window and
    ///   seminar rows before the seminar window (kepemimpinan and fungsional reach back
    ///   without limit; a jenis in no group was never joined). Every aggregate of
    ///   ``diklatAggregates(year:cutoff:)`` already ignored such rows (each one's `FILTER`
    ///   asks for the same bounds), and an employee with none of their rows left has no `dik`
    ///   row, which the final arithmetic reads as it read an all-empty one (every figure
    ///   `COALESCE`d to 0);
    /// - the aggregates, the rule tables' joins and the final arithmetic are the same text
    ///   (``diklatAggregates(year:cutoff:)``, ``finalScores(joins:)``), with the year and its
    ///   cut-off as the function's variables instead of `e`'s columns: the same doubles;
    /// - JIT is off for the call (`SET jit = off`): the final joins' row estimates reach the
    ///   server's JIT threshold, and compiling the statement cost seconds, more than running it.
    ///
    /// Fewer employees (a save's check of more than 64 rows, a small unit's recompute) are
    /// scored by the previous statement (``setBasedScores``), whose index reads per employee
    /// cost less than whole tables. The signature, grants, `SECURITY DEFINER` and settings
    /// are kept (its callers, `ipasn_check_scores`, `ipasn_refresh_server_scores` and the
    /// audit's score upserts, are unchanged), now with `search_path = public, pg_temp`.
    static var scorerWholeTables: String {
        """
        CREATE OR REPLACE FUNCTION ipasn_server_scores(p_nips text[], p_years int4[], p_entered boolean)
        RETURNS TABLE(year int4, nip text, kualifikasi float8, kompetensi float8, kinerja float8, disiplin float8,
            complete int2, missing text)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_custom_plan
        SET work_mem = '64MB' SET jit = off ROWS 10000 AS $$
        #variable_conflict use_column
        DECLARE
            rules score_params;
            leave_out boolean;
            v_year int4;
            v_cutoff date;
            v_unlimited int4[];
            v_teknis int4[];
            v_seminar int4[];
            v_teknis_since date;
            v_seminar_since date;
        BEGIN
        SELECT * INTO STRICT rules FROM score_params WHERE id = 1;
        leave_out := NOT p_entered AND NOT rules.rejected_count;
        IF cardinality(p_nips) < \(wholeTableNIPs) THEN
            RETURN QUERY
            \(setBasedScores)
            RETURN;
        END IF;
        -- The jenis whose records count whatever their age (kepemimpinan, fungsional), and
        -- those that count only in their window.
        SELECT array_agg(g.jenis) INTO v_unlimited FROM score_diklat_groups g WHERE g.grp IN ('kepemimpinan', 'fungsional');
        SELECT array_agg(g.jenis) INTO v_teknis FROM score_diklat_groups g WHERE g.grp = 'teknis';
        SELECT array_agg(g.jenis) INTO v_seminar FROM score_diklat_groups g WHERE g.grp = 'seminar';
        FOR v_year IN SELECT DISTINCT y FROM unnest(p_years) AS y WHERE y IS NOT NULL ORDER BY 1 LOOP
            v_cutoff := make_date(v_year, 12, 31);
            -- The first days of the teknis and seminar windows (as the aggregates' own).
            v_teknis_since := make_date(GREATEST(v_year - rules.teknis_window + 1, 1), 1, 1);
            v_seminar_since := make_date(GREATEST(v_year - rules.seminar_window + 1, 1), 1, 1);
            RETURN QUERY
            \(wholeTableScores)
        END LOOP;
        END
        $$;

        """
    }

    /// From how many NIPs ``scorerWholeTables`` reads the record tables whole.
    static let wholeTableNIPs = 2_000

    /// One year's scores (`v_year`, `v_cutoff`, `v_since`, `v_unlimited`) of the employees
    /// `p_nips`, every record table grouped by NIP on its own (see ``scorerWholeTables``).
    private static var wholeTableScores: String {
        """
        WITH e AS (
                SELECT p.nip, v_year AS year, p.jenis_jabatan,
                    CASE WHEN p.jenis_jabatan = 'struktural' THEN replace(lower(p.jenjang), ' ', '_') END AS jenjang
                FROM pegawai p
                WHERE p.nip = ANY (p_nips)
            ),
            kual AS (
                SELECT d.nip, MAX(COALESCE(q.points, 0)) AS best, bool_or(COALESCE(q.points, 0) >= -1) AS found
                FROM pendidikan d
                LEFT JOIN score_kualifikasi q ON q.tingkat = d.tingkat
                WHERE (d.tanggal_lulus <= v_cutoff OR (d.tanggal_lulus IS NULL AND rules.undated_counts))
                  AND \(rejected("pendidikan", "d.id", few: false))
                GROUP BY d.nip
            ),
            kin AS (
                SELECT s.nip, MAX(LEAST(COALESCE(kp.points, 0), rules.kin_max)) AS best, true AS found
                FROM skp s
                LEFT JOIN score_kinerja_bands b ON s.predikat IS NULL
                    AND (b.lo IS NULL OR s.nilai >= b.lo) AND (b.hi IS NULL OR s.nilai < b.hi)
                LEFT JOIN score_kinerja kp ON kp.predikat = COALESCE(s.predikat, b.predikat)
                WHERE s.tahun = v_year
                  AND (s.predikat IS NOT NULL OR (s.nilai IS NOT NULL AND b.predikat IS NOT NULL))
                  AND \(rejected("skp", "s.id", few: false))
                GROUP BY s.nip
            ),
            dis AS (
                SELECT h.nip,
                    MAX(CASE h.tingkat WHEN 'ringan' THEN 1 WHEN 'sedang' THEN 2 WHEN 'berat' THEN 3 END) AS heaviest
                FROM disiplin h
                WHERE h.tmt BETWEEN make_date(GREATEST(v_year - rules.dis_window + 1, 1), 1, 1) AND v_cutoff
                  AND \(rejected("disiplin", "h.id", few: false))
                GROUP BY h.nip
            ),
            dik AS (
                SELECT k.nip, \(diklatAggregates(year: "v_year", cutoff: "v_cutoff"))
                FROM diklat k
                JOIN score_diklat_groups g ON g.jenis = k.jenis
                LEFT JOIN score_leadership_rank lr ON lr.tingkat = k.tingkat
                WHERE k.tanggal_selesai <= v_cutoff
                  AND (k.jenis = ANY (v_unlimited) OR (k.jenis = ANY (v_teknis) AND k.tanggal_selesai >= v_teknis_since)
                      OR (k.jenis = ANY (v_seminar) AND k.tanggal_selesai >= v_seminar_since))
                  AND \(rejected("diklat", "k.id", few: false))
                GROUP BY k.nip
            )
            \(finalScores(joins: """
                FROM e
                LEFT JOIN kual ON kual.nip = e.nip
                LEFT JOIN kin ON kin.nip = e.nip
                LEFT JOIN dis ON dis.nip = e.nip
                LEFT JOIN dik ON dik.nip = e.nip
                """))
        """
    }
}
