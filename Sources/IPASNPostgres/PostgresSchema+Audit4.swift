import Foundation
import IPASNCore

extension PostgresSchema {
    /// Migration `2026-12-02-pgaudit3` (issue 12): the audit check of updates and deletes
    /// set-wise, and the verification table's direct writes audited.
    ///
    /// - **Updates and deletes, a statement at a time.** The deferred per-row checks of
    ///   `2026-12-01-pgaudit`/`pgaudit2` on updates and deletes (`<table>_audited_update`,
    ///   `_delete`) of the seven audited tables are replaced by statement-level AFTER triggers
    ///   with transition tables (`<table>_audited_updates`, `_deletes`, any role but the
    ///   schema's owner): each statement that changed a row's audited value adds ONE row to
    ///   `audit_pending` (the transaction, the table, its written rows as two aligned arrays of
    ///   the table's row type, old and new, kept as text; unlogged, the owner's alone). A deferred
    ///   constraint trigger on `audit_pending` runs at COMMIT; its first call takes every
    ///   pending row of the transaction and checks each statement's rows in one statement
    ///   (``AuditedTable/setCheckFunction``): the same rules as the per-row check (an audit row
    ///   of the transaction saying what the row became or what it is at commit; an import or
    ///   its undo of that role whose id range holds it; else the server's own audit rows, in
    ///   one `INSERT ... SELECT`, and one refresh of all their employees' scores; a covered
    ///   write's employees verified once).
    /// - Inserts keep the per-row check (a transition table on INSERT would copy every row of
    ///   the owner's bulk import too, whose audit is one check already).
    /// - **`verification`**: a direct write by any role but the owner (not one made inside the
    ///   owner's functions: the record triggers' reset and delete, the verdict restore) is
    ///   checked at COMMIT, a row at a time (they are few): it passes when the transaction
    ///   holds an audit row of that record saying what its verification became (the store's
    ///   JSON of ``RecordVerification``, its moment aside), else the server writes a `verify`
    ///   row (old and new verification; a missing row is belum with no document) and refreshes
    ///   the employee's scores.
    static var auditBulkSetWise: String {
        let tables = RecordKind.allCases.map(AuditedTable.record) + [.pegawai, .units, .progress]
        return auditPending(tables)
            + tables.map { $0.setCheckFunction + $0.statementTriggers }.joined()
            + auditWarm(tables, more: tables.map { "PERFORM ipasn_audit_set_\($0.table)('0'::xid8, '{}', NULL);" }, replace: true)
            + auditVerification
    }

    /// The settings under which a row is written out as text and read back (`SET` clauses of
    /// both functions): the dates, moments and doubles round-trip whatever the session set.
    /// `plan_cache_mode`: their statements are planned once a session (a custom plan of the
    /// check's one statement for each save's one row cost more than the check itself).
    static let rowTextSettings =
        "SET datestyle = 'ISO, YMD' SET timezone = 'UTC' SET extra_float_digits = 1 SET plan_cache_mode = force_generic_plan"

    /// `audit_pending` and its deferred check (see ``auditBulkSetWise``).
    private static func auditPending(_ tables: [AuditedTable]) -> String {
        let dispatch = tables.map { "WHEN '\($0.table)' THEN PERFORM ipasn_audit_set_\($0.table)(NEW.xact, r.o, r.n);" }
        return """

            CREATE UNLOGGED TABLE audit_pending (
                xact   xid8 NOT NULL DEFAULT pg_current_xact_id(),
                entity TEXT NOT NULL,
                o      TEXT NOT NULL,
                n      TEXT
            );
            CREATE INDEX audit_pending_xact ON audit_pending(xact);
            ALTER TABLE audit_pending ENABLE ROW LEVEL SECURITY;
            """
            + revokeWrites(on: ["audit_pending"], writePrivileges + ["SELECT"])
            + """

            -- Every statement's rows of this transaction not checked yet, in the order written;
            -- the later calls of the same commit find none.
            CREATE FUNCTION ipasn_audit_pending_check() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                r record;
            BEGIN
                FOR r IN SELECT p.entity, p.o, p.n FROM audit_pending p WHERE p.xact = NEW.xact ORDER BY p.ctid LOOP
                    CASE r.entity
                        \(dispatch.joined(separator: "\n                "))
                    END CASE;
                END LOOP;
                DELETE FROM audit_pending p WHERE p.xact = NEW.xact;
                RETURN NULL;
            END
            $$;
            CREATE CONSTRAINT TRIGGER audit_pending_check AFTER INSERT ON audit_pending
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ipasn_audit_pending_check();
            """
    }

