import Foundation
import IPASNCore

extension PostgresSchema {
    /// Migration `2026-12-01-pgaudit` (issue 12, user test 5): every write of a record row by
    /// an account's own role is audited, whoever sends it, ipasn or `psql`.
    ///
    /// Before it, the store wrote each change's audit row itself, as a separate `INSERT INTO
    /// audit`: an admin's `psql` `UPDATE diklat SET jp = 99` on a record of their own unit (row
    /// security lets it through) left no audit row, no live refresh, and a stale cached score.
    ///
    /// - `audit.xact`: the writing transaction (`pg_current_xact_id()`, the top-level id, also
    ///   inside a savepoint), filled by default; it tells the rows of this transaction apart.
    /// - `<table>_audited` on each record table: a DEFERRED constraint trigger per row (insert,
    ///   delete, and an update that changes the row's data, not only its export versions), so
    ///   it runs at COMMIT, after every statement of the transaction, whatever order the store
    ///   wrote its record and its audit row in. It passes the row when the transaction holds
    ///   an audit row of that record that says what the row became (``rowJSON(_:_:)``: the row as
    ///   the store's audit JSON, compared as `jsonb`, so a hand-written audit row that does not
    ///   tell the truth does not pass), or for an insert or delete, an import, its undo or its
    ///   redo of that kind by the same role whose id range holds the row. Otherwise it writes
    ///   the audit row itself (the session's role as actor, `insert` / `update` / `delete`,
    ///   the old and new row as the store's JSON, session `sql:<backend pid>`), which fires the
    ///   live refresh like any audit row, and refreshes the touched employees' cached scores
    ///   for every cached year with the server's own scorer (`ipasn_server_scores`), so the
    ///   cache is right at commit.
    /// - The trigger does not fire for the schema's owner (`WHEN (session_user <> owner)`: the
    ///   database copy of `ipasn migrate`, the server administrator) and returns at once for
    ///   a superuser.
    /// - The bulk import (``bulkImportSetting`` on for its one `INSERT ... SELECT`) is not
    ///   checked row by row (a million deferred events): a statement trigger notes the
    ///   transaction in `audit_bulk_pending`, and a deferred check at COMMIT refuses it (42501)
    ///   unless the transaction holds that role's import audit row of the kind. Setting the
    ///   flag by hand without an import row is refused; with a hand-written import row, the
    ///   log names the role and the kind but not each row (``docs/store.md``).
    ///
    /// Nobody but the owner writes `audit_bulk_pending`; the functions are the owner's.
    static var auditEveryWrite: String {
        """
        ALTER TABLE audit ADD COLUMN xact xid8;
        ALTER TABLE audit ALTER COLUMN xact SET DEFAULT pg_current_xact_id();

        CREATE TABLE audit_bulk_pending (
            xact  xid8 NOT NULL,
            kind  TEXT NOT NULL,
            actor TEXT NOT NULL,
            PRIMARY KEY (xact, kind)
        );
        ALTER TABLE audit_bulk_pending ENABLE ROW LEVEL SECURITY;
        """
            + revokeWrites(on: ["audit_bulk_pending"], writePrivileges + ["SELECT"])
            + """

            -- Whether an import of `p_kind` by this role in this transaction (`p_me`), or its undo
            -- (its redo is an `import` row too), holds record `p_id` in its id range.
            CREATE FUNCTION ipasn_audit_import_covers(p_kind text, p_id bigint, p_me xid8) RETURNS boolean
            LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                RETURN EXISTS (
                    SELECT 1 FROM audit a LEFT JOIN audit i ON a.action = 'undo' AND i.id = a.undoes
                    WHERE a.entity = p_kind AND a.entity_id = '' AND a.xact = p_me AND a.actor = session_user
                      AND a.action IN ('import', 'undo')
                      AND p_id BETWEEN (ipasn_import_ids(COALESCE(i.new_value, a.new_value)))[1]
                                   AND (ipasn_import_ids(COALESCE(i.new_value, a.new_value)))[2]);
            END
            $$;

            -- The audit row of a write no audit row of the transaction covers, and the touched
            -- employees' cached scores as the server computes them.
            CREATE FUNCTION ipasn_audit_write(p_op text, p_kind text, p_id bigint, p_old_nip text, p_new_nip text,
                p_old jsonb, p_new jsonb) RETURNS void
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                INSERT INTO audit(at, actor, action, entity, entity_id, nip, old_value, new_value, session)
                VALUES (now(), session_user, lower(p_op), p_kind, p_id::text, COALESCE(p_new_nip, p_old_nip),
                        p_old::text, p_new::text, 'sql:' || pg_backend_pid());
                PERFORM ipasn_audit_refresh_scores(ARRAY[p_old_nip, p_new_nip]);
            END
            $$;

            -- Every cached year's score of `p_nips` as the server's scorer gives it (a row that
            -- already holds it is left alone), and their scores as entered when a rejected
            -- record is left out, as the store's save writes them.
            CREATE FUNCTION ipasn_audit_refresh_scores(p_nips text[]) RETURNS void
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                years int4[] := ARRAY(SELECT s.year FROM score_year s ORDER BY s.year);
                nips text[] := ARRAY(SELECT p.nip FROM pegawai p WHERE p.nip = ANY(p_nips));
                rejected text[];
            BEGIN
                IF cardinality(years) = 0 OR cardinality(nips) = 0 THEN
                    RETURN;
                END IF;
                \(upsertServerScores("employee_score", nips: "nips", entered: false))
                DELETE FROM employee_score_entered e WHERE e.nip = ANY(nips);
                IF NOT (SELECT p.rejected_count FROM score_params p WHERE p.id = 1) THEN
                    rejected := ARRAY(\(RecordKind.allCases.map { kind in
                        "SELECT r.nip FROM \(kind.rawValue) r JOIN verification v ON v.kind = '\(kind.rawValue)' AND v.record_id = r.id "
                            + "AND v.status = 'tidak' WHERE r.nip = ANY(nips)"
                    }.joined(separator: " UNION ")));
                    IF cardinality(rejected) > 0 THEN
                        \(upsertServerScores("employee_score_entered", nips: "rejected", entered: true))
                    END IF;
                END IF;
            END
            $$;

            -- An import's rows written with the bulk flag: its audit row must be in the transaction.
            CREATE FUNCTION ipasn_audit_bulk_noted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                IF current_setting('is_superuser') <> 'on' THEN
                    INSERT INTO audit_bulk_pending(xact, kind, actor) VALUES (pg_current_xact_id(), TG_TABLE_NAME, session_user)
                        ON CONFLICT DO NOTHING;
                END IF;
                RETURN NULL;
            END
            $$;
            CREATE FUNCTION ipasn_audit_bulk_check() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                IF NOT EXISTS (
                    SELECT 1 FROM audit a WHERE a.entity = NEW.kind AND a.entity_id = '' AND a.xact = NEW.xact
                      AND a.actor = NEW.actor AND a.action = 'import')
                THEN
                    RAISE EXCEPTION 'refused: % rows were inserted with % on, but the transaction wrote no import audit row of %: a write outside ipasn is audited row by row, so leave the setting off',
                        NEW.kind, '\(bulkImportSetting)', NEW.kind USING ERRCODE = '42501';
                END IF;
                DELETE FROM audit_bulk_pending p WHERE p.xact = NEW.xact AND p.kind = NEW.kind;
                RETURN NULL;
            END
            $$;
            CREATE CONSTRAINT TRIGGER audit_bulk_pending_check AFTER INSERT ON audit_bulk_pending
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ipasn_audit_bulk_check();
            REVOKE EXECUTE ON FUNCTION ipasn_audit_write(text, text, bigint, text, text, jsonb, jsonb),
                ipasn_audit_refresh_scores(text[]) FROM PUBLIC;
            """
            + recordTables.map { table, _ in auditTriggers(table) }.joined()
    }

