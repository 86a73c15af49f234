import Foundation

extension PostgresSchema {
    /// `ipasn_server_scores(nips, years, entered)`: every listed employee's score for every
    /// listed year, computed by the server as ``ScoringEngine/score(_:year:)`` does, from the
    /// record tables and the parsed rule tables (``scoreRuleTables``): one pass per record
    /// table, grouped by employee and year, joined to the rule tables (no JSON is read while
    /// scoring). It is planned for its arrays at every call (`force_custom_plan`), so 50,000
    /// employees are hash joins over whole tables and a few are index scans; its hash tables
    /// may take 64 MB (`work_mem`, for the call only) rather than spill to disk.
    ///
    /// `ipasn_server_scores_few` scores a save's few rows: the same rules and the same final
    /// arithmetic, but each record table read per employee and year (`LATERAL` aggregates
    /// over the `(nip, ...)` index), kept as one generic plan per session
    /// (`force_generic_plan`): planning it would cost more than running it, and the
    /// set-based form's hash tables and sorts cost more than the few index reads.
    ///
    /// An education level counts as found (not "pendidikan missing") when its points are at
    /// least -1, as the engine's search from -1 finds it (only a hand-written ruleset has
    /// negative points; `RulesetFile` refuses them).
    ///
    /// Every figure is `float8` combined in the engine's order (the kompetensi indicators
    /// added from 0 in the order kepemimpinan, fungsional, teknis, seminar, the row's excess
    /// over the maximum taken off the last indicator of the row), so the results are the
    /// engine's doubles, not "close".
    static var serverScoresFunction: String {
        serverScoresFunction(
            name: "ipasn_server_scores", settings: " SET plan_cache_mode = force_custom_plan SET work_mem = '64MB'", rows: 10_000,
            body: setBasedScores)
            + serverScoresFunction(
                name: "ipasn_server_scores_few", settings: " SET plan_cache_mode = force_generic_plan", rows: 4, body: perEmployeeScores)
    }

    /// "Not a rejected (`tidak`) record of `kind` whose id is `id`, when rejected records are
    /// left out". Per employee (`few`), a lookup by the verification key; over a province, a
    /// hashed set of the kind's rejected ids (`record_id` is never NULL, so NOT IN is the
    /// anti-join), probed once per record row rather than a join planned per row.
    static func rejected(_ kind: String, _ id: String, few: Bool = true) -> String {
        few
            ? "NOT EXISTS (SELECT 1 FROM verification v WHERE leave_out AND v.kind = '\(kind)' AND v.record_id = \(id) AND v.status = 'tidak')"
            : "\(id) NOT IN (SELECT v.record_id FROM verification v WHERE leave_out AND v.kind = '\(kind)' AND v.status = 'tidak')"
    }

    /// `parameters`: more parameters after the three (with their leading comma).
    static func serverScoresFunction(name: String, settings: String, rows: Int, body: String, parameters: String = "") -> String {
        """
        CREATE FUNCTION \(name)(p_nips text[], p_years int4[], p_entered boolean\(parameters))
        RETURNS TABLE(year int4, nip text, kualifikasi float8, kompetensi float8, kinerja float8, disiplin float8,
            complete int2, missing text)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public\(settings) ROWS \(rows) AS $$
        #variable_conflict use_column
        DECLARE
            rules score_params;
            leave_out boolean;
        BEGIN
        SELECT * INTO STRICT rules FROM score_params WHERE id = 1;
        leave_out := NOT p_entered AND NOT rules.rejected_count;
        RETURN QUERY
        \(body)
        END
        $$;

        """
    }

    /// The employees x years (`e`): NIP, year, cut-off, jenis jabatan, struktural jenjang key.
    /// The NIPs are a semi-join (not a DISTINCT, whose estimate of 200 rows made the planner
    /// sort 50,000 employees on disk and join them by merge).
    private static let employeeYears = """
        SELECT p.nip, y.year, make_date(y.year, 12, 31) AS cutoff, p.jenis_jabatan,
                CASE WHEN p.jenis_jabatan = 'struktural' THEN replace(lower(p.jenjang), ' ', '_') END AS jenjang
            FROM pegawai p
            CROSS JOIN (SELECT DISTINCT y AS year FROM unnest(p_years) AS y) y
            WHERE p.nip IN (SELECT x FROM unnest(p_nips) AS x)
        """