    /// The store's JSON of ``RecordVerification`` of verification row `v` (the moment as
    /// seconds since 2001, as `JSONEncoder` writes a `Date`; nil optionals left out).
    static func verificationJSON(_ v: String) -> String {
        "jsonb_strip_nulls(jsonb_build_object('status', \(v).status, 'reason', \(v).reason, 'by', \(v).verified_by, "
            + "'at', extract(epoch FROM \(v).at) - 978307200, 'documentInHand', \(v).document <> 0, 'documentPath', \(v).document_path))"
    }

    /// The verification table's direct writes checked at COMMIT (see ``auditBulkSetWise``).
    private static var auditVerification: String {
        let unverified = "'{\"status\": \"belum\", \"reason\": \"\", \"documentInHand\": false, \"documentPath\": \"\"}'::jsonb"
        let nip = RecordKind.allCases.map { "WHEN '\($0.rawValue)' THEN (SELECT r.nip FROM \($0.rawValue) r WHERE r.id = rid)" }
        let columns = ["kind", "record_id", "status", "reason", "verified_by", "at", "document", "document_path"]
        let old = columns.map { "OLD.\($0)" }.joined(separator: ", ")
        let new = columns.map { "NEW.\($0)" }.joined(separator: ", ")
        let direct = "session_user <> %L AND current_user = session_user"
        return """

            CREATE FUNCTION ipasn_verification_audited() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                me xid8;
                k text;
                rid bigint;
                now_json jsonb;
                cur_json jsonb;
                old_json jsonb;
                owner_nip text;
            BEGIN
                IF current_setting('is_superuser') = 'on' THEN
                    RETURN NULL;
                END IF;
                me := pg_current_xact_id();
                IF TG_OP = 'DELETE' THEN
                    k := OLD.kind;
                    rid := OLD.record_id;
                    now_json := \(unverified);
                ELSE
                    k := NEW.kind;
                    rid := NEW.record_id;
                    now_json := \(verificationJSON("NEW"));
                END IF;
                SELECT \(verificationJSON("v")) INTO cur_json FROM verification v WHERE v.kind = k AND v.record_id = rid;
                cur_json := COALESCE(cur_json, \(unverified));
                -- An audit row of this record in this transaction saying what its verification
                -- became here or is at commit (its moment aside: a Date and a timestamp round differently).
                IF EXISTS (SELECT 1 FROM audit a WHERE a.entity = k AND a.entity_id = rid::text AND a.xact = me
                           AND CASE WHEN left(a.new_value, 1) = '{' THEN (a.new_value::jsonb - 'at') IN (now_json - 'at', cur_json - 'at')
                                    ELSE false END) THEN
                    RETURN NULL;
                END IF;
                IF TG_OP = 'INSERT' THEN
                    old_json := \(unverified);
                ELSE
                    old_json := \(verificationJSON("OLD"));
                END IF;
                owner_nip := CASE k \(nip.joined(separator: " ")) END;
                INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value, session)
                VALUES (now(), session_user, 'verify', k, rid::text, owner_nip, old_json::text, now_json::text, 'sql:' || pg_backend_pid());
                PERFORM ipasn_audit_refresh_scores(ARRAY[owner_nip]);
                RETURN NULL;
            END
            $$;
            DO $$
            DECLARE
                owner text := (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'public.verification'::regclass);
            BEGIN
                EXECUTE format('CREATE CONSTRAINT TRIGGER verification_audited_insert AFTER INSERT ON verification DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (\(direct)) EXECUTE FUNCTION ipasn_verification_audited()', owner);
                EXECUTE format('CREATE CONSTRAINT TRIGGER verification_audited_update AFTER UPDATE ON verification DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (\(direct) AND (\(old)) IS DISTINCT FROM (\(new))) EXECUTE FUNCTION ipasn_verification_audited()', owner);
                EXECUTE format('CREATE CONSTRAINT TRIGGER verification_audited_delete AFTER DELETE ON verification DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (\(direct)) EXECUTE FUNCTION ipasn_verification_audited()', owner);
            END
            $$;
            """
    }
}

