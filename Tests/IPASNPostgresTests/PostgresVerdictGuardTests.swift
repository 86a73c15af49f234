import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// Verdicts on PostgreSQL (migration `2026-11-30-fixes`): an admin connected as their own role
/// cannot write a verdict, even with raw SQL, yet their undo of a correction puts the
/// verifikator's rejection back (through the owner's function, from the audit log only).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresVerdictGuardTests {
    static let login = "ipasn_verdict_admin"
    static let verifier = "ipasn_verdict_vera"

    @Test func anAdminsRoleWritesNoVerdictButItsUndoRestoresTheRejection() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(databases, login: Self.login, others: [Account(login: Self.verifier, role: .verifikator)])
        let (conninfo, ops) = (role.conninfo, role.ops)
        let admin = try PostgresStore(role.own, context: TestClock.context(actor: Self.login))
        let vera = try PostgresStore(conninfo + " user=\(Self.verifier)", context: TestClock.context(actor: Self.verifier))
        let id = try admin.add(SmallProvince.teknis(SmallProvince.nipB)).id
        try vera.setVerification([id], status: .tidak, reason: "JP salah")
        try admin.setDocument(id, inHand: true, path: "/arsip/a.pdf")  // keeps the verdict: allowed

        // Raw SQL as the admin: no verdict of their own making.
        #expect(role.refused("UPDATE verification SET status = 'memenuhi', reason = '' WHERE record_id = \(id.id)") == "42501")
        #expect(role.refused("SELECT ipasn_restore_verdict('diklat', \(id.id), 999999)") == "42501")
        #expect(try admin.verification(of: id).status == .tidak)

        // Corrected, then undone, through ipasn as the admin's own role.
        try admin.update(id, to: SmallProvince.teknis(SmallProvince.nipB, jp: 24))
        #expect(try admin.verification(of: id).status == .belum)
        #expect(try admin.undoLast(session: Self.login)?.action == .update)
        #expect(
            try ops.verification(of: id)
                == RecordVerification(
                    status: .tidak, reason: "JP salah", by: Self.verifier, at: TestClock.now, documentInHand: true, documentPath: "/arsip/a.pdf"))
        #expect(try admin.redoLast(session: Self.login) != nil)
        #expect(try ops.verification(of: id).status == .belum)
        #expect(try ops.check() == [])
    }
}
