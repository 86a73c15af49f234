import IPASNCore
import IPASNStore

extension PostgresStore: EmployeePageStore {
    /// The page's four reads in ONE round trip and one snapshot (issue 12, branch pgsave3):
    /// `BEGIN ... REPEATABLE READ READ ONLY`, the employee and its records, their verification
    /// marks, their SIASN marks (for every record of the NIP, the ids not needed first), the
    /// employee's changes, and `COMMIT`, pipelined. The same statements as `records(nip:)`,
    /// `verifications(nip:)`, `pegawaiHistory(nip:)`; the SIASN marks' statement is
    /// `sentInfo`'s over the employee's records.
    public func employeePage(nip: String) throws -> EmployeePage? {
        let records = Self.recordsStatements(nip: nip)
        let verifications = Self.verificationStatements(nip: nip)
        let results = try readPipelined(Self.employeePageStatements(nip: nip))
        return try translatingErrors {
            guard let stored = try Self.decodeRecords(Array(results[..<records.count])) else { return nil }
            let marks = results[records.count..<(records.count + verifications.count)]
            return EmployeePage(
                records: stored, verifications: try Self.decodeVerifications(Array(marks)),
                sent: try Self.decodeSentInfo(results[records.count + verifications.count]),
                history: try Self.decodeHistory(results[records.count + verifications.count + 1]))
        }
    }

    /// The statements of ``employeePage(nip:)`` in order: the records', the verification
    /// marks', the SIASN marks' and the employee's changes.
    static func employeePageStatements(nip: String) -> [(sql: String, arguments: PGArguments)] {
        let sent: (sql: String, arguments: PGArguments) = (
            sentInfoOfEmployeeSQL, PGArguments(Array(repeating: nip, count: RecordKind.allCases.count))
        )
        return recordsStatements(nip: nip) + verificationStatements(nip: nip) + [sent, historyStatement(nip: nip)]
    }
}
