import IPASNCore

extension SQLiteStore {
    /// ``EmployeeImportChangesStore/employeeImportChanges(of:offset:limit:)``: one read
    /// transaction (a database opened for reading before migration `2026-11-30-pegawai` has no
    /// such rows, only older imports' inline lists).
    public func employeeImportChanges(of entry: AuditEntry, offset: Int, limit: Int) throws -> [ImportChange<Pegawai>] {
        try sqlRead { try sqlEmployeeImportChanges(of: entry, offset: offset, limit: limit, $0) }
    }
}
