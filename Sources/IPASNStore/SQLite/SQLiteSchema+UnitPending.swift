import GRDB
import IPASNCore

/// Per-unit counts of records not yet sent to SIASN, kept current (migration
/// `2026-11-30-recompute2`, issue 14).
///
/// `unit_pending_counts` holds, per unit and record kind, how many records of the unit's OWN
/// employees are pending: no SIASN batch holds their current version
/// (``SQLiteStore/pendingCondition(_:)``: `sent_no IS NOT change_no`), exactly what
/// ``SQLiteStore/pendingCounts()`` counts by reading every unsent record (0.4-0.8 s at
/// province scale when nothing was sent yet). The dashboard reads these few hundred rows on
/// every open instead (``UnitPendingStore/unitPendingCounts()``).
///
/// **Why triggers.** As ``UnitScoreTotals``: maintained in ONE place, whatever code path
/// writes (a save, an undo, an import, an export marking records sent, a correction making a
/// sent record pending again, a mutasi moving an employee), in the writing transaction:
///
/// - a record inserted pending adds 1 at its employee's unit, one deleted pending subtracts 1;
/// - a record updated (its versions or its employee changed) subtracts its old state and adds
///   its new one (each only when pending);
/// - an employee inserted, deleted or moved to another unit (or renamed by NIP) moves the
///   counts of that employee's pending records between units.
///
/// Every change is a signed delta, so the order in which SQLite fires several triggers of one
/// statement (the export-tracking ones update the row again) does not matter: the sum is
/// the same. Records of a NIP with no employee (possible only with foreign keys off) count
/// nowhere, as in ``SQLiteStore/pendingCounts()``. Rows falling to 0 stay and are left out by
/// the reader. The bulk import drops the insert triggers and adds the imported rows grouped
/// by unit instead (``BulkImportTriggers/pendingInsertTrigger(_:)``).
enum UnitPendingCounts {
    /// Which pending rule a piece of SQL is made for.
    enum Rule {
        /// `2026-11-30-recompute2` as it was written: every unsent record is pending.
        case tracking
        /// From `2026-11-30-skp2022` on (the rule in force): an SKP before 2022 is never
        /// pending (``SKPSiasn``: SIASN takes SKP from 2022 on).
        case skp2022
    }

    /// The record table's pending test for a row alias (`new`, `old`, `r`) under `rule`:
    /// THE pending rule (``SQLiteStore/pendingCondition(_:_:)`` is this with the rule in force).
    /// An empty alias gives the bare columns (an index's `WHERE`).
    static func pending(_ r: String, _ kind: RecordKind, rule: Rule = .skp2022) -> String {
        let p = r.isEmpty ? "" : "\(r)."
        let unsent = "\(p)sent_no IS NOT \(p)change_no"
        guard rule == .skp2022, kind == .skp else { return unsent }
        return "\(unsent) AND \(p)tahun >= \(SKPSiasn.firstYear)"
    }

    /// The partial index `<table>_pending` over exactly the pending rows under `rule`.
    static func pendingIndex(_ kind: RecordKind, rule: Rule = .skp2022) -> String {
        let table = RecordRows.table(kind)
        return "CREATE INDEX \(table)_pending ON \(table)(nip) WHERE \(pending("", kind, rule: rule))"
    }

    /// Adds `amount` (an SQL expression over `source`) at `unit` for `kind`, for every row of
    /// `source` meeting `condition` (`source` may be grouped by `group`).
    private static func add(kind: RecordKind, unit: String, amount: String, from source: String, where condition: String, group: String = "")
        -> String
    {
        """
        INSERT INTO unit_pending_counts(kode_unit, kind, pending)
            SELECT \(unit), '\(kind.rawValue)', \(amount) FROM \(source) WHERE \(condition) \(group)
            ON CONFLICT(kode_unit, kind) DO UPDATE SET pending = pending + excluded.pending;
        """
    }

    /// The insert trigger's name for a record kind (the bulk import suspends it).
    static func insertTrigger(_ kind: RecordKind) -> String { "\(RecordRows.table(kind))_unit_pending_insert" }

