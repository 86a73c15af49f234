import Foundation

extension PostgresSchema {
    /// Migration `2026-12-01-pgnewest` (issue 12): the workstation's employee search through a
    /// trigram index.
    ///
    /// The search (`SQLStore.searchPegawai`) matches every word of the query anywhere in
    /// `search_key` (`LIKE '%word%'`) or the query's digits at either end of the NIP
    /// (`nip LIKE 'digits%' OR nip LIKE '%digits'`): without an index for a substring, a scan of
    /// every employee (branch pg500k: 3.7-4.5 s at 500,000 employees). `pg_trgm`'s GIN indexes on
    /// `search_key` and `nip` answer `LIKE '%...%'` for a pattern of three characters or more,
    /// and the `OR` of the arms as one bitmap; the statement and what it finds are unchanged
    /// (a shorter word is still a scan, which the planner chooses itself).
    ///
    /// `pg_trgm` ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13:
    /// the database's owner, who runs the migrations, may create it. A server without it, or an
    /// owner without the right, keeps the scan: the migration notes it and goes on.
    static var employeeSearchTrigrams: String {
        """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
                RAISE NOTICE 'pg_trgm is not installed: the employee search scans the employees';
                RETURN;
            END IF;
            BEGIN
                CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'pg_trgm cannot be created by this role: the employee search scans the employees';
                RETURN;
            END;
            CREATE INDEX pegawai_search_trgm ON pegawai USING gin (search_key gin_trgm_ops);
            CREATE INDEX pegawai_nip_trgm ON pegawai USING gin (nip gin_trgm_ops);
        END $$;
        """
    }
}
