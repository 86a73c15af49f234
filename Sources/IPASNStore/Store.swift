import Foundation
import IPASNCore

/// The storage of one IP ASN database: units, employees, their records, the cached
/// scores, the audit log, the admins' progress marks and their kept drafts.
///
/// The full contract an implementation must keep is `docs/store.md`; the conformance suite
/// (`StoreConformance` in IPASNTestSupport) checks it. In short:
///
/// - **One transaction per change.** Every method that changes data runs in one
///   transaction and writes its ``AuditEntry`` (who, when, what, old and new values) in that
///   same transaction, so a crash leaves either the whole change or none of it.
/// - **Scores kept current.** The per-employee scores are refreshed in the same transaction
///   as the record change, for the measurement year and every other year already cached,
///   so unit figures stay one aggregate away at province scale.
/// - **Errors.** The admin's mistakes are ``ValidationFailure``s (field-named issues); the
///   storage's own failures are translated into ``StoreError``. After either, nothing of
///   the change was written.
/// - **Threading.** Every method is synchronous and may be called from any thread, also
///   concurrently (the protocol is `Sendable`): writes are serialised (one writer at a time,
///   across processes sharing the database too), and a read sees only committed changes,
///   never half of one. Closures passed in (the row source of ``importRows(_:skipInvalid:)``,
///   the body of ``forEachEmployeeRecords(inUnit:_:)``) run on the calling thread, inside the
///   call, and must not call back into the store.
///
/// `SQLiteStore` (GRDB) is the first implementation; a PostgreSQL server mode will
/// follow, so nothing above this protocol may assume SQLite.
public protocol Store: AnyObject, Sendable, RecordEditStore, EmployeeChangeStore, VerificationStore, TeamStore, ExportTrackingStore, BatchEditStore, ChangeSinceStore, ChangeFeed, ScoreStreamStore, UnitPendingStore, VerificationQueueStore, DashboardStore, EmployeePageStore, SKPSiasnStore, SKPGridStore, CheckpointStore, SaveWarmupStore, SKPSentChangeStore, EmployeeImportChangesStore, EventVerdictStore, DraftSaveStore, JoinStore, SIASNRefusalStore, UnitRenameStore, RefusalCountStore {
    // MARK: Settings

    /// The measurement year: the database setting, or the current calendar year of the
    /// context's clock when none was set.
    func measurementYear() throws -> Int
    /// Sets the measurement year (audited as ``AuditAction/config``); its scores are
    /// computed and cached, in the same transaction, when they are not yet.
    func setMeasurementYear(_ year: Int) throws
    /// The active ruleset: the database's own, or ``Ruleset/bkn2019``.
    func ruleset() throws -> Ruleset
    /// Installs a ruleset (nil returns to bkn-2019), audited as ``AuditAction/config``; every
    /// cached score is recomputed in the same transaction.
    func setRuleset(_ ruleset: Ruleset?) throws

    // MARK: Units and employees

    /// Every unit, ordered by kode.
    func units() throws -> [OrgUnit]
    /// Adds or replaces a unit (by kode), audited as an insert or update of ``AuditSubject/unit(_:)``.
    /// Throws ``ValidationFailure``: `.required` for an empty kode or nama, `.unknownUnit`
    /// for an unknown parent, `.unitCycle` when the parent is the unit or one of its descendants.
    func saveUnit(_ unit: OrgUnit) throws
    /// One employee (active or not), or nil for an unknown NIP.
    func pegawai(nip: String) throws -> Pegawai?
    /// Employees (active or not) of a unit, optionally with its sub-units, ordered by name then NIP.
    func pegawai(inUnit kode: String, includeSubunits: Bool) throws -> [Pegawai]
    /// At most `limit` employees whose name contains every word of `query`, in any order,
    /// ignoring case and accents ("rusli" finds "Ruslï"), or whose NIP starts or ends with the
    /// query's digits (spaces and a spreadsheet's leading apostrophe ignored), ordered by name
    /// then NIP. A query without a word or a digit finds nobody. `%`, `_` and `\` in the query
    /// are plain characters.
    func searchPegawai(_ query: String, limit: Int) throws -> [Pegawai]
    /// Adds or replaces an employee (by NIP), audited as an insert or update of
    /// ``AuditSubject/pegawai(_:)``, and refreshes the employee's cached scores.
    /// Throws ``ValidationFailure`` (`.unknownUnit`) when the unit does not exist.
    func savePegawai(_ pegawai: Pegawai) throws
    /// The number of employees, active or not.
    func countPegawai() throws -> Int

