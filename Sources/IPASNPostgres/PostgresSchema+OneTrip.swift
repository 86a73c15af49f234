import IPASNCore

extension PostgresSchema {
    /// Migration `2026-12-02-pgsave7` (issue 12, PostgreSQL only): what a save of a record in
    /// ONE round trip needs on the server (``PostgresStore/addInOneTrip(_:)``).
    ///
    /// The store's two-exchange save reads, in its first exchange, what the client needs to
    /// decide (the permission, the employee's records, the scoring inputs, the new id) and
    /// writes in its second. The one-trip save decides on what the store's previous save of
    /// the same employee left it (its records, the scoring inputs) and sends the writes at
    /// once (the new id from the table's identity, named by `currval` in the audit row); these
    /// functions make the server refuse them, inside the same transaction, when what the
    /// client decided on is no longer what the database holds:
    ///
    /// - `ipasn_one_trip_lock(k1, k2)`: the database's write lock (the same transaction-level
    ///   advisory lock every writer takes), or an error when another writer holds it (the
    ///   client then saves in two exchanges, which waits for it).
    /// - `ipasn_save_digest(nip, table, id)`: a digest of everything the client's decision
    ///   rests on: the measurement year, the ruleset, the cached years, the employee's row and
    ///   each of their records with whether its verification rejects it; `before` leaves out
    ///   the record `id` of `table` (the one being saved), `after` counts everything (what the
    ///   next save compares against). One pass over the employee's rows. A record stands for
    ///   its row version: its place (`ctid`) and the transaction that wrote it (`xmin`), hashed
    ///   (64 bits) with its table and its verdict and combined by XOR per table; any insert,
    ///   update or delete of a row makes a new version or removes one, so it changes the
    ///   digest, and no record is converted to text (three times cheaper than hashing the
    ///   rows' text on the bench's employee of 66 diklat). A row moved without a change
    ///   (`VACUUM FULL`) changes it too: the save then goes in two exchanges.
    /// - `ipasn_one_trip_guard(login, nip, table, expected)`: the permission of
    ///   ``PostgresStore/permitRecordWrite(nips:_:)`` (an operator, or an admin holding the
    ///   employee's unit or one above it) and the digest without the record just inserted
    ///   into `table` (`currval` of its identity) compared; an error refuses the whole save. It
    ///   returns the new digest and the new record's id. With no table (`''`) it is the save
    ///   path's warm-up: it runs its queries and refuses nothing.
    ///
    /// They run with the caller's rights (`SECURITY INVOKER`): they read what the client's own
    /// reads read, and the row-security policies and the audit check still decide the writes.
    /// Their statements keep one generic plan a session (`plan_cache_mode = force_generic_plan`,
    /// as `ipasn_server_scores_parts`): each is an equality on the employee's NIP, for which
    /// the generic plan is the custom one. The same setting is given to `ipasn_check_scores`,
    /// whose few-rows comparison (unnested arrays against the cached rows) is planned for its
    /// parameters at each call while `auto` finds the custom plans cheaper (one loop of 300
    /// calls at load 18: 0.8-1.2 ms a call under `auto`, 0.3 ms generic; the PG3 runs do not
    /// separate it from the rest, docs/performance.md).
    static var oneTripSave: String {
        let parts = RecordKind.allCases.enumerated().map { index, kind -> String in
            let table = PGRecordRows.table(kind)
            return """
                    SELECT bit_xor(t.h) FILTER (WHERE NOT t.mine), bit_xor(t.h) INTO part_before, part_after
                      FROM (SELECT hashtidextended(r.ctid, (r.xmin::text::int8 * 2 + coalesce((v.status = 'tidak')::int, 0)) * 8 + \(index)) AS h,
                                   (p_table = '\(table)' AND r.id = p_id) AS mine
                              FROM \(table) r LEFT JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                             WHERE r.nip = p_nip) t;
                    b := b || '#' || coalesce(part_before::text, '');
                    a := a || '#' || coalesce(part_after::text, '');
                """
        }.joined(separator: "\n")
        return """
            CREATE FUNCTION ipasn_one_trip_lock(k1 int4, k2 int4) RETURNS void
            LANGUAGE plpgsql VOLATILE SET search_path = public AS $$
            BEGIN
                IF NOT pg_try_advisory_xact_lock(k1, k2) THEN
                    RAISE EXCEPTION 'ipasn: the write lock is held by another writer' USING ERRCODE = 'IPS01';
                END IF;
            END
            $$;

            CREATE FUNCTION ipasn_save_digest(p_nip text, p_table text, p_id bigint, OUT before text, OUT after text)
            LANGUAGE plpgsql STABLE SET search_path = public SET plan_cache_mode = force_generic_plan AS $$
            DECLARE
                b text;
                a text;
                part_before bigint;
                part_after bigint;
            BEGIN
                SELECT concat_ws('|',
                           \(saveDigestSettings),
                           (SELECT p::text FROM pegawai p WHERE p.nip = p_nip))
                  INTO b;
                a := b;
            \(parts)
                before := md5(b);
                after := md5(a);
            END
            $$;

            \(oneTripGuard(create: "CREATE", searchPath: "public", permission: oneTripGuardPermission))

            -- The score check's statements for a save's few rows, planned once a session (its
            -- branch for many rows plans each call itself: EXECUTE).
            ALTER FUNCTION ipasn_check_scores(boolean, int4[], text[], float8[], float8[], float8[], float8[], int2[], text[])
                SET plan_cache_mode = force_generic_plan;
            """
    }

