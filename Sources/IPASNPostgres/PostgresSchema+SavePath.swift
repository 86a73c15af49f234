extension PostgresSchema {
    /// The row-level security functions in PL/pgSQL (migration `2026-11-30-pgsave2`, issue 12:
    /// the save path's server time). The same decisions, word for word, as the SQL functions
    /// they replace (`2026-11-30-row-security`, `-team`, `-pg-rls2`): who may write a unit, an
    /// employee's records, a score, the audit log. Only the language changes: a `SECURITY
    /// DEFINER` SQL function is never inlined, so PostgreSQL parsed and planned its body (the
    /// walk up the unit tree included) again in every statement that checked a policy, about
    /// 0.16 ms a check and four checks a save (`pg_stat_statements` on the bench's province);
    /// a PL/pgSQL function keeps its plans for the session. The account's role is read once
    /// per call instead of once per nested function. Still `STABLE SECURITY DEFINER` with the
    /// schema's search path, still what every policy calls: row-level security stays the
    /// enforcement.
    static let planCachedPolicyFunctions = """
        CREATE OR REPLACE FUNCTION ipasn_role() RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        BEGIN
            RETURN (SELECT a.role FROM accounts a WHERE a.login = session_user);
        END
        $$;
        CREATE OR REPLACE FUNCTION ipasn_is_operator() RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        BEGIN
            RETURN COALESCE((SELECT a.role FROM accounts a WHERE a.login = session_user) = 'operator', false);
        END
        $$;
        -- Whether the connected account may write unit `kode`: an operator, or an admin holding
        -- the unit or a unit above it (a cycle in a damaged tree ends the walk: UNION).
        CREATE OR REPLACE FUNCTION ipasn_may_write(kode text) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        #variable_conflict use_column
        DECLARE
            account_role text := (SELECT a.role FROM accounts a WHERE a.login = session_user);
        BEGIN
            RETURN COALESCE(account_role = 'operator', false) OR (account_role = 'admin' AND EXISTS (
                WITH RECURSIVE up(kode) AS (
                    SELECT ipasn_may_write.kode::text COLLATE "C"
                    UNION SELECT u.induk FROM units u JOIN up ON u.kode = up.kode WHERE u.induk IS NOT NULL)
                SELECT 1 FROM up JOIN account_units a ON a.unit = up.kode AND a.login = session_user));
        END
        $$;
        CREATE OR REPLACE FUNCTION ipasn_may_write_nip(nip text) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        #variable_conflict use_column
        BEGIN
            RETURN COALESCE((SELECT ipasn_may_write(p.kode_unit) FROM pegawai p WHERE p.nip = ipasn_may_write_nip.nip), false);
        END
        $$;
        CREATE OR REPLACE FUNCTION ipasn_may_write_score(nip text) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        #variable_conflict use_column
        DECLARE
            account_role text := (SELECT a.role FROM accounts a WHERE a.login = session_user);
        BEGIN
            RETURN COALESCE(account_role = 'operator', false) OR COALESCE(account_role = 'verifikator', false)
                OR ipasn_may_write_nip(ipasn_may_write_score.nip);
        END
        $$;
        CREATE OR REPLACE FUNCTION ipasn_writer() RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        BEGIN
            RETURN COALESCE((SELECT a.role FROM accounts a WHERE a.login = session_user) IN ('operator', 'admin', 'verifikator'), false);
        END
        $$;
        """

    /// The audit log's entry marks (`2026-11-30-tracking`) in one statement instead of nine
    /// (same migration): per record kind, the last id its sequence handed out, marked with
    /// the audit row's time when it is above the kind's newest mark. Every save inserts an
    /// audit row, so this ran four `pg_sequences` look-ups and four comparisons, each a
    /// statement of its own, in every save; now one `INSERT ... SELECT` reads the four
    /// sequences directly (`pg_sequence_last_value`, what `pg_sequences.last_value` shows the
    /// schema's owner, who runs the trigger). The same marks.
    static let oneStatementEntryMarks = """
        CREATE OR REPLACE FUNCTION ipasn_entry_marks() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public AS $$
        BEGIN
            \(entryMarksInsert)
            RETURN NULL;
        END
        $$;
        """

    /// The entry marks of an audit row `NEW` (``oneStatementEntryMarks``, `2026-12-05-pgsave10`).
    static let entryMarksInsert = """
        INSERT INTO entry_marks(kind, upto_id, at)
                SELECT k.kind, k.used, NEW.at FROM (
                    SELECT t.kind, pg_sequence_last_value(to_regclass('public.' || t.kind || '_id_seq')) AS used
                    FROM unnest(ARRAY['pendidikan', 'diklat', 'skp', 'disiplin']) AS t(kind)) k
                WHERE k.used IS NOT NULL
                  AND k.used > COALESCE((SELECT MAX(m.upto_id) FROM entry_marks m WHERE m.kind = k.kind), 0);
        """
}
