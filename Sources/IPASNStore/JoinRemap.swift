import IPASNCore

/// How a joining database's rows are rewritten as they are read (SQLite SQL over the source
/// file, ``SQLiteStore/exportTables(order:select:_:)``), so that they fit beside the target's:
/// every id continues above the ids the target ever used (``UsedIDs``), and every reference
/// to an id moves with it: records (their audit rows' `entity_id` and the `id`s inside the
/// audit's record values, import ranges and undone-import lists, verdicts, SIASN export items and refusals,
/// kept deletions, entry marks), audit rows (`undoes`, a verdict's `since`, an employee
/// import's changes), bulk-entry batches and export batches. Drafts and settings stay the
/// target's; accounts the target already holds identically are not copied again; scores only
/// for the years the target caches (all of them into an empty target).
public struct JoinRemap: Sendable {
    public var used: UsedIDs
    /// Logins whose account (and units) the target already holds exactly.
    public var sameAccounts: [String]
    /// The years whose cached scores are copied.
    public var scoreYears: [Int]

    public init(used: UsedIDs, sameAccounts: [String], scoreYears: [Int]) {
        self.used = used
        self.sameAccounts = sameAccounts
        self.scoreYears = scoreYears
    }

    /// Tables whose rows stay the target's own.
    public static let notCopied: Set<String> = ["drafts", "config"]

    static let recordTables = RecordKind.allCases.map(\.rawValue)

    /// The SELECT list (one expression per column, in `columns` order) and the WHERE clause
    /// for one source table; nil when the table is not copied.
    public func select(table: String, columns: [String]) -> (expressions: [String], filter: String?)? {
        if Self.notCopied.contains(table) { return nil }
        let r = used.records, a = used.audit, b = used.batches, e = used.exportBatches
        let kinds = Self.recordTables.map { "'\($0)'" }.joined(separator: ", ")
        var moved: [String: String] = [:]
        var filter: String?
        switch table {
        case _ where Self.recordTables.contains(table): moved = ["id": "id + \(r)"]
        case "verification": moved = ["record_id": "record_id + \(r)", "since": "CASE WHEN since > 0 THEN since + \(a) ELSE since END"]
        case "batches": moved = ["id": "id + \(b)"]
        case "audit":
            moved = [
                "id": "id + \(a)", "undoes": "undoes + \(a)", "batch": "batch + \(b)",
                "entity_id": "CASE WHEN entity IN (\(kinds)) AND entity_id <> '' THEN CAST(CAST(entity_id AS INTEGER) + \(r) AS TEXT) ELSE entity_id END",
                "old_value": Self.value("old_value", kinds: kinds, records: r),
                "new_value": Self.value("new_value", kinds: kinds, records: r),
            ]
        case "import_pegawai_changes": moved = ["import_id": "import_id + \(a)"]
        case "export_batches": moved = ["id": "id + \(e)"]
        case "export_items": moved = ["batch": "batch + \(e)", "record_id": "record_id + \(r)"]
        case "export_deleted": moved = ["record_id": "record_id + \(r)"]
        case "siasn_refusals": moved = ["batch": "batch + \(e)", "record_id": "record_id + \(r)"]
        case "entry_marks": moved = ["upto_id": "upto_id + \(r)"]
        case "sqlite_sequence":
            moved = [
                "seq": """
                CASE WHEN name IN (\(kinds)) THEN seq + \(r) WHEN name = 'batches' THEN seq + \(b)
                     WHEN name = 'export_batches' THEN seq + \(e) WHEN name = 'audit' THEN seq + \(a) ELSE seq END
                """
            ]
        case "score_year":
            let years = used.cachedYears.isEmpty ? scoreYears : scoreYears.filter { !used.cachedYears.contains($0) }
            filter = "year IN (\(Self.list(years)))"
        case "employee_score", "employee_score_entered": filter = "year IN (\(Self.list(scoreYears)))"
        case "accounts", "account_units":
            if !sameAccounts.isEmpty {
                filter = "login NOT IN (\(sameAccounts.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")))"
            }
        default: break
        }
        return (columns.map { moved[$0] ?? "\"\($0)\"" }, filter)
    }

    private static func list(_ years: [Int]) -> String { years.isEmpty ? "NULL" : years.map(String.init).joined(separator: ", ") }

    /// An audit value with the record ids inside it moved: a record's `id`, an import's
    /// `ids.first`/`ids.last`, each `id` of an undone import's list of records.
    private static func value(_ column: String, kinds: String, records r: Int64) -> String {
        """
        CASE WHEN \(column) IS NULL OR NOT json_valid(\(column)) THEN \(column)
             WHEN entity IN (\(kinds)) AND entity_id <> '' AND json_type(\(column), '$.id') = 'integer'
                 THEN json_set(\(column), '$.id', json_extract(\(column), '$.id') + \(r))
             WHEN json_type(\(column), '$.ids.first') = 'integer'
                 THEN json_set(\(column), '$.ids.first', json_extract(\(column), '$.ids.first') + \(r),
                               '$.ids.last', json_extract(\(column), '$.ids.last') + \(r))
             WHEN entity IN (\(kinds)) AND json_type(\(column)) = 'array'
                 THEN (SELECT json_group_array(json(CASE WHEN json_type(j.value, '$.id') = 'integer'
                                                         THEN json_set(j.value, '$.id', json_extract(j.value, '$.id') + \(r))
                                                         ELSE j.value END))
                       FROM json_each(\(column)) j)
             ELSE \(column) END
        """
    }
}
