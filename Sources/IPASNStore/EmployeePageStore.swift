import IPASNCore

/// What an employee's page shows, read in one call (issue 12, branch pgsave3: the page's
/// reload after each save was four reads, four round trips to a PostgreSQL server).
///
/// Contract (docs/store.md, "An employee's page in one read"):
/// - ``employeePage(nip:)`` returns nil when there is no such employee; otherwise exactly what
///   ``Store/records(nip:)``, ``VerificationStore/verifications(nip:)``,
///   ``ExportTrackingStore/sentInfo(_:)`` of every record of those records and
///   ``EmployeeChangeStore/pegawaiHistory(nip:)`` return when called one after the other with
///   no write in between.
/// - It reads only (no write, no lock) and is at least as consistent as those four calls:
///   a server reads them in one snapshot.
public protocol EmployeePageStore {
    /// The employee's records, their verification and SIASN marks and the employee's changes.
    func employeePage(nip: String) throws -> EmployeePage?
}

/// An employee's page (``EmployeePageStore/employeePage(nip:)``).
public struct EmployeePage: Hashable, Sendable {
    public var records: StoredEmployeeRecords
    /// Verification of the records that have one (absent: not verified).
    public var verifications: [RecordID: RecordVerification]
    /// SIASN marks of the records a marking batch sent (absent: never sent).
    public var sent: [RecordID: RecordSending]
    /// The employee's changes still in effect, oldest first.
    public var history: [PegawaiHistory.Step]

    public init(
        records: StoredEmployeeRecords, verifications: [RecordID: RecordVerification], sent: [RecordID: RecordSending],
        history: [PegawaiHistory.Step]
    ) {
        self.records = records
        self.verifications = verifications
        self.sent = sent
        self.history = history
    }
}

extension StoredEmployeeRecords {
    /// The ids of every record, pendidikan, diklat, SKP, disiplin, each in id order.
    public var allIDs: [RecordID] {
        pendidikan.map { RecordID(kind: .pendidikan, id: $0.id) } + diklat.map { RecordID(kind: .diklat, id: $0.id) }
            + skp.map { RecordID(kind: .skp, id: $0.id) } + disiplin.map { RecordID(kind: .disiplin, id: $0.id) }
    }
}
