import Foundation
import IPASNCore
import IPASNStore

extension PostgresSchema {
    /// Migration `2026-11-30-pgscore` (issue 12): the server scores too, and the score cache
    /// holds only what the records give.
    ///
    /// After `2026-11-30-pgsecure` the cache was written only through `ipasn_put_scores` and
    /// `ipasn_refresh_scores`, which checked WHOSE score was written but not WHAT: an admin
    /// calling them from psql could store a made-up figure for an employee of their own unit.
    /// Now:
    /// - `scoring_rules` (one row) holds the active ruleset as data: the full JSON the store
    ///   keeps in `config` (`rules use`), copied by a trigger on `config` in the same
    ///   transaction; without a `config` row, the default ruleset's JSON, which this migration
    ///   stores from the Swift value ``Ruleset/bkn2019`` (no rule value is written in SQL).
    ///   Nobody but the schema's owner may write it. A ruleset with a section or key the
    ///   server scorer does not know is refused (SQLSTATE `0A000`, naming the key) rather
    ///   than scored by guess: its `rules use` fails on PostgreSQL and nothing changes.
    /// - `ipasn_server_scores(nips, years, entered)` scores the employees for the years from
    ///   the stored records and `scoring_rules`, set-based, exactly as ``ScoringEngine``
    ///   (same float8 operations in the same order; rejected records left out unless the
    ///   ruleset counts them or `entered`).
    /// - `ipasn_put_scores` and `ipasn_refresh_scores` keep their signatures (the client calls
    ///   them as before) but first compare every row with the server's own scores and refuse
    ///   a difference (SQLSTATE `23514`, naming the employee, the year and the dimension).
    ///   The previous bodies are renamed `*_unchecked` and only the owner may execute them.
    ///   The unit totals, pending counts and entry marks are written only by the owner's
    ///   triggers from the checked rows, so they follow.
    static var serverScore: String {
        let bkn2019 = (try? StoreCodec.json(Ruleset.bkn2019)) ?? "{}"
        let arrays = """
            p_years int4[], p_nips text[], p_kualifikasi float8[], p_kompetensi float8[], p_kinerja float8[],
                p_disiplin float8[], p_complete int2[], p_missing text[]
            """
        let passed = "p_years, p_nips, p_kualifikasi, p_kompetensi, p_kinerja, p_disiplin, p_complete, p_missing"
        return """
            CREATE TABLE scoring_rules (
                id      SMALLINT PRIMARY KEY CHECK (id = 1),
                active  JSONB NOT NULL,
                default_rules JSONB NOT NULL
            );
            -- Kept inline and uncompressed (about 3 kB): the scorer reads it dozens of times a
            -- save, and a compressed value is decompressed at each read (half the check's time).
            ALTER TABLE scoring_rules ALTER active SET STORAGE PLAIN, ALTER default_rules SET STORAGE PLAIN;
            ALTER TABLE scoring_rules ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON scoring_rules FOR SELECT USING (true);
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON scoring_rules FROM PUBLIC;
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipasn_users') THEN
                    REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON scoring_rules FROM ipasn_users;
                END IF;
            END
            $$;

            \(serverRulesCheck)

            INSERT INTO scoring_rules(id, active, default_rules)
            SELECT 1, ipasn_server_rules(COALESCE((SELECT value::jsonb FROM config WHERE key = 'ruleset'), d.j)), d.j
            FROM (SELECT $ruleset$\(bkn2019)$ruleset$::jsonb AS j) d;

            CREATE FUNCTION ipasn_ruleset_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.key = 'ruleset' THEN
                        UPDATE scoring_rules SET active = default_rules WHERE id = 1;
                    END IF;
                    RETURN NULL;
                END IF;
                IF TG_OP = 'UPDATE' AND OLD.key = 'ruleset' AND NEW.key <> 'ruleset' THEN
                    UPDATE scoring_rules SET active = default_rules WHERE id = 1;
                END IF;
                IF NEW.key = 'ruleset' THEN
                    UPDATE scoring_rules SET active = ipasn_server_rules(NEW.value::jsonb) WHERE id = 1;
                END IF;
                RETURN NULL;
            END
            $$;
            CREATE TRIGGER ruleset_changed AFTER INSERT OR UPDATE OR DELETE ON config
                FOR EACH ROW EXECUTE FUNCTION ipasn_ruleset_changed();

            \(serverScoresFunction)

            ALTER FUNCTION ipasn_put_scores(boolean, int4[], text[], float8[], float8[], float8[], float8[], int2[], text[])
                RENAME TO ipasn_put_scores_unchecked;
            ALTER FUNCTION ipasn_refresh_scores(int4[], text[], float8[], float8[], float8[], float8[], int2[], text[], int4[])
                RENAME TO ipasn_refresh_scores_unchecked;
            REVOKE EXECUTE ON FUNCTION ipasn_put_scores_unchecked(boolean, int4[], text[], float8[], float8[], float8[], float8[], int2[], text[]) FROM PUBLIC;
            REVOKE EXECUTE ON FUNCTION ipasn_refresh_scores_unchecked(int4[], text[], float8[], float8[], float8[], float8[], int2[], text[], int4[]) FROM PUBLIC;

            CREATE FUNCTION ipasn_check_scores(entered boolean, \(arrays)) RETURNS void
            LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                bad record;
                refused text;
            BEGIN
                IF NOT ipasn_writes_every_score() THEN
                    SELECT x.nip INTO refused FROM unnest(p_nips) AS x(nip) WHERE NOT ipasn_may_write_score(x.nip) LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION 'permission denied: the cached score of employee % is not this account''s to write', refused
                            USING ERRCODE = '42501';
                    END IF;
                ELSIF cardinality(p_nips) > 64 THEN
                    -- The owner's, an operator's or a verifikator's bulk write (a recompute, an
                    -- import) is not checked: scoring 50,000 employees on the server cost
                    -- seconds (docs/performance.md, "Server-side scoring check"). An admin's
                    -- calls, of any size, always are.
                    RETURN;
                END IF;
                SELECT n.nip, n.year,
                    CASE WHEN s.nip IS NULL THEN 'employee'
                         WHEN n.kualifikasi IS DISTINCT FROM s.kualifikasi THEN 'kualifikasi'
                         WHEN n.kompetensi IS DISTINCT FROM s.kompetensi THEN 'kompetensi'
                         WHEN n.kinerja IS DISTINCT FROM s.kinerja THEN 'kinerja'
                         WHEN n.disiplin IS DISTINCT FROM s.disiplin THEN 'disiplin'
                         WHEN n.complete IS DISTINCT FROM s.complete THEN 'complete'
                         ELSE 'missing' END AS dimension,
                    CASE WHEN s.nip IS NULL THEN NULL
                         WHEN n.kualifikasi IS DISTINCT FROM s.kualifikasi THEN n.kualifikasi::text || ' (the records give ' || s.kualifikasi::text || ')'
                         WHEN n.kompetensi IS DISTINCT FROM s.kompetensi THEN n.kompetensi::text || ' (the records give ' || s.kompetensi::text || ')'
                         WHEN n.kinerja IS DISTINCT FROM s.kinerja THEN n.kinerja::text || ' (the records give ' || s.kinerja::text || ')'
                         WHEN n.disiplin IS DISTINCT FROM s.disiplin THEN n.disiplin::text || ' (the records give ' || s.disiplin::text || ')'
                         WHEN n.complete IS DISTINCT FROM s.complete THEN n.complete::text || ' (the records give ' || s.complete::text || ')'
                         ELSE quote_literal(n.missing) || ' (the records give ' || quote_literal(s.missing) || ')' END AS detail
                INTO bad
                FROM unnest(\(passed)) AS n(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
                LEFT JOIN (SELECT * FROM ipasn_server_scores_few(p_nips, p_years, entered) WHERE cardinality(p_nips) <= 64
                           UNION ALL
                           SELECT * FROM ipasn_server_scores(p_nips, ARRAY(SELECT DISTINCT y FROM unnest(p_years) AS y), entered)
                           WHERE cardinality(p_nips) > 64) s
                    ON s.year = n.year AND s.nip = n.nip
                WHERE s.nip IS NULL
                   OR (n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing)
                      IS DISTINCT FROM (s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.complete, s.missing)
                LIMIT 1;
                IF FOUND THEN
                    IF bad.dimension = 'employee' THEN
                        RAISE EXCEPTION 'refused: no score can be stored for %: no such employee', bad.nip USING ERRCODE = '23514';
                    END IF;
                    RAISE EXCEPTION 'refused: the % score of employee % for % is %: the server computes scores from the stored records and the active ruleset',
                        bad.dimension, bad.nip, bad.year, bad.detail USING ERRCODE = '23514';
                END IF;
            END
            $$;
            REVOKE EXECUTE ON FUNCTION ipasn_check_scores(boolean, int4[], text[], float8[], float8[], float8[], float8[], int2[], text[]) FROM PUBLIC;

            CREATE FUNCTION ipasn_put_scores(entered boolean, \(arrays)) RETURNS bigint
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                PERFORM ipasn_check_scores(entered, \(passed));
                RETURN ipasn_put_scores_unchecked(entered, \(passed));
            END
            $$;
            CREATE FUNCTION ipasn_refresh_scores(\(arrays), full_years int4[], OUT updated bigint, OUT inserted bigint)
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan AS $$
            BEGIN
                PERFORM ipasn_check_scores(false, \(passed));
                SELECT u.updated, u.inserted INTO updated, inserted FROM ipasn_refresh_scores_unchecked(\(passed), full_years) u;
            END
            $$;
            """
    }

