extension PostgresSchema {
    /// Roles enforced by the database itself (issue 12): whoever connects as an account's own
    /// PostgreSQL role (peer authentication over the Unix socket, a password or a
    /// certificate over the network), through ipasn or through `psql`, can change only what
    /// the account may change. The store checks every write first (`permit`); these policies
    /// are the same rules again, below every client.
    ///
    /// - Every account is a login role that is a member of the group role `ipasn_users`,
    ///   which may read every table and write through the policies below (`saveAccount`
    ///   creates the role and grants the membership when the connected role may create roles).
    /// - Row-level security on every table: everyone reads; records, employees and progress
    ///   marks are written only for the account's units (`ipasn_may_write`, a walk up the unit
    ///   tree as the store's own check does); units below one's units; settings and accounts
    ///   by operators only; audit rows and batches are inserted under one's own login and are
    ///   never changed nor deleted (no policy allows it); drafts are one's own.
    /// - The database owner (who created the schema: the server's administrator or the first
    ///   operator) is not subject to the policies, as PostgreSQL's owners never are.
    /// - The cached scores and the cached years may be written by every account (any reader
    ///   may cache a year); `ipasn check` compares every cached score with a recompute.
    static let rowSecurity = """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipasn_users') THEN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
                    -- Roles are the cluster's: another database migrated at the same moment
                    -- may create it between the check and here; that is as good as done.
                    BEGIN
                        CREATE ROLE ipasn_users NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                END IF;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipasn_users') THEN
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ipasn_users;
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ipasn_users;
                -- Tables and sequences later migrations create (by the same owner) too.
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ipasn_users;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ipasn_users;
            END IF;
        END
        $$;

        CREATE FUNCTION ipasn_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT role FROM accounts WHERE login = session_user
        $$;
        CREATE FUNCTION ipasn_is_operator() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT COALESCE(ipasn_role() = 'operator', false)
        $$;
        -- Whether the connected account may write unit `kode`: an operator, or an admin holding
        -- the unit or a unit above it (a cycle in a damaged tree ends the walk: UNION).
        CREATE FUNCTION ipasn_may_write(kode text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
            SELECT ipasn_is_operator() OR (ipasn_role() = 'admin' AND EXISTS (
                WITH RECURSIVE up(kode) AS (
                    SELECT ipasn_may_write.kode::text COLLATE "C"
                    UNION SELECT u.induk FROM units u JOIN up ON u.kode = up.kode WHERE u.induk IS NOT NULL)
                SELECT 1 FROM up JOIN account_units a ON a.unit = up.kode AND a.login = session_user))
        $$;
        CREATE FUNCTION ipasn_may_write_nip(nip text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
            SELECT COALESCE((SELECT ipasn_may_write(kode_unit) FROM pegawai p WHERE p.nip = ipasn_may_write_nip.nip), false)
        $$;
        CREATE FUNCTION ipasn_writer() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT COALESCE(ipasn_role() IN ('operator', 'admin'), false)
        $$;

        ALTER TABLE units ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON units FOR SELECT USING (true);
        CREATE POLICY add ON units FOR INSERT WITH CHECK (ipasn_is_operator() OR ipasn_may_write(induk));
        CREATE POLICY change ON units FOR UPDATE USING (ipasn_may_write(kode)) WITH CHECK (ipasn_may_write(kode));
        CREATE POLICY remove ON units FOR DELETE USING (ipasn_may_write(kode));

        ALTER TABLE pegawai ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON pegawai FOR SELECT USING (true);
        CREATE POLICY add ON pegawai FOR INSERT WITH CHECK (ipasn_may_write(kode_unit));
        CREATE POLICY change ON pegawai FOR UPDATE USING (ipasn_may_write(kode_unit)) WITH CHECK (ipasn_may_write(kode_unit));
        CREATE POLICY remove ON pegawai FOR DELETE USING (ipasn_may_write(kode_unit));
        """ + ["pendidikan", "diklat", "skp", "disiplin"].map { table in
            """

            ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON \(table) FOR SELECT USING (true);
            CREATE POLICY add ON \(table) FOR INSERT WITH CHECK (ipasn_may_write_nip(nip));
            CREATE POLICY change ON \(table) FOR UPDATE USING (ipasn_may_write_nip(nip)) WITH CHECK (ipasn_may_write_nip(nip));
            CREATE POLICY remove ON \(table) FOR DELETE USING (ipasn_may_write_nip(nip));
            """
        }.joined() + """

        ALTER TABLE progress ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON progress FOR SELECT USING (true);
        CREATE POLICY add ON progress FOR INSERT WITH CHECK (ipasn_may_write(unit) AND marked_by = session_user);
        CREATE POLICY change ON progress FOR UPDATE USING (ipasn_may_write(unit))
            WITH CHECK (ipasn_may_write(unit) AND marked_by = session_user);

        ALTER TABLE config ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON config FOR SELECT USING (true);
        CREATE POLICY operators ON config FOR ALL USING (ipasn_is_operator()) WITH CHECK (ipasn_is_operator());

        ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON accounts FOR SELECT USING (true);
        CREATE POLICY operators ON accounts FOR ALL USING (ipasn_is_operator()) WITH CHECK (ipasn_is_operator());
        ALTER TABLE account_units ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON account_units FOR SELECT USING (true);
        CREATE POLICY operators ON account_units FOR ALL USING (ipasn_is_operator()) WITH CHECK (ipasn_is_operator());

        -- The audit log and batches: written under one's own login by those who may write;
        -- never updated nor deleted (no policy allows it).
        ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON audit FOR SELECT USING (true);
        CREATE POLICY add ON audit FOR INSERT WITH CHECK (actor = session_user AND ipasn_writer());
        ALTER TABLE batches ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON batches FOR SELECT USING (true);
        CREATE POLICY add ON batches FOR INSERT WITH CHECK (actor = session_user AND ipasn_writer());

        ALTER TABLE drafts ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own ON drafts FOR ALL USING (owner IN (session_user, '')) WITH CHECK (owner = session_user);

        ALTER TABLE employee_score ENABLE ROW LEVEL SECURITY;
        CREATE POLICY anyone ON employee_score FOR ALL USING (true) WITH CHECK (true);
        ALTER TABLE score_year ENABLE ROW LEVEL SECURITY;
        CREATE POLICY anyone ON score_year FOR ALL USING (true) WITH CHECK (true);
        """
}