    // MARK: Records

    /// All records of one employee with their ids, each kind in id order; nil for an unknown NIP.
    func records(nip: String) throws -> StoredEmployeeRecords?
    /// Validates (fields as of the context's today, the NIP reference, duplicates of the
    /// employee's stored records by ``DuplicateKey``) and saves a new record, audited as an
    /// ``AuditAction/insert``; returns its id and the employee's new score for the
    /// measurement year. Throws ``ValidationFailure`` and writes nothing when invalid.
    @discardableResult
    func add(_ record: Record) throws -> SaveResult
    /// Adds many records (one course for every participant of an event) in ONE transaction:
    /// all or nothing. Each record is validated like ``add(_:)`` against the stored records
    /// and the batch's earlier records (the same record twice in a batch is a duplicate).
    /// When any is invalid nothing is written and ``BatchRefused`` lists every invalid
    /// record with its position and issues. Otherwise one batch is stored under `label`
    /// (what the admin calls the event), each record gets its own ``AuditAction/insert``
    /// entry carrying the batch id (``AuditEntry/batch``), and every participant's cached
    /// scores are refreshed, all in that transaction. An empty list is refused
    /// (``ValidationFailure``, `.required` on `nip`).
    @discardableResult
    func addBatch(_ records: [Record], label: String) throws -> BatchResult
    /// The employees who already have `course` (its NIP ignored): a diklat with the same
    /// ``DuplicateKey`` as the course would have for them (jenis, name ignoring case and
    /// spacing, start and end date). For "who still lacks this course" in a list.
    func holders(of course: Diklat) throws -> Set<String>
    /// A batch written by ``addBatch(_:label:)`` (its label, moment, actor and record
    /// count), or nil for an unknown id.
    func batch(id: Int64) throws -> BatchInfo?
    /// Replaces record `id` by `record` (same kind; validated like ``add(_:)``, the record
    /// itself excluded from the duplicate check), audited with the old and new values. When
    /// the NIP changes both employees' scores are refreshed; the result carries the new
    /// owner's score. Throws ``StoreError/recordNotFound(_:)`` or ``ValidationFailure``.
    @discardableResult
    func update(_ id: RecordID, to record: Record) throws -> SaveResult
    /// Deletes a record; the audit entry keeps the full old record. Returns the employee's
    /// new score. Throws ``StoreError/recordNotFound(_:)``.
    @discardableResult
    func delete(_ id: RecordID) throws -> SaveResult
    /// The change ``undoLast(session:)`` would revert now (to name it before asking), or nil.
    func nextUndo(session: String) throws -> AuditEntry?
    /// Reverts the newest change of `session` (a record's add, update or delete, a unit's or
    /// an employee's save, an import, or a redo) that is not undone yet, and audits the undo
    /// (action `undo`, pointing at the reverted row). Returns the reverted entry; nil when the
    /// session has nothing to undo. Another session's change is never undone. Throws
    /// ``StoreError/changedSince(by:)`` when what it would restore over is not exactly what the
    /// change left (someone changed it since), ``StoreError/cannotUndo(id:en:)`` when reverting
    /// would break a reference, ``ValidationFailure`` when it would make a duplicate.
    /// A batch (``addBatch(_:label:)``) is one step: when the newest change belongs to a
    /// batch, every change of that batch the session has not undone is reverted in the same
    /// transaction, each with its own `undo` entry carrying the batch id (all or nothing).
    @discardableResult
    func undoLast(session: String) throws -> AuditEntry?
    /// The change ``redoLast(session:)`` would apply again (the reverted change's entry), or nil.
    func nextRedo(session: String) throws -> AuditEntry?
    /// Applies again the change the newest undo of `session` reverted, when the session has
    /// made no new change since (action `redo`, pointing at the undo row; a redo is undoable).
    /// Returns the re-applied change's entry, nil when there is nothing to redo. Same checks
    /// and errors as ``undoLast(session:)``; an undone import of more records than the store
    /// keeps a copy of cannot be redone (``StoreError/cannotUndo(id:en:)``). The undo of a
    /// batch is redone as one step too (`redo` entries carrying the batch id).
    @discardableResult
    func redoLast(session: String) throws -> AuditEntry?
    /// A number that grows whenever data changes (any process, any session): cheap enough to
    /// poll every few seconds so that an open screen can refresh.
    func dataGeneration() throws -> Int64

