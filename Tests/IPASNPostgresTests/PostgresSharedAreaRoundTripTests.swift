import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The store areas written once for both engines (`SQLStore+Verification`, `+Audit`, branch
/// dedup; `+ExportTracking`, `+Units`, `+Batch`) send PostgreSQL the same statements as the engine's own copies did: these pin each
/// call's round trips (BEGIN and COMMIT included, its statements already prepared), counted
/// on the engine's copies before they were moved. A verdict is on the verifikator's save path.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresSharedAreaRoundTripTests {
    /// The round trips of `body`'s second call (the first prepares its statements).
    private func trips(_ store: PostgresStore, _ body: () throws -> Void) throws -> Int {
        try body()
        let before = store.roundTrips
        try body()
        return store.roundTrips - before
    }

    /// A seeded database, its operator's store and the store of an admin of SUB (a sub-unit of
    /// ROOT); a verifikator `checker` has an account.
    private func seeded(_ databases: TestDatabases) throws -> (conninfo: String, ops: PostgresStore, admin: PostgresStore) {
        let conninfo = try databases.makeConninfo()
        let ops = try PostgresStore(conninfo, context: TestClock.context(actor: "ops"))
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: "sub-admin", role: .admin, units: ["SUB"]))
        try ops.saveAccount(Account(login: "checker", role: .verifikator, units: []))
        return (conninfo, ops, try PostgresStore(conninfo, context: TestClock.context(actor: "sub-admin")))
    }

    @Test func verdictsAndVerificationReadsKeepTheirRoundTrips() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (conninfo, _, admin) = try seeded(databases)
        let checker = try PostgresStore(conninfo, context: TestClock.context(actor: "checker"))
        let first = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama"))
        let second = try admin.add(SmallProvince.teknis(SmallProvince.nipC, "Kedua"))

        var measured: [String: Int] = [:]
        // Accepting twice: the second call changes nothing (no write, no recompute).
        measured["accept"] = try trips(checker) { _ = try checker.setVerification([first.id], status: .memenuhi, reason: "") }
        // Rejecting and back to belum: each call writes the row and the audit entry and
        // recomputes the employee (the ruleset leaves rejected records out).
        measured["reject, belum"] = try trips(checker) {
            _ = try checker.setVerification([second.id], status: .tidak, reason: "Sertifikat buram")
            _ = try checker.setVerification([second.id], status: .belum, reason: "")
        }
        _ = try checker.setVerification([second.id], status: .tidak, reason: "Sertifikat buram")
        measured["document"] = try trips(admin) {
            try admin.setDocument(first.id, inHand: true, path: "a.pdf")
            try admin.setDocument(first.id, inHand: false, path: "")
        }
        measured["verification(of:)"] = try trips(admin) { _ = try admin.verification(of: first.id) }
        measured["verificationCounts"] = try trips(admin) { _ = try admin.verificationCounts() }
        measured["rejectedRecords(nil)"] = try trips(admin) { _ = try admin.rejectedRecords(inUnits: nil) }
        measured["rejectedRecords(ROOT)"] = try trips(admin) { _ = try admin.rejectedRecords(inUnits: ["ROOT"]) }
        measured["queue belum"] = try trips(checker) { _ = try checker.verificationQueue(unit: nil, status: .belum, limit: 10) }
        measured["queue tidak SUB"] = try trips(checker) { _ = try checker.verificationQueue(unit: "SUB", status: .tidak, limit: 10) }
        print("round trips:", measured.sorted { $0.key < $1.key })
        #expect(
            measured == [
                "accept": 7, "reject, belum": 23, "document": 20, "verification(of:)": 3, "verificationCounts": 13,
                "rejectedRecords(nil)": 5, "rejectedRecords(ROOT)": 6, "queue belum": 5, "queue tidak SUB": 8,
            ])
    }

    @Test func auditAndProgressKeepTheirRoundTrips() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (_, _, admin) = try seeded(databases)
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama"))

        var measured: [String: Int] = [:]
        measured["progress done, open"] = try trips(admin) {
            try admin.setProgress(unit: "SUB", dimension: .kompetensi, done: true)
            try admin.setProgress(unit: "SUB", dimension: .kompetensi, done: false)
        }
        measured["progressMarks"] = try trips(admin) { _ = try admin.progressMarks() }
        measured["auditLog"] = try trips(admin) { _ = try admin.auditLog(limit: 10) }
        measured["dataGeneration"] = try trips(admin) { _ = try admin.dataGeneration() }
        measured["recordsEntered"] = try trips(admin) { _ = try admin.recordsEntered(since: TestClock.now.addingTimeInterval(-86_400 * 365)) }
        measured["recordEntries"] = try trips(admin) { _ = try admin.recordEntries(since: TestClock.now.addingTimeInterval(-86_400 * 365)) }
        let draft = Draft(form: "diklat", nip: SmallProvince.nipB, editing: nil, fields: ["nama": "x"], savedAt: TestClock.now)
        measured["drafts"] = try trips(admin) {
            try admin.saveDraft(draft, owner: "sub-admin")
            _ = try admin.loadDrafts(owner: "sub-admin")
            try admin.clearDraft(owner: "sub-admin", formKey: draft.formKey)
        }
        print("round trips:", measured.sorted { $0.key < $1.key })
        #expect(
            measured == [
                "progress done, open": 22, "progressMarks": 1, "auditLog": 1, "dataGeneration": 2, "recordsEntered": 3,
                "recordEntries": 3, "drafts": 6,
            ])
    }

    @Test func exportUnitsAndBatchesKeepTheirRoundTrips() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let (_, ops, admin) = try seeded(databases)
        _ = try admin.add(SmallProvince.teknis(SmallProvince.nipB, "Pertama"))

        var measured: [String: Int] = [:]
        measured["recordVersions"] = try trips(admin) { _ = try admin.recordVersions(kind: .diklat, unit: "SUB", pendingOnly: true) }
        measured["exportBatches"] = try trips(admin) { _ = try admin.exportBatches(limit: 5) }
        measured["sentDeletions"] = try trips(admin) { _ = try admin.sentDeletions(kind: nil, unit: "SUB") }
        measured["pendingCounts"] = try trips(admin) { _ = try admin.pendingCounts() }
        measured["pendingCounts(changedSince:)"] = try trips(admin) { _ = try admin.pendingCounts(changedSince: TestClock.now) }
        measured["pendingRecords"] = try trips(admin) { _ = try admin.pendingRecords(unit: "ROOT") }
        measured["saveUnit"] = try trips(ops) { try ops.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Dua", induk: "ROOT")) }
        measured["savePegawai"] = try trips(admin) {
            try admin.savePegawai(Pegawai(nip: SmallProvince.nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        }
        measured["pegawai(nip:)"] = try trips(admin) { _ = try admin.pegawai(nip: SmallProvince.nipB) }
        measured["pegawai(inUnit:)"] = try trips(admin) { _ = try admin.pegawai(inUnit: "ROOT", includeSubunits: true) }
        measured["searchPegawai"] = try trips(admin) { _ = try admin.searchPegawai("budi", limit: 5) }
        measured["countPegawai"] = try trips(admin) { _ = try admin.countPegawai() }
        measured["addBatch"] = try trips(admin) {
            _ = try admin.addBatch([SmallProvince.teknis(SmallProvince.nipB, "Kelas \(admin.roundTrips)")], label: "Kelas")
        }
        measured["batch(id:)"] = try trips(admin) { _ = try admin.batch(id: 1) }
        if case .diklat(let course) = SmallProvince.teknis(SmallProvince.nipB, "Pertama") {
            measured["holders"] = try trips(admin) { _ = try admin.holders(of: course) }
        }
        print("round trips:", measured.sorted { $0.key < $1.key })
        #expect(
            measured == [
                "recordVersions": 4, "exportBatches": 2, "sentDeletions": 2, "pendingCounts": 6, "pendingCounts(changedSince:)": 7,
                "pendingRecords": 5, "saveUnit": 8, "savePegawai": 11, "pegawai(nip:)": 2, "pegawai(inUnit:)": 2,
                "searchPegawai": 2, "countPegawai": 2, "addBatch": 13, "batch(id:)": 2, "holders": 4,
            ])
    }
}
