extension PostgresSchema {
    /// Migration `2026-12-05-seqguard` (issue 12, PostgreSQL only): two holes that docs/store.md
    /// listed as "left open" in what an account's own role can do by raw SQL, closed.
    ///
    /// 1. **The id sequences.** Every account had `UPDATE` on the record tables' sequences
    ///    because an import moves them past the ids it wrote (`setval`), so `SELECT
    ///    setval('diklat_id_seq', 1)` from `psql` made every later save of that kind fail on its
    ///    primary key for everyone. Now no account but the owner has `UPDATE` on any sequence
    ///    (`nextval` needs `USAGE`, kept), and the imports and the table copy (`migrate`,
    ///    `migrate --join`) move a sequence through `ipasn_advance_sequence(table, last)`,
    ///    which only moves it forward and, for an account that is not the owner nor an operator,
    ///    only within the table's own ids (`MAX(id)`) and only for the four record tables: the
    ///    worst a raw call can do is what the next import would do anyway.
    /// 2. **A verifikator emptying the score cache.** `ipasn_drop_scores(false, NULL, NULL)`
    ///    deleted every cached score for a verifikator (who writes any employee's score: a
    ///    verdict refreshes it). A drop of everyone's rows (no NIPs given) by an account that
    ///    writes every score is now the owner's or an operator's (a recompute); a verifikator
    ///    names the employees (a verdict's refresh does), and a unit admin's call still deletes
    ///    only their units' rows. It keeps `2026-12-05-pgsave10`'s early return (no score as
    ///    entered matches: nothing is asked), which comes before it in the list.
    static var sequenceGuard: String {
        """
        CREATE FUNCTION ipasn_advance_sequence(p_table text, p_last int8) RETURNS int8
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            trusted boolean := \(ownerOrOperator);
            seq text;
            top int8;
            handed int8;
            called boolean;
        BEGIN
            IF NOT trusted AND p_table NOT IN ('pendidikan', 'diklat', 'skp', 'disiplin') THEN
                RAISE EXCEPTION 'permission denied: only an operator moves the id sequence of %', p_table
                    USING ERRCODE = '42501';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename = p_table) THEN
                RAISE EXCEPTION 'no table % in this database', p_table USING ERRCODE = '42P01';
            END IF;
            seq := pg_get_serial_sequence(format('public.%I', p_table), 'id');
            IF seq IS NULL THEN
                RAISE EXCEPTION 'table % has no id sequence', p_table USING ERRCODE = '22023';
            END IF;
            IF NOT trusted THEN
                EXECUTE format('SELECT COALESCE(MAX(id), 0) FROM public.%I', p_table) INTO top;
                p_last := LEAST(p_last, top);
            END IF;
            EXECUTE format('SELECT last_value, is_called FROM %s', seq) INTO handed, called;
            IF NOT called THEN
                handed := handed - 1;
            END IF;
            IF p_last > handed THEN
                PERFORM setval(seq, p_last);
                RETURN p_last;
            END IF;
            RETURN handed;
        END
        $$;

        DO $$
        DECLARE
            s record;
            g record;
        BEGIN
            FOR s IN
                SELECT c.oid, c.relname, c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'S'
            LOOP
                FOR g IN
                    SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                    WHERE c.oid = s.oid AND a.grantee <> s.relowner AND a.privilege_type = 'UPDATE'
                LOOP
                    EXECUTE format('REVOKE UPDATE ON SEQUENCE public.%I FROM %s', s.relname,
                        CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);
                END LOOP;
            END LOOP;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipasn_users') THEN
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE UPDATE ON SEQUENCES FROM ipasn_users;
            END IF;
        END
        $$;

        CREATE OR REPLACE FUNCTION ipasn_drop_scores(entered boolean, p_years int4[], p_nips text[]) RETURNS bigint
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            everyone boolean;
            written bigint;
        BEGIN
            -- Most saves: the employee has no scores as entered, and nothing is asked (pgsave10).
            IF entered AND NOT EXISTS (SELECT 1 FROM employee_score_entered s
                                      WHERE (p_years IS NULL OR s.year = ANY(p_years)) AND (p_nips IS NULL OR s.nip = ANY(p_nips))) THEN
                RETURN 0;
            END IF;
            everyone := ipasn_writes_every_score();
            IF p_nips IS NULL AND everyone AND NOT (\(ownerOrOperator)) THEN
                RAISE EXCEPTION 'permission denied: only an operator drops every employee''s cached scores'
                    USING ERRCODE = '42501';
            END IF;
            IF entered THEN
                DELETE FROM employee_score_entered s
                WHERE (p_years IS NULL OR s.year = ANY(p_years)) AND (p_nips IS NULL OR s.nip = ANY(p_nips))
                  AND (everyone OR ipasn_may_write_score(s.nip));
            ELSE
                DELETE FROM employee_score s
                WHERE (p_years IS NULL OR s.year = ANY(p_years)) AND (p_nips IS NULL OR s.nip = ANY(p_nips))
                  AND (everyone OR ipasn_may_write_score(s.nip));
            END IF;
            GET DIAGNOSTICS written = ROW_COUNT;
            RETURN written;
        END
        $$;

        """
    }

    /// Whether the connected role is the schema's owner (or a member of it), bypasses row
    /// security, or holds an operator account: who may move any sequence or drop everyone's scores.
    static let ownerOrOperator = """
        pg_has_role(session_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.employee_score'::regclass), 'USAGE')
                OR COALESCE((SELECT r.rolbypassrls FROM pg_roles r WHERE r.rolname = session_user), false)
                OR ipasn_is_operator()
        """

    /// Moves `table`'s id sequence forward to `last` (never back), through the owner's
    /// `ipasn_advance_sequence` (migration `2026-12-05-seqguard`): no account but the owner may
    /// `setval` a sequence itself.
    static let advanceSequenceSQL = "SELECT ipasn_advance_sequence(?, ?::int8)"
}
