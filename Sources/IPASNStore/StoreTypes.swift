import Foundation
import IPASNCore

/// The identity of a stored record: its kind and its id in that kind's table.
public struct RecordID: Hashable, Sendable, Codable, CustomStringConvertible {
    public var kind: RecordKind
    public var id: Int64

    public init(kind: RecordKind, id: Int64) {
        self.kind = kind
        self.id = id
    }

    public var description: String { "\(kind.rawValue)#\(id)" }
}

/// One employee with all records and their ids, as stored.
public struct StoredEmployeeRecords: Hashable, Sendable {
    public var pegawai: Pegawai
    public var pendidikan: [StoredRecord<Pendidikan>]
    public var diklat: [StoredRecord<Diklat>]
    public var skp: [StoredRecord<SKP>]
    public var disiplin: [StoredRecord<HukumanDisiplin>]

    public init(
        pegawai: Pegawai, pendidikan: [StoredRecord<Pendidikan>] = [], diklat: [StoredRecord<Diklat>] = [],
        skp: [StoredRecord<SKP>] = [], disiplin: [StoredRecord<HukumanDisiplin>] = []
    ) {
        self.pegawai = pegawai
        self.pendidikan = pendidikan
        self.diklat = diklat
        self.skp = skp
        self.disiplin = disiplin
    }

    /// The records without ids, for the scoring engine.
    public var plain: EmployeeRecords {
        EmployeeRecords(
            pegawai: pegawai, pendidikan: pendidikan.map(\.value), diklat: diklat.map(\.value),
            skp: skp.map(\.value), disiplin: disiplin.map(\.value))
    }

    /// The records without ids, leaving one out (the record being edited).
    public func plain(excluding id: RecordID) -> EmployeeRecords {
        EmployeeRecords(
            pegawai: pegawai,
            pendidikan: pendidikan.filter { !(id.kind == .pendidikan && $0.id == id.id) }.map(\.value),
            diklat: diklat.filter { !(id.kind == .diklat && $0.id == id.id) }.map(\.value),
            skp: skp.filter { !(id.kind == .skp && $0.id == id.id) }.map(\.value),
            disiplin: disiplin.filter { !(id.kind == .disiplin && $0.id == id.id) }.map(\.value))
    }

    /// Puts `record` in as record `id` of its kind: in place of the record with that id, else
    /// last of its kind (a new record: ids only grow, so it is last as `ORDER BY id` reads it).
    public mutating func put(_ record: Record, id: Int64) {
        func put<T>(_ value: T, into list: inout [StoredRecord<T>]) {
            if let index = list.firstIndex(where: { $0.id == id }) {
                list[index].value = value
            } else {
                list.append(StoredRecord(id: id, value: value))
            }
        }
        switch record {
        case .pendidikan(let r): put(r, into: &pendidikan)
        case .diklat(let r): put(r, into: &diklat)
        case .skp(let r): put(r, into: &skp)
        case .disiplin(let r): put(r, into: &disiplin)
        }
    }
}

/// What a save returns: the record's id and the employee's new score for the measurement year.
public struct SaveResult: Hashable, Sendable {
    public var id: RecordID
    public var score: EmployeeScore

    public init(id: RecordID, score: EmployeeScore) {
        self.id = id
        self.score = score
    }
}

/// An employee with a score.
public struct ScoredPegawai: Hashable, Sendable {
    public var pegawai: Pegawai
    public var score: EmployeeScore

    public init(pegawai: Pegawai, score: EmployeeScore) {
        self.pegawai = pegawai
        self.score = score
    }
}

/// The dimensions an admin marks as "selesai diinput" for a unit (the data areas).
public enum ProgressDimension: String, CaseIterable, Sendable, Codable {
    case pendidikan
    case kompetensi
    case kinerja
    case disiplin
}

/// One unit's mark for one dimension.
public struct ProgressMark: Hashable, Sendable {
    public var unit: String
    public var dimension: ProgressDimension
    public var done: Bool
    public var by: String
    public var at: Date

    public init(unit: String, dimension: ProgressDimension, done: Bool, by: String, at: Date) {
        self.unit = unit
        self.dimension = dimension
        self.done = done
        self.by = by
        self.at = at
    }
}

