extension PostgresSchema {
    /// Migration `2026-12-04-siasnback`: the BKPSDM team's verifikator sends to SIASN, and
    /// SIASN's refusals come back (``SIASNRefusalStore``).
    ///
    /// - **The verifikator's export.** A verifikator's role may insert an export batch under its
    ///   own login and its items (any record: it verifies the whole instansi; a reported
    ///   deletion of any unit). The records' sent marks and the deletions' reports are no longer
    ///   written by the account's role (a verifikator may not write records, and row security
    ///   silently skipped its rows) but by the owner's `ipasn_mark_batch_sent(batch)`: only for
    ///   the caller's own SIASN batch created in the same transaction, only its items, each at
    ///   the version the batch holds (a record changed meanwhile stays pending). A pimpinan
    ///   still writes none of it.
    /// - **`siasn_refusals`**: SIASN's refusal of a batch's row (the version sent, the answer's
    ///   line and reason, who marked it and when). Everyone reads; nobody's role writes it
    ///   (every write privilege revoked): the owner's `ipasn_siasn_refuse(...)` keeps a refusal
    ///   of a SIASN batch's row (an operator or verifikator any; an admin their units' rows, the
    ///   same check as the items'), makes the record pending again when its sent mark is that
    ///   batch's, or lists a refused deletion again. Each account's refusal is kept under its
    ///   own login; only the schema's owner (`ipasn_session_is_owner()`) names another.
    static let siasnRefusals = """
        -- Whether the session is the schema's owner (or a role of it, a superuser, a role that
        -- bypasses row security): the store's connections in single-owner setups and the tests.
        CREATE FUNCTION ipasn_session_is_owner() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT pg_has_role(session_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.export_batches'::regclass), 'USAGE')
                OR COALESCE((SELECT r.rolbypassrls OR r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false)
        $$;

        CREATE TABLE siasn_refusals (
            batch     BIGINT NOT NULL REFERENCES export_batches(id),
            kind      TEXT COLLATE "C" NOT NULL,
            record_id BIGINT NOT NULL,
            deleted   SMALLINT NOT NULL DEFAULT 0,
            version   BIGINT NOT NULL,
            nip       TEXT COLLATE "C" NOT NULL,
            line      INTEGER NOT NULL,
            reason    TEXT NOT NULL,
            actor     TEXT NOT NULL,
            at        TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (batch, kind, record_id)
        );
        CREATE INDEX siasn_refusals_record ON siasn_refusals(kind, record_id, batch);
        ALTER TABLE siasn_refusals ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON siasn_refusals FOR SELECT USING (true);

        """
        + revokeWrites(on: ["siasn_refusals"], writePrivileges)
        + """

        DROP POLICY add ON export_batches;
        CREATE POLICY add ON export_batches FOR INSERT
            WITH CHECK (COALESCE(ipasn_role() IN ('operator', 'admin', 'verifikator'), false) AND actor = session_user);

        CREATE OR REPLACE FUNCTION ipasn_may_export_item(p_kind text, p_id bigint, p_deleted smallint) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT COALESCE(ipasn_is_operator(), false) OR COALESCE(ipasn_role() = 'verifikator', false) OR CASE WHEN p_deleted <> 0 THEN
                EXISTS (SELECT 1 FROM export_deleted d
                        WHERE d.kind = p_kind AND d.record_id = p_id AND ipasn_may_write_nip(d.nip))
            ELSE ipasn_may_write_record(p_kind, p_id) END
        $$;

        -- The sent marks of the caller's own SIASN batch, in the transaction that made it.
        CREATE FUNCTION ipasn_mark_batch_sent(p_batch bigint) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            k text;
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM export_batches b WHERE b.id = p_batch AND b.marks_sent = 1
                           AND (b.actor = session_user OR ipasn_session_is_owner())
                           AND b.xmin = pg_current_xact_id()::xid) THEN
                RAISE EXCEPTION 'permission denied: batch % is not a SIASN batch this transaction made', p_batch
                    USING ERRCODE = '42501';
            END IF;
            FOREACH k IN ARRAY ARRAY['pendidikan', 'diklat', 'skp', 'disiplin'] LOOP
                EXECUTE format('UPDATE %I r SET sent_no = i.version FROM export_items i '
                    'WHERE i.batch = $1 AND i.kind = %L AND i.deleted = 0 AND r.id = i.record_id AND r.change_no = i.version', k, k)
                    USING p_batch;
            END LOOP;
            UPDATE export_deleted d SET reported = p_batch FROM export_items i
            WHERE i.batch = p_batch AND i.deleted <> 0 AND d.kind = i.kind AND d.record_id = i.record_id AND d.reported IS NULL;
        END
        $$;

        -- SIASN refused row (p_kind, p_id, p_deleted) of SIASN batch p_batch: kept, and the
        -- record pending again (its sent mark was this batch's), or the deletion listed again.
        -- True when it changed the record's or deletion's state.
        CREATE FUNCTION ipasn_siasn_refuse(p_batch bigint, p_kind text, p_id bigint, p_deleted smallint, p_line integer,
                                           p_reason text, p_at timestamptz, p_actor text) RETURNS boolean
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            v bigint;
            who text := ipasn_role();
            is_owner boolean := ipasn_session_is_owner();
            owner_nip text;
            n integer;
        BEGIN
            SELECT i.version INTO v FROM export_items i JOIN export_batches b ON b.id = i.batch AND b.marks_sent = 1
            WHERE i.batch = p_batch AND i.kind = p_kind AND i.record_id = p_id AND i.deleted = p_deleted;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'SIASN batch % holds no row % %', p_batch, p_kind, p_id USING ERRCODE = '22023';
            END IF;
            IF NOT is_owner AND (who IS NULL OR who NOT IN ('operator', 'verifikator', 'admin')
               OR (who = 'admin' AND NOT ipasn_may_export_item(p_kind, p_id, p_deleted))) THEN
                RAISE EXCEPTION 'permission denied: SIASN''s answer on % % is not this account''s to mark', p_kind, p_id
                    USING ERRCODE = '42501';
            END IF;
            IF p_deleted <> 0 THEN
                SELECT d.nip INTO owner_nip FROM export_deleted d WHERE d.kind = p_kind AND d.record_id = p_id;
            ELSE
                EXECUTE format('SELECT r.nip FROM %I r WHERE r.id = $1', p_kind) INTO owner_nip USING p_id;
            END IF;
            INSERT INTO siasn_refusals(batch, kind, record_id, deleted, version, nip, line, reason, actor, at)
            VALUES (p_batch, p_kind, p_id, p_deleted, v, COALESCE(owner_nip, ''), p_line, p_reason,
                    CASE WHEN is_owner THEN p_actor ELSE session_user END, p_at)
            ON CONFLICT (batch, kind, record_id) DO UPDATE SET deleted = excluded.deleted, version = excluded.version,
                nip = excluded.nip, line = excluded.line, reason = excluded.reason, actor = excluded.actor, at = excluded.at;
            IF p_deleted <> 0 THEN
                UPDATE export_deleted SET reported = NULL WHERE kind = p_kind AND record_id = p_id AND reported = p_batch;
            ELSE
                EXECUTE format('UPDATE %I r SET sent_no = NULL WHERE r.id = $1 AND r.sent_no = $2 AND r.sent_no = r.change_no '
                    'AND NOT EXISTS (SELECT 1 FROM export_items i JOIN export_batches b ON b.id = i.batch '
                    'WHERE i.kind = $3 AND i.record_id = $1 AND i.deleted = 0 AND i.batch > $4 AND b.marks_sent = 1)', p_kind)
                    USING p_id, v, p_kind, p_batch;
            END IF;
            GET DIAGNOSTICS n = ROW_COUNT;
            RETURN n > 0;
        END
        $$;
        """
}