    /// A record table's deferred per-row audit check and its bulk statement trigger (see
    /// ``auditEveryWrite``). The owner's name goes into the `WHEN` (a `DO` block reads it).
    private static func auditTriggers(_ table: String) -> String {
        let kind = RecordKind(rawValue: table)!
        let columns = ["id"] + PGRecordRows.columns(kind)
        let old = columns.map { "OLD.\($0)" }.joined(separator: ", ")
        let new = columns.map { "NEW.\($0)" }.joined(separator: ", ")
        let notOwner = "session_user <> %L"
        let bulkOff = "current_setting(%L, true) IS DISTINCT FROM ''on''"
        return """

            CREATE FUNCTION ipasn_\(table)_audited() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                me xid8;
                rid bigint;
                now_json jsonb;
                old_json jsonb;
                cur \(table)%ROWTYPE;
            BEGIN
                IF current_setting('is_superuser') = 'on' THEN
                    RETURN NULL;
                END IF;
                IF TG_OP = 'DELETE' THEN
                    rid := OLD.id;
                ELSE
                    rid := NEW.id;
                    now_json := \(rowJSON(kind, "NEW"));
                END IF;
                me := pg_current_xact_id();
                -- The store's own audit row of this record in this transaction (one index probe).
                IF EXISTS (SELECT 1 FROM audit a WHERE a.entity = '\(table)' AND a.entity_id = rid::text AND a.xact = me
                           AND CASE WHEN now_json IS NULL THEN a.new_value IS NULL
                                    WHEN left(a.new_value, 1) = '{' THEN a.new_value::jsonb = now_json ELSE false END) THEN
                    RETURN NULL;
                END IF;
                IF TG_OP <> 'UPDATE' AND ipasn_audit_import_covers('\(table)', rid, me) THEN
                    RETURN NULL;
                END IF;
                -- The row as it stands at commit (changed again later in the transaction, and audited so).
                IF TG_OP <> 'DELETE' THEN
                    SELECT * INTO cur FROM \(table) t WHERE t.id = rid;
                    IF FOUND AND EXISTS (SELECT 1 FROM audit a WHERE a.entity = '\(table)' AND a.entity_id = rid::text AND a.xact = me
                                         AND left(a.new_value, 1) = '{' AND a.new_value::jsonb = \(rowJSON(kind, "cur"))) THEN
                        RETURN NULL;
                    END IF;
                END IF;
                IF TG_OP <> 'INSERT' THEN
                    old_json := \(rowJSON(kind, "OLD"));
                END IF;
                PERFORM ipasn_audit_write(TG_OP, '\(table)', rid, CASE WHEN TG_OP <> 'INSERT' THEN OLD.nip END,
                    CASE WHEN TG_OP <> 'DELETE' THEN NEW.nip END, old_json, now_json);
                RETURN NULL;
            END
            $$;
            DO $$
            DECLARE
                owner text := (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'public.\(table)'::regclass);
            BEGIN
                EXECUTE format('CREATE CONSTRAINT TRIGGER \(table)_audited_insert AFTER INSERT ON \(table) DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (\(notOwner) AND \(bulkOff)) EXECUTE FUNCTION ipasn_\(table)_audited()', owner, '\(bulkImportSetting)');
                EXECUTE format('CREATE CONSTRAINT TRIGGER \(table)_audited_update AFTER UPDATE ON \(table) DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (\(notOwner) AND (\(old)) IS DISTINCT FROM (\(new))) EXECUTE FUNCTION ipasn_\(table)_audited()', owner);
                EXECUTE format('CREATE CONSTRAINT TRIGGER \(table)_audited_delete AFTER DELETE ON \(table) DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (\(notOwner)) EXECUTE FUNCTION ipasn_\(table)_audited()', owner);
                EXECUTE format('CREATE TRIGGER \(table)_audited_bulk AFTER INSERT ON \(table) FOR EACH STATEMENT
                    WHEN (\(notOwner) AND NOT (\(bulkOff))) EXECUTE FUNCTION ipasn_audit_bulk_noted()', owner, '\(bulkImportSetting)');
            END
            $$;
            """
    }

