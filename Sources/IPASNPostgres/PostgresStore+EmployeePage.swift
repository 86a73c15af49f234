import IPASNCore
import IPASNStore

extension PostgresStore: EmployeePageStore {
    /// The page's four reads in ONE round trip and one snapshot (issue 12, branch pgsave3):
    /// `BEGIN ... REPEATABLE READ READ ONLY`, the employee and its records, their verification
    /// marks, their SIASN marks (for every record of the NIP, the ids not needed first), the
    /// employee's changes, and `COMMIT`, pipelined. The same statements as `records(nip:)`,
    /// `verifications(nip:)`, `pegawaiHistory(nip:)`; the SIASN marks' statement is
    /// `sentInfo`'s over the employee's records.
    ///
    /// Since branch pgsave11 the same exchange also reads, when this store keeps no basis for the
    /// employee, what a save in one round trip decides on (``OneTripBasis``): the measurement
    /// year, the ruleset, the cached years and the employee's digest (``pageBasisSQL``), in the
    /// same snapshot as the records; the rejected records are the page's own verdicts. So the
    /// first save after a page opens is one exchange, for any kind of record.
    public func employeePage(nip: String) throws -> EmployeePage? {
        let records = Self.recordsStatements(nip: nip)
        let verifications = Self.verificationStatements(nip: nip)
        let withBasis = !isReadOnly && !isInTransaction && !oneTripMemo.has(nip: nip, login: context.actor)
        let basis: [(sql: String, arguments: PGArguments)] = withBasis ? [(Self.pageBasisSQL, [nip] as PGArguments)] : []
        let results = try readPipelined(Self.employeePageStatements(nip: nip) + basis)
        return try translatingErrors {
            guard let stored = try Self.decodeRecords(Array(results[..<records.count])) else { return nil }
            let marks = results[records.count..<(records.count + verifications.count)]
            let page = EmployeePage(
                records: stored, verifications: try Self.decodeVerifications(Array(marks)),
                sent: try Self.decodeSentInfo(results[records.count + verifications.count]),
                history: try Self.decodeHistory(results[records.count + verifications.count + 1]))
            if withBasis, let last = results.last { try keepBasis(of: page, last) }
            return page
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

    /// What a one-trip save decides on besides the page (``employeePage(nip:)``), in one row:
    /// the measurement year, the ruleset, the cached years (ascending, comma-separated) and the
    /// employee's digest (`ipasn_save_digest`), as ``scoringStatements(nip:withRecords:)`` and
    /// ``basisSQL`` read them.
    static let pageBasisSQL = """
        SELECT (SELECT value FROM config WHERE key = 'year'), (SELECT value FROM config WHERE key = 'ruleset'),
               (SELECT string_agg(year::text, ',' ORDER BY year) FROM score_year), d.after
        FROM ipasn_save_digest(?, '', NULL) d
        """

    /// Keeps the basis the page and ``pageBasisSQL``'s row give (read in one snapshot): what
    /// ``decodeScoringInputs(_:withRecords:)`` decodes from the save's own reads.
    private func keepBasis(of page: EmployeePage, _ row: PGResult) throws {
        guard row.count > 0, let digest = row.text(0, 3) else { return }
        let year = row.text(0, 0).flatMap { Int($0) } ?? context.today.year
        let ruleset = try row.text(0, 1).map { try oneTripMemo.ruleset($0) } ?? .bkn2019
        let years = (row.text(0, 2) ?? "").split(separator: ",").compactMap { Int($0) }
        let uncounted: Set<RecordID> =
            ruleset.verification.rejectedRecordsCount
            ? [] : Set(page.verifications.filter { $0.value.status == .tidak }.map(\.key))
        oneTripMemo.keep(
            OneTripBasis(
                login: context.actor, digest: digest, stored: page.records,
                inputs: ScoringInputs(year: year, ruleset: ruleset, years: years, uncounted: uncounted, stored: nil)))
    }
}