    private static func recordTriggers(_ kind: RecordKind, rule: Rule) -> String {
        let table = RecordRows.table(kind)
        let k = kind.rawValue
        func pending(_ r: String) -> String { Self.pending(r, kind, rule: rule) }
        // An SKP's year decides whether it is pending (rule skp2022): a change of `tahun` moves it.
        let columns = rule == .skp2022 && kind == .skp ? "nip, tahun, change_no, sent_no" : "nip, change_no, sent_no"
        let addNew = add(kind: kind, unit: "p.kode_unit", amount: "1", from: "pegawai p", where: "p.nip = new.nip AND \(pending("new"))")
        let subtractOld = """
            UPDATE unit_pending_counts SET pending = pending - 1
                WHERE \(pending("old")) AND kind = '\(k)' AND kode_unit = (SELECT kode_unit FROM pegawai WHERE nip = old.nip);
            """
        return """
            CREATE TRIGGER \(insertTrigger(kind)) AFTER INSERT ON \(table) WHEN \(pending("new")) BEGIN
                \(addNew)
            END;
            CREATE TRIGGER \(table)_unit_pending_delete AFTER DELETE ON \(table) WHEN \(pending("old")) BEGIN
                \(subtractOld)
            END;
            CREATE TRIGGER \(table)_unit_pending_update AFTER UPDATE OF \(columns) ON \(table)
                WHEN old.nip IS NOT new.nip OR (\(pending("old"))) IS NOT (\(pending("new"))) BEGIN
                \(subtractOld)
                \(addNew)
            END;
            """
    }

    /// Moves the pending records of employee `p` (`new` or `old`) in or out of its unit.
    private static func employee(_ p: String, sign: String, rule: Rule) -> String {
        RecordKind.allCases.map { kind in
            add(
                kind: kind, unit: "\(p).kode_unit", amount: "\(sign) COUNT(*)", from: "\(RecordRows.table(kind)) r",
                where: "r.nip = \(p).nip AND \(pending("r", kind, rule: rule))", group: "HAVING COUNT(*) > 0")
        }.joined(separator: "\n")
    }

    /// The triggers on `pegawai` moving an employee's pending records between units.
    private static func employeeTriggers(rule: Rule) -> String {
        """
        CREATE TRIGGER unit_pending_pegawai_insert AFTER INSERT ON pegawai BEGIN
            \(employee("new", sign: "", rule: rule))
        END;
        CREATE TRIGGER unit_pending_pegawai_delete AFTER DELETE ON pegawai BEGIN
            \(employee("old", sign: "-", rule: rule))
        END;
        CREATE TRIGGER unit_pending_pegawai_update AFTER UPDATE OF nip, kode_unit ON pegawai
            WHEN old.nip IS NOT new.nip OR old.kode_unit IS NOT new.kode_unit BEGIN
            \(employee("old", sign: "-", rule: rule))
            \(employee("new", sign: "", rule: rule))
        END;
        """
    }

    static let migration = """
        CREATE TABLE unit_pending_counts (
            kode_unit TEXT NOT NULL,
            kind      TEXT NOT NULL,
            pending   INTEGER NOT NULL,
            PRIMARY KEY (kode_unit, kind)
        ) WITHOUT ROWID;

        \(RecordKind.allCases.map { recordTriggers($0, rule: .tracking) }.joined(separator: "\n"))

        \(employeeTriggers(rule: .tracking))

        INSERT INTO unit_pending_counts(kode_unit, kind, pending) \(freshSQL(rule: .tracking));
        """

    /// Migration `2026-11-30-skp2022`: an SKP before 2022 is never pending (``SKPSiasn``).
    /// The SKP table's pending triggers (their update trigger now also fires on `tahun`), the
    /// employee triggers (they count every kind) and the partial index `skp_pending` are made
    /// again with the new rule, and the SKP counts of the records already stored recounted.
    static let skp2022Migration = """
        DROP TRIGGER \(insertTrigger(.skp));
        DROP TRIGGER skp_unit_pending_delete;
        DROP TRIGGER skp_unit_pending_update;
        DROP TRIGGER unit_pending_pegawai_insert;
        DROP TRIGGER unit_pending_pegawai_delete;
        DROP TRIGGER unit_pending_pegawai_update;
        DROP INDEX skp_pending;
        \(pendingIndex(.skp));

        \(recordTriggers(.skp, rule: .skp2022))

        \(employeeTriggers(rule: .skp2022))

        DELETE FROM unit_pending_counts WHERE kind = '\(RecordKind.skp.rawValue)';
        INSERT INTO unit_pending_counts(kode_unit, kind, pending) \(freshSQL(.skp, rule: .skp2022));
        """

    /// The counts afresh from the record tables (the migrations' fill; tests compare), of
    /// `only` one kind or all.
    static func freshSQL(_ only: RecordKind? = nil, rule: Rule = .skp2022) -> String {
        RecordKind.allCases.filter { only == nil || $0 == only }.map { kind in
            """
            SELECT p.kode_unit, '\(kind.rawValue)', COUNT(*) FROM \(RecordRows.table(kind)) r JOIN pegawai p ON p.nip = r.nip
            WHERE \(pending("r", kind, rule: rule)) GROUP BY p.kode_unit
            """
        }.joined(separator: " UNION ALL ")
    }
}
