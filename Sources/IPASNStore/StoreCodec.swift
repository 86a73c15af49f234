import Foundation
import IPASNCore

/// The engine-neutral parts of storing ipasn data, shared by every ``Store`` implementation
/// (the SQLite store's own, exposed for the PostgreSQL store in IPASNPostgres): how audit
/// values, records and settings are kept as text, how audit subjects are named, and the
/// wording of the refusals both stores give. One definition, so that both engines store the
/// same text and a database copied from one to the other reads back the same typed values.
public enum StoreCodec {
    /// The `entity` and `entity_id` columns of an audit subject.
    public static func entity(_ subject: AuditSubject) -> (entity: String, id: String) { AuditRows.entity(subject) }

    /// The stored text of an audit value (the subject gives a record its id).
    public static func auditText(_ value: AuditValue, _ subject: AuditSubject) throws -> String {
        try AuditRows.text(value, subject)
    }

    /// The subject an audit row's `action`, `entity` and `entity_id` name; nil when unknown.
    public static func auditSubject(action: AuditAction, entity: String, entityID: String) -> AuditSubject? {
        AuditRows.subject(action: action, entity: entity, entityID: entityID)
    }

    /// A stored audit value read back as the subject's type (``AuditValue/unreadable(_:)`` when it does not read).
    public static func auditValue(_ text: String, _ subject: AuditSubject) -> AuditValue { AuditRows.value(text, subject) }

    /// A record as the audit keeps it: its fields plus `id` and `kind`, sorted-key JSON.
    public static func recordJSON(_ record: Record, id: Int64) throws -> String { try RecordRows.json(record, id: id) }

    /// Any value as sorted-key JSON text (drafts, units, rulesets ...).
    public static func json<T: Encodable>(_ value: T) throws -> String { try RecordRows.json(value) }

    /// What is wrong with a unit's place in a tree that holds it (a cycle, too deep), or nil.
    public static func treeIssue(for unit: OrgUnit, in tree: UnitTree) -> ValidationIssue? {
        SQLiteStore.treeIssue(for: unit, in: tree)
    }

    /// The issue of an admin's import row for a unit that is not theirs.
    public static func notYourUnit(_ kode: String, field: String) -> ValidationIssue {
        SQLiteStore.notYourUnit(kode, field: field)
    }

    /// The field a duplicate record row of an import is reported on.
    public static func duplicateField(_ kind: RecordKind) -> String { SQLiteStore.duplicateField(kind) }

    /// The issues of an import row that is not of the imported kind (its parse failures, or the wrong kind).
    public static func refuse(_ line: Line<ImportRow>, into issues: inout [LineIssue]) {
        SQLiteStore.refuse(line, into: &issues)
    }

    /// The employee a pegawai file row makes of a stored one (an import never reactivates ...).
    public static func mergedImportRow(file: Pegawai, stored: Pegawai) -> Pegawai {
        EmployeeImport.merged(file: file, stored: stored)
    }

    /// What refuses an import row's change of a stored employee.
    public static func importChangeIssues(old: Pegawai, new: Pegawai, today: LocalDate) -> [ValidationIssue] {
        EmployeeImport.issues(old: old, new: new, today: today)
    }

    /// The audit actions a session can undo, as an SQL list.
    public static let undoableActions = SQLiteStore.undoableActions
    /// The audit actions that are new work (they end the chance to redo), as an SQL list.
    public static let freshActions = SQLiteStore.freshActions
    /// Above this many records an import's undo keeps no copy of them (it cannot be redone).
    public static let redoableImportRows = SQLiteStore.redoableImportRows
    /// Above this many touched employees, scores are refreshed in one streaming pass.
    public static let streamingRecomputeThreshold = SQLiteStore.streamingRecomputeThreshold
    /// The error of an undo or redo whose unit is gone.
    public static func unitGone(_ kode: String) -> StoreError { SQLiteStore.unitGone(kode) }
    /// The error of an audit value this version cannot read.
    public static func unreadable(_ entry: Int64) -> StoreError { SQLiteStore.unreadable(entry) }
}
