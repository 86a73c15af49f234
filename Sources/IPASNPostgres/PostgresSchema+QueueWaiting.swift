import IPASNCore
import IPASNStore

extension PostgresSchema {
    /// The tables of the kept waiting counts: read by every account (`queue_gone` by nobody
    /// but the owner), written only by the owner's trigger functions.
    static let queueWaitingTables = ["queue_waiting", "queue_gone"]

    /// Adds the summed `deltas` (`kode_unit, kind, n`) to `queue_waiting`.
    private static func applyWaiting(_ deltas: String) -> String {
        """
        INSERT INTO queue_waiting(kode_unit, kind, waiting)
                SELECT d.kode_unit, d.kind, SUM(d.n) FROM (\(deltas)) AS d(kode_unit, kind, n)
                GROUP BY d.kode_unit, d.kind HAVING SUM(d.n) <> 0
                ON CONFLICT (kode_unit, kind) DO UPDATE SET waiting = queue_waiting.waiting + excluded.waiting;
        """
    }

    private static func waitingFunction(_ name: String, _ body: String) -> String {
        """
        CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            \(body)
            RETURN NULL;
        END
        $$;
        """
    }

    /// Signed waiting counts of the record rows `rows` (alias r) of `kind` at their employees' units.
    private static func recordWaiting(_ kind: RecordKind, _ rows: String, sign: String, extra: String = "") -> String {
        """
        SELECT p.kode_unit, '\(kind.rawValue)'::text, \(sign) * COUNT(*) FROM \(rows) r JOIN pegawai p ON p.nip = r.nip
                WHERE \(QueueWaiting.waiting(kind)) \(extra) GROUP BY p.kode_unit
        """
    }

    /// Signed waiting counts of every kind of the employees `people` (alias p: nip, kode_unit, aktif).
    private static func employeeWaiting(_ people: String, sign: String) -> String {
        RecordKind.allCases.map { kind in
            """
            SELECT p.kode_unit, '\(kind.rawValue)'::text, \(sign) * COUNT(*) FROM \(kind.rawValue) r JOIN \(people) p ON p.nip = r.nip
                    WHERE \(QueueWaiting.waiting(kind)) GROUP BY p.kode_unit
            """
        }.joined(separator: " UNION ALL ")
    }

    /// The employees of `a` whose `nip`, `kode_unit` or `aktif` is not the same in `b` (an
    /// update's old or new side that changes a count).
    private static func changedPeople(_ a: String, _ b: String) -> String {
        """
        (SELECT x.nip, x.kode_unit, x.aktif FROM \(a) x WHERE NOT EXISTS (
                SELECT 1 FROM \(b) y WHERE y.nip = x.nip AND y.kode_unit = x.kode_unit AND y.aktif = x.aktif))
        """
    }

