import Foundation

extension PostgresSchema {
    /// The active ruleset parsed into small typed tables (migration `2026-11-30-pgscore`,
    /// round 2): what the server scorer joins to, instead of looking values up in the
    /// ruleset's JSON for every record row.
    ///
    /// - `score_params` (one row): every scalar of the ruleset (maxima, windows already at
    ///   least 1, the teknis JP minimum, undated education, sesuai required, below-all
    ///   predikat, the disiplin "none" points, whether rejected records count);
    /// - `score_kualifikasi(tingkat, points)`; `score_diklat_groups(jenis, grp)`;
    ///   `score_kompetensi(jenis_jabatan, kepemimpinan, fungsional, teknis, seminar)`;
    ///   `score_leadership_rank(tingkat, rank)`; `score_leadership_required(jenjang, rank)`
    ///   (the required level's rank resolved, NULL when that level has none: never met);
    ///   `score_kinerja(predikat, points)`; `score_disiplin(level, points)` (ringan 1,
    ///   sedang 2, berat 3);
    /// - `score_kinerja_bands(lo, hi, predikat)`: the SKP nilai thresholds as half-open
    ///   bands `[lo, hi)` (NULL for unbounded), highest first as ``KinerjaRules`` reads them
    ///   (of equal minima the first listed), the band below all of them giving `below_all`.
    ///
    /// `ipasn_load_rules(jsonb)` (the owner's) replaces their contents from a ruleset JSON
    /// already accepted by `ipasn_server_rules`; it is called in the transaction that
    /// activates a ruleset (the `config` trigger), so the tables always hold the ruleset in
    /// `scoring_rules.active`. A value that is not of its type (a point that is not a number,
    /// a window that is not an integer) is refused with `0A000` naming the ruleset: nothing
    /// is activated.
    static var scoreRuleTables: String {
        let tables = [
            "score_params", "score_kualifikasi", "score_diklat_groups", "score_kompetensi", "score_leadership_rank",
            "score_leadership_required", "score_kinerja", "score_kinerja_bands", "score_disiplin",
        ]
        let revokes = tables.map { "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON \($0) FROM PUBLIC;" }
            .joined(separator: "\n")
        let userRevokes = tables.map { "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON \($0) FROM ipasn_users;" }
            .joined(separator: "\n            ")
        return """
            CREATE TABLE score_params (
                id              SMALLINT PRIMARY KEY CHECK (id = 1),
                kual_max        FLOAT8 NOT NULL,
                undated_counts  BOOLEAN NOT NULL,
                komp_max        FLOAT8 NOT NULL,
                teknis_min_jp   INTEGER NOT NULL,
                teknis_window   INTEGER NOT NULL,
                seminar_window  INTEGER NOT NULL,
                requires_sesuai BOOLEAN NOT NULL,
                kin_max         FLOAT8 NOT NULL,
                below_all       TEXT NOT NULL,
                dis_max         FLOAT8 NOT NULL,
                dis_none        FLOAT8 NOT NULL,
                dis_window      INTEGER NOT NULL,
                rejected_count  BOOLEAN NOT NULL
            );
            CREATE TABLE score_kualifikasi (tingkat TEXT PRIMARY KEY, points FLOAT8 NOT NULL);
            CREATE TABLE score_diklat_groups (
                jenis INTEGER PRIMARY KEY,
                grp   TEXT NOT NULL CHECK (grp IN ('kepemimpinan', 'fungsional', 'teknis', 'seminar'))
            );
            CREATE TABLE score_kompetensi (
                jenis_jabatan TEXT PRIMARY KEY,
                kepemimpinan  FLOAT8 NOT NULL,
                fungsional    FLOAT8 NOT NULL,
                teknis        FLOAT8 NOT NULL,
                seminar       FLOAT8 NOT NULL
            );
            CREATE TABLE score_leadership_rank (tingkat TEXT PRIMARY KEY, rank INTEGER NOT NULL);
            CREATE TABLE score_leadership_required (jenjang TEXT PRIMARY KEY, rank INTEGER);
            CREATE TABLE score_kinerja (predikat TEXT PRIMARY KEY, points FLOAT8 NOT NULL);
            CREATE TABLE score_kinerja_bands (lo FLOAT8, hi FLOAT8, predikat TEXT NOT NULL);
            CREATE TABLE score_disiplin (level INTEGER PRIMARY KEY, points FLOAT8 NOT NULL);
            \(revokes)
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipasn_users') THEN
                    \(userRevokes)
                END IF;
            END
            $$;

            CREATE FUNCTION ipasn_load_rules(j jsonb) RETURNS void LANGUAGE plpgsql VOLATILE
            SET search_path = public AS $$
            BEGIN
                DELETE FROM score_params;
                DELETE FROM score_kualifikasi;
                DELETE FROM score_diklat_groups;
                DELETE FROM score_kompetensi;
                DELETE FROM score_leadership_rank;
                DELETE FROM score_leadership_required;
                DELETE FROM score_kinerja;
                DELETE FROM score_kinerja_bands;
                DELETE FROM score_disiplin;
                INSERT INTO score_params VALUES (1,
                    (j #>> '{kualifikasi,max}')::float8, (j #>> '{kualifikasi,undated_counts}')::boolean,
                    (j #>> '{kompetensi,max}')::float8, (j #>> '{kompetensi,teknis_minimum_jp}')::int,
                    GREATEST((j #>> '{kompetensi,teknis_window_years}')::int, 1),
                    GREATEST((j #>> '{kompetensi,seminar_window_years}')::int, 1),
                    (j #>> '{kompetensi,fungsional_requires_sesuai}')::boolean,
                    (j #>> '{kinerja,max}')::float8, j #>> '{kinerja,below_all}',
                    (j #>> '{disiplin,max}')::float8, (j #>> '{disiplin,none}')::float8,
                    GREATEST((j #>> '{disiplin,window_years}')::int, 1),
                    COALESCE((j #>> '{verification,rejected_records_count}')::boolean, false));
                INSERT INTO score_kualifikasi SELECT key, value::text::float8 FROM jsonb_each(j #> '{kualifikasi,points}');
                INSERT INTO score_diklat_groups SELECT key::int, value #>> '{}' FROM jsonb_each(j #> '{kompetensi,groups}');
                INSERT INTO score_kompetensi
                    SELECT key, (value ->> 'kepemimpinan')::float8, (value ->> 'fungsional')::float8,
                        (value ->> 'teknis')::float8, (value ->> 'seminar')::float8
                    FROM jsonb_each(j #> '{kompetensi,points}');
                INSERT INTO score_leadership_rank SELECT key, value::text::int FROM jsonb_each(j #> '{kompetensi,leadership_rank}');
                INSERT INTO score_leadership_required
                    SELECT q.key, (j #> '{kompetensi,leadership_rank}' ->> (q.value #>> '{}'))::int
                    FROM jsonb_each(j #> '{kompetensi,leadership_required}') q;
                INSERT INTO score_kinerja SELECT key, value::text::float8 FROM jsonb_each(j #> '{kinerja,points}');
                -- Highest minimum first, the first listed of equal minima; each band reaches up
                -- to the next higher minimum; below the lowest, below_all.
                INSERT INTO score_kinerja_bands
                    SELECT t.lo, lag(t.lo) OVER (ORDER BY t.lo DESC), t.predikat
                    FROM (SELECT DISTINCT ON ((x ->> 'min')::float8) (x ->> 'min')::float8 AS lo, x ->> 'predikat' AS predikat
                          FROM jsonb_array_elements(j #> '{kinerja,nilai_thresholds}') WITH ORDINALITY AS a(x, ord)
                          ORDER BY (x ->> 'min')::float8, ord) t
                    UNION ALL
                    SELECT NULL, (SELECT min((x ->> 'min')::float8) FROM jsonb_array_elements(j #> '{kinerja,nilai_thresholds}') x),
                        j #>> '{kinerja,below_all}';
                INSERT INTO score_disiplin
                    SELECT CASE key WHEN 'ringan' THEN 1 WHEN 'sedang' THEN 2 WHEN 'berat' THEN 3 END, value::text::float8
                    FROM jsonb_each(j #> '{disiplin,points}');
            EXCEPTION WHEN not_null_violation OR invalid_text_representation OR check_violation OR unique_violation
                OR wrong_object_type OR invalid_parameter_value OR numeric_value_out_of_range THEN
                RAISE EXCEPTION 'ruleset %: a value is missing or not of its kind (%); the server cannot score it, so it is not activated on PostgreSQL',
                    COALESCE(j ->> 'id', '(no id)'), SQLERRM USING ERRCODE = '0A000';
            END
            $$;
            REVOKE EXECUTE ON FUNCTION ipasn_load_rules(jsonb) FROM PUBLIC;
            """
    }
}