    /// `ipasn_server_rules(jsonb)`: the ruleset JSON when the server scorer knows every part
    /// of it; otherwise `0A000` naming the first part it does not know (a newer ipasn's
    /// ruleset feature is refused, never guessed).
    static var serverRulesCheck: String {
        let sections: [(path: String, keys: [String], optional: Bool)] = [
            ("", ["id", "name", "kualifikasi", "kompetensi", "kinerja", "disiplin", "categories", "verification"], false),
            ("kualifikasi", ["max", "points", "undated_counts"], false),
            (
                "kompetensi",
                [
                    "max", "groups", "points", "teknis_minimum_jp", "teknis_window_years", "seminar_window_years",
                    "leadership_rank", "leadership_required", "fungsional_requires_sesuai",
                ], false
            ),
            ("kinerja", ["max", "points", "nilai_thresholds", "below_all"], false),
            ("disiplin", ["max", "none", "points", "window_years"], false),
            ("verification", ["rejected_records_count"], true),
        ]
        let required: [String: [String]] = [
            "": ["kualifikasi", "kompetensi", "kinerja", "disiplin", "categories"],
            "kualifikasi": ["max", "points", "undated_counts"],
            "kompetensi": [
                "max", "groups", "points", "teknis_minimum_jp", "teknis_window_years", "seminar_window_years",
                "leadership_rank", "leadership_required", "fungsional_requires_sesuai",
            ],
            "kinerja": ["max", "points", "nilai_thresholds", "below_all"],
            "disiplin": ["max", "none", "points", "window_years"],
        ]
        let checks = sections.map { section -> String in
            let object = section.path.isEmpty ? "j" : "j -> '\(section.path)'"
            let known = section.keys.map { "'\($0)'" }.joined(separator: ", ")
            let name = section.path.isEmpty ? "" : section.path + "."
            let needed = (required[section.path] ?? []).map { "'\($0)'" }.joined(separator: ", ")
            let missing =
                needed.isEmpty
                ? ""
                : """
                SELECT k INTO unknown FROM unnest(ARRAY[\(needed)]) AS k WHERE (\(object)) -> k IS NULL LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION 'ruleset %: "%" is missing; the server cannot score it, so it is not activated on PostgreSQL',
                            COALESCE(j ->> 'id', '(no id)'), '\(name)' || unknown USING ERRCODE = '0A000';
                    END IF;
                """
            return """
                IF jsonb_typeof(\(object)) = 'object' THEN
                    SELECT k INTO unknown FROM jsonb_object_keys(\(object)) AS k WHERE k NOT IN (\(known)) LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION 'ruleset %: "%" is a ruleset feature this PostgreSQL server''s scorer does not know, so the ruleset is not activated on PostgreSQL (upgrade the server''s ipasn schema)',
                            COALESCE(j ->> 'id', '(no id)'), '\(name)' || unknown USING ERRCODE = '0A000';
                    END IF;
                    \(missing)
                \(section.optional ? "" : "ELSE\n        RAISE EXCEPTION 'ruleset %: \"\(section.path.isEmpty ? "(the ruleset)" : section.path)\" is not an object; the server cannot score it', COALESCE(j ->> 'id', '(no id)') USING ERRCODE = '0A000';")
                END IF;
                """
        }.joined(separator: "\n    ")
        return """
            CREATE FUNCTION ipasn_server_rules(j jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE
            SET search_path = public AS $$
            DECLARE
                unknown text;
            BEGIN
                \(checks)
                RETURN j;
            END
            $$;
            """
    }

