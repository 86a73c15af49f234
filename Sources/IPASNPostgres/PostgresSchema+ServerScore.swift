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
    /// - The same transaction parses it into small typed rule tables (``scoreRuleTables``),
    ///   refusing a value not of its kind (`0A000`).
    /// - `ipasn_server_scores(nips, years, entered)` scores the employees for the years from
    ///   the stored records and the rule tables, one set-based pass per record table, exactly
    ///   as ``ScoringEngine`` (same float8 operations in the same order; rejected records left
    ///   out unless the ruleset counts them or `entered`); `ipasn_server_scores_few` the same
    ///   per employee for a save's few rows (``serverScoresFunction``).
    /// - `ipasn_put_scores` and `ipasn_refresh_scores` keep their signatures (the client calls
    ///   them as before) but first compare every row with the server's own scores and refuse
    ///   a difference (SQLSTATE `23514`, naming the employee, the year and the dimension):
    ///   every call, whoever makes it and whatever its size.
    ///   The previous bodies are renamed `*_unchecked` and only the owner may execute them.
    ///   The unit totals, pending counts and entry marks are written only by the owner's
    ///   triggers from the checked rows, so they follow.
    static var serverScore: String {
        let bkn2019 = (try? StoreCodec.json(Ruleset.bkn2019)) ?? "{}"
        let arrays = scoreArrays
        let passed = scoreArguments
        return """
            CREATE TABLE scoring_rules (
                id      SMALLINT PRIMARY KEY CHECK (id = 1),
                active  JSONB NOT NULL,
                default_rules JSONB NOT NULL
            );
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
            \(scoreRuleTables)

            INSERT INTO scoring_rules(id, active, default_rules)
            SELECT 1, ipasn_server_rules(COALESCE((SELECT value::jsonb FROM config WHERE key = 'ruleset'), d.j)), d.j
            FROM (SELECT $ruleset$\(bkn2019)$ruleset$::jsonb AS j) d;
            SELECT ipasn_load_rules(active) FROM scoring_rules WHERE id = 1;

            CREATE FUNCTION ipasn_ruleset_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public AS $$
            BEGIN
                IF (TG_OP = 'DELETE' AND OLD.key = 'ruleset')
                   OR (TG_OP = 'UPDATE' AND OLD.key = 'ruleset' AND NEW.key <> 'ruleset') THEN
                    UPDATE scoring_rules SET active = default_rules WHERE id = 1;
                ELSIF TG_OP <> 'DELETE' AND NEW.key = 'ruleset' THEN
                    UPDATE scoring_rules SET active = ipasn_server_rules(NEW.value::jsonb) WHERE id = 1;
                ELSE
                    RETURN NULL;
                END IF;
                -- The parsed rule tables follow in the same transaction.
                PERFORM ipasn_load_rules(active) FROM scoring_rules WHERE id = 1;
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
                differing bigint;
            BEGIN
                IF NOT ipasn_writes_every_score() THEN
                    SELECT x.nip INTO refused FROM unnest(p_nips) AS x(nip) WHERE NOT ipasn_may_write_score(x.nip) LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION 'permission denied: the cached score of employee % is not this account''s to write', refused
                            USING ERRCODE = '42501';
                    END IF;
                END IF;
                -- Every call is checked, whoever makes it and whatever its size: a save's few
                -- rows against the generic plan, a recompute's or an import's thousands against
                -- the plan made for them (one pass per record table).
                IF cardinality(p_nips) <= 64 THEN
                    \(compare(scorer: "ipasn_server_scores_few", dynamic: false));
                ELSE
                    -- Planned for this call's arrays (a cached generic plan would be made for a
                    -- few rows): EXECUTE, which plans at every call.
                    EXECUTE $check$\(compare(scorer: "ipasn_server_scores", dynamic: true))$check$
                        INTO bad USING \(passed), entered;
                END IF;
                -- (EXECUTE leaves FOUND as it was: the row count says.)
                GET DIAGNOSTICS differing = ROW_COUNT;
                IF differing > 0 THEN
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

    /// The first row passed (the check's `p_*` arrays) that differs from the server's scores
    /// of the same employees and years (`scorer`): nip, year, dimension, detail. `dynamic`:
    /// the text for `EXECUTE ... INTO bad USING` the eight arrays and `entered` ($1-$9);
    /// otherwise a plpgsql statement selecting into `bad` (FOUND says whether one differed).
    /// `extra`: more arguments passed to the scorer after the three; `expected`: the expression
    /// of the server's figure of a column (default `s.<column>`, the scorer's).
    static func compare(
        scorer: String, dynamic: Bool, extra: String = "", expected: (String) -> String = { "s.\($0)" }
    ) -> String {
        let names = ["p_years", "p_nips", "p_kualifikasi", "p_kompetensi", "p_kinerja", "p_disiplin", "p_complete", "p_missing", "entered"]
        let arguments = dynamic ? (1...9).map { "$\($0)" } : names
        let arrays = arguments.prefix(8).joined(separator: ", ")
        let scores = "\(scorer)(\(arguments[1]), ARRAY(SELECT DISTINCT y FROM unnest(\(arguments[0])) AS y), \(arguments[8])\(extra))"
        let s = expected
        return """
        SELECT n.nip, n.year,
                    CASE WHEN s.nip IS NULL THEN 'employee'
                         WHEN n.kualifikasi IS DISTINCT FROM \(s("kualifikasi")) THEN 'kualifikasi'
                         WHEN n.kompetensi IS DISTINCT FROM \(s("kompetensi")) THEN 'kompetensi'
                         WHEN n.kinerja IS DISTINCT FROM \(s("kinerja")) THEN 'kinerja'
                         WHEN n.disiplin IS DISTINCT FROM \(s("disiplin")) THEN 'disiplin'
                         WHEN n.complete IS DISTINCT FROM \(s("complete")) THEN 'complete'
                         ELSE 'missing' END AS dimension,
                    CASE WHEN s.nip IS NULL THEN NULL
                         WHEN n.kualifikasi IS DISTINCT FROM \(s("kualifikasi")) THEN n.kualifikasi::text || ' (the records give ' || \(s("kualifikasi"))::text || ')'
                         WHEN n.kompetensi IS DISTINCT FROM \(s("kompetensi")) THEN n.kompetensi::text || ' (the records give ' || \(s("kompetensi"))::text || ')'
                         WHEN n.kinerja IS DISTINCT FROM \(s("kinerja")) THEN n.kinerja::text || ' (the records give ' || \(s("kinerja"))::text || ')'
                         WHEN n.disiplin IS DISTINCT FROM \(s("disiplin")) THEN n.disiplin::text || ' (the records give ' || \(s("disiplin"))::text || ')'
                         WHEN n.complete IS DISTINCT FROM \(s("complete")) THEN n.complete::text || ' (the records give ' || \(s("complete"))::text || ')'
                         ELSE quote_literal(n.missing) || ' (the records give ' || quote_literal(\(s("missing"))) || ')' END AS detail
                \(dynamic ? "" : "INTO bad")
                FROM unnest(\(arrays))
                    AS n(year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing)
                LEFT JOIN \(scores) s ON s.year = n.year AND s.nip = n.nip
                WHERE s.nip IS NULL
                   OR (n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing)
                      IS DISTINCT FROM (\(s("kualifikasi")), \(s("kompetensi")), \(s("kinerja")), \(s("disiplin")), \(s("complete")), \(s("missing")))
                LIMIT 1
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

    /// The score functions' array parameters (`ipasn_put_scores`, `ipasn_check_scores`, ...), and
    /// the same passed on as arguments.
    static let scoreArrays = """
        p_years int4[], p_nips text[], p_kualifikasi float8[], p_kompetensi float8[], p_kinerja float8[],
            p_disiplin float8[], p_complete int2[], p_missing text[]
        """
    static let scoreArguments = "p_years, p_nips, p_kualifikasi, p_kompetensi, p_kinerja, p_disiplin, p_complete, p_missing"
}
