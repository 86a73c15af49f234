import GRDB
import IPASNCore

/// Migration `2026-11-30-pgqueue2` on SQLite: the verifikator queue's kept waiting counts
/// (``QueueWaiting``: `queue_waiting`, per unit and kind, the records of active employees
/// without a verdict), kept by row triggers and filled once from the records.
///
/// SQLite fires a row trigger right at its row's change, so each trigger adds the difference
/// its own row makes against the other tables as they stand at that moment, and the deltas
/// of a chain of changes sum to the change of the whole:
/// - a record inserted: +1 at its employee's unit when it is waiting;
/// - a record deleted: `BEFORE DELETE`, -1 when it is waiting (its verdict is still there:
///   the older `<table>_verification_deleted` trigger removes the verdict AFTER the row,
///   and then finds no record to count, whatever order the two AFTER triggers run in);
/// - a record moved to another employee (`nip`, never done by ipasn itself): `BEFORE
///   UPDATE`, out of the old employee's unit and into the new one's, before the verdict
///   reset of `<table>_verification_changed` (which then adds the reset record back);
/// - a verdict row inserted, deleted, or its status crossing between `belum` and a verdict:
///   the record (if it exists and its employee is active) leaves or joins its unit's count;
/// - an employee inserted, deleted, or changing `nip`, `kode_unit` or `aktif`: their
///   waiting records leave the old unit and join the new one (each only when active).
///
/// Rows that fall to 0 stay (the reader sums). The record import's bulk path suspends the
/// insert trigger and adds the imported rows per unit (``BulkImportTriggers/waitingRows``).
enum QueueWaitingSchema {
    /// Adds `amount` at `unit` for `kind` from `source` where `condition` holds.
    private static func add(_ kind: RecordKind, unit: String, amount: String, from source: String, where condition: String, group: String = "")
        -> String
    {
        """
        INSERT INTO queue_waiting(kode_unit, kind, waiting)
            SELECT \(unit), '\(kind.rawValue)', \(amount) FROM \(source) WHERE \(condition) \(group)
            ON CONFLICT(kode_unit, kind) DO UPDATE SET waiting = waiting + excluded.waiting;
        """
    }

    /// Adds `sign` 1 at the unit of the record `r` (`NEW`/`OLD`) when it is waiting.
    private static func record(_ kind: RecordKind, _ r: String, sign: String) -> String {
        add(kind, unit: "p.kode_unit", amount: "\(sign)1", from: "pegawai p", where: "p.nip = \(r).nip AND \(QueueWaiting.waiting(kind, r: r))")
    }

    /// The record table's insert trigger (the bulk import suspends it).
    static func insertTrigger(_ kind: RecordKind) -> String { "\(RecordRows.table(kind))_queue_insert" }

    private static func recordTriggers(_ kind: RecordKind) -> String {
        let t = RecordRows.table(kind)
        return """
            CREATE TRIGGER \(insertTrigger(kind)) AFTER INSERT ON \(t) BEGIN
                \(record(kind, "NEW", sign: ""))
            END;
            CREATE TRIGGER \(t)_queue_delete BEFORE DELETE ON \(t) BEGIN
                \(record(kind, "OLD", sign: "-"))
            END;
            CREATE TRIGGER \(t)_queue_move BEFORE UPDATE OF id, nip ON \(t)
                WHEN OLD.nip IS NOT NEW.nip OR OLD.id IS NOT NEW.id BEGIN
                \(record(kind, "OLD", sign: "-"))
                \(record(kind, "NEW", sign: ""))
            END;
            """
    }

    /// Adds `amount` at the unit of the record the verification row `v` (`NEW`/`OLD`) is about,
    /// when the record exists and its employee is active.
    private static func verdict(_ kind: RecordKind, _ v: String, amount: String) -> String {
        add(
            kind, unit: "p.kode_unit", amount: amount, from: "\(RecordRows.table(kind)) r JOIN pegawai p ON p.nip = r.nip",
            where: "\(v).kind = '\(kind.rawValue)' AND r.id = \(v).record_id AND p.aktif = 1")
    }

    private static var verificationTriggers: String {
        let decidedOld = "(OLD.status <> 'belum')"
        let decidedNew = "(NEW.status <> 'belum')"
        return """
            CREATE TRIGGER verification_queue_insert AFTER INSERT ON verification WHEN \(decidedNew) BEGIN
                \(RecordKind.allCases.map { verdict($0, "NEW", amount: "-1") }.joined(separator: "\n"))
            END;
            CREATE TRIGGER verification_queue_delete AFTER DELETE ON verification WHEN \(decidedOld) BEGIN
                \(RecordKind.allCases.map { verdict($0, "OLD", amount: "1") }.joined(separator: "\n"))
            END;
            CREATE TRIGGER verification_queue_update AFTER UPDATE OF kind, record_id, status ON verification
                WHEN \(decidedOld) IS NOT \(decidedNew) OR OLD.kind IS NOT NEW.kind OR OLD.record_id IS NOT NEW.record_id BEGIN
                \(RecordKind.allCases.map { verdict($0, "OLD", amount: decidedOld) }.joined(separator: "\n"))
                \(RecordKind.allCases.map { verdict($0, "NEW", amount: "-\(decidedNew)") }.joined(separator: "\n"))
            END;
            """
    }

    /// Moves the waiting records of employee `p` (`NEW`/`OLD`) in (`sign` "") or out ("-") of its unit.
    private static func employee(_ p: String, sign: String) -> String {
        RecordKind.allCases.map { kind in
            add(
                kind, unit: "\(p).kode_unit", amount: "\(sign)COUNT(*)", from: "\(RecordRows.table(kind)) r",
                where: "r.nip = \(p).nip AND \(p).aktif = 1 AND NOT \(QueueWaiting.decided(kind, id: "r.id"))", group: "HAVING COUNT(*) > 0")
        }.joined(separator: "\n")
    }

    private static var employeeTriggers: String {
        """
        CREATE TRIGGER queue_waiting_pegawai_insert AFTER INSERT ON pegawai WHEN NEW.aktif = 1 BEGIN
            \(employee("NEW", sign: ""))
        END;
        CREATE TRIGGER queue_waiting_pegawai_delete AFTER DELETE ON pegawai WHEN OLD.aktif = 1 BEGIN
            \(employee("OLD", sign: "-"))
        END;
        CREATE TRIGGER queue_waiting_pegawai_update AFTER UPDATE OF nip, kode_unit, aktif ON pegawai
            WHEN old.nip IS NOT new.nip OR old.kode_unit IS NOT new.kode_unit OR old.aktif IS NOT new.aktif BEGIN
            \(employee("OLD", sign: "-"))
            \(employee("NEW", sign: ""))
        END;
        """
    }

    static let migration = """
        CREATE TABLE queue_waiting (
            kode_unit TEXT NOT NULL,
            kind      TEXT NOT NULL,
            waiting   INTEGER NOT NULL,
            PRIMARY KEY (kode_unit, kind)
        ) WITHOUT ROWID;

        \(RecordKind.allCases.map(recordTriggers).joined(separator: "\n"))

        \(verificationTriggers)

        \(employeeTriggers)

        INSERT INTO queue_waiting(kode_unit, kind, waiting) \(QueueWaiting.freshSQL());
        """
}
