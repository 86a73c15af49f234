/// Copying another ipasn database's tables into this one, in ONE transaction under the
/// write lock (all of it or nothing): `ipasn migrate --to` (into an empty database) and
/// `ipasn migrate --to --join` (a city's SQLite file joining a province's database that
/// already holds other instansi's data). ``DatabaseJoin`` drives it; both engines implement it.
public protocol JoinStore {
    /// Opens the copy's transaction and takes the write lock, reads what the target already
    /// holds (``CopyTarget/used``), and calls `fill` with the target, which copies the source's
    /// tables into it (``CopyTarget/copy(_:)``), parents before children. Then moves every id
    /// sequence past the ids the copied tables ever used and commits; throwing from `fill`
    /// rolls everything back. Unless `joining`, a target holding any ipasn data is refused.
    func copyTables(joining: Bool, _ fill: (any CopyTarget) throws -> Void) throws -> TableCopyReport
    /// The years whose scores this database caches.
    func cachedScoreYears() throws -> [Int]
}

/// The target of a table copy, inside its transaction.
public protocol CopyTarget: AnyObject {
    /// The ids the target had used when the copy began (read under the write lock).
    var used: UsedIDs { get }
    /// Copies one table's rows (columns named as in the SQLite schema); tables that are the
    /// target's own bookkeeping (kept by its triggers) are read and skipped.
    func copy(_ table: ExportedTable) throws
}

/// The highest ids a database has ever handed out (deleted ones included): a joined
/// database's ids continue above them.
public struct UsedIDs: Sendable, Hashable {
    /// Over the four record tables (pendidikan, diklat, SKP, disiplin): one offset for all.
    public var records: Int64
    public var audit: Int64
    public var batches: Int64
    public var exportBatches: Int64
    /// The years whose scores the target caches.
    public var cachedYears: [Int]

    public init(records: Int64, audit: Int64, batches: Int64, exportBatches: Int64, cachedYears: [Int]) {
        self.records = records
        self.audit = audit
        self.batches = batches
        self.exportBatches = exportBatches
        self.cachedYears = cachedYears
    }
}

/// What a table copy copied.
public struct TableCopyReport: Sendable {
    /// Every copied table with its row count, in copy order.
    public var tables: [(name: String, rows: Int)] = []
    /// The years whose scores the source had cached (copied with them).
    public var cachedYears: [Int] = []

    public init() {}
}

/// What a table copy copies, and in which order.
public enum TableCopy {
    /// Parents before children, as the foreign keys need them.
    public static let order = [
        "units", "pegawai", "pendidikan", "diklat", "skp", "disiplin", "score_year", "employee_score", "employee_score_entered",
        "verification", "config", "batches", "audit", "import_pegawai_changes", "progress", "progress_review", "drafts",
        "export_batches", "export_items", "export_deleted", "siasn_refusals", "entry_marks", "accounts", "account_units", "sqlite_sequence",
    ]
    /// The source's own bookkeeping, which has no place in the target (its schema version is
    /// the target's own; its id sequences are read for the target's), and the tables every
    /// target keeps by its own triggers as the rows come in: `unit_score_totals` (the per-unit
    /// sums of the cached scores), `unit_pending_counts` (the pending records per unit),
    /// `record_touch` and `touch_ranges` (the audit log indexed for the verifikator's queue,
    /// filled by the target's audit trigger), `queue_waiting` (the records waiting for
    /// verification per unit).
    public static let bookkeeping: Set<String> = [
        "grdb_migrations", "sqlite_sequence", "unit_score_totals", "unit_pending_counts", "record_touch", "touch_ranges",
        "queue_waiting",
    ]
}
