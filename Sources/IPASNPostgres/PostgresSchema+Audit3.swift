import Foundation
import IPASNCore

extension PostgresSchema {
    /// Migration `2026-12-01-pgaudit2` (issue 12): the gaps `2026-12-01-pgaudit`
    /// (``auditEveryWrite``) left in "every write audited".
    ///
    /// - **Employees, units and progress marks** are checked like the records: a deferred
    ///   per-row constraint trigger (`<table>_audited_insert`, `_update`, `_delete`, for every
    ///   role but the schema's owner) passes a row when the transaction holds an audit row of
    ///   it that says what the row became (`Pegawai`/`OrgUnit` as the store's JSON, a mark as
    ///   `true`/`false`), or an import of that kind by the same role (employees, units);
    ///   otherwise it writes the audit row itself (`insert`/`update`/`delete`, a mark as
    ///   `progress`, session `sql:<pid>`), and for an employee refreshes their cached scores.
    /// - **A covered write's scores are verified**: when a record's or an employee's write is
    ///   covered by an audit row of it (the store's own, or one written by hand), the check
    ///   compares the touched employees' cached scores with the server's scorer
    ///   (`ipasn_server_scores_parts`, only the part the record kind feeds: a diklat only
    ///   kompetensi) and refreshes them when they differ (``auditVerifyScores``), so a truthful
    ///   hand-written audit row no longer leaves a stale score. Import-covered rows are not
    ///   verified row by row (the import recomputes its employees itself).
    /// - **The check's body is a function of the values** (`ipasn_audit_check_<table>(op, old,
    ///   new, warm)`); the trigger functions are thin wrappers. `ipasn_audit_warm()` calls each
    ///   with values that match nothing and `warm` set, so every statement a store write's
    ///   check runs at COMMIT is compiled and planned before the first save (it writes nothing).
    static var auditEveryWriteGaps: String {
        let tables = RecordKind.allCases.map(AuditedTable.record) + [.pegawai, .units, .progress]
        return auditVerifyScores
            + tables.map { $0.checkFunction }.joined()
            + RecordKind.allCases.map { AuditedTable.record($0).wrapper(replace: true) }.joined()
            + [AuditedTable.pegawai, .units, .progress].map { $0.wrapper(replace: false) + $0.triggers }.joined()
            + auditWarm(tables)
    }

