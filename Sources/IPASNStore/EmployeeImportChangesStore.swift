import IPASNCore

/// What an employee import added and changed, kept as rows beside its audit row instead of
/// inside it (issue 14, branch pegawai: the summary of a 500,000-employee import held every
/// employee twice in memory and in one JSON text, about 2 KB an employee).
///
/// Contract (docs/store.md, "Employee import changes"):
/// - An employee import (``ImportKind/pegawai``) writes, as its rows go in and in the same
///   transaction, one row per employee it adds or changes: its place in the file's order
///   (`seq`, from 0), the file line, the employee before (nil: added) and after. The rows are
///   keyed by the import's audit entry id; the summary (``ImportSummary``) keeps only the
///   counts (``ImportSummary/pegawaiAdded``, ``ImportSummary/pegawaiChanged``) and
///   ``ImportSummary/pegawaiChanges`` is nil. A dry run or an import refused as a whole leaves
///   no row.
/// - Undo reverts the rows in reverse file order, redo applies them in file order, as they
///   did with the list inside the summary; an import audited before this (its list inline)
///   is undone and redone from that list.
/// - The rows are never changed nor deleted (the audit log's rules); an admin writes them
///   only for their own units (PostgreSQL: row-level security and privileges).
public protocol EmployeeImportChangesStore {
    /// The employees an employee import (its audit entry) added or changed, in file order,
    /// from position `offset`, at most `limit`: read from the import's rows, or from the
    /// summary of an import audited before they were kept apart. Empty for any other entry.
    func employeeImportChanges(of entry: AuditEntry, offset: Int, limit: Int) throws -> [ImportChange<Pegawai>]
}

extension EmployeeImportChangesStore {
    /// Every change of an employee import, in file order (a small import's; a large one's
    /// is read a page at a time with ``employeeImportChanges(of:offset:limit:)``).
    public func employeeImportChanges(of entry: AuditEntry) throws -> [ImportChange<Pegawai>] {
        try employeeImportChanges(of: entry, offset: 0, limit: Int.max)
    }
}

extension ImportSummary {
    /// An employee import's counts of added and changed employees: from the summary's counts,
    /// or counted from the list of an import audited before the counts were kept. Nil for
    /// other kinds.
    public var employeeCounts: (added: Int, changed: Int)? {
        if let added = pegawaiAdded { return (added, pegawaiChanged ?? 0) }
        guard let changes = pegawaiChanges else { return nil }
        let added = changes.count { $0.old == nil }
        return (added, changes.count - added)
    }
}