    /// Migration `2026-11-30-pgqueue2` (issue 12): the verifikator queue's kept waiting counts
    /// (``QueueWaiting``, as SQLite's ``QueueWaitingSchema``), filled once from the records.
    ///
    /// PostgreSQL fires `AFTER` triggers at the end of their statement, the row ones first,
    /// so a record statement's own trigger would see the verdicts its row triggers
    /// (`<table>_verification_changed`, `<table>_verification_deleted`) already reset or
    /// removed. Each change is therefore counted where its state is still known:
    /// - records inserted (statement trigger, `new_rows`): +1 per waiting row; an import's
    ///   `INSERT ... SELECT` is one set-based statement;
    /// - a verdict row inserted, deleted, or its status crossing between `belum` and a
    ///   verdict (row trigger on `verification`, called only for such rows by its `WHEN`):
    ///   the record leaves or joins its unit's count. A verdict deleted because its record
    ///   was (the record is gone, its unit unknown) is noted in `queue_gone` instead;
    /// - records deleted (statement trigger, `old_rows`): -1 per waiting row, where rows in
    ///   `queue_gone` had a verdict (not waiting; their notes are removed) and rows whose
    ///   verdict still exists are not waiting either;
    /// - a record moved to another employee (`nip`; never done by ipasn itself): a `BEFORE
    ///   UPDATE` row trigger, before the verdict reset, moves it between units;
    /// - employees inserted, deleted or changed in `nip`, `kode_unit` or `aktif` (statement
    ///   triggers; an update counts only the employees whose three columns changed).
    ///
    /// Security as the other derived tables: row-level security with a read policy on
    /// `queue_waiting`, no write privilege for anyone but the owner (``revokeWrites(on:_:)``),
    /// the functions `SECURITY DEFINER` with a fixed search path, and the two helper functions
    /// (`ipasn_queue_add`, `ipasn_queue_record_nip`) executable by the owner alone.
    static var queueWaiting: String {
        let records = RecordKind.allCases.map { kind -> String in
            let t = kind.rawValue
            let gone = "AND NOT EXISTS (SELECT 1 FROM queue_gone g WHERE g.kind = '\(t)' AND g.record_id = r.id)"
            let forget = """

                    IF EXISTS (SELECT 1 FROM queue_gone WHERE kind = '\(t)') THEN
                        DELETE FROM queue_gone g USING old_rows r WHERE g.kind = '\(t)' AND g.record_id = r.id;
                    END IF;
                """
            let deleted = applyWaiting(recordWaiting(kind, "old_rows", sign: "-1", extra: gone)) + forget
            return """
                \(waitingFunction("ipasn_queue_\(t)_insert", applyWaiting(recordWaiting(kind, "new_rows", sign: "1"))))
                \(waitingFunction("ipasn_queue_\(t)_delete", deleted))
                CREATE TRIGGER \(t)_queue_insert AFTER INSERT ON \(t) REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_queue_\(t)_insert();
                CREATE TRIGGER \(t)_queue_delete AFTER DELETE ON \(t) REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_queue_\(t)_delete();
                CREATE TRIGGER \(t)_queue_moved BEFORE UPDATE OF id, nip ON \(t) FOR EACH ROW
                    WHEN (OLD.nip IS DISTINCT FROM NEW.nip OR OLD.id IS DISTINCT FROM NEW.id)
                    EXECUTE FUNCTION ipasn_queue_record_moved();
                """
        }.joined(separator: "\n")
        let nipOf = RecordKind.allCases.map { kind in
            "IF p_kind = '\(kind.rawValue)' THEN RETURN (SELECT nip FROM \(kind.rawValue) WHERE id = p_id); END IF;"
        }.joined(separator: "\n        ")
        let decidedOld = "(OLD.status <> 'belum')"
        let decidedNew = "(NEW.status <> 'belum')"
        return """
            CREATE TABLE queue_waiting (
                kode_unit TEXT COLLATE "C" NOT NULL,
                kind      TEXT COLLATE "C" NOT NULL,
                waiting   BIGINT NOT NULL,
                PRIMARY KEY (kode_unit, kind)
            );
            CREATE TABLE queue_gone (
                kind      TEXT COLLATE "C" NOT NULL,
                record_id BIGINT NOT NULL,
                PRIMARY KEY (kind, record_id)
            );
            ALTER TABLE queue_waiting ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON queue_waiting FOR SELECT USING (true);
            ALTER TABLE queue_gone ENABLE ROW LEVEL SECURITY;

            -- `p_n` at the unit of employee `p_nip` for `p_kind`, when the employee is active.
            CREATE FUNCTION ipasn_queue_add(p_nip text, p_kind text, p_n bigint) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                INSERT INTO queue_waiting(kode_unit, kind, waiting)
                    SELECT p.kode_unit, p_kind, p_n FROM pegawai p WHERE p.nip = p_nip AND p.aktif = 1
                    ON CONFLICT (kode_unit, kind) DO UPDATE SET waiting = queue_waiting.waiting + excluded.waiting;
            END
            $$;
            -- The NIP of a record, null when it does not exist.
            CREATE FUNCTION ipasn_queue_record_nip(p_kind text, p_id bigint) RETURNS text
            LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                \(nipOf)
                RETURN NULL;
            END
            $$;
            -- A verdict row's change (only those that change a count: see the trigger's WHEN).
            CREATE FUNCTION ipasn_queue_verdict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            DECLARE
                n text;
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    IF \(decidedOld) THEN
                        n := ipasn_queue_record_nip(OLD.kind, OLD.record_id);
                        IF n IS NOT NULL THEN
                            PERFORM ipasn_queue_add(n, OLD.kind, 1);
                        ELSIF TG_OP = 'DELETE' THEN
                            INSERT INTO queue_gone(kind, record_id) VALUES (OLD.kind, OLD.record_id) ON CONFLICT DO NOTHING;
                        END IF;
                    END IF;
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    IF \(decidedNew) THEN
                        n := ipasn_queue_record_nip(NEW.kind, NEW.record_id);
                        IF n IS NOT NULL THEN
                            PERFORM ipasn_queue_add(n, NEW.kind, -1);
                        END IF;
                    END IF;
                END IF;
                RETURN NULL;
            END
            $$;
            CREATE TRIGGER verification_queue_insert AFTER INSERT ON verification FOR EACH ROW
                WHEN \(decidedNew) EXECUTE FUNCTION ipasn_queue_verdict();
            CREATE TRIGGER verification_queue_delete AFTER DELETE ON verification FOR EACH ROW
                WHEN \(decidedOld) EXECUTE FUNCTION ipasn_queue_verdict();
            CREATE TRIGGER verification_queue_update AFTER UPDATE ON verification FOR EACH ROW
                WHEN (\(decidedOld) IS DISTINCT FROM \(decidedNew) OR OLD.kind IS DISTINCT FROM NEW.kind
                      OR OLD.record_id IS DISTINCT FROM NEW.record_id)
                EXECUTE FUNCTION ipasn_queue_verdict();
            -- A record moved to another employee, before the row changes (its verdict is still the old one).
            CREATE FUNCTION ipasn_queue_record_moved() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM verification v WHERE v.kind = TG_TABLE_NAME AND v.record_id = OLD.id AND v.status <> 'belum') THEN
                    PERFORM ipasn_queue_add(OLD.nip, TG_TABLE_NAME, -1);
                END IF;
                IF NOT EXISTS (SELECT 1 FROM verification v WHERE v.kind = TG_TABLE_NAME AND v.record_id = NEW.id AND v.status <> 'belum') THEN
                    PERFORM ipasn_queue_add(NEW.nip, TG_TABLE_NAME, 1);
                END IF;
                RETURN NEW;
            END
            $$;
            \(records)
            \(waitingFunction("ipasn_queue_pegawai_insert", applyWaiting(employeeWaiting("new_people", sign: "1"))))
            \(waitingFunction("ipasn_queue_pegawai_delete", applyWaiting(employeeWaiting("old_people", sign: "-1"))))
            \(waitingFunction("ipasn_queue_pegawai_update", applyWaiting(
                employeeWaiting(changedPeople("new_people", "old_people"), sign: "1") + " UNION ALL "
                    + employeeWaiting(changedPeople("old_people", "new_people"), sign: "-1"))))
            CREATE TRIGGER queue_waiting_pegawai_insert AFTER INSERT ON pegawai REFERENCING NEW TABLE AS new_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_queue_pegawai_insert();
            CREATE TRIGGER queue_waiting_pegawai_delete AFTER DELETE ON pegawai REFERENCING OLD TABLE AS old_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_queue_pegawai_delete();
            CREATE TRIGGER queue_waiting_pegawai_update AFTER UPDATE ON pegawai REFERENCING OLD TABLE AS old_people NEW TABLE AS new_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_queue_pegawai_update();

            -- Called by the owner's trigger functions only (no account plants a count through them).
            REVOKE EXECUTE ON FUNCTION ipasn_queue_add(text, text, bigint), ipasn_queue_record_nip(text, bigint) FROM PUBLIC;

            INSERT INTO queue_waiting(kode_unit, kind, waiting) \(QueueWaiting.freshSQL());
            """ + revokeWrites(on: queueWaitingTables, writePrivileges)
    }
}