    /// The store's score write marks its employees as scored in this transaction, and the
    /// check verifies the others.
    ///
    /// - `audit_secret`: one random secret, the owner's alone (no grant, row security without a policy).
    /// - `ipasn_put_scores` (the store's checked score write, ``securedScoreFunctions``), for
    ///   a call of at most 64 employees in a transaction that has written: appends to the
    ///   transaction-local setting `ipasn.audit_scored` one token per employee, `md5(secret :
    ///   transaction : nip)`. A role may set the setting but cannot make a token without the
    ///   secret, and a token names one transaction and one employee.
    /// - `ipasn_audit_verify_scores(nips, records, disiplin, diklat)`: the employees without a
    ///   token (a write covered by an audit row written by hand, not followed by the store's score
    ///   write) get the server's figures of the asked parts (pendidikan and SKP; disiplin;
    ///   diklat) in every cached year compared with the cache; any difference (or a missing
    ///   cached row) refreshes their cached scores (``auditEveryWrite``'s `ipasn_audit_refresh_scores`).
    private static var auditVerifyScores: String {
        let arrays = scoreArrays
        let passed = scoreArguments
        return """

        CREATE TABLE audit_secret (
            id     SMALLINT PRIMARY KEY CHECK (id = 1),
            secret TEXT NOT NULL
        );
        INSERT INTO audit_secret VALUES (1, md5(random()::text || clock_timestamp()::text) || md5(random()::text || pg_backend_pid()::text));
        ALTER TABLE audit_secret ENABLE ROW LEVEL SECURITY;
        """
            + revokeWrites(on: ["audit_secret"], writePrivileges + ["SELECT"])
            + """

            CREATE FUNCTION ipasn_audit_note_scored(p_nips text[]) RETURNS void
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                me xid8 := pg_current_xact_id_if_assigned();
                key text;
            BEGIN
                IF me IS NULL OR cardinality(p_nips) = 0 OR cardinality(p_nips) > 64 THEN
                    RETURN;
                END IF;
                SELECT s.secret INTO key FROM audit_secret s WHERE s.id = 1;
                PERFORM set_config('ipasn.audit_scored', COALESCE(current_setting('ipasn.audit_scored', true), '') || ' '
                    || array_to_string(ARRAY(SELECT md5(key || ':' || me::text || ':' || x.nip) FROM unnest(p_nips) AS x(nip)), ' '), true);
            END
            $$;
            REVOKE EXECUTE ON FUNCTION ipasn_audit_note_scored(text[]) FROM PUBLIC;
            CREATE OR REPLACE FUNCTION ipasn_put_scores(entered boolean, \(arrays)) RETURNS bigint
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                PERFORM ipasn_check_scores(entered, \(passed));
                IF NOT entered THEN
                    PERFORM ipasn_audit_note_scored(p_nips);
                END IF;
                RETURN ipasn_put_scores_unchecked(entered, \(passed));
            END
            $$;

            CREATE FUNCTION ipasn_audit_verify_scores(p_nips text[], p_records boolean, p_disiplin boolean, p_diklat boolean)
            RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                years int4[];
                nips text[];
                scored text := COALESCE(current_setting('ipasn.audit_scored', true), '');
                key text;
                me xid8 := pg_current_xact_id_if_assigned();
            BEGIN
                SELECT s.secret INTO key FROM audit_secret s WHERE s.id = 1;
                nips := ARRAY(SELECT DISTINCT x.nip FROM unnest(p_nips) AS x(nip)
                              WHERE x.nip IS NOT NULL AND strpos(scored, md5(key || ':' || me::text || ':' || x.nip)) = 0);
                IF cardinality(nips) = 0 AND cardinality(p_nips) > 0 THEN
                    RETURN;
                END IF;
                years := ARRAY(SELECT y.year FROM score_year y ORDER BY y.year);
                IF EXISTS (SELECT 1 FROM ipasn_server_scores_parts(nips, years, false, p_records, p_disiplin, p_diklat) s
                       LEFT JOIN employee_score c ON c.year = s.year AND c.nip = s.nip
                       WHERE c.nip IS NULL
                          OR (p_records AND (s.kualifikasi, s.kinerja, s.complete, s.missing)
                                            IS DISTINCT FROM (c.kualifikasi, c.kinerja, c.complete, c.missing))
                          OR (p_disiplin AND s.disiplin IS DISTINCT FROM c.disiplin)
                          OR (p_diklat AND s.kompetensi IS DISTINCT FROM c.kompetensi)) THEN
                    PERFORM ipasn_audit_refresh_scores(nips);
                END IF;
            END
            $$;
            REVOKE EXECUTE ON FUNCTION ipasn_audit_verify_scores(text[], boolean, boolean, boolean) FROM PUBLIC;
            """
    }

    /// `ipasn_audit_warm()`: every table's check called with a row of NULLs (no record has a
    /// NULL key, no audit row matches) and `warm` on, which runs (so plans) each lookup the
    /// check of a store write makes and returns before writing; no effect.
    static func auditWarm(_ tables: [AuditedTable], more: [String] = [], replace: Bool = false) -> String {
        let calls = tables.map { "PERFORM ipasn_audit_check_\($0.table)('WARM', NULL::\($0.table), NULL::\($0.table), true);" } + more
        return """

            CREATE\(replace ? " OR REPLACE" : "") FUNCTION ipasn_audit_warm() RETURNS void
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                \(calls.joined(separator: "\n        "))
            END
            $$;
            REVOKE EXECUTE ON FUNCTION ipasn_audit_warm() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION ipasn_audit_warm() TO ipasn_users;
            """
    }
}

/// One table whose writes the deferred audit check covers (``PostgresSchema/auditEveryWriteGaps``):
/// how its rows are named and written in the audit log.
struct AuditedTable {
    /// The table (and the audit row's `entity`).
    var table: String
    /// The audit row's `entity_id` of row variable `r`.
    var key: (String) -> String
    /// The row `r` as the store's audit value, a `jsonb` expression.
    var json: (String) -> String
    /// The columns whose change is a change of the audited value.
    var columns: [String]
    /// The condition finding row `r`'s current version as `t`.
    var same: (String) -> String
    /// The employee's NIP column, when the row belongs to one.
    var nip: String?
    /// The arguments `records, disiplin, diklat` of the score verification; nil: no scores.
    var parts: String?
    /// The store's action of a server-written row; nil: the operation's (`insert`, ...).
    var action: String?
    /// The condition (`me`: the transaction, `k`: the key) under which an import of the
    /// transaction covers an insert or delete (`p_op <> 'UPDATE'`) or any write.
    var importCovers: String
    var importCoversUpdates: Bool

