import Foundation
import IPASNCore

/// What a store keeps about exports to SIASN: every export of records is a numbered
/// **export batch** (when, by whom, which kind and file, which records at which version), and
/// every record knows whether its current content was sent. The full contract is
/// `docs/store.md`, "Export tracking"; the conformance suite checks it
/// (`StoreConformance+ExportTracking.swift`).
///
/// - **Versions.** Every record has a version that changes whenever its content changes (an
///   update that changes a value, a restore by undo); it is the "which version" a batch keeps.
/// - **Pending.** A record is pending (not yet sent) when no SIASN batch holds its current
///   version: new records, and records changed after their export. THE rule is one place,
///   documented in docs/store.md (SQLite: `SQLiteStore.pendingCondition`).
/// - **Deletions.** A record deleted after it was sent stays listed (``sentDeletions(kind:unit:)``)
///   until a SIASN batch reports the deletion; restoring it (undo) takes the listing back.
/// - **One transaction.** ``saveExportBatch(_:)`` writes the batch, its items and the new sent
///   state in one transaction, called only after the file is completely written and synced.
public protocol ExportTrackingStore: AnyObject, Sendable {
    /// The current version of every record of `kind` of the employees of `unit` and its
    /// sub-units (every unit when nil); with `pendingOnly`, only of the pending records.
    /// Read BEFORE the records are read for the file: a record changed in between keeps a newer
    /// version than the batch gives it, so it stays pending (never marked sent unsent).
    func recordVersions(kind: RecordKind, unit: String?, pendingOnly: Bool) throws -> [Int64: Int64]
    /// Stores an export batch with the next number, stamped with the actor and the clock, in
    /// ONE transaction. When `batch.marksSent`, every listed record whose version is still the
    /// one given becomes sent (no longer pending), and every listed deletion is reported (no
    /// longer listed by ``sentDeletions(kind:unit:)``). Refused (``StoreError/notPermitted(_:)``)
    /// for a role that may not write.
    @discardableResult
    func saveExportBatch(_ batch: NewExportBatch) throws -> ExportBatch
    /// The newest `limit` export batches, newest first.
    func exportBatches(limit: Int) throws -> [ExportBatch]
    /// The batches that sent these records: for each record ever sent by a SIASN batch, the
    /// newest such batch, its moment, and whether the record's current version is the one sent.
    /// Records never sent are absent. (For the employee page and reconciliation.)
    func sentInfo(_ ids: [RecordID]) throws -> [RecordID: RecordSending]
    /// Records deleted after a SIASN batch sent them whose deletion no SIASN batch has reported
    /// yet, of one kind (every kind when nil), of employees of `unit` and its sub-units (every
    /// unit when nil), by kind then record id.
    func sentDeletions(kind: RecordKind?, unit: String?) throws -> [SentDeletion]
    /// Per unit (its own employees, sub-units not folded in) and kind: how many records are
    /// pending, and when the oldest of them was first entered. Units without pending records
    /// are absent. Cheap: it reads only the pending records.
    func pendingCounts() throws -> [PendingCount]
    /// The pending records of the employees of `unit` and its sub-units, by NIP, kind and id.
    func pendingRecords(unit: String) throws -> [PendingRecord]
}

/// One record's version, as a batch keeps it.
public struct RecordVersion: Hashable, Sendable {
    public var id: RecordID
    public var version: Int64

    public init(id: RecordID, version: Int64) {
        self.id = id
        self.version = version
    }
}

/// An export batch about to be stored (after its file is written and synced).
public struct NewExportBatch: Hashable, Sendable {
    /// The export kind (`siasn-kursus`, `diklat` ...).
    public var kind: String
    /// `csv`, `csv-id`, `json`.
    public var format: String
    /// The file written (`-` for standard output).
    public var file: String
    /// The unit the export was limited to, with its sub-units.
    public var unit: String?
    /// The first day of the records taken.
    public var since: LocalDate?
    /// Whether only pending records were taken (`--pending`).
    public var pendingOnly: Bool
    /// Whether the batch went to SIASN (a `siasn-` shape): only then are its records sent.
    public var marksSent: Bool
    /// The records written, in file order, at the versions read before the file was written.
    public var records: [RecordVersion]
    /// Sent records deleted since, reported with this batch.
    public var deletions: [RecordID]

    public init(
        kind: String, format: String, file: String, unit: String? = nil, since: LocalDate? = nil, pendingOnly: Bool = false,
        marksSent: Bool, records: [RecordVersion], deletions: [RecordID] = []
    ) {
        self.kind = kind
        self.format = format
        self.file = file
        self.unit = unit
        self.since = since
        self.pendingOnly = pendingOnly
        self.marksSent = marksSent
        self.records = records
        self.deletions = deletions
    }
}

/// A stored export batch.
public struct ExportBatch: Hashable, Sendable {
    /// The batch number: 1, 2, 3 ... never reused.
    public var number: Int64
    public var at: Date
    public var actor: String
    public var kind: String
    public var format: String
    public var file: String
    public var unit: String?
    public var since: LocalDate?
    public var pendingOnly: Bool
    public var marksSent: Bool
    /// Records written.
    public var rows: Int
    /// Deletions reported.
    public var deletions: Int

    public init(
        number: Int64, at: Date, actor: String, kind: String, format: String, file: String, unit: String?,
        since: LocalDate?, pendingOnly: Bool, marksSent: Bool, rows: Int, deletions: Int
    ) {
        self.number = number
        self.at = at
        self.actor = actor
        self.kind = kind
        self.format = format
        self.file = file
        self.unit = unit
        self.since = since
        self.pendingOnly = pendingOnly
        self.marksSent = marksSent
        self.rows = rows
        self.deletions = deletions
    }
}

/// When a record was last sent to SIASN.
public struct RecordSending: Hashable, Sendable {
    public var batch: Int64
    public var at: Date
    /// Whether the record is unchanged since (false: changed after the batch, pending again).
    public var current: Bool

    public init(batch: Int64, at: Date, current: Bool) {
        self.batch = batch
        self.at = at
        self.current = current
    }
}

/// A record deleted after it was sent: SIASN still holds it.
public struct SentDeletion: Hashable, Sendable {
    public var id: RecordID
    public var nip: String
    /// The employee's unit now (nil when the employee is gone).
    public var unit: String?
    /// The record in a few words (a diklat's name and start, an SKP's year ...).
    public var what: String
    /// A diklat's jenis id (SIASN kursus and diklat struktural are separate shapes).
    public var diklatJenis: Int?
    /// The newest batch that sent it.
    public var batch: Int64?

    public init(id: RecordID, nip: String, unit: String?, what: String, diklatJenis: Int?, batch: Int64?) {
        self.id = id
        self.nip = nip
        self.unit = unit
        self.what = what
        self.diklatJenis = diklatJenis
        self.batch = batch
    }
}

/// One unit's pending records of one kind.
public struct PendingCount: Hashable, Sendable {
    public var unit: String
    public var kind: RecordKind
    public var count: Int
    /// When the oldest pending record was first entered (nil when unknown).
    public var oldestEntered: Date?

    public init(unit: String, kind: RecordKind, count: Int, oldestEntered: Date?) {
        self.unit = unit
        self.kind = kind
        self.count = count
        self.oldestEntered = oldestEntered
    }
}

/// A pending record of an employee.
public struct PendingRecord: Hashable, Sendable {
    public var nip: String
    public var id: RecordID

    public init(nip: String, id: RecordID) {
        self.nip = nip
        self.id = id
    }
}