    /// The settings a save decides on, in the digest (``oneTripSave``, ``saveVersions``): the
    /// measurement year, the ruleset's `md5` and the cached years (at the digest's indentation).
    static let saveDigestSettings = [
        "(SELECT value FROM config WHERE key = 'year')",
        "(SELECT md5(value) FROM config WHERE key = 'ruleset')",
        "(SELECT string_agg(year::text, ',' ORDER BY year) FROM score_year)",
    ].joined(separator: ",\n" + String(repeating: " ", count: 15))

    /// The guard's permission statements (``oneTripSave``): the account's role, then an admin's
    /// walk up from the employee's unit (at the indentation of the function's body).
    static let oneTripGuardPermission = """
            SELECT role INTO v_role FROM accounts WHERE login = p_login;
            v_may := v_role = 'operator' OR (v_role = 'admin' AND EXISTS (
                WITH RECURSIVE up(kode) AS (
                    SELECT kode_unit COLLATE "C" FROM pegawai WHERE nip = p_nip
                    UNION SELECT u.induk FROM units u JOIN up ON u.kode = up.kode WHERE u.induk IS NOT NULL)
                SELECT 1 FROM up JOIN account_units au ON au.unit = up.kode AND au.login = p_login));
        """

    /// `ipasn_one_trip_guard` (``oneTripSave``; `2026-12-05-pgsave10` replaces it with another
    /// `permission`): `create` is `CREATE` or `CREATE OR REPLACE`.
    static func oneTripGuard(create: String, searchPath: String, permission: String) -> String {
        """
        \(create) FUNCTION ipasn_one_trip_guard(p_login text, p_nip text, p_table text, p_expected text, OUT after text, OUT id bigint)
        LANGUAGE plpgsql VOLATILE SET search_path = \(searchPath) SET plan_cache_mode = force_generic_plan AS $$
        DECLARE
            v_role text;
            v_may boolean;
            v_before text;
        BEGIN
            -- The record this transaction just inserted (its table's identity, this session).
            IF p_table <> '' THEN
                id := currval(pg_get_serial_sequence(p_table, 'id'));
            END IF;
        \(permission)
            SELECT d.before, d.after INTO v_before, after FROM ipasn_save_digest(p_nip, p_table, id) d;
            -- No table: the save path's warm-up; everything above planned and run, nothing
            -- refused.
            IF p_table = '' THEN
                RETURN;
            END IF;
            IF NOT coalesce(v_may, false) THEN
                RAISE EXCEPTION 'ipasn: a one-trip save refused (permission)' USING ERRCODE = 'IPS02';
            END IF;
            IF v_before IS DISTINCT FROM p_expected THEN
                RAISE EXCEPTION 'ipasn: a one-trip save decided on data changed since' USING ERRCODE = 'IPS03';
            END IF;
        END
        $$;
        """
    }
}