    static func record(_ kind: RecordKind) -> AuditedTable {
        let parts: String
        switch kind {
        case .pendidikan, .skp: parts = "true, false, false"
        case .disiplin: parts = "false, true, false"
        case .diklat: parts = "false, false, true"
        }
        return AuditedTable(
            table: kind.rawValue, key: { "\($0).id::text" }, json: { PostgresSchema.rowJSON(kind, $0) },
            columns: ["id"] + PGRecordRows.columns(kind), same: { "t.id = \($0).id" }, nip: "nip", parts: parts, action: nil,
            importCovers: "ipasn_audit_import_covers('\(kind.rawValue)', k::bigint, me)", importCoversUpdates: false)
    }

    /// An import of `entity` by this role in this transaction, or its undo (a redo is an import row).
    private static func imported(_ entity: String) -> String {
        "EXISTS (SELECT 1 FROM audit i WHERE i.entity = '\(entity)' AND i.entity_id = '' AND i.xact = me "
            + "AND i.actor = session_user AND i.action IN ('import', 'undo'))"
    }

    static var pegawai: AuditedTable {
        AuditedTable(
            table: "pegawai", key: { "\($0).nip" },
            json: { r in
                "jsonb_strip_nulls(jsonb_build_object('nip', \(r).nip, 'nama', \(r).nama, 'kodeUnit', \(r).kode_unit, "
                    + "'jenisJabatan', \(r).jenis_jabatan, 'jenjang', \(r).jenjang, 'status', \(r).status, 'aktif', \(r).aktif <> 0, "
                    + "'keluar', CASE WHEN \(r).keluar_alasan IS NOT NULL THEN jsonb_build_object('alasan', \(r).keluar_alasan, "
                    + "'tanggal', \(r).keluar_tanggal) END, 'tmtUnit', \(r).tmt_unit))"
            },
            columns: ["nip", "nama", "kode_unit", "jenis_jabatan", "jenjang", "status", "aktif", "keluar_alasan", "keluar_tanggal", "tmt_unit"],
            same: { "t.nip = \($0).nip" }, nip: "nip", parts: "true, true, true", action: nil,
            importCovers: imported("pegawai"), importCoversUpdates: true)
    }

    static var units: AuditedTable {
        AuditedTable(
            table: "units", key: { "\($0).kode" },
            json: { r in "jsonb_strip_nulls(jsonb_build_object('kode', \(r).kode, 'nama', \(r).nama, 'induk', \(r).induk))" },
            columns: ["kode", "nama", "induk"], same: { "t.kode = \($0).kode" }, nip: nil, parts: nil, action: nil,
            importCovers: imported("units"), importCoversUpdates: true)
    }

    static var progress: AuditedTable {
        AuditedTable(
            table: "progress", key: { "\($0).unit || '/' || \($0).dimension" }, json: { "to_jsonb(\($0).done <> 0)" },
            columns: ["unit", "dimension", "done", "marked_by", "at"], same: { "t.unit = \($0).unit AND t.dimension = \($0).dimension" },
            nip: nil, parts: nil, action: "progress", importCovers: "false", importCoversUpdates: false)
    }

    /// An audit row of this transaction (`me`) of key `key` whose value is `value` (NULL: gone).
    func covering(_ value: String, key: String = "k") -> String {
        """
        EXISTS (SELECT 1 FROM audit a WHERE a.entity = '\(table)' AND a.entity_id = \(key) AND a.xact = me
                       AND CASE WHEN \(value) IS NULL THEN a.new_value IS NULL
                                WHEN left(a.new_value, 1) IN ('{', 't', 'f') THEN a.new_value::jsonb = \(value) ELSE false END)
        """
    }

