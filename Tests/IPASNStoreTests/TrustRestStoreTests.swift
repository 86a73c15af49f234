import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// Re-importing pegawai (changes reported and audited, dry runs), the pendidikan identity and
/// employee search.
@Suite struct PegawaiReimportTests {
    @Test func reimportReportsEveryChangeAndAuditsTheOldValues() throws {
        let store = try seededStore()
        let newNIP = "199505052020012003"
        var rows = ArrayRowSource(
            kind: .pegawai,
            rows: [
                Line(2, .pegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),  // same
                Line(3, .pegawai(Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),
                Line(4, .pegawai(Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .fungsional, jenjang: "Ahli Muda"))),
                Line(5, .pegawai(Pegawai(nip: newNIP, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
            ])
        let outcome = try store.importRows(&rows, skipInvalid: false)
        #expect(outcome.imported == 4)
        #expect(outcome.added == 1)
        #expect(outcome.changes.map(\.line) == [3, 4])
        #expect(outcome.changes[0].summary == "\(nipB): nama \"Budi\" -> \"Budi Santoso\"; kode_unit SUB -> ROOT")
        #expect(outcome.changes[1].summary == "\(nipC): jenis_jabatan pelaksana -> fungsional; jenjang \"\" -> \"Ahli Muda\"")
        #expect(try store.pegawai(nip: nipB)?.nama == "Budi Santoso")

        // The import keeps every changed employee's old and new values and the added one (old
        // nil) beside its audit row, the counts in its summary; the unchanged Andi is not in it.
        let audit = try #require(try store.auditLog(limit: 1).first)
        #expect(audit.action == .import && audit.subject == .importFile(.pegawai))
        guard case .importSummary(let summary) = audit.new else {
            Issue.record("an import's audit row holds its summary")
            return
        }
        #expect(summary.pegawaiAdded == 1 && summary.pegawaiChanged == 2)
        #expect(try store.employeeImportChanges(of: audit) == [
            ImportChange(
                old: Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana),
                new: Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana)),
            ImportChange(
                old: Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .pelaksana),
                new: Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .fungsional, jenjang: "Ahli Muda")),
            ImportChange(old: nil, new: Pegawai(nip: newNIP, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana)),
        ])
        #expect(summary.imported == 4)
    }

    @Test func undoingAReimportRestoresTheOldValuesAndTheirSearchKeys() throws {
        let store = try seededStore(context: TestClock.context(actor: "ani", session: "s1"))
        let newNIP = "199505052020012003"
        var rows = ArrayRowSource(
            kind: .pegawai,
            rows: [
                Line(2, .pegawai(Pegawai(nip: nipB, nama: "Bambang Ruslï", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),
                Line(3, .pegawai(Pegawai(nip: newNIP, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
            ])
        #expect(try store.importRows(&rows, skipInvalid: false).changes.count == 1)
        #expect(try store.searchPegawai("rusli", limit: 10).map(\.nip) == [nipB])
        try store.undoLast(session: "s1")
        #expect(try store.pegawai(nip: nipB) == Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        #expect(try store.pegawai(nip: newNIP) == nil)
        // The search follows the restored name (the key is rewritten with the row).
        #expect(try store.searchPegawai("rusli", limit: 10).isEmpty)
        #expect(try store.searchPegawai("budi", limit: 10).map(\.nip) == [nipB])
        let key = try store.writer.read { try String.fetchOne($0, sql: "SELECT search_key FROM pegawai WHERE nip = ?", arguments: [nipB]) }
        #expect(key == SearchText.key("Budi"))
        #expect(try store.check().isEmpty)
        // Redo brings the import's values back, the added employee included.
        try store.redoLast(session: "s1")
        #expect(try store.pegawai(nip: nipB)?.nama == "Bambang Ruslï")
        #expect(try store.pegawai(nip: newNIP)?.nama == "Dewi")
        #expect(try store.searchPegawai("rusli", limit: 10).map(\.nip) == [nipB])
    }

    @Test func aDryRunReportsTheSameAndWritesNothing() throws {
        let store = try seededStore()
        let auditBefore = try store.auditLog(limit: 1000).count
        var rows = ArrayRowSource(
            kind: .pegawai,
            rows: [
                Line(2, .pegawai(Pegawai(nip: nipA, nama: "Andi Baso", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
                Line(3, .pegawai(Pegawai(nip: "199505052020012003", nama: "Dewi", kodeUnit: "NOPE", jenisJabatan: .pelaksana))),
            ])
        let outcome = try store.importRows(&rows, skipInvalid: true, dryRun: true)
        #expect(outcome.dryRun)
        #expect(outcome.imported == 1)
        #expect(outcome.issues.map(\.line) == [3])
        #expect(outcome.changes.map(\.new.nama) == ["Andi Baso"])
        #expect(try store.pegawai(nip: nipA)?.nama == "Andi")
        #expect(try store.auditLog(limit: 1000).count == auditBefore)
    }
}

@Suite struct PendidikanIdentityStoreTests {
    @Test func aSecondDegreeFromAnotherSchoolIsStored() throws {
        let store = try seededStore()
        _ = try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "Universitas Hasanuddin", jurusan: "Hukum")))
        _ = try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "Universitas Gadjah Mada", jurusan: "Hukum")))
        #expect(try store.records(nip: nipA)?.pendidikan.count == 2)
        #expect(throws: ValidationFailure.self) {
            try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "universitas hasanuddin ", jurusan: "HUKUM")))
        }
    }

    /// A database written before the school belonged to the identity gets its keys rebuilt.
    @Test func theMigrationRekeysStoredDegrees() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            let store = try SQLiteStore(path: path, context: testContext)
            try seed(store)
            _ = try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "Universitas Hasanuddin")))
        }
        // Put the database back as the old version left it: the key without school and jurusan.
        let oldKey = Self.fnv("pendidikan|\(nipA)|S1|")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE pendidikan SET dedup_key = ?", arguments: [oldKey])
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'pendidikan-identity-school-jurusan'")
        }
        try queue.close()
        let store = try SQLiteStore(path: path, context: testContext)
        _ = try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "Universitas Gadjah Mada")))
        #expect(try store.records(nip: nipA)?.pendidikan.count == 2)
        #expect(throws: ValidationFailure.self) {
            try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "Universitas Hasanuddin")))
        }
        #expect(try store.check() == [])
    }

    static func fnv(_ text: String) -> Int64 {
        var h: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 1_099_511_628_211 }
        return Int64(bitPattern: h)
    }
}

