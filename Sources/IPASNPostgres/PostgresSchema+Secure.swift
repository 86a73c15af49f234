extension PostgresSchema {
    /// The tables derived from the records (the cached scores and what is kept from them):
    /// nobody but the schema's owner holds a write privilege on them (migration
    /// `2026-11-30-pgsecure`). The store writes the first three through ``securedScoreFunctions``,
    /// the others are written only by the owner's trigger functions in the writing transaction.
    static let derivedTables = [
        "employee_score", "employee_score_entered", "score_year", "unit_score_totals", "unit_pending_counts", "entry_marks",
    ]

    /// Migration `2026-11-30-pgsecure` (issue 12): the cached figures are written only through
    /// the store, never by hand.
    ///
    /// Before it, an admin connected as their own role (psql over peer authentication) could
    /// `UPDATE employee_score` of their own unit's employees: row-level security allowed it,
    /// since the store's own save wrote the cache under the same role. The change went
    /// without an audit row and stayed until `ipasn check` compared it with a recompute.
    ///
    /// Now:
    /// - **Privileges, not policies:** `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE` (and
    ///   `REFERENCES`, `TRIGGER`) on every ``derivedTables`` table are revoked from every grantee
    ///   but the owner (the `ipasn_users` group every account's role is a member of, `PUBLIC`,
    ///   any role granted directly), so a hand write fails with `42501 permission denied for
    ///   table`, whatever the role sets in its session (a setting is no protection: any
    ///   role may set any custom setting). Their write policies go too (read policies stay).
    /// - **The store's score writes** run in ``securedScoreFunctions``: `SECURITY DEFINER`
    ///   functions owned by the schema's owner with a fixed `search_path`, which check the
    ///   caller as the old policies did (the owner, an operator and a verifikator write every
    ///   score; an admin only their units' employees' scores, else `42501`; a cached year is
    ///   the owner's or an operator's). They are called in the save's own transaction, with
    ///   its record and audit row.
    /// - The per-unit totals, pending counts and entry marks were already written only by
    ///   the owner's trigger functions; now no role can write them even if a policy is added.
    /// - The audit log and the batches: `UPDATE`, `DELETE` and `TRUNCATE` revoked from every
    ///   grantee but the owner (no policy allowed them before either: a change affected no
    ///   row; now it is refused outright, operators included). Rows are still inserted
    ///   under one's own login (the `add` policies).
    ///
    /// What remains: the scores are computed by the client (Swift, from the ruleset), so an
    /// admin calling `ipasn_put_scores` by hand can still store a made-up score for an
    /// employee of their own unit (never another unit's); `ipasn check` finds it as before.
    static var secure: String {
        return revokeWrites(on: derivedTables, writePrivileges)
            + revokeWrites(on: ["audit", "batches"], ["UPDATE", "DELETE", "TRUNCATE", "TRIGGER"])
            + """
            DROP POLICY add ON employee_score;
            DROP POLICY change ON employee_score;
            DROP POLICY remove ON employee_score;
            DROP POLICY add ON employee_score_entered;
            DROP POLICY change ON employee_score_entered;
            DROP POLICY remove ON employee_score_entered;
            DROP POLICY operators ON score_year;
            """ + securedScoreFunctions
    }

    /// The score writers' permission check (PL/pgSQL; `p_nips`, a `refused text` variable): an
    /// account that does not write every score passes only NIPs it may write, else `42501`
    /// naming the first other one.
    static let scoreWriteRefusal = """
        IF NOT ipasn_writes_every_score() THEN
            SELECT x.nip INTO refused FROM unnest(p_nips) AS x(nip) WHERE NOT ipasn_may_write_score(x.nip) LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'permission denied: the cached score of employee % is not this account''s to write', refused
                    USING ERRCODE = '42501';
            END IF;
        END IF;
        """

    /// The store's only way to write the score cache (see ``secure``).
    ///
    /// - `ipasn_writes_every_score()`: the connected login is the schema's owner (or a role
    ///   of it, a superuser, a role that bypasses row-level security), an operator or a verifikator.
    /// - `ipasn_put_scores(entered, years, nips, kualifikasi, kompetensi, kinerja, disiplin,
    ///   complete, missing)`: upserts the rows (one per array position) into `employee_score`
    ///   (`entered`: `employee_score_entered`); a stored row that already is the new one is
    ///   left untouched (no new row version, nothing for the totals' triggers). Returns the
    ///   rows written.
    /// - `ipasn_refresh_scores(...)`: a recompute's set-based write (``PGScoreWrites``): an
    ///   `UPDATE` of the rows that differ, then an `INSERT` of the employee-years not cached;
    ///   with `full_years`, the `INSERT` is skipped when those years already hold one row per score.
    ///   Planned for the arrays of each call (`plan_cache_mode = force_custom_plan`), as the two
    ///   statements were when the client sent them: a session's cached generic plan would
    ///   take an array of 50,000 scores for ten rows.
    /// - `ipasn_drop_scores(entered, years, nips)`: deletes the rows of `years` (null: every
    ///   year) of `nips` (null: everyone); an admin's call deletes only their units' rows
    ///   (what the old `DELETE` policy let through).
    /// - `ipasn_cache_year(year)`: adds a cached year (the owner's or an operator's).
    ///
    /// An admin passing an employee who is not theirs is refused with `42501` naming the NIP:
    /// the store's own check (`permit`) refuses first, so this is the database's second line.
    static var securedScoreFunctions: String {
        let columns = "year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing"
        let relation = """
            unnest(p_years, p_nips, p_kualifikasi, p_kompetensi, p_kinerja, p_disiplin, p_complete, p_missing)
                    AS n(\(columns))
            """
        let arrays = """
            p_years int4[], p_nips text[], p_kualifikasi float8[], p_kompetensi float8[], p_kinerja float8[],
                p_disiplin float8[], p_complete int2[], p_missing text[]
            """
        let refuse = scoreWriteRefusal
        func changed(_ s: String, _ n: String) -> String {
            "(\(s).kualifikasi, \(s).kompetensi, \(s).kinerja, \(s).disiplin, \(s).complete, \(s).missing) "
                + "IS DISTINCT FROM (\(n).kualifikasi, \(n).kompetensi, \(n).kinerja, \(n).disiplin, \(n).complete, \(n).missing)"
        }
        func upsert(_ table: String) -> String {
            """
            INSERT INTO \(table) AS s (\(columns))
                    SELECT n.year, n.nip, n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing FROM \(relation)
                    ON CONFLICT (year, nip) DO UPDATE SET kualifikasi = excluded.kualifikasi, kompetensi = excluded.kompetensi,
                        kinerja = excluded.kinerja, disiplin = excluded.disiplin, complete = excluded.complete, missing = excluded.missing
                    WHERE \(changed("s", "excluded"));
                GET DIAGNOSTICS written = ROW_COUNT;
            """
        }
        func drop(_ table: String) -> String {
            """
            DELETE FROM \(table) s
                    WHERE (p_years IS NULL OR s.year = ANY(p_years)) AND (p_nips IS NULL OR s.nip = ANY(p_nips))
                      AND (everyone OR ipasn_may_write_score(s.nip));
                GET DIAGNOSTICS written = ROW_COUNT;
            """
        }
        return """

            CREATE FUNCTION ipasn_writes_every_score() RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = public AS $$
            BEGIN
                RETURN pg_has_role(session_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.employee_score'::regclass), 'USAGE')
                    OR COALESCE((SELECT r.rolbypassrls FROM pg_roles r WHERE r.rolname = session_user), false)
                    OR COALESCE((SELECT a.role FROM accounts a WHERE a.login = session_user) IN ('operator', 'verifikator'), false);
            END
            $$;
            CREATE FUNCTION ipasn_put_scores(entered boolean, \(arrays)) RETURNS bigint
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                refused text;
                written bigint;
            BEGIN
                \(refuse)
                IF entered THEN
                    \(upsert("employee_score_entered"))
                ELSE
                    \(upsert("employee_score"))
                END IF;
                RETURN written;
            END
            $$;
            CREATE FUNCTION ipasn_refresh_scores(\(arrays), full_years int4[], OUT updated bigint, OUT inserted bigint)
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan AS $$
            DECLARE
                refused text;
            BEGIN
                \(refuse)
                UPDATE employee_score s SET kualifikasi = n.kualifikasi, kompetensi = n.kompetensi, kinerja = n.kinerja,
                    disiplin = n.disiplin, complete = n.complete, missing = n.missing
                FROM \(relation)
                WHERE s.year = n.year AND s.nip = n.nip AND \(changed("s", "n"));
                GET DIAGNOSTICS updated = ROW_COUNT;
                inserted := 0;
                IF full_years IS NOT NULL
                   AND (SELECT COUNT(*) FROM employee_score s WHERE s.year = ANY(full_years)) = cardinality(p_nips) THEN
                    RETURN;
                END IF;
                INSERT INTO employee_score(\(columns))
                SELECT n.year, n.nip, n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing
                FROM \(relation)
                WHERE NOT EXISTS (SELECT 1 FROM employee_score s WHERE s.year = n.year AND s.nip = n.nip);
                GET DIAGNOSTICS inserted = ROW_COUNT;
            END
            $$;
            CREATE FUNCTION ipasn_drop_scores(entered boolean, p_years int4[], p_nips text[]) RETURNS bigint
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                everyone boolean := ipasn_writes_every_score();
                written bigint;
            BEGIN
                IF entered THEN
                    \(drop("employee_score_entered"))
                ELSE
                    \(drop("employee_score"))
                END IF;
                RETURN written;
            END
            $$;
            CREATE FUNCTION ipasn_cache_year(p_year int4) RETURNS boolean
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                IF NOT (pg_has_role(session_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.score_year'::regclass), 'USAGE')
                        OR COALESCE((SELECT r.rolbypassrls FROM pg_roles r WHERE r.rolname = session_user), false)
                        OR ipasn_is_operator()) THEN
                    RAISE EXCEPTION 'permission denied: only an operator caches a new year (%)', p_year USING ERRCODE = '42501';
                END IF;
                INSERT INTO score_year(year) VALUES (p_year) ON CONFLICT DO NOTHING;
                RETURN FOUND;
            END
            $$;
            """
    }
}