extension AuditedTable {
    /// Whether an import's id range covers a row (the record tables), rather than any import of the kind.
    private var rangeCovered: Bool { RecordKind(rawValue: table) != nil }

    /// `ipasn_audit_set_<table>(me, o, n)`: the check of many written rows at once, `o` and `n`
    /// aligned arrays (as text) of the rows before and after (NULL where a row was not or is
    /// no more; `n` NULL for a delete), with the per-row check's rules (``checkFunction``), in one
    /// statement: the coverage of each row, the server's audit rows of the uncovered ones in
    /// the order written, and their employees (refreshed) and the covered ones' (verified).
    var setCheckFunction: String {
        let key0 = columns[0]
        let importCovered =
            rangeCovered
            ? "EXISTS (SELECT 1 FROM ranges g WHERE c.k::bigint BETWEEN g.lo AND g.hi)"
            : importCovers
        let op = importCoversUpdates ? "" : "c.op <> 'UPDATE' AND "
        let ranges =
            rangeCovered
            ? """
            ranges AS MATERIALIZED (
                    SELECT (ipasn_import_ids(COALESCE(i.new_value, a.new_value)))[1] AS lo,
                           (ipasn_import_ids(COALESCE(i.new_value, a.new_value)))[2] AS hi
                    FROM audit a LEFT JOIN audit i ON a.action = 'undo' AND i.id = a.undoes
                    WHERE a.entity = '\(table)' AND a.entity_id = '' AND a.xact = me AND a.actor = session_user
                      AND a.action IN ('import', 'undo')),
            """
            : ""
        let nipValue = nip.map { "CASE WHEN d.op = 'DELETE' THEN (d.o).\($0) ELSE (d.n).\($0) END" } ?? "NULL"
        let employees: (String) -> String = { cover in
            guard let nip else { return "NULL::text[]" }
            return "ARRAY(SELECT DISTINCT x.nip FROM d, LATERAL (VALUES ((d.o).\(nip)), ((d.n).\(nip))) AS x(nip) "
                + "WHERE d.cover = '\(cover)' AND x.nip IS NOT NULL)"
        }
        let verify = parts.map { "IF cardinality(checked) > 0 THEN PERFORM ipasn_audit_verify_scores(checked, \($0)); END IF;" } ?? ""
        let refresh = nip.map { _ in "IF cardinality(audited) > 0 THEN PERFORM ipasn_audit_refresh_scores(audited); END IF;" } ?? ""
        return """

            CREATE FUNCTION ipasn_audit_set_\(table)(p_me xid8, p_o text, p_n text) RETURNS void
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public \(PostgresSchema.rowTextSettings) AS $$
            DECLARE
                me xid8 := p_me;
                oa \(table)[] := p_o::\(table)[];
                na \(table)[] := p_n::\(table)[];
                audited text[];
                checked text[];
            BEGIN
                -- One row (a save's edit or delete): the per-row check, cheaper than planning for many.
                IF cardinality(oa) = 1 THEN
                    PERFORM ipasn_audit_check_\(table)(CASE WHEN (na[1]).\(key0) IS NULL THEN 'DELETE'
                        WHEN (oa[1]).\(key0) IS NULL THEN 'INSERT' ELSE 'UPDATE' END, oa[1], na[1], false);
                    RETURN;
                END IF;
                WITH \(ranges) w AS (
                    SELECT generate_series(1, cardinality(oa)) AS i, unnest(oa) AS o, unnest(na) AS n
                ), c AS (
                    SELECT w.i, w.o, w.n,
                           CASE WHEN (w.n).\(key0) IS NULL THEN 'DELETE' WHEN (w.o).\(key0) IS NULL THEN 'INSERT' ELSE 'UPDATE' END AS op,
                           CASE WHEN (w.n).\(key0) IS NULL THEN \(key("(w.o)")) ELSE \(key("(w.n)")) END AS k,
                           CASE WHEN (w.n).\(key0) IS NOT NULL THEN \(json("(w.n)")) END AS now_json
                    FROM w
                ), d AS MATERIALIZED (
                    SELECT c.*, CASE
                        WHEN \(op)\(importCovered) THEN 'import'
                        WHEN \(covering("c.now_json", key: "c.k")) THEN 'audit'
                        WHEN c.op <> 'DELETE' AND EXISTS (SELECT 1 FROM \(table) t WHERE \(same("(c.n)"))
                             AND \(covering(json("t"), key: "c.k"))) THEN 'audit'
                        ELSE 'none' END AS cover
                    FROM c
                ), written AS (
                    INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value, session)
                    SELECT now(), session_user, \(action.map { "'\($0)'" } ?? "lower(d.op)"), '\(table)', d.k, \(nipValue),
                           CASE WHEN d.op <> 'INSERT' THEN (\(json("(d.o)")))::text END, d.now_json::text, 'sql:' || pg_backend_pid()
                    FROM d WHERE d.cover = 'none' ORDER BY d.i
                    RETURNING 1
                )
                SELECT \(employees("none")), \(employees("audit")) INTO audited, checked
                FROM (SELECT count(*) FROM written) AS done;
                \(refresh)
                checked := ARRAY(SELECT x FROM unnest(checked) AS x WHERE NOT x = ANY(COALESCE(audited, '{}')));
                \(verify)
            END
            $$;
            REVOKE EXECUTE ON FUNCTION ipasn_audit_set_\(table)(xid8, text, text) FROM PUBLIC;
            """
    }

