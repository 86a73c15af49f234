import IPASNCore
import IPASNStore

extension PostgresStore {
    /// ``EmployeeImportChangesStore/employeeImportChanges(of:offset:limit:)``: one read transaction.
    public func employeeImportChanges(of entry: AuditEntry, offset: Int, limit: Int) throws -> [ImportChange<Pegawai>] {
        try sqlRead { try sqlEmployeeImportChanges(of: entry, offset: offset, limit: limit, $0) }
    }
}