    /// The score verification of the row's employees (old and new), when the table has scores.
    private var verify: String {
        guard let nip, let parts else { return "" }
        return "PERFORM ipasn_audit_verify_scores(ARRAY[o.\(nip), n.\(nip)], \(parts));"
    }

    /// `ipasn_audit_check_<table>(op, o, n, warm)`: the check of one written row (see
    /// ``PostgresSchema/auditEveryWrite``), with the values as arguments.
    var checkFunction: String {
        let nipValue = nip.map { "CASE WHEN p_op = 'DELETE' THEN o.\($0) ELSE n.\($0) END" } ?? "NULL"
        let refresh = nip.map { "PERFORM ipasn_audit_refresh_scores(ARRAY[o.\($0), n.\($0)]);" } ?? ""
        let op = importCoversUpdates ? "" : "p_op <> 'UPDATE' AND "
        return """

            CREATE FUNCTION ipasn_audit_check_\(table)(p_op text, o \(table), n \(table), p_warm boolean) RETURNS void
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                me xid8;
                k text;
                now_json jsonb;
                cur_json jsonb;
                old_json jsonb;
            BEGIN
                IF p_warm THEN
                    me := '0'::xid8;
                ELSE
                    me := pg_current_xact_id();
                END IF;
                IF p_op = 'DELETE' THEN
                    k := \(key("o"));
                ELSE
                    k := \(key("n"));
                    now_json := \(json("n"));
                END IF;
                -- The store's own audit row of this row in this transaction (one index probe).
                IF \(covering("now_json")) THEN
                    \(verify)
                    RETURN;
                END IF;
                IF \(op)\(importCovers) THEN
                    RETURN;
                END IF;
                -- The row as it stands at commit (changed again later in the transaction, and audited so).
                IF p_op <> 'DELETE' THEN
                    SELECT \(json("t")) INTO cur_json FROM \(table) t WHERE \(same("n"));
                    IF (FOUND OR p_warm) AND \(covering("cur_json")) THEN
                        \(verify)
                        RETURN;
                    END IF;
                END IF;
                IF p_warm THEN
                    \(verify)
                    RETURN;
                END IF;
                IF p_op <> 'INSERT' THEN
                    old_json := \(json("o"));
                END IF;
                INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value, session)
                VALUES (now(), session_user, \(action.map { "'\($0)'" } ?? "lower(p_op)"), '\(table)', k, \(nipValue),
                        old_json::text, now_json::text, 'sql:' || pg_backend_pid());
                \(refresh)
            END
            $$;
            REVOKE EXECUTE ON FUNCTION ipasn_audit_check_\(table)(text, \(table), \(table), boolean) FROM PUBLIC;
            """
    }

    /// The trigger function: the check of `OLD`/`NEW` (a superuser's rows pass at once).
    func wrapper(replace: Bool) -> String {
        """

        CREATE\(replace ? " OR REPLACE" : "") FUNCTION ipasn_\(table)_audited() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            IF current_setting('is_superuser') <> 'on' THEN
                PERFORM ipasn_audit_check_\(table)(TG_OP, OLD, NEW, false);
            END IF;
            RETURN NULL;
        END
        $$;
        """
    }

    /// The deferred per-row triggers of a table not checked before (as ``PostgresSchema/auditEveryWrite``'s).
    var triggers: String {
        let old = columns.map { "OLD.\($0)" }.joined(separator: ", ")
        let new = columns.map { "NEW.\($0)" }.joined(separator: ", ")
        return """

            DO $$
            DECLARE
                owner text := (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'public.\(table)'::regclass);
            BEGIN
                EXECUTE format('CREATE CONSTRAINT TRIGGER \(table)_audited_insert AFTER INSERT ON \(table) DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (session_user <> %L) EXECUTE FUNCTION ipasn_\(table)_audited()', owner);
                EXECUTE format('CREATE CONSTRAINT TRIGGER \(table)_audited_update AFTER UPDATE ON \(table) DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (session_user <> %L AND (\(old)) IS DISTINCT FROM (\(new))) EXECUTE FUNCTION ipasn_\(table)_audited()', owner);
                EXECUTE format('CREATE CONSTRAINT TRIGGER \(table)_audited_delete AFTER DELETE ON \(table) DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (session_user <> %L) EXECUTE FUNCTION ipasn_\(table)_audited()', owner);
            END
            $$;
            """
    }
}
