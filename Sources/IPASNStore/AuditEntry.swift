import Foundation
import IPASNCore

/// One row of the audit log: who changed what, when, and the values before and after.
///
/// Every change a ``Store`` makes writes exactly one entry in the same transaction as the
/// change (see `docs/store.md`). The entry is typed: front ends read ``action``,
/// ``subject`` and the ``old``/``new`` values as Swift values, never the storage's own text.
public struct AuditEntry: Hashable, Sendable {
    /// Increasing with every entry written (newest has the largest id).
    public var id: Int64
    /// The moment of the change, from the store's injected clock.
    public var at: Date
    /// Who made the change (``StoreContext/actor``).
    public var actor: String
    public var action: AuditAction
    /// What was changed.
    public var subject: AuditSubject
    /// The employee concerned, when there is one (a record's owner, a saved employee).
    public var nip: String?
    /// The value before the change (nil for an insert, an import, a first setting).
    public var old: AuditValue?
    /// The value after the change (nil for a delete, or a setting returned to its default).
    public var new: AuditValue?
    /// For an ``AuditAction/undo`` entry: the id of the entry it reverted.
    public var undoes: Int64?
    /// The batch the change was part of (``Store/addBatch(_:label:)``); nil for a single change.
    public var batch: Int64?

    public init(
        id: Int64, at: Date, actor: String, action: AuditAction, subject: AuditSubject, nip: String?,
        old: AuditValue?, new: AuditValue?, undoes: Int64? = nil, batch: Int64? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.nip = nip
        self.old = old
        self.new = new
        self.undoes = undoes
        self.batch = batch
    }

    /// The record the entry is about, as an admin would name it: the added record for an
    /// insert, else the record as it was before the change (what an undo restores).
    public var record: Record? {
        action == .insert ? new?.record : (old?.record ?? new?.record)
    }
}

/// What an audited change did.
public enum AuditAction: String, CaseIterable, Hashable, Sendable, Codable {
    /// A record, unit or employee was added.
    case insert
    /// A record, unit or employee was replaced.
    case update
    /// A record was deleted.
    case delete
    /// An earlier insert, update or delete of a record was reverted (``AuditEntry/undoes``).
    case undo
    /// A file of rows was imported in one transaction (the new value is its ``ImportSummary``).
    case `import`
    /// A database setting changed (the measurement year or the ruleset).
    case config
    /// A unit's "selesai diinput" mark was set or cleared.
    case progress
}

/// The database settings a store keeps.
public enum StoreSetting: String, CaseIterable, Hashable, Sendable, Codable {
    case measurementYear = "year"
    case ruleset
}

/// What an audit entry is about.
public enum AuditSubject: Hashable, Sendable {
    /// A record of an employee (insert, update, delete, undo).
    case record(RecordID)
    /// A unit, by kode.
    case unit(String)
    /// An employee, by NIP.
    case pegawai(String)
    /// A database setting.
    case setting(StoreSetting)
    /// One unit's progress mark for one dimension.
    case progress(unit: String, dimension: ProgressDimension)
    /// An import of one kind of file.
    case importFile(ImportKind)
}

/// A value before or after an audited change.
public enum AuditValue: Hashable, Sendable {
    case record(Record)
    case unit(OrgUnit)
    case pegawai(Pegawai)
    case measurementYear(Int)
    case ruleset(Ruleset)
    /// A progress mark: done or reopened.
    case done(Bool)
    case importSummary(ImportSummary)
    /// A stored value this version cannot read back (written by another version, or damaged),
    /// as stored. Shown as is; never interpreted.
    case unreadable(String)

    /// The record, when the value is one.
    public var record: Record? {
        if case .record(let record) = self { return record }
        return nil
    }
}

/// What an import wrote: the new value of its audit entry.
public struct ImportSummary: Hashable, Sendable, Codable {
    public var kind: ImportKind
    /// Rows written.
    public var imported: Int
    /// Rows refused (written or not, depending on ``skipInvalid``).
    public var issues: Int
    public var skipInvalid: Bool
    /// Record rows written per unit of the employee (record imports only; empty otherwise).
    public var byUnit: [String: Int]

    public init(kind: ImportKind, imported: Int, issues: Int, skipInvalid: Bool, byUnit: [String: Int]) {
        self.kind = kind
        self.imported = imported
        self.issues = issues
        self.skipInvalid = skipInvalid
        self.byUnit = byUnit
    }
}
