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
    /// The session (one workstation or command run, ``StoreContext/session``) that made the
    /// change; nil on entries written before sessions were recorded. Undo and redo work
    /// within one session.
    public var session: String?
    /// For an ``AuditAction/undo`` entry: the id of the entry it reverted. For an
    /// ``AuditAction/redo`` entry, or an ``AuditAction/import`` entry that redoes an undone
    /// import: the id of the undo entry it reverted. Nil for every other change.
    public var undoes: Int64?
    /// The batch the change was part of (``Store/addBatch(_:label:)``); nil for a single change.
    public var batch: Int64?

    public init(
        id: Int64, at: Date, actor: String, action: AuditAction, subject: AuditSubject, nip: String?,
        old: AuditValue?, new: AuditValue?, session: String? = nil, undoes: Int64? = nil, batch: Int64? = nil
    ) {
        self.session = session
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
    /// A record or an account was deleted.
    case delete
    /// An earlier change was reverted (``AuditEntry/undoes``): a record's insert, update or
    /// delete, a unit's or employee's save, an import, or a redo. The old value is what the
    /// undo found, the new value what it restored; for an undone record import the old value
    /// is ``AuditValue/records(_:)`` (what a redo puts back) and the new value is nil.
    case undo
    /// An undone change was applied again (``AuditEntry/undoes`` names the undo). A redo is a
    /// change of its own and can be undone. A redone import is written as an ``import``
    /// entry instead (with ``AuditEntry/undoes`` set), so that it is undone as an import.
    case redo
    /// A file of rows was imported in one transaction (the new value is its ``ImportSummary``,
    /// which also says what an undo of the whole import reverts).
    case `import`
    /// A database setting changed (the measurement year or the ruleset).
    case config
    /// A unit's "selesai diinput" mark was set or cleared.
    case progress
    /// A record's verification changed: a verdict (memenuhi or tidak memenuhi syarat, or back
    /// to belum) or its document-in-hand mark. Old and new are ``AuditValue/verification(_:)``.
    case verify
    /// A verifikator (or operator) confirmed a unit's "selesai diinput" mark (``TeamStore``).
    case confirm
    /// A unit's code changed (``UnitRenameStore/renameUnit(_:to:)``): subject `.unit(NEW)`, old
    /// the unit under its old code, new under the new one. Not undone by a session's undo.
    case rename
    /// A SIASN batch marked its records sent (``ExportTrackingStore/saveExportBatch(_:)`` with
    /// `marksSent`); the subject is ``AuditSubject/siasnBatch(_:)``, no values. Written so that
    /// open screens follow the marks (``Store/dataGeneration()``, PostgreSQL's NOTIFY); never undone.
    case siasnSent = "siasn-sent"
    /// SIASN's answer marked refusals of a batch (``SIASNRefusalStore``); subject and values as
    /// ``siasnSent``; never undone.
    case siasnRefused = "siasn-refused"
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
    /// An account, by login (insert, update, delete).
    case account(String)
    /// A SIASN export batch, by number (``AuditAction/siasnSent``, ``AuditAction/siasnRefused``).
    case siasnBatch(Int64)
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
    case account(Account)
    /// The records an undone record import removed, with their ids: what a redo puts back.
    case records([StoredRecord<Record>])
    /// A record's verification, before or after a ``AuditAction/verify`` change.
    case verification(RecordVerification)
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
    /// Record imports: the ids written. Ids are never reused and one import's ids of a kind
    /// are consecutive, so the range names exactly the import's records (for an undo). Nil
    /// on imports written before ranges were kept (they cannot be undone).
    public var ids: ImportedIDs?
    /// Unit imports: every unit the import added or changed, with its old and new value (for
    /// review and undo). Unchanged rows are left out. Nil for other kinds.
    public var unitChanges: [ImportChange<OrgUnit>]?
    /// Employee imports audited before migration `2026-11-30-pegawai`: every employee the
    /// import added or changed, as ``unitChanges``. Nil since: the changes are rows beside the
    /// audit row (``EmployeeImportChangesStore``), counted in ``pegawaiAdded`` and ``pegawaiChanged``.
    public var pegawaiChanges: [ImportChange<Pegawai>]?
    /// Employee imports since migration `2026-11-30-pegawai`: the employees added (new to the
    /// database). Nil for other kinds and for older employee imports (see ``employeeCounts``).
    public var pegawaiAdded: Int?
    /// Employee imports since migration `2026-11-30-pegawai`: the existing employees changed.
    public var pegawaiChanged: Int?
    /// True when the rows were the demo sample (``ImportRowSource/isDemo``); nil otherwise.
    public var demo: Bool?

    public init(
        kind: ImportKind, imported: Int, issues: Int, skipInvalid: Bool, byUnit: [String: Int], ids: ImportedIDs? = nil,
        unitChanges: [ImportChange<OrgUnit>]? = nil, pegawaiChanges: [ImportChange<Pegawai>]? = nil
    ) {
        self.kind = kind
        self.imported = imported
        self.issues = issues
        self.skipInvalid = skipInvalid
        self.byUnit = byUnit
        self.ids = ids
        self.unitChanges = unitChanges
        self.pegawaiChanges = pegawaiChanges
    }
}

/// The record ids one import wrote: the first and last id of its kind (empty when it wrote
/// no record).
public struct ImportedIDs: Hashable, Sendable, Codable {
    public var kind: RecordKind
    public var first: Int64
    public var last: Int64

    public init(kind: RecordKind, first: Int64, last: Int64) {
        self.kind = kind
        self.first = first
        self.last = last
    }

    public var count: Int64 { last >= first ? last - first + 1 : 0 }
}

/// One unit or employee an import added (``old`` nil) or changed.
public struct ImportChange<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var old: Value?
    public var new: Value

    public init(old: Value?, new: Value) {
        self.old = old
        self.new = new
    }
}
