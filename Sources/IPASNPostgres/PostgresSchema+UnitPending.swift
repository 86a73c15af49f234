import IPASNCore

extension PostgresSchema {
    /// Per-unit pending counts (as SQLite's `2026-11-30-recompute2`, ``UnitPendingStore``):
    /// `unit_pending_counts` holds, per unit (its own employees) and record kind, how many
    /// records no SIASN batch holds the current version of. Statement-level triggers with
    /// transition tables keep it current in the writing transaction: a record statement adds
    /// its new pending rows and subtracts its old ones at their employees' units; an employee
    /// statement moves the pending records of the employees it inserted, deleted or changed.
    /// Every change is a signed delta summed per (unit, kind) in one upsert; an update that
    /// changes nothing pending cancels out (no row written).
    /// Which pending rule a piece of SQL is made for (as SQLite's ``UnitPendingCounts/Rule``).
    enum PendingRule {
        /// `2026-11-30-recompute2` as it was written: every unsent record is pending.
        case tracking
        /// From `2026-11-30-skp2022` on (the rule in force): an SKP before 2022 is never pending.
        case skp2022
    }

    /// THE pending rule for a row alias (empty: the bare columns, an index's `WHERE`).
    static func pending(_ r: String, _ kind: RecordKind, rule: PendingRule = .skp2022) -> String {
        let p = r.isEmpty ? "" : "\(r)."
        let unsent = "\(p)sent_no IS DISTINCT FROM \(p)change_no"
        guard rule == .skp2022, kind == .skp else { return unsent }
        return "\(unsent) AND \(p)tahun >= \(SKPSiasn.firstYear)"
    }

    /// Signed pending counts of the record rows `rows` (alias r) at their employees' units.
    private static func recordDeltas(_ kind: RecordKind, _ rows: String, sign: String, rule: PendingRule) -> String {
        """
        SELECT p.kode_unit, '\(kind.rawValue)'::text, \(sign) * COUNT(*) FROM \(rows) r JOIN pegawai p ON p.nip = r.nip
        WHERE \(pending("r", kind, rule: rule)) GROUP BY p.kode_unit
        """
    }

    /// Signed pending counts of every kind (or `only` one) of the employees `people` (alias p).
    private static func employeeDeltas(_ people: String, sign: String, rule: PendingRule, only: RecordKind? = nil) -> String {
        RecordKind.allCases.filter { only == nil || $0 == only }.map { kind -> String in
            """
            SELECT p.kode_unit, '\(kind.rawValue)'::text, \(sign) * COUNT(*) FROM \(kind.rawValue) r JOIN \(people) p ON p.nip = r.nip
            WHERE \(pending("r", kind, rule: rule)) GROUP BY p.kode_unit
            """
        }.joined(separator: " UNION ALL ")
    }

    private static func apply(_ deltas: String) -> String {
        """
        INSERT INTO unit_pending_counts(kode_unit, kind, pending)
            SELECT d.kode_unit, d.kind, SUM(d.n) FROM (\(deltas)) AS d(kode_unit, kind, n)
            GROUP BY d.kode_unit, d.kind HAVING SUM(d.n) <> 0
            ON CONFLICT (kode_unit, kind) DO UPDATE SET pending = unit_pending_counts.pending + excluded.pending;
        """
    }

    private static func function(_ name: String, _ body: String, replace: Bool = false) -> String {
        """
        CREATE \(replace ? "OR REPLACE " : "")FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            \(body)
            RETURN NULL;
        END
        $$;
        """
    }

    /// The trigger functions of one record table.
    private static func recordFunctions(_ kind: RecordKind, rule: PendingRule, replace: Bool = false) -> String {
        let t = kind.rawValue
        return """
            \(function("ipasn_pending_\(t)_insert", apply(recordDeltas(kind, "new_rows", sign: "1", rule: rule)), replace: replace))
            \(function("ipasn_pending_\(t)_delete", apply(recordDeltas(kind, "old_rows", sign: "-1", rule: rule)), replace: replace))
            \(function("ipasn_pending_\(t)_update", apply(recordDeltas(kind, "new_rows", sign: "1", rule: rule) + " UNION ALL " + recordDeltas(kind, "old_rows", sign: "-1", rule: rule)), replace: replace))
            """
    }

