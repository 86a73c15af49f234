import Foundation
import IPASNCore

/// SIASN's answer to an upload, fed back: rows of a SIASN export batch that SIASN refused (a
/// wrong code, a missing document, a NIP it does not know). The full contract is
/// `docs/store.md`, "SIASN's refusals fed back"; the conformance suite checks it
/// (`StoreConformance+SIASNRefusal.swift`).
///
/// - A refused record becomes **pending again** (its sent mark from that batch is taken back)
///   and is shown as "ditolak SIASN: <reason>" until a later SIASN batch sends it again.
///   While it is unchanged since the refusal it is held back from the pending export (sending
///   it unchanged would be refused again), like a verifikator's rejection; correcting it sends
///   it with the next batch.
/// - A refused deletion is listed again by ``ExportTrackingStore/sentDeletions(kind:unit:)``.
/// - The refusals are kept: the batch, the file's line, the reason, who marked them and when.
public protocol SIASNRefusalStore: AnyObject, Sendable {
    /// The records (and reported deletions) of export batch `batch` with their employees' NIPs,
    /// by kind and id: what a file of SIASN's answer is matched against.
    /// Nil when no such batch exists.
    func exportItems(batch: Int64) throws -> [ExportItem]?
    /// Marks rows of SIASN batch `batch` refused, in ONE transaction: each refused record that
    /// is still as that batch sent it becomes pending again, each refused deletion is listed
    /// again; every refusal is kept with the batch, line, reason, the actor and the clock (a
    /// second marking of the same row replaces the first). Throws ``SIASNRefusalError`` for a
    /// batch that does not exist or did not go to SIASN, or a row it does not hold (nothing is
    /// kept); ``StoreError/notPermitted(_:)`` as for the batch itself (an operator or a
    /// verifikator any record; an admin their units' only; a pimpinan none).
    @discardableResult
    func markSIASNRefusals(batch: Int64, _ refusals: [NewSIASNRefusal]) throws -> SIASNRefusalOutcome
    /// The refusals in force (no later SIASN batch sent the record or reported the deletion) of
    /// the employees of `unit` and its sub-units (every unit when nil), by NIP, kind and id.
    func siasnRefusals(unit: String?) throws -> [SIASNRefusal]
    /// The refusals in force of these records (absent: none).
    func siasnRefusals(_ ids: [RecordID]) throws -> [RecordID: SIASNRefusal]
}

/// One row of an export batch.
public struct ExportItem: Hashable, Sendable {
    public var id: RecordID
    /// The version the batch sent.
    public var version: Int64
    /// A reported deletion, not a row of the file.
    public var deleted: Bool
    /// The employee's NIP (of the record, or of the deleted record).
    public var nip: String

    public init(id: RecordID, version: Int64, deleted: Bool, nip: String) {
        self.id = id
        self.version = version
        self.deleted = deleted
        self.nip = nip
    }
}

/// A row SIASN refused, as a front end read it from SIASN's answer.
public struct NewSIASNRefusal: Hashable, Sendable {
    public var id: RecordID
    /// A reported deletion SIASN refused (not a record sent).
    public var deleted: Bool
    /// SIASN's reason, as written in the answer.
    public var reason: String
    /// The line of the answer file (0: none).
    public var line: Int

    public init(id: RecordID, deleted: Bool = false, reason: String, line: Int) {
        self.id = id
        self.deleted = deleted
        self.reason = reason
        self.line = line
    }
}

/// What ``SIASNRefusalStore/markSIASNRefusals(batch:_:)`` changed.
public struct SIASNRefusalOutcome: Hashable, Sendable {
    /// Records made pending again.
    public var pendingAgain: Int
    /// Refused records already pending (changed since the batch, or sent again later): kept, not changed.
    public var alreadyPending: Int
    /// Deletions listed again.
    public var deletionsAgain: Int

    public init(pendingAgain: Int, alreadyPending: Int, deletionsAgain: Int) {
        self.pendingAgain = pendingAgain
        self.alreadyPending = alreadyPending
        self.deletionsAgain = deletionsAgain
    }
}

/// A refusal in force.
public struct SIASNRefusal: Hashable, Sendable {
    public var id: RecordID
    public var deleted: Bool
    public var nip: String
    /// The batch SIASN refused the row of.
    public var batch: Int64
    public var line: Int
    public var reason: String
    /// Who marked it, and when.
    public var actor: String
    public var at: Date
    /// Whether the record changed since the refusal (corrected: it goes out with the next batch).
    public var corrected: Bool

    public init(
        id: RecordID, deleted: Bool, nip: String, batch: Int64, line: Int, reason: String, actor: String, at: Date,
        corrected: Bool
    ) {
        self.id = id
        self.deleted = deleted
        self.nip = nip
        self.batch = batch
        self.line = line
        self.reason = reason
        self.actor = actor
        self.at = at
        self.corrected = corrected
    }

    /// "ditolak SIASN: <reason>" for the admin.
    public func label(_ language: Language) -> String {
        let fixed = corrected ? (language == .id ? " (sudah diperbaiki, terkirim di batch berikut)" : " (corrected, goes with the next batch)") : ""
        return (language == .id ? "ditolak SIASN: " : "refused by SIASN: ") + reason + fixed
    }
}

/// A marking of SIASN's refusals that cannot be kept.
public enum SIASNRefusalError: Error, Hashable, Sendable {
    case noSuchBatch(Int64)
    /// The batch did not go to SIASN (a plain export): it marked nothing sent.
    case notSentBatch(Int64)
    /// The batch does not hold this record (or deletion).
    case notInBatch(RecordID, batch: Int64)

    public func message(_ language: Language) -> String {
        let id = language == .id
        switch self {
        case .noSuchBatch(let n):
            return id ? "Tidak ada batch ekspor #\(n); lihat `ipasn batches`." : "No export batch #\(n); see `ipasn batches`."
        case .notSentBatch(let n):
            return id
                ? "Batch #\(n) bukan ekspor ke SIASN (bentuk siasn-): tidak ada yang ditandai terkirim, tidak ada yang bisa ditolak."
                : "Batch #\(n) is not a SIASN export (a siasn- shape): it marked nothing sent, so nothing can be refused."
        case .notInBatch(let record, let n):
            return id ? "Data \(record.kind.rawValue) #\(record.id) tidak ada di batch #\(n)." : "Record \(record.kind.rawValue) #\(record.id) is not in batch #\(n)."
        }
    }
}