    /// One pass per record table over every listed employee (GROUP BY employee and year).
    static var setBasedScores: String {
        """
        WITH e AS MATERIALIZED (
            \(employeeYears)
        ),
        kual AS (
            SELECT e.nip, e.year, MAX(COALESCE(q.points, 0)) AS best, bool_or(COALESCE(q.points, 0) >= -1) AS found
            FROM e JOIN pendidikan d ON d.nip = e.nip
            LEFT JOIN score_kualifikasi q ON q.tingkat = d.tingkat
            WHERE (d.tanggal_lulus <= e.cutoff OR (d.tanggal_lulus IS NULL AND rules.undated_counts))
              AND \(rejected("pendidikan", "d.id", few: false))
            GROUP BY e.nip, e.year
        ),
        kin AS (
            SELECT e.nip, e.year, MAX(LEAST(COALESCE(kp.points, 0), rules.kin_max)) AS best, true AS found
            FROM e JOIN skp s ON s.nip = e.nip AND s.tahun = e.year
            LEFT JOIN score_kinerja_bands b ON s.predikat IS NULL
                AND (b.lo IS NULL OR s.nilai >= b.lo) AND (b.hi IS NULL OR s.nilai < b.hi)
            LEFT JOIN score_kinerja kp ON kp.predikat = COALESCE(s.predikat, b.predikat)
            WHERE (s.predikat IS NOT NULL OR (s.nilai IS NOT NULL AND b.predikat IS NOT NULL))
              AND \(rejected("skp", "s.id", few: false))
            GROUP BY e.nip, e.year
        ),
        dis AS (
            SELECT e.nip, e.year,
                MAX(CASE h.tingkat WHEN 'ringan' THEN 1 WHEN 'sedang' THEN 2 WHEN 'berat' THEN 3 END) AS heaviest
            FROM e JOIN disiplin h ON h.nip = e.nip
            WHERE h.tmt BETWEEN make_date(GREATEST(e.year - rules.dis_window + 1, 1), 1, 1) AND e.cutoff
              AND \(rejected("disiplin", "h.id", few: false))
            GROUP BY e.nip, e.year
        ),
        dik AS (
            SELECT e.nip, e.year, \(diklatAggregates)
            FROM e JOIN diklat k ON k.nip = e.nip
            JOIN score_diklat_groups g ON g.jenis = k.jenis
            LEFT JOIN score_leadership_rank lr ON lr.tingkat = k.tingkat
            WHERE \(rejected("diklat", "k.id", few: false))
            GROUP BY e.nip, e.year
        )
        \(finalScores(joins: """
            FROM e
            LEFT JOIN kual ON kual.nip = e.nip AND kual.year = e.year
            LEFT JOIN kin ON kin.nip = e.nip AND kin.year = e.year
            LEFT JOIN dis ON dis.nip = e.nip AND dis.year = e.year
            LEFT JOIN dik ON dik.nip = e.nip AND dik.year = e.year
            """))
        """
    }

    /// The scores from `e` (employees x years) and the four record results joined to it by
    /// `joins` (`kual`: best, found; `kin`: best, found; `dis`: heaviest; `dik`: best_rank,
    /// fungsional, teknis_jp, seminars), with the engine's final arithmetic.
    static func finalScores(joins: String) -> String {
        """
        SELECT e.year, e.nip::text,
            LEAST(GREATEST(COALESCE(kual.best, -1), 0), rules.kual_max),
            CASE WHEN c.excess > 0 THEN
                0::float8 + (CASE WHEN c.last = 1 THEN GREATEST(0, c.ek - c.excess) ELSE c.ek END)
                    + (CASE WHEN c.last = 2 THEN GREATEST(0, c.ef - c.excess) ELSE c.ef END)
                    + (CASE WHEN c.last = 3 THEN GREATEST(0, c.et - c.excess) ELSE c.et END)
                    + (CASE WHEN c.last = 4 THEN GREATEST(0, c.es - c.excess) ELSE c.es END)
            ELSE c.total END,
            COALESCE(kin.best, 0),
            LEAST(CASE WHEN dis.heaviest IS NULL THEN rules.dis_none ELSE COALESCE(dp.points, 0) END, rules.dis_max),
            (kual.found IS TRUE AND kin.found IS TRUE)::int::int2,
            concat_ws(',', CASE WHEN kual.found IS NOT TRUE THEN 'pendidikan' END, CASE WHEN kin.found IS NOT TRUE THEN 'skp' END)
        \(joins)
        LEFT JOIN score_disiplin dp ON dp.level = dis.heaviest
        LEFT JOIN score_kompetensi kt ON kt.jenis_jabatan = e.jenis_jabatan
        LEFT JOIN score_leadership_required lq ON lq.jenjang = e.jenjang
        CROSS JOIN LATERAL (SELECT
            COALESCE(kt.kepemimpinan, 0) AS pk, COALESCE(kt.fungsional, 0) AS pf,
            COALESCE(kt.teknis, 0) AS pt, COALESCE(kt.seminar, 0) AS ps) p
        CROSS JOIN LATERAL (SELECT
            CASE WHEN p.pk > 0 AND lq.rank IS NOT NULL AND COALESCE(dik.best_rank, 0) >= lq.rank THEN p.pk ELSE 0 END AS ek,
            CASE WHEN p.pf > 0 AND COALESCE(dik.fungsional, 0) > 0 THEN p.pf ELSE 0 END AS ef,
            CASE WHEN p.pt > 0 AND COALESCE(dik.teknis_jp, 0) >= rules.teknis_min_jp THEN p.pt ELSE 0 END AS et,
            CASE WHEN p.ps > 0 AND COALESCE(dik.seminars, 0) > 0 THEN p.ps ELSE 0 END AS es,
            CASE WHEN p.ps > 0 THEN 4 WHEN p.pt > 0 THEN 3 WHEN p.pf > 0 THEN 2 WHEN p.pk > 0 THEN 1 ELSE 0 END AS last) b
        CROSS JOIN LATERAL (SELECT b.ek, b.ef, b.et, b.es, b.last,
            0::float8 + b.ek + b.ef + b.et + b.es AS total,
            CASE WHEN b.last > 0 AND 0::float8 + b.ek + b.ef + b.et + b.es > rules.komp_max
                THEN (0::float8 + b.ek + b.ef + b.et + b.es) - rules.komp_max ELSE 0 END AS excess) c;
        """
    }

