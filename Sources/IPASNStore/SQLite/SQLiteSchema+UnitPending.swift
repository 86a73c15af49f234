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
    /// The record table's pending test for a row alias (`new`, `old`, `r`).
    static func pending(_ r: String) -> String { "\(r).sent_no IS NOT \(r).change_no" }

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

    private static func recordTriggers(_ kind: RecordKind) -> String {
        let table = RecordRows.table(kind)
        let k = kind.rawValue
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
            CREATE TRIGGER \(table)_unit_pending_update AFTER UPDATE OF nip, change_no, sent_no ON \(table)
                WHEN old.nip IS NOT new.nip OR (\(pending("old"))) IS NOT (\(pending("new"))) BEGIN
                \(subtractOld)
                \(addNew)
            END;
            """
    }

    /// Moves the pending records of employee `p` (`new` or `old`) in or out of its unit.
    private static func employee(_ p: String, sign: String) -> String {
        RecordKind.allCases.map { kind in
            add(
                kind: kind, unit: "\(p).kode_unit", amount: "\(sign) COUNT(*)", from: "\(RecordRows.table(kind)) r",
                where: "r.nip = \(p).nip AND \(pending("r"))", group: "HAVING COUNT(*) > 0")
        }.joined(separator: "\n")
    }

    static let migration = """
        CREATE TABLE unit_pending_counts (
            kode_unit TEXT NOT NULL,
            kind      TEXT NOT NULL,
            pending   INTEGER NOT NULL,
            PRIMARY KEY (kode_unit, kind)
        ) WITHOUT ROWID;

        \(RecordKind.allCases.map(recordTriggers).joined(separator: "\n"))

        CREATE TRIGGER unit_pending_pegawai_insert AFTER INSERT ON pegawai BEGIN
            \(employee("new", sign: ""))
        END;
        CREATE TRIGGER unit_pending_pegawai_delete AFTER DELETE ON pegawai BEGIN
            \(employee("old", sign: "-"))
        END;
        CREATE TRIGGER unit_pending_pegawai_update AFTER UPDATE OF nip, kode_unit ON pegawai
            WHEN old.nip IS NOT new.nip OR old.kode_unit IS NOT new.kode_unit BEGIN
            \(employee("old", sign: "-"))
            \(employee("new", sign: ""))
        END;

        INSERT INTO unit_pending_counts(kode_unit, kind, pending) \(freshSQL);
        """

    /// The counts afresh from the record tables (the migration's fill; tests compare).
    static let freshSQL = RecordKind.allCases.map { kind in
        """
        SELECT p.kode_unit, '\(kind.rawValue)', COUNT(*) FROM \(RecordRows.table(kind)) r JOIN pegawai p ON p.nip = r.nip
        WHERE \(pending("r")) GROUP BY p.kode_unit
        """
    }.joined(separator: " UNION ALL ")
}