    // MARK: Scores and figures

    /// One employee's score: from the cache for a cached year, else computed (and not
    /// cached); nil for an unknown NIP.
    func score(nip: String, year: Int) throws -> EmployeeScore?
    /// Scores of all active employees (or those of a unit and its sub-units), with the
    /// employee, ordered by unit kode, name, NIP. Caches the year first when it is not.
    func scores(year: Int, unit: String?) throws -> [ScoredPegawai]
    /// Each unit's sums over its own active employees (sub-units not folded in); units
    /// without active employees are absent. Caches the year first when it is not.
    func directUnitTotals(year: Int) throws -> [String: ScoreTotals]
    /// Every unit's figures with sub-units folded in, in tree order (see ``UnitAggregation``).
    func unitFigures(year: Int) throws -> [UnitFigure]
    /// Recomputes and stores every employee's score for a year, which from then on is a
    /// cached year kept current by every change.
    func recomputeAll(year: Int) throws
    /// Calls `body` with the records of every active employee (or those of a unit and its
    /// sub-units), one employee at a time in NIP order, for whole-province analyses such as
    /// planning interventions. Records carry what scoring reads; free-text fields may be
    /// empty and the order of an employee's records is unspecified.
    func forEachEmployeeRecords(inUnit unit: String?, _ body: (EmployeeRecords) throws -> Void) throws

    // MARK: Import

    /// Imports a stream of rows in ONE transaction: all or nothing. Rows arrive parsed (or
    /// with their parse failures) and are consumed one at a time, so a file of a million
    /// rows is never held in memory. References and duplicates (against the database and
    /// within the file) are checked here; a row not of the source's ``ImportRowSource/kind``
    /// is an issue of its line. With `skipInvalid` false, any invalid row means the
    /// transaction is rolled back, nothing is written (no audit entry either), and every
    /// problem is returned; with it true the valid rows are written and the problems returned.
    /// A written import is audited as one ``AuditAction/import`` entry with its
    /// ``ImportSummary``; a pegawai import keeps the old and new values of every employee it
    /// adds or changes beside it (``EmployeeImportChangesStore``). The cached scores of
    /// every touched employee are updated in the same transaction. Units may name parents
    /// that come later in the stream.
    /// With `dryRun` everything is checked and counted as it would be, then rolled back
    /// (nothing written, no audit entry); a pegawai import reports the existing employees it
    /// changes (``ImportOutcome/changes``) and the ones it adds either way.
    func importRows(_ rows: inout some ImportRowSource, skipInvalid: Bool, dryRun: Bool) throws -> ImportOutcome
    /// Runs several changes (imports, saves) as ONE transaction: when `body` throws, none of
    /// them stays (the demo sample is loaded this way: all of it or nothing).
    func inOneTransaction<T>(_ body: () throws -> T) throws -> T

    // MARK: Progress and activity