    /// Each record table read per employee and year (LATERAL aggregates over the
    /// `(nip, dedup_key)` indexes): a save's few rows.
    static var perEmployeeScores: String { perEmployeeScores(parts: false) }

    /// ``perEmployeeScores``; `parts`: each record table read only when its part is asked for
    /// (the parameters `p_records`: pendidikan and SKP, `p_disiplin`, `p_diklat`; a part not
    /// asked for reads nothing and its figures are not the records'), ``checkedScoresParts``.
    static func perEmployeeScores(parts: Bool) -> String {
        func only(_ parameter: String) -> String { parts ? "\(parameter) AND " : "" }
        return finalScores(joins: """
            FROM (\(employeeYears)) e
            CROSS JOIN LATERAL (
                SELECT MAX(COALESCE(q.points, 0)) AS best, COALESCE(bool_or(COALESCE(q.points, 0) >= -1), false) AS found
                FROM pendidikan d LEFT JOIN score_kualifikasi q ON q.tingkat = d.tingkat
                WHERE \(only("p_records"))d.nip = e.nip AND (d.tanggal_lulus <= e.cutoff OR (d.tanggal_lulus IS NULL AND rules.undated_counts))
                  AND \(rejected("pendidikan", "d.id"))) kual
            CROSS JOIN LATERAL (
                SELECT MAX(LEAST(COALESCE(kp.points, 0), rules.kin_max)) AS best, count(*) > 0 AS found
                FROM skp s
                LEFT JOIN score_kinerja_bands b ON s.predikat IS NULL
                    AND (b.lo IS NULL OR s.nilai >= b.lo) AND (b.hi IS NULL OR s.nilai < b.hi)
                LEFT JOIN score_kinerja kp ON kp.predikat = COALESCE(s.predikat, b.predikat)
                WHERE \(only("p_records"))s.nip = e.nip AND s.tahun = e.year
                  AND (s.predikat IS NOT NULL OR (s.nilai IS NOT NULL AND b.predikat IS NOT NULL))
                  AND \(rejected("skp", "s.id"))) kin
            CROSS JOIN LATERAL (
                SELECT MAX(CASE h.tingkat WHEN 'ringan' THEN 1 WHEN 'sedang' THEN 2 WHEN 'berat' THEN 3 END) AS heaviest
                FROM disiplin h
                WHERE \(only("p_disiplin"))h.nip = e.nip AND h.tmt BETWEEN make_date(GREATEST(e.year - rules.dis_window + 1, 1), 1, 1) AND e.cutoff
                  AND \(rejected("disiplin", "h.id"))) dis
            CROSS JOIN LATERAL (
                SELECT \(diklatAggregates)
                FROM diklat k
                JOIN score_diklat_groups g ON g.jenis = k.jenis
                LEFT JOIN score_leadership_rank lr ON lr.tingkat = k.tingkat
                WHERE \(only("p_diklat"))k.nip = e.nip AND \(rejected("diklat", "k.id"))) dik
            """)
    }

    /// The four kompetensi figures of one employee and year (`e`) over diklat rows `k`
    /// with their group `g` and leadership rank `lr` (a select list, without SELECT).
    private static let diklatAggregates = diklatAggregates(year: "e.year", cutoff: "e.cutoff")

    /// ``diklatAggregates`` for the year and cut-off given as SQL expressions.
    static func diklatAggregates(year: String, cutoff: String) -> String {
        """
        GREATEST(0, MAX(lr.rank) FILTER (WHERE g.grp = 'kepemimpinan' AND k.tanggal_selesai <= \(cutoff))) AS best_rank,
                    COUNT(*) FILTER (WHERE g.grp = 'fungsional' AND k.tanggal_selesai <= \(cutoff)
                        AND (k.sesuai_jabatan <> 0 OR NOT rules.requires_sesuai)) AS fungsional,
                    SUM(k.jp) FILTER (WHERE g.grp = 'teknis'
                        AND k.tanggal_selesai BETWEEN make_date(GREATEST(\(year) - rules.teknis_window + 1, 1), 1, 1) AND \(cutoff)) AS teknis_jp,
                    COUNT(*) FILTER (WHERE g.grp = 'seminar'
                        AND k.tanggal_selesai BETWEEN make_date(GREATEST(\(year) - rules.seminar_window + 1, 1), 1, 1) AND \(cutoff)) AS seminars
        """
    }
}