    /// The trigger functions on `pegawai` (they count every kind).
    private static func employeeFunctions(rule: PendingRule, replace: Bool = false) -> String {
        """
        \(function("ipasn_pending_pegawai_insert", apply(employeeDeltas("new_people", sign: "1", rule: rule)), replace: replace))
        \(function("ipasn_pending_pegawai_delete", apply(employeeDeltas("old_people", sign: "-1", rule: rule)), replace: replace))
        \(function("ipasn_pending_pegawai_update", apply(employeeDeltas("new_people", sign: "1", rule: rule) + " UNION ALL " + employeeDeltas("old_people", sign: "-1", rule: rule)), replace: replace))
        """
    }

    /// As SQLite's `2026-11-30-skp2022` (``SKPSiasn``): an SKP before 2022 is never pending.
    /// The SKP table's and the employees' trigger functions are replaced (same names, owners
    /// and grants; the statement triggers compare whole transition tables, so a change of
    /// `tahun` moves the count with no new trigger), the partial index `skp_pending` made
    /// again, and the SKP counts of the records already stored recounted.
    static var skp2022: String {
        """
        \(recordFunctions(.skp, rule: .skp2022, replace: true))
        \(employeeFunctions(rule: .skp2022, replace: true))
        DROP INDEX skp_pending;
        CREATE INDEX skp_pending ON skp(nip) WHERE \(pending("", .skp));
        DELETE FROM unit_pending_counts WHERE kind = 'skp';
        INSERT INTO unit_pending_counts(kode_unit, kind, pending)
            SELECT d.kode_unit, d.kind, d.n FROM (\(employeeDeltas("pegawai", sign: "1", rule: .skp2022, only: .skp))) AS d(kode_unit, kind, n);
        """
    }

    static var unitPending: String {
        // Typed String: left to inference, the literal became GRDB's `SQL` (its description, not the text).
        let records: String = RecordKind.allCases.map { kind -> String in
            let t = kind.rawValue
            return """
                \(recordFunctions(kind, rule: .tracking))
                CREATE TRIGGER \(t)_unit_pending_insert AFTER INSERT ON \(t) REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_pending_\(t)_insert();
                CREATE TRIGGER \(t)_unit_pending_delete AFTER DELETE ON \(t) REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_pending_\(t)_delete();
                CREATE TRIGGER \(t)_unit_pending_update AFTER UPDATE ON \(t) REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_pending_\(t)_update();
                """
        }.joined(separator: "\n")
        return """
            CREATE TABLE unit_pending_counts (
                kode_unit TEXT COLLATE "C" NOT NULL,
                kind      TEXT COLLATE "C" NOT NULL,
                pending   BIGINT NOT NULL,
                PRIMARY KEY (kode_unit, kind)
            );
            ALTER TABLE unit_pending_counts ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON unit_pending_counts FOR SELECT USING (true);

            \(records)
            \(employeeFunctions(rule: .tracking))
            CREATE TRIGGER unit_pending_pegawai_insert AFTER INSERT ON pegawai REFERENCING NEW TABLE AS new_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_pending_pegawai_insert();
            CREATE TRIGGER unit_pending_pegawai_delete AFTER DELETE ON pegawai REFERENCING OLD TABLE AS old_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_pending_pegawai_delete();
            CREATE TRIGGER unit_pending_pegawai_update AFTER UPDATE ON pegawai REFERENCING OLD TABLE AS old_people NEW TABLE AS new_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_pending_pegawai_update();

            INSERT INTO unit_pending_counts(kode_unit, kind, pending)
                SELECT d.kode_unit, d.kind, d.n FROM (\(employeeDeltas("pegawai", sign: "1", rule: .tracking))) AS d(kode_unit, kind, n);
            """
    }
}
