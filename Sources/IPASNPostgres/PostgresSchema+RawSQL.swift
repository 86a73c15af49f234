extension PostgresSchema {
    /// Migration `2026-12-03-pgrls` (issue 12, PostgreSQL only): the holes a sweep of every
    /// write an account's own role can make with raw SQL found (docs/store.md, "PostgreSQL: what
    /// an account's own role can do with raw SQL"; `PostgresRawSQLSweepTests`).
    ///
    /// - **`pg_temp` last in every fixed search path.** A `SECURITY DEFINER` function with
    ///   `SET search_path = public` still looks a table name up in the session's temporary
    ///   schema FIRST (PostgreSQL searches `pg_temp` before the path unless the path names it),
    ///   and every role may create temporary tables. So an admin's
    ///   `CREATE TEMP TABLE accounts (login text, role text)` with a row `(me, 'operator')` made
    ///   `ipasn_role()` answer `operator` inside every policy: the admin could make their real
    ///   account an operator, write any unit, give verdicts (the same through a temporary
    ///   `verification` shadowing the verdict guard's lookup, or `units` its unit-move guard's).
    ///   Every function of the schema that runs as its owner or fixes its search path, and the
    ///   two guard triggers that run as the caller (`ipasn_verdict_guard`, `ipasn_unit_moved`),
    ///   now have `search_path = public, pg_temp`: a temporary table is found only when the
    ///   schema has no table of that name. (Functions and operators are never looked up in
    ///   `pg_temp`, and no account may create objects in `public`.)
    /// - **`schema_migrations`** had no row security and every account could write it: deleting
    ///   its rows or inserting a future migration's name made every ipasn refuse the database
    ///   (`newerVersion`, `needsUpgrade`). Its writes are now the owner's alone.
    /// - **Sequences.** Every account held `UPDATE` on every sequence, so `setval` (which no
    ///   transaction undoes) could set the audit log's id sequence back: every later audit row,
    ///   so every write, failed on the primary key. `UPDATE` on the sequences of the audit log,
    ///   the batches and the export batches is revoked (only `nextval` is used on them); the
    ///   record tables keep it for the imports' `setval` past their explicit ids.
    /// - **Export tracking.** `export_batches`, `export_items` and `export_deleted` were writable
    ///   by any account that writes (verifikator included), every row of them: an admin could
    ///   delete another admin's batches' items, rewrite a batch's actor, or delete the record of
    ///   another unit's deletion that must still be reported to SIASN. Now a batch is inserted
    ///   only by an operator or an admin under their own login, its items only into their own
    ///   batch, and neither is changed nor deleted afterwards; a kept deletion is changed
    ///   (`reported`) or removed only for an employee of the account's units (an operator: any),
    ///   and inserted only by the owner's trigger.
    /// - **Verification.** The `writers` policy let an admin's role write every unit's
    ///   verification rows. Now an admin writes only their units' records' rows
    ///   (`ipasn_may_write_record`), and the verdict guard lets an admin change only the document
    ///   mark: a row inserted as belum with no verdict, or an update keeping status, reason,
    ///   verifier and moment; setting a verdict back to belum or deleting a row is a verifier's
    ///   (both were allowed before, audited). Deleting a row is an operator's or verifikator's
    ///   (the record triggers' own deletes run as the owner).
    /// - **Progress marks.** A verifikator may write any unit's mark only as not done (their
    ///   reopening); before, also as done.
    static var rawSQLSweep: String {
        let columns = ["kind", "record_id", "status", "reason", "verified_by", "at", "document", "document_path"]
        let changed = "(\(columns.map { "OLD.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(columns.map { "NEW.\($0)" }.joined(separator: ", ")))"
        let direct = "session_user <> %L AND current_user <> %L"
        return """
        DO $$
        DECLARE
            f regprocedure;
        BEGIN
            FOR f IN
                SELECT p.oid::regprocedure FROM pg_proc p
                WHERE p.pronamespace = 'public'::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                  AND (p.prosecdef OR p.proname IN ('ipasn_verdict_guard', 'ipasn_unit_moved')
                       OR EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\\_path=%'))
            LOOP
                EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_temp', f);
            END LOOP;
        END
        $$;

        """
        + revokeWrites(on: ["schema_migrations"], writePrivileges)
        + revokeWrites(on: ["export_batches", "export_items"], ["UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"])
        + revokeWrites(on: ["export_deleted"], ["INSERT", "TRUNCATE", "REFERENCES", "TRIGGER"])
        + """
        DO $$
        DECLARE
            s text;
            g record;
        BEGIN
            FOREACH s IN ARRAY ARRAY['audit_id_seq', 'batches_id_seq', 'export_batches_id_seq'] LOOP
                FOR g IN
                    SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                    WHERE c.oid = ('public.' || s)::regclass AND a.grantee <> c.relowner AND a.privilege_type = 'UPDATE'
                LOOP
                    EXECUTE format('REVOKE UPDATE ON SEQUENCE public.%I FROM %s', s,
                        CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);
                END LOOP;
            END LOOP;
        END
        $$;

        DROP POLICY writers ON export_batches;
        CREATE POLICY add ON export_batches FOR INSERT
            WITH CHECK (COALESCE(ipasn_role() IN ('operator', 'admin'), false) AND actor = session_user);
        DROP POLICY writers ON export_items;
        CREATE POLICY add ON export_items FOR INSERT
            WITH CHECK (EXISTS (SELECT 1 FROM export_batches b WHERE b.id = batch AND b.actor = session_user));
        DROP POLICY writers ON export_deleted;
        CREATE POLICY change ON export_deleted FOR UPDATE USING (ipasn_is_operator() OR ipasn_may_write_nip(nip))
            WITH CHECK (ipasn_is_operator() OR ipasn_may_write_nip(nip));
        CREATE POLICY remove ON export_deleted FOR DELETE USING (ipasn_is_operator() OR ipasn_may_write_nip(nip));

        -- Whether the connected account may write record `p_id` of kind `p_kind`'s verification:
        -- a verifier (the owner, an operator, a verifikator) any; an admin their units' records'.
        CREATE FUNCTION ipasn_may_write_record(p_kind text, p_id bigint) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT ipasn_writes_every_score() OR COALESCE(ipasn_may_write_nip(CASE p_kind
                WHEN 'pendidikan' THEN (SELECT r.nip FROM pendidikan r WHERE r.id = p_id)
                WHEN 'diklat' THEN (SELECT r.nip FROM diklat r WHERE r.id = p_id)
                WHEN 'skp' THEN (SELECT r.nip FROM skp r WHERE r.id = p_id)
                WHEN 'disiplin' THEN (SELECT r.nip FROM disiplin r WHERE r.id = p_id) END), false)
        $$;
        DROP POLICY writers ON verification;
        CREATE POLICY add ON verification FOR INSERT WITH CHECK (ipasn_may_write_record(kind, record_id));
        CREATE POLICY change ON verification FOR UPDATE USING (ipasn_may_write_record(kind, record_id))
            WITH CHECK (ipasn_may_write_record(kind, record_id));
        CREATE POLICY remove ON verification FOR DELETE USING (ipasn_writes_every_score());

        CREATE OR REPLACE FUNCTION ipasn_verdict_guard() RETURNS trigger LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
        BEGIN
            IF NOT row_security_active(TG_RELID) OR ipasn_writes_every_score() THEN
                RETURN NEW;  -- the owner's functions (a record's reset, an undo's restore), a verifier
            END IF;
            IF TG_OP = 'UPDATE' THEN
                IF (NEW.status, NEW.reason, NEW.verified_by, NEW.at) IS NOT DISTINCT FROM (OLD.status, OLD.reason, OLD.verified_by, OLD.at) THEN
                    RETURN NEW;
                END IF;
            ELSIF (NEW.status, NEW.reason, NEW.verified_by, NEW.at) IS NOT DISTINCT FROM ('belum', '', NULL::text, NULL::timestamptz) THEN
                RETURN NEW;  -- a document mark on a record with no verdict
            ELSIF EXISTS (
                SELECT 1 FROM verification v WHERE v.kind = NEW.kind AND v.record_id = NEW.record_id
                  AND (v.status, v.reason, v.verified_by, v.at) IS NOT DISTINCT FROM (NEW.status, NEW.reason, NEW.verified_by, NEW.at)
            ) THEN
                RETURN NEW;  -- an upsert of the document mark that keeps the verdict
            END IF;
            RAISE EXCEPTION 'permission denied: only a verifikator or an operator gives or clears verdicts (% %)', NEW.kind, NEW.record_id
                USING ERRCODE = '42501';
        END
        $$;

        DROP POLICY add ON progress;
        DROP POLICY change ON progress;
        CREATE POLICY add ON progress FOR INSERT
            WITH CHECK ((ipasn_may_write(unit) OR (ipasn_role() = 'verifikator' AND done = 0)) AND marked_by = session_user);
        CREATE POLICY change ON progress FOR UPDATE USING (ipasn_may_write(unit) OR ipasn_role() = 'verifikator')
            WITH CHECK ((ipasn_may_write(unit) OR (ipasn_role() = 'verifikator' AND done = 0)) AND marked_by = session_user);

        -- A direct write of `verification` is audited unless it runs as the owner (inside the
        -- owner's functions): `current_user = session_user` let `SET ROLE ipasn_users` skip it.
        DROP TRIGGER verification_audited_insert ON verification;
        DROP TRIGGER verification_audited_update ON verification;
        DROP TRIGGER verification_audited_delete ON verification;
        DO $$
        DECLARE
            owner text := (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'public.verification'::regclass);
        BEGIN
            EXECUTE format('CREATE CONSTRAINT TRIGGER verification_audited_insert AFTER INSERT ON verification DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW WHEN (\(direct)) EXECUTE FUNCTION ipasn_verification_audited()', owner, owner);
            EXECUTE format('CREATE CONSTRAINT TRIGGER verification_audited_update AFTER UPDATE ON verification DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW WHEN (\(direct) AND \(changed)) EXECUTE FUNCTION ipasn_verification_audited()', owner, owner);
            EXECUTE format('CREATE CONSTRAINT TRIGGER verification_audited_delete AFTER DELETE ON verification DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW WHEN (\(direct)) EXECUTE FUNCTION ipasn_verification_audited()', owner, owner);
        END
        $$;
        """
    }
}
