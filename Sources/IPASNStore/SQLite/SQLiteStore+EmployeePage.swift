import IPASNCore

extension SQLiteStore: EmployeePageStore {
    /// The four reads one after the other (a local file: no round trips to save).
    public func employeePage(nip: String) throws -> EmployeePage? {
        guard let records = try records(nip: nip) else { return nil }
        return EmployeePage(
            records: records, verifications: try verifications(nip: nip), sent: try sentInfo(records.allIDs),
            history: try pegawaiHistory(nip: nip))
    }
}