/// An unsaved form kept for the next start. A store keeps one per owner (the acting
/// login) and per form (``formKey``): two admins, or two forms, never share one.
public struct Draft: Hashable, Sendable, Codable {
    /// Which form (`diklat`, `pendidikan`, `skp`, `disiplin`, `setup` for "tambah unit dan
    /// pegawai", `unit` for "ubah unit").
    public var form: String
    /// The employee of a record form ("" for the setup form).
    public var nip: String
    /// The record being edited, when it was an edit.
    public var editing: RecordID?
    /// The existing unit the setup or unit form was opened on (nil for a new unit and record forms).
    public var unit: String?
    /// Field name to typed text.
    public var fields: [String: String]
    public var savedAt: Date
    /// For an edit: the record as the form loaded it (the base of the edit). A restored draft
    /// saves expecting this record (``RecordEditStore``), so a change another admin made
    /// meanwhile is refused instead of overwritten. Nil for new records, unit forms and
    /// drafts saved before drafts kept their base.
    public var base: Record?
    /// Where the admin was typing (the field and the position in its text), so a restored
    /// form puts the cursor back there. Nil for forms that do not keep it and drafts saved
    /// before drafts kept it (the form then puts the cursor in its first empty field).
    public var cursor: DraftCursor?
    /// The workstation session (``StoreContext/session``, one window) that has the form
    /// open: part of ``formKey``, so two windows of one login keep one draft each and never
    /// write over each other's. Nil for drafts saved before drafts named their session.
    public var session: String?
    /// When that session last said it is alive (its autosave writes the draft again every
    /// ``heartbeat`` while the form is open); nil once the session ended (a closed terminal,
    /// a signal) and for drafts saved before. See ``isOpenElsewhere(than:now:)``.
    public var aliveAt: Date?

    /// How often an open form's session writes its draft again to say it is alive.
    public static let heartbeat: TimeInterval = 30
    /// How long after its last sign of life a session counts as alive (three heartbeats: a
    /// killed window's draft is offered at most this long after the kill).
    public static let liveFor: TimeInterval = 90

    public init(
        form: String, nip: String, editing: RecordID?, unit: String? = nil, fields: [String: String], savedAt: Date,
        base: Record? = nil, cursor: DraftCursor? = nil
    ) {
        self.form = form
        self.nip = nip
        self.editing = editing
        self.unit = unit
        self.fields = fields
        self.savedAt = savedAt
        self.base = base
        self.cursor = cursor
    }

    /// The open form this draft belongs to: its kind and the employee and record (or unit)
    /// it was opened on, e.g. `diklat:198609262015051001:new`, `skp:...:skp#12`, `setup:BKPSDM`,
    /// `unit:BKPSDM`.
    /// A draft with a ``session`` adds it (`diklat:...:new@4711-1733`): one draft per open
    /// form and session.
    public var formKey: String {
        let form = self.form == "setup" || self.form == "unit" ? "\(self.form):\(unit ?? "")" : "\(self.form):\(nip):\(editing?.description ?? "new")"
        return session.map { "\(form)@\($0)" } ?? form
    }

    /// Whether the form is still open in a live session other than `session` at `now`: its
    /// session wrote it less than ``liveFor`` ago and has not ended. Such a draft is not
    /// offered (that window will save or keep it); a killed window's is, once it falls
    /// silent. A sign of life far in the future (another machine's clock) does not count.
    public func isOpenElsewhere(than session: String, now: Date) -> Bool {
        guard let owner = self.session, owner != session, let aliveAt else { return false }
        return abs(now.timeIntervalSince(aliveAt)) < Self.liveFor
    }
}

/// Where the cursor of a form kept as a ``Draft`` was: the field (its key in
/// ``Draft/fields``) and the cursor's position in that field's text, in characters.
public struct DraftCursor: Hashable, Sendable, Codable {
    public var field: String
    public var position: Int

    public init(field: String, position: Int) {
        self.field = field
        self.position = position
    }
}

/// One row of an import, as parsed from the file: a value, or why the row is invalid.
public enum ImportRow: Sendable {
    case unit(OrgUnit)
    case pegawai(Pegawai)
    case record(Record)
    case invalid(ValidationFailure)
}

