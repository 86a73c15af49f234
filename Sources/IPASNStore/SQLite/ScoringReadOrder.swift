/// FAST PATH (issue 14, branch large3): how a scoring read of a record table orders its rows.
///
/// Why the sorted read exists: a refresh merges every table in NIP order. Through the table's
/// `(nip, dedup_key)` index that costs a table lookup per row, and the rows of one employee
/// lie together in the table (an import writes them as one run) but the employees lie in the
/// file's order, so walking the index in NIP order misses the page cache about once per
/// employee. After a large import every one of those table pages is an uncommitted frame of
/// the import's own WAL, and SQLite looks each miss up in the WAL's hash index one block of
/// 4,096 frames at a time from the newest (`walFindFrame`); the table was written first, so
/// every block is searched: the walk cost the employees times the WAL (the refresh grew 5.4x
/// for 4x the rows, docs/performance.md, "Linear growth, round 2"). ``nipSorted`` reads the
/// table once in its own order (every page once, in the order written) and lets SQLite's
/// sorter order the rows by NIP (its memory bounded: ``BulkImportIndexes/withBoundedSorter(_:_:)``,
/// the rest in temporary files): a sort instead of a lookup per row and a WAL search per
/// employee. Only for a table the import wrote most of (``UnchangedTables/sortsWritten``):
/// a small import into a large table would sort the whole table for a few rows.
///
/// Scores do not depend on the order of an employee's records; ``nipSorted`` still gives them
/// in id order within the employee, so the read is deterministic.
enum ScoringReadOrder {
    /// NIP order through the table's `(nip, dedup_key)` index.
    case nipIndex
    /// NIP order by one scan in table order and a sort.
    case nipSorted
    /// Table (id) order: one scan, no sort (``DiklatScoringTable``).
    case table

    /// The `FROM` source naming `table` (an index is never used for ``nipSorted``).
    func source(_ table: String) -> String {
        self == .nipSorted ? "\(table) NOT INDEXED" : table
    }

    /// The `ORDER BY` clause, with its leading space.
    var clause: String {
        switch self {
        case .nipIndex: return " ORDER BY nip"
        case .nipSorted: return " ORDER BY nip, id"
        case .table: return " ORDER BY id"
        }
    }
}