    /// `INSERT ... ON CONFLICT` of the server's scores of `nips` (a PL/pgSQL array) for `years` into `table`.
    private static func upsertServerScores(_ table: String, nips: String, entered: Bool) -> String {
        let columns = "year, nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing"
        return """
            INSERT INTO \(table) AS s (\(columns))
                    SELECT n.year, n.nip, n.kualifikasi, n.kompetensi, n.kinerja, n.disiplin, n.complete, n.missing
                    FROM ipasn_server_scores(\(nips), years, \(entered)) n
                    ON CONFLICT (year, nip) DO UPDATE SET kualifikasi = excluded.kualifikasi, kompetensi = excluded.kompetensi,
                        kinerja = excluded.kinerja, disiplin = excluded.disiplin, complete = excluded.complete, missing = excluded.missing
                    WHERE (s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.complete, s.missing)
                        IS DISTINCT FROM (excluded.kualifikasi, excluded.kompetensi, excluded.kinerja, excluded.disiplin,
                            excluded.complete, excluded.missing);
            """
    }

    /// A record row (the PL/pgSQL row variable `row`) as the store's audit JSON of it
    /// (``StoreCodec``'s `recordJSON`: the record's fields, its `id` and `kind`; a nil optional
    /// left out), as a `jsonb` expression, so that it compares equal to the store's text
    /// parsed, whatever its key order and spacing. The diklat jenis carries its SIASN name
    /// (``JenisDiklat/all``). Written into each trigger function (no function call per row).
    static func rowJSON(_ kind: RecordKind, _ row: String) -> String {
        let r = row
        let fields: String
        switch kind {
        case .pendidikan:
            fields = "'tingkat', \(r).tingkat, 'tanggalLulus', \(r).tanggal_lulus, 'namaSekolah', \(r).nama_sekolah, 'jurusan', \(r).jurusan"
        case .diklat:
            let names = JenisDiklat.all.map { "'\($0.nama.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
            fields =
                "'jenis', jsonb_build_object('id', \(r).jenis, 'nama', (ARRAY[\(names)]::text[])[\(r).jenis]), 'tingkat', \(r).tingkat, "
                + "'nama', \(r).nama, 'penyelenggara', \(r).penyelenggara, 'tanggalMulai', \(r).tanggal_mulai, "
                + "'tanggalSelesai', \(r).tanggal_selesai, 'jp', \(r).jp, 'nomorSertifikat', \(r).nomor_sertifikat, "
                + "'sesuaiJabatan', \(r).sesuai_jabatan <> 0"
        case .skp: fields = "'tahun', \(r).tahun, 'predikat', \(r).predikat, 'nilai', \(r).nilai"
        case .disiplin: fields = "'tingkat', \(r).tingkat, 'tmt', \(r).tmt, 'jenis', \(r).jenis"
        }
        return "jsonb_strip_nulls(jsonb_build_object('id', \(r).id, 'kind', '\(kind.rawValue)', 'nip', \(r).nip, \(fields)))"
    }
}