    /// The table's updates and deletes noted a statement at a time (their per-row checks
    /// dropped): the rows whose audited value changed, as arrays of the row type (text), into `audit_pending`.
    var statementTriggers: String {
        let key0 = columns[0]
        let old = columns.map { "t.\($0)" }.joined(separator: ", ")
        let new = columns.map { "n.\($0)" }.joined(separator: ", ")
        return """

            CREATE FUNCTION ipasn_\(table)_audited_rows() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public \(PostgresSchema.rowTextSettings) AS $$
            BEGIN
                IF current_setting('is_superuser') = 'on' THEN
                    RETURN NULL;
                END IF;
                IF TG_OP = 'DELETE' THEN
                    INSERT INTO audit_pending(entity, o, n)
                    SELECT '\(table)', array_agg(t)::text, NULL FROM gone t HAVING count(*) > 0;
                ELSE
                    INSERT INTO audit_pending(entity, o, n)
                    SELECT '\(table)', array_agg(CASE WHEN t.\(key0) IS NOT NULL THEN t END)::text,
                           array_agg(CASE WHEN n.\(key0) IS NOT NULL THEN n END)::text
                    FROM gone t FULL JOIN came n ON \(same("n"))
                    WHERE (\(old)) IS DISTINCT FROM (\(new))
                    HAVING count(*) > 0;
                END IF;
                RETURN NULL;
            END
            $$;
            DROP TRIGGER \(table)_audited_update ON \(table);
            DROP TRIGGER \(table)_audited_delete ON \(table);
            DO $$
            DECLARE
                owner text := (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'public.\(table)'::regclass);
            BEGIN
                EXECUTE format('CREATE TRIGGER \(table)_audited_updates AFTER UPDATE ON \(table) REFERENCING OLD TABLE AS gone NEW TABLE AS came
                    FOR EACH STATEMENT WHEN (session_user <> %L) EXECUTE FUNCTION ipasn_\(table)_audited_rows()', owner);
                EXECUTE format('CREATE TRIGGER \(table)_audited_deletes AFTER DELETE ON \(table) REFERENCING OLD TABLE AS gone
                    FOR EACH STATEMENT WHEN (session_user <> %L) EXECUTE FUNCTION ipasn_\(table)_audited_rows()', owner);
            END
            $$;
            """
    }
}
