import Foundation

/// The few places where the SQL of a shared store area differs between engines, as snippets
/// the area splices into its statements. Each engine defines its value next to its schema
/// (``SQLDialect/sqlite`` in IPASNStore/SQLite, `SQLDialect.postgresql` in IPASNPostgres);
/// everything else is written once, in SQL both engines run (`x IN (SELECT kode FROM sub)`,
/// `CAST(SUM(x) AS BIGINT)`, `ON CONFLICT ... DO UPDATE`, `?` placeholders).
public struct SQLDialect: Sendable {
    /// The engine's name, for messages (`SQLite`, `PostgreSQL`).
    public var name: String
    /// "This unit and its sub-units": `WITH RECURSIVE sub(kode) AS (...)` taking the unit as its one `?`.
    public var subunits: String
    /// The text of `key` of the JSON object held in the text column `column` (NULL when absent).
    public var jsonText: @Sendable (_ column: String, _ key: String) -> String
    /// How many rows of a group meet `condition` (an aggregate).
    public var countWhere: @Sendable (_ condition: String) -> String
    /// The NULL-safe "not equal" operator (`IS NOT`, `IS DISTINCT FROM`).
    public var distinctFrom: String
    /// A text expression of digits as an integer (NULL or 0 for other text, never an error).
    public var integer: @Sendable (_ text: String) -> String
    /// A planner hint naming the index to use after `FROM table alias` (empty when the engine has none).
    public var indexedBy: @Sendable (_ index: String) -> String
    /// A planner hint to read the table in key order rather than through an index (empty when none).
    public var notIndexed: String
    /// Column names PostgreSQL reserves and SQLite does not: `progress`'s marker, `progress_review`'s
    /// reviewer, `batches`' record count.
    public var progressBy: String
    public var reviewBy: String
    public var batchCount: String
    /// A `?` parameter that a recursive query unions with the `text` key columns (PostgreSQL
    /// types it and gives it the key columns' collation, `COLLATE "C"`; SQLite needs nothing).
    public var textParameter: String
    /// `verification`'s verifier column (PostgreSQL reserves `by`).
    public var verifiedBy: String
    /// An inner join that keeps the tables in the order written (SQLite's `CROSS JOIN` planner
    /// hint; PostgreSQL plans a plain `JOIN` itself).
    public var orderedJoin: String
    /// The call that moves a unit's code (arguments: old, new) through a function of the
    /// schema's owner, after the rename's audit row (PostgreSQL's `ipasn_rename_unit`); nil
    /// runs ``UnitRename``'s statements in the store's own transaction (SQLite).
    public var unitRenameCall: String? = nil

    public init(
        name: String, subunits: String, jsonText: @escaping @Sendable (String, String) -> String,
        countWhere: @escaping @Sendable (String) -> String, distinctFrom: String, integer: @escaping @Sendable (String) -> String,
        indexedBy: @escaping @Sendable (String) -> String, notIndexed: String, progressBy: String, reviewBy: String,
        batchCount: String, textParameter: String = "?", verifiedBy: String, orderedJoin: String
    ) {
        self.name = name
        self.subunits = subunits
        self.jsonText = jsonText
        self.countWhere = countWhere
        self.distinctFrom = distinctFrom
        self.integer = integer
        self.indexedBy = indexedBy
        self.notIndexed = notIndexed
        self.progressBy = progressBy
        self.reviewBy = reviewBy
        self.batchCount = batchCount
        self.textParameter = textParameter
        self.verifiedBy = verifiedBy
        self.orderedJoin = orderedJoin
    }
}
