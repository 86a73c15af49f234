import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Migration `2026-12-06-unitrename`: a unit's code changes only through the owner's
/// `ipasn_rename_unit`, an operator's and only with the rename's audit row in the same
/// transaction; no account's role changes a code by raw SQL.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresUnitRenameTests {
    static let admin = "ipasn_rename_admin"
    static let operatorLogin = "ipasn_rename_ops"

    @Test func noAccountRenamesAUnitByRawSQLAndTheFunctionIsAnOperatorsWithItsAuditRow() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(databases, login: Self.admin, others: [Account(login: Self.operatorLogin, role: .operator, units: [])])
        let raw = role.raw
        // The admin of SUB: neither a raw update of the code nor the function.
        let update = PostgresRawSQLSweepTests.attempt("UPDATE units SET kode = 'SUB-X' WHERE kode = 'SUB'", raw).refusal
        #expect(update?.sqlState == "42501")
        #expect(update?.message == "permission denied: a unit's code is changed only by an operator (ipasn units rename)")
        let call = PostgresRawSQLSweepTests.attempt("SELECT ipasn_rename_unit('SUB', 'SUB-X')", raw).refusal
        #expect(call?.sqlState == "42501")
        #expect(call?.message == "permission denied: only an operator changes a unit's code (ipasn units rename)")
        // The store refuses the admin before it writes anything.
        let adminStore = try PostgresStore(role.own, context: TestClock.context(actor: Self.admin))
        #expect(throws: StoreError.notPermitted(.operatorOnly(.unitRename))) { try adminStore.renameUnit("SUB", to: "SUB-X") }

        // An operator's own role: a raw call without the audit row is refused, and so is a raw update.
        let operatorRaw = try PGConnection(conninfo: role.conninfo + " user=\(Self.operatorLogin)")
        let unaudited = PostgresRawSQLSweepTests.attempt("SELECT ipasn_rename_unit('SUB', 'SUB-X')", operatorRaw).refusal
        #expect(unaudited?.sqlState == "42501")
        #expect(unaudited?.message == "no audit row of the rename of unit SUB to SUB-X in this transaction")
        #expect(PostgresRawSQLSweepTests.attempt("UPDATE units SET kode = 'SUB-X' WHERE kode = 'SUB'", operatorRaw).refusal?.sqlState == "42501")

        // Through the store, as the operator's own role: done, audited, every reference moved.
        let operatorStore = try PostgresStore(role.conninfo + " user=\(Self.operatorLogin)", context: TestClock.context(actor: Self.operatorLogin))
        try operatorStore.renameUnit("SUB", to: "SUB-X")
        #expect(try role.ops.units().map(\.kode) == ["ROOT", "SUB-X"])
        #expect(try role.ops.account(login: Self.admin)?.units == ["SUB-X"])
        // The rename's own row is the record of what it moved (migration `2026-12-07-leftovers13`):
        // no server audit row at COMMIT for the moved employees, the unit's rows or its marks.
        let entries = try role.ops.auditLog(limit: 10)
        let log = entries.map { "\($0.action.rawValue) \($0.actor) \($0.subject)" }
        #expect(log.first == "rename \(Self.operatorLogin) unit(\"SUB-X\")", "\(log)")
        #expect(!entries.contains { $0.session?.hasPrefix("sql:") == true }, "\(log)")
        #expect(PostgresSchema.unitRenameFolded.contains("DECLARE") && PostgresSchema.unitRenameFolded.contains("DELETE FROM audit_pending"))
        #expect(try role.ops.check().isEmpty)
        // The admin's raw rights followed the unit (row security reads account_units).
        #expect(try raw.execute(sql: "UPDATE units SET nama = 'Bidang Baru' WHERE kode = 'SUB-X'") == 1)
    }
}
