extension PostgresSchema {
    /// Migration `2026-11-30-fixes`: an undo puts back the verdict that went with the content
    /// it restores (docs/store.md, "Undo and redo restore the verdict"), and only that verdict:
    ///
    /// - `ipasn_restore_verdict(kind, record_id, before)`: the owner's function that writes
    ///   the verification in force for the record just before audit entry `before`, as the
    ///   audit log says (the newest `verify` entry before it, unless a change of the record's
    ///   values lies between; then nothing). Status, reason, verifier and moment; the document
    ///   mark stays, or comes back with a row the record's delete took. Only in the transaction
    ///   that wrote the undo or redo of `before` for that record (`42501` otherwise). Returns
    ///   whether it wrote.
    /// - A guard on `verification`: an account that does not give verdicts (an admin) writes a
    ///   row only with the verdict it already has (its document mark) or back to belum (the
    ///   reset of a changed record runs as the owner anyway); any other verdict is `42501`,
    ///   raw SQL included. Before it, row-level security let an admin's own role write any
    ///   verdict of any record.
    static let verdictRestore = """
        CREATE FUNCTION ipasn_restore_verdict(p_kind text, p_record bigint, p_before bigint) RETURNS boolean
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        DECLARE
            src record;
            j jsonb;
            restored_at timestamptz;
        BEGIN
            IF NOT EXISTS (
                SELECT 1 FROM audit u
                WHERE u.undoes = p_before AND u.action IN ('undo', 'redo') AND u.entity = p_kind
                  AND u.entity_id = p_record::text AND u.xmin = pg_current_xact_id()::xid
            ) THEN
                RAISE EXCEPTION 'no undo or redo of audit entry % for % % in this transaction', p_before, p_kind, p_record
                    USING ERRCODE = '42501';
            END IF;
            SELECT a.action, a.new_value INTO src FROM audit a
            WHERE a.entity_id = p_record::text AND a.entity = p_kind AND a.id < p_before
              AND (a.action = 'verify' OR a.old_value IS DISTINCT FROM a.new_value)
            ORDER BY a.id DESC LIMIT 1;
            IF NOT FOUND OR src.action <> 'verify' THEN
                RETURN false;
            END IF;
            j := src.new_value::jsonb;
            restored_at := CASE WHEN j->>'at' IS NOT NULL THEN timestamptz '2001-01-01 00:00:00+00' + make_interval(secs => (j->>'at')::float8) END;
            IF EXISTS (SELECT 1 FROM verification v WHERE v.kind = p_kind AND v.record_id = p_record) THEN
                UPDATE verification SET status = j->>'status', reason = COALESCE(j->>'reason', ''), verified_by = j->>'by',
                    at = restored_at
                WHERE kind = p_kind AND record_id = p_record
                  AND (status, reason, verified_by, at) IS DISTINCT FROM (j->>'status', COALESCE(j->>'reason', ''), j->>'by', restored_at);
            ELSIF j->>'status' <> 'belum' OR COALESCE((j->>'documentInHand')::boolean, false) THEN
                INSERT INTO verification(kind, record_id, status, reason, verified_by, at, since, document, document_path)
                VALUES (p_kind, p_record, j->>'status', COALESCE(j->>'reason', ''), j->>'by', restored_at, 0,
                    CASE WHEN COALESCE((j->>'documentInHand')::boolean, false) THEN 1 ELSE 0 END, COALESCE(j->>'documentPath', ''));
            END IF;
            RETURN true;
        END
        $$;

        CREATE FUNCTION ipasn_verdict_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_user <> session_user OR ipasn_writes_every_score() OR NEW.status = 'belum' THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE' THEN
                IF (NEW.status, NEW.reason, NEW.verified_by, NEW.at) IS NOT DISTINCT FROM (OLD.status, OLD.reason, OLD.verified_by, OLD.at) THEN
                    RETURN NEW;
                END IF;
            ELSIF EXISTS (
                SELECT 1 FROM verification v WHERE v.kind = NEW.kind AND v.record_id = NEW.record_id
                  AND (v.status, v.reason, v.verified_by, v.at) IS NOT DISTINCT FROM (NEW.status, NEW.reason, NEW.verified_by, NEW.at)
            ) THEN
                RETURN NEW;  -- an upsert of the document mark that keeps the verdict
            END IF;
            RAISE EXCEPTION 'permission denied: only a verifikator or an operator gives verdicts (% %)', NEW.kind, NEW.record_id
                USING ERRCODE = '42501';
        END
        $$;
        CREATE TRIGGER verification_guard BEFORE INSERT OR UPDATE ON verification FOR EACH ROW EXECUTE FUNCTION ipasn_verdict_guard();
        """
}