/// A stream of import rows (each with its file line), read one at a time.
public protocol ImportRowSource {
    /// What the rows are: units, employees, or one kind of record. Rows of another kind
    /// are refused as issues of their line.
    var kind: ImportKind { get }
    /// The next row, nil at the end. Throws on an unreadable file.
    mutating func next() throws -> Line<ImportRow>?
    /// Called once every row is read and checked, just before the import commits (only when
    /// it is about to commit): a source that must write something alongside (the rejected
    /// rows of a skip-invalid import) writes it here, and throwing rolls the import back, so
    /// the import and that file are both done or neither. The default does nothing.
    mutating func willCommit(issues: [LineIssue]) throws
    /// Whether the rows are the demo sample (kept in the import's ``ImportSummary/demo``, so
    /// activity counts show the demo apart from real imports). The default is false.
    var isDemo: Bool { get }
    /// Whether a course much like one the employee has (``NearDuplicate``: same jenis and
    /// dates, a similar name), in the database or on an earlier line, is imported anyway
    /// (`--allow-similar`). When false (the default) such a row is an issue of its line
    /// (``IssueCode/similarCourse(nama:line:)``).
    var allowsSimilar: Bool { get }
}

extension ImportRowSource {
    public mutating func willCommit(issues: [LineIssue]) throws {}
    public var isDemo: Bool { false }
    public var allowsSimilar: Bool { false }
}

/// A ready list of rows (tests, small imports).
public struct ArrayRowSource: ImportRowSource, Sendable {
    public var kind: ImportKind
    /// ``ImportRowSource/allowsSimilar``.
    public var allowsSimilar = false
    private var rows: [Line<ImportRow>]
    private var index = 0

    public init(kind: ImportKind, rows: [Line<ImportRow>]) {
        self.kind = kind
        self.rows = rows
    }

    public mutating func next() throws -> Line<ImportRow>? {
        guard index < rows.count else { return nil }
        defer { index += 1 }
        return rows[index]
    }
}

/// A value with the file line it came from.
public struct Line<Value: Sendable>: Sendable {
    public var number: Int
    public var value: Value

    public init(_ number: Int, _ value: Value) {
        self.number = number
        self.value = value
    }
}

/// A problem with one line of an import.
public struct LineIssue: Hashable, Sendable {
    public var line: Int
    public var issue: ValidationIssue

    public init(line: Int, issue: ValidationIssue) {
        self.line = line
        self.issue = issue
    }
}

/// What an import did.
public struct ImportOutcome: Hashable, Sendable {
    /// Rows written (0 when any row was invalid and `skipInvalid` was false).
    public var imported: Int
    /// Problems found, by line; rows with an error here were not written.
    public var issues: [LineIssue]
    /// Pegawai imports: existing employees the import changes (written only when the import
    /// was), in file order: every one in a dry run, the first few otherwise (``changed``
    /// counts them all; ``EmployeeImportChangesStore`` keeps every one with the import).
    public var changes: [PegawaiChange]
    /// Pegawai imports: employees new to the database.
    public var added: Int
    /// Pegawai imports: existing employees the import changes (``changes`` may list fewer).
    public var changed: Int
    /// Whether the import was a dry run: checked and counted, nothing written.
    public var dryRun: Bool

    /// `changed` defaults to the changes listed.
    public init(
        imported: Int, issues: [LineIssue], changes: [PegawaiChange] = [], added: Int = 0, changed: Int? = nil,
        dryRun: Bool = false
    ) {
        self.imported = imported
        self.issues = issues
        self.changes = changes
        self.added = added
        self.changed = changed ?? changes.count
        self.dryRun = dryRun
    }
}

extension StoredEmployeeRecords {
    /// The records without ids, leaving out every record in `ids` (records the ruleset does
    /// not count, such as rejected ones).
    public func plain(excludingAll ids: Set<RecordID>) -> EmployeeRecords {
        guard !ids.isEmpty else { return plain }
        return EmployeeRecords(
            pegawai: pegawai,
            pendidikan: pendidikan.filter { !ids.contains(RecordID(kind: .pendidikan, id: $0.id)) }.map(\.value),
            diklat: diklat.filter { !ids.contains(RecordID(kind: .diklat, id: $0.id)) }.map(\.value),
            skp: skp.filter { !ids.contains(RecordID(kind: .skp, id: $0.id)) }.map(\.value),
            disiplin: disiplin.filter { !ids.contains(RecordID(kind: .disiplin, id: $0.id)) }.map(\.value))
    }
}
