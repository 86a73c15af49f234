import Foundation
import IPASNCore
import IPASNStore

/// What scoring one employee needs, read in ONE round trip (issue 12: a save's round trips).
struct ScoringInputs {
    /// The measurement year (the configured one, else this year).
    var year: Int
    var ruleset: Ruleset
    /// The cached years, ascending.
    var years: [Int]
    /// The employee's records the ruleset leaves out (rejected ones, unless it counts them).
    var uncounted: Set<RecordID>
    /// The employee's records when asked for (nil: not asked, or no such employee).
    var stored: StoredEmployeeRecords?
}

extension PostgresStore {
    /// The measurement year, the ruleset, the cached years, the employee's rejected records
    /// and (when `withRecords`) the employee's records, pipelined in one round trip: the same
    /// statements `measurementYear`, `ruleset`, `cachedYears`, `uncountedRecords` and
    /// `records(nip:)` send one by one.
    func scoringInputs(nip: String, withRecords: Bool, _ db: PGConnection) throws -> ScoringInputs {
        let rejected: [(sql: String, arguments: PGArguments)] = RecordKind.allCases.map { kind in
            let table = PGRecordRows.table(kind)
            return (
                """
                SELECT r.id FROM \(table) r JOIN verification v ON v.kind = '\(table)' AND v.record_id = r.id
                WHERE r.nip = ? AND v.status = 'tidak'
                """, [nip]
            )
        }
        let settings: [(sql: String, arguments: PGArguments)] = [
            ("SELECT value FROM config WHERE key = 'year'", []),
            ("SELECT value FROM config WHERE key = 'ruleset'", []),
            ("SELECT year FROM score_year ORDER BY year", []),
        ]
        let results = try db.pipelined(settings + rejected + (withRecords ? Self.recordsStatements(nip: nip) : []))
        func text(_ result: PGResult) -> String? { result.count > 0 ? result.text(0, 0) : nil }
        let year = text(results[0]).flatMap { Int($0) } ?? context.today.year
        let ruleset = try text(results[1]).map { try RulesetFile.load(Data($0.utf8)) } ?? .bkn2019
        let years = (0..<results[2].count).compactMap { results[2].text($0, 0).flatMap { Int($0) } }
        var uncounted = Set<RecordID>()
        if !ruleset.verification.rejectedRecordsCount {
            for (index, kind) in RecordKind.allCases.enumerated() {
                let rows = results[3 + index]
                for row in 0..<rows.count {
                    if let id = rows.text(row, 0).flatMap({ Int64($0) }) { uncounted.insert(RecordID(kind: kind, id: id)) }
                }
            }
        }
        let stored = withRecords ? try Self.decodeRecords(Array(results[(3 + RecordKind.allCases.count)...])) : nil
        return ScoringInputs(year: year, ruleset: ruleset, years: years, uncounted: uncounted, stored: stored)
    }
}

extension PostgresStore {
    /// THE permission check of a record write (``PermittedChange/records(nips:)``) in ONE round
    /// trip, inside the write's transaction: the account, its units and, per employee, the
    /// employee's unit and whether the account holds it or a unit above it (the walk up the
    /// tree of ``WritePermissions/mayWrite(unit:_:)``, started from the employee's row), all
    /// pipelined. Decides exactly as `permit` does statement by statement: no account,
    /// a role that only reads, an employee of another unit are refused with the same errors.
    func permitRecordWrite(nips: [String], _ db: PGConnection) throws -> WritePermissions {
        let login = context.actor
        let employees = Set(nips).sorted()
        var statements: [(sql: String, arguments: PGArguments)] = [
            ("SELECT login, role FROM accounts WHERE login = ?", [login]),
            ("SELECT unit FROM account_units WHERE login = ? ORDER BY unit", [login]),
        ]
        for nip in employees {
            statements.append(("SELECT kode_unit FROM pegawai WHERE nip = ?", [nip]))
            statements.append((Self.employeeUnitHeldSQL, [nip, login]))
        }
        let results = try db.pipelined(statements)
        guard results[0].count > 0, let name = results[0].text(0, 0), let roleText = results[0].text(0, 1) else {
            throw StoreError.notPermitted(.noAccount(login: login, operators: try operators(db)))
        }
        guard let role = Role(rawValue: roleText) else { throw StoreError.corrupt("account \(name): role") }
        let units = (0..<results[1].count).compactMap { results[1].text($0, 0) }
        let account = Account(login: name, role: role, units: units)
        switch role {
        case .operator:
            return WritePermissions(account: account, allUnits: true)
        case .verifikator, .pimpinan:
            throw StoreError.notPermitted(.readOnlyRole(role))
        case .admin:
            for index in employees.indices {
                // An unknown NIP is validation's business, as in `permit`.
                guard let unit = results[2 + 2 * index].count > 0 ? results[2 + 2 * index].text(0, 0) : nil else { continue }
                if results[3 + 2 * index].count == 0 { throw StoreError.notPermitted(.notYourUnit(unit)) }
            }
            return WritePermissions(account: account, allUnits: false)
        }
    }

    /// Whether the account (`$2`) holds the unit of the employee `$1` or a unit above it: the
    /// walk of ``WritePermissions/mayWrite(unit:_:)`` started from the employee's row.
    static let employeeUnitHeldSQL = """
        WITH RECURSIVE up(kode) AS (
            SELECT kode_unit COLLATE "C" FROM pegawai WHERE nip = ?
            UNION SELECT u.induk FROM units u JOIN up ON u.kode = up.kode WHERE u.induk IS NOT NULL)
        SELECT 1 FROM up JOIN account_units a ON a.unit = up.kode AND a.login = ? LIMIT 1
        """
}