    /// `ipasn_server_scores(nips, years, entered)`: every listed employee's score for every
    /// listed year, computed by the server as ``ScoringEngine/score(_:year:)`` does; and
    /// `ipasn_server_scores_few`, the same statement kept as one generic plan per session
    /// (`plan_cache_mode = force_generic_plan`) for a save's few rows: planning the
    /// statement took longer than running it (the `auto` mode kept choosing custom plans,
    /// the generic plan's estimate being made for 100 employees). The recompute's thousands
    /// of rows use the first, planned for their arrays.
    static var serverScoresFunction: String {
        serverScoresFunction(name: "ipasn_server_scores", settings: "", rows: 10_000)
            + serverScoresFunction(name: "ipasn_server_scores_few", settings: " SET plan_cache_mode = force_generic_plan", rows: 4)
    }

    static func serverScoresFunction(name: String, settings: String, rows: Int) -> String {
        """
        CREATE FUNCTION \(name)(p_nips text[], p_years int4[], p_entered boolean)
        RETURNS TABLE(year int4, nip text, kualifikasi float8, kompetensi float8, kinerja float8, disiplin float8,
            complete int2, missing text)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public\(settings) ROWS \(rows) AS $$
        #variable_conflict use_column
        BEGIN
        RETURN QUERY
        WITH r AS (
            SELECT s.active AS j,
                (NOT p_entered AND NOT COALESCE((s.active #>> '{verification,rejected_records_count}')::boolean, false)) AS leave_out,
                (s.active #>> '{kualifikasi,max}')::float8 AS kual_max,
                (s.active #>> '{kualifikasi,undated_counts}')::boolean AS undated,
                (s.active #>> '{kompetensi,max}')::float8 AS komp_max,
                (s.active #>> '{kompetensi,teknis_minimum_jp}')::int AS min_jp,
                GREATEST((s.active #>> '{kompetensi,teknis_window_years}')::int, 1) AS teknis_window,
                GREATEST((s.active #>> '{kompetensi,seminar_window_years}')::int, 1) AS seminar_window,
                (s.active #>> '{kompetensi,fungsional_requires_sesuai}')::boolean AS requires_sesuai,
                (s.active #>> '{kinerja,max}')::float8 AS kin_max,
                (s.active #>> '{disiplin,max}')::float8 AS dis_max,
                (s.active #>> '{disiplin,none}')::float8 AS dis_none,
                GREATEST((s.active #>> '{disiplin,window_years}')::int, 1) AS dis_window
            FROM scoring_rules s WHERE s.id = 1
        ),
        e AS (
            SELECT p.nip, y.year, make_date(y.year, 12, 31) AS cutoff, p.jenis_jabatan,
                CASE WHEN p.jenis_jabatan = 'struktural' THEN replace(lower(p.jenjang), ' ', '_') END AS jenjang
            FROM (SELECT DISTINCT x AS nip FROM unnest(p_nips) AS x) n
            JOIN pegawai p ON p.nip = n.nip
            CROSS JOIN (SELECT DISTINCT y AS year FROM unnest(p_years) AS y) y
        ),
        kual AS (
            SELECT e.nip, e.year, MAX(COALESCE((r.j #>> ARRAY['kualifikasi', 'points', d.tingkat])::float8, 0)) AS best
            FROM e JOIN pendidikan d ON d.nip = e.nip CROSS JOIN r
            WHERE (d.tanggal_lulus <= e.cutoff OR (d.tanggal_lulus IS NULL AND r.undated))
              AND NOT (r.leave_out AND EXISTS (SELECT 1 FROM verification v
                       WHERE v.kind = 'pendidikan' AND v.record_id = d.id AND v.status = 'tidak'))
            GROUP BY e.nip, e.year
        ),
        kin AS (
            SELECT e.nip, e.year,
                MAX(LEAST(COALESCE((r.j #>> ARRAY['kinerja', 'points', x.predikat])::float8, 0), r.kin_max)) AS best
            FROM e JOIN skp s ON s.nip = e.nip AND s.tahun = e.year CROSS JOIN r
            CROSS JOIN LATERAL (SELECT COALESCE(s.predikat, CASE WHEN s.nilai IS NOT NULL THEN COALESCE(
                    (SELECT t ->> 'predikat' FROM jsonb_array_elements(r.j #> '{kinerja,nilai_thresholds}') AS t
                     WHERE s.nilai >= (t ->> 'min')::float8 ORDER BY (t ->> 'min')::float8 DESC LIMIT 1),
                    r.j #>> '{kinerja,below_all}') END) AS predikat) x
            WHERE x.predikat IS NOT NULL
              AND NOT (r.leave_out AND EXISTS (SELECT 1 FROM verification v
                       WHERE v.kind = 'skp' AND v.record_id = s.id AND v.status = 'tidak'))
            GROUP BY e.nip, e.year
        ),
        dis AS (
            SELECT e.nip, e.year,
                MAX(CASE h.tingkat WHEN 'ringan' THEN 1 WHEN 'sedang' THEN 2 WHEN 'berat' THEN 3 END) AS heaviest
            FROM e JOIN disiplin h ON h.nip = e.nip CROSS JOIN r
            WHERE extract(year FROM h.tmt)::int BETWEEN e.year - r.dis_window + 1 AND e.year
              AND NOT (r.leave_out AND EXISTS (SELECT 1 FROM verification v
                       WHERE v.kind = 'disiplin' AND v.record_id = h.id AND v.status = 'tidak'))
            GROUP BY e.nip, e.year
        ),
        dik AS (
            SELECT e.nip, e.year,
                GREATEST(0, MAX((r.j #>> ARRAY['kompetensi', 'leadership_rank', k.tingkat])::int)
                    FILTER (WHERE g.grp = 'kepemimpinan' AND k.tanggal_selesai <= e.cutoff)) AS best_rank,
                COUNT(*) FILTER (WHERE g.grp = 'fungsional' AND k.tanggal_selesai <= e.cutoff
                    AND (k.sesuai_jabatan <> 0 OR NOT r.requires_sesuai)) AS fungsional,
                SUM(k.jp) FILTER (WHERE g.grp = 'teknis'
                    AND extract(year FROM k.tanggal_selesai)::int BETWEEN e.year - r.teknis_window + 1 AND e.year) AS teknis_jp,
                COUNT(*) FILTER (WHERE g.grp = 'seminar'
                    AND extract(year FROM k.tanggal_selesai)::int BETWEEN e.year - r.seminar_window + 1 AND e.year) AS seminars
            FROM e JOIN diklat k ON k.nip = e.nip CROSS JOIN r
            CROSS JOIN LATERAL (SELECT r.j #>> ARRAY['kompetensi', 'groups', k.jenis::text] AS grp) g
            WHERE g.grp IS NOT NULL
              AND NOT (r.leave_out AND EXISTS (SELECT 1 FROM verification v
                       WHERE v.kind = 'diklat' AND v.record_id = k.id AND v.status = 'tidak'))
            GROUP BY e.nip, e.year
        )
        SELECT e.year, e.nip::text,
            LEAST(GREATEST(COALESCE(kual.best, -1), 0), r.kual_max),
            CASE WHEN c.excess > 0 THEN
                0::float8 + (CASE WHEN c.last = 1 THEN GREATEST(0, c.ek - c.excess) ELSE c.ek END)
                    + (CASE WHEN c.last = 2 THEN GREATEST(0, c.ef - c.excess) ELSE c.ef END)
                    + (CASE WHEN c.last = 3 THEN GREATEST(0, c.et - c.excess) ELSE c.et END)
                    + (CASE WHEN c.last = 4 THEN GREATEST(0, c.es - c.excess) ELSE c.es END)
            ELSE c.total END,
            COALESCE(kin.best, 0),
            LEAST(CASE WHEN dis.heaviest IS NULL THEN r.dis_none
                ELSE COALESCE((r.j #>> ARRAY['disiplin', 'points',
                    CASE dis.heaviest WHEN 1 THEN 'ringan' WHEN 2 THEN 'sedang' ELSE 'berat' END])::float8, 0) END, r.dis_max),
            (kual.nip IS NOT NULL AND kin.nip IS NOT NULL)::int::int2,
            concat_ws(',', CASE WHEN kual.nip IS NULL THEN 'pendidikan' END, CASE WHEN kin.nip IS NULL THEN 'skp' END)
        FROM e CROSS JOIN r
        LEFT JOIN kual ON kual.nip = e.nip AND kual.year = e.year
        LEFT JOIN kin ON kin.nip = e.nip AND kin.year = e.year
        LEFT JOIN dis ON dis.nip = e.nip AND dis.year = e.year
        LEFT JOIN dik ON dik.nip = e.nip AND dik.year = e.year
        CROSS JOIN LATERAL (SELECT
            COALESCE((r.j #>> ARRAY['kompetensi', 'points', e.jenis_jabatan, 'kepemimpinan'])::float8, 0) AS pk,
            COALESCE((r.j #>> ARRAY['kompetensi', 'points', e.jenis_jabatan, 'fungsional'])::float8, 0) AS pf,
            COALESCE((r.j #>> ARRAY['kompetensi', 'points', e.jenis_jabatan, 'teknis'])::float8, 0) AS pt,
            COALESCE((r.j #>> ARRAY['kompetensi', 'points', e.jenis_jabatan, 'seminar'])::float8, 0) AS ps,
            (r.j #>> ARRAY['kompetensi', 'leadership_rank', r.j #>> ARRAY['kompetensi', 'leadership_required', e.jenjang]])::int
                AS required_rank) p
        CROSS JOIN LATERAL (SELECT
            CASE WHEN p.pk > 0 AND p.required_rank IS NOT NULL AND COALESCE(dik.best_rank, 0) >= p.required_rank
                THEN p.pk ELSE 0 END AS ek,
            CASE WHEN p.pf > 0 AND COALESCE(dik.fungsional, 0) > 0 THEN p.pf ELSE 0 END AS ef,
            CASE WHEN p.pt > 0 AND COALESCE(dik.teknis_jp, 0) >= r.min_jp THEN p.pt ELSE 0 END AS et,
            CASE WHEN p.ps > 0 AND COALESCE(dik.seminars, 0) > 0 THEN p.ps ELSE 0 END AS es,
            CASE WHEN p.ps > 0 THEN 4 WHEN p.pt > 0 THEN 3 WHEN p.pf > 0 THEN 2 WHEN p.pk > 0 THEN 1 ELSE 0 END AS last) b
        CROSS JOIN LATERAL (SELECT b.ek, b.ef, b.et, b.es, b.last,
            0::float8 + b.ek + b.ef + b.et + b.es AS total,
            CASE WHEN b.last > 0 AND 0::float8 + b.ek + b.ef + b.et + b.es > r.komp_max
                THEN (0::float8 + b.ek + b.ef + b.et + b.es) - r.komp_max ELSE 0 END AS excess) c;
        END
        $$;

        """
    }
}
