extension PostgresStore {
    /// Whether this connection may cache a new year (write `score_year`): the schema's owner
    /// (not subject to row-level security) or an operator (migration `2026-11-30-pg-rls2`).
    /// Anyone else asking for an uncached year gets it computed, not cached.
    func mayCacheYears(_ db: PGConnection) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT NOT row_security_active('score_year') OR ipasn_is_operator()") ?? false
    }

    /// The employees whose cached scores this connection may write, nil for all of them: the
    /// owner, an operator and a verifikator write every score; an admin connected as their
    /// own role only those of their units' employees (`ipasn_may_write_score`).
    func scoreWriteScope(_ db: PGConnection) throws -> Set<String>? {
        let unrestricted = try Bool.fetchOne(
            db, sql: "SELECT NOT row_security_active('employee_score') OR ipasn_is_operator() OR COALESCE(ipasn_role() = 'verifikator', false)")
        if unrestricted ?? false { return nil }
        return Set(try String.fetchAll(db, sql: "SELECT nip FROM pegawai WHERE ipasn_may_write(kode_unit)"))
    }
}