    /// Marks (or reopens) one dimension of a unit as "selesai diinput", stamped with the
    /// actor and the clock and audited as ``AuditAction/progress``. Throws
    /// ``ValidationFailure`` (`.unknownUnit`) for an unknown unit.
    func setProgress(unit: String, dimension: ProgressDimension, done: Bool) throws
    /// Every mark ever set (done or reopened), ordered by unit then dimension.
    func progressMarks() throws -> [ProgressMark]
    /// Records added per unit (by the employee's current unit) since a moment, from the
    /// audit log: each record insert plus the rows of each import. Undone inserts still
    /// count (the work was done).
    func recordsEntered(since: Date) throws -> [String: Int]
    /// The same count per unit and per actor (who entered them; an import counts for the
    /// actor who ran it), sorted by unit then actor.
    func recordEntries(since: Date) throws -> [EntryCount]

    // MARK: Accounts

    /// Every account, by login. The first login to open an account-less database for
    /// writing became its operator (audited as an insert of ``AuditSubject/account(_:)``).
    func accounts() throws -> [Account]
    /// One login's account, or nil.
    func account(login: String) throws -> Account?
    /// Adds or replaces an account; operators only (``StoreError/notPermitted(_:)``), audited.
    /// Throws ``ValidationFailure``: `.required` for an empty login or an admin without
    /// units, `.unknownUnit` for an unknown unit; the last operator cannot lose the role.
    func saveAccount(_ account: Account) throws
    /// Removes an account (operators only, never the last operator), audited; false when
    /// there was none.
    @discardableResult
    func removeAccount(login: String) throws -> Bool

    // MARK: Audit, drafts, checks

    /// The most recent `limit` audit entries, newest first.
    func auditLog(limit: Int) throws -> [AuditEntry]
    /// Keeps an unsaved form (serialised by the workstation) of `owner` (the acting login) to
    /// offer on the next start, replacing that owner's earlier draft of the same form
    /// (``Draft/formKey``); other owners' and other forms' drafts are untouched.
    func saveDraft(_ draft: Draft, owner: String) throws
    /// The drafts to offer `owner`, newest first: their own (and one carried over from before
    /// drafts had owners), never another admin's.
    func loadDrafts(owner: String) throws -> [Draft]
    /// Forgets `owner`'s draft of one form (after a save or a discard).
    func clearDraft(owner: String, formKey: String) throws
    /// The storage engine's own integrity check plus the project's consistency checks
    /// (every cached score equals a full recompute and exists for every employee, every
    /// employee's unit exists, the unit tree has no cycle). One English sentence per
    /// problem; empty when all is well.
    func check() throws -> [String]
}

/// Who changes data and when: the OS user, this session, and an injected clock (tests fix it).
public struct StoreContext: Sendable {
    /// Who is stamped on every audit entry and progress mark.
    public var actor: String
    /// This run of the workstation or of a command: written into every audit row, so that
    /// undo reverts only this session's own changes. By default ``processSession``: every
    /// context made in one process (the store's and the workstation's) is one session.
    public var session: String
    /// The clock: audit moments, progress marks, and (through ``today``) the default
    /// measurement year and the "not in the future" checks.
    public var now: @Sendable () -> Date
    /// The zone in which ``now`` becomes a calendar day.
    public var timeZone: TimeZone

    public init(
        actor: String, session: String = StoreContext.processSession, now: @escaping @Sendable () -> Date = { Date() },
        timeZone: TimeZone = .current
    ) {
        self.actor = actor
        self.session = session
        self.now = now
        self.timeZone = timeZone
    }

    /// This process's session id, made once.
    public static let processSession = newSession()

    /// A new session id: the process id and a random part (`1234-9f3a0c1b2d4e`).
    public static func newSession() -> String {
        let random = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        return "\(ProcessInfo.processInfo.processIdentifier)-\(random)"
    }

    /// The OS login running the process: the user name of its REAL user id (as SSH or the
    /// console logged it in), never an environment variable anyone could set; "uid N" when
    /// the uid has no name in the user database.
    public static func currentUser() -> String {
        let uid = getuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }

    /// Today's date in the context's time zone.
    public var today: LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

extension Store {
    /// ``importRows(_:skipInvalid:dryRun:)`` that writes.
    public func importRows(_ rows: inout some ImportRowSource, skipInvalid: Bool) throws -> ImportOutcome {
        try importRows(&rows, skipInvalid: skipInvalid, dryRun: false)
    }
}