@Suite struct PegawaiSearchTests {
    let rusli = "198001012005011001"
    let ratna = "198502022010012002"

    func store() throws -> SQLiteStore {
        let store = try seededStore()
        try store.savePegawai(Pegawai(nip: rusli, nama: "Muhammad Ruslï Pratama", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        try store.savePegawai(Pegawai(nip: ratna, nama: "Ratna Ma'ruf", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        return store
    }

    @Test func namesIgnoreCaseAccentsAndWordOrder() throws {
        let store = try store()
        for query in ["rusli", "RUSLI", "ruslï", "pratama ruslï", "rus pra", "pra  RUS", "muhammad pratama rusli"] {
            #expect(try store.searchPegawai(query, limit: 10).map(\.nip) == [rusli], "\(query)")
        }
        #expect(try store.searchPegawai("maruf", limit: 10).map(\.nip) == [ratna])
        #expect(try store.searchPegawai("ma'ruf", limit: 10).map(\.nip) == [ratna])
        #expect(try store.searchPegawai("rusli budi", limit: 10).isEmpty)
        #expect(try store.searchPegawai("%", limit: 10).isEmpty)
        #expect(try store.searchPegawai("   ", limit: 10).isEmpty)
    }

    @Test func nipsMatchAtTheStartOrTheEndAsPastedFromASpreadsheet() throws {
        let store = try store()
        #expect(try store.searchPegawai("'198001012005011001", limit: 10).map(\.nip) == [rusli])
        #expect(try store.searchPegawai(" 19800101 200501 1 001 ", limit: 10).map(\.nip) == [rusli])
        #expect(try store.searchPegawai("011001", limit: 10).map(\.nip) == [rusli])
        #expect(try store.searchPegawai("'1985", limit: 10).map(\.nip) == [ratna])
        #expect(try store.searchPegawai("2010012002", limit: 10).map(\.nip) == [ratna])
    }

    /// A database from before the search key gets it filled from the names.
    @Test func theMigrationFillsTheSearchKey() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        do { try seed(SQLiteStore(path: path, context: testContext)) }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP INDEX pegawai_search")
            try db.execute(sql: "ALTER TABLE pegawai DROP COLUMN search_key")
            try db.execute(sql: "UPDATE pegawai SET nama = 'Bùdi Hartönö' WHERE nip = ?", arguments: [nipB])
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'pegawai-search-key'")
        }
        try queue.close()
        let store = try SQLiteStore(path: path, context: testContext)
        #expect(try store.searchPegawai("hartono budi", limit: 10).map(\.nip) == [nipB])
        #expect(try store.check() == [])
    }

    /// A row written around the store (no search key) is named by `check`.
    @Test func checkNamesEmployeesWithoutTheirSearchKey() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.sqlite").path
        do { try seed(SQLiteStore(path: path, context: testContext)) }
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE pegawai SET search_key = '' WHERE nip = ?", arguments: [nipC]) }
        try queue.close()
        let store = try SQLiteStore(path: path, context: testContext)
        #expect(try store.check() == ["The search key of 1 employee(s) does not match the name (not found by name): \(nipC)."])
    }
}

@Suite struct ProgressMarkTests {
    @Test func aParentIsDoneOnlyWhenItsSubunitsAre() throws {
        let store = try seededStore()
        #expect(throws: ValidationFailure.self) { try store.setProgress(unit: "ROOT", dimension: .kinerja, done: true) }
        #expect(try store.progressMarks().isEmpty)
        try store.setProgress(unit: "SUB", dimension: .kinerja, done: true)
        try store.setProgress(unit: "ROOT", dimension: .kinerja, done: true)
        #expect(try store.progressMarks().map(\.unit) == ["ROOT", "SUB"])
        // Another dimension of the parent is still refused, and reopening is always allowed.
        #expect(throws: ValidationFailure.self) { try store.setProgress(unit: "ROOT", dimension: .pendidikan, done: true) }
        try store.setProgress(unit: "SUB", dimension: .kinerja, done: false)
        // Reopening SUB reopened ROOT: a parent is never done above an open sub-unit.
        #expect(try store.progressMarks().map { "\($0.unit) \($0.done)" } == ["ROOT false", "SUB false"])
        let audit = try store.auditLog(limit: 2)
        #expect(audit.map(\.subject) == [.progress(unit: "SUB", dimension: .kinerja), .progress(unit: "ROOT", dimension: .kinerja)])
        #expect(audit.map(\.old) == [.done(true), .done(true)])
        #expect(audit.map(\.new) == [.done(false), .done(false)])
    }
}
