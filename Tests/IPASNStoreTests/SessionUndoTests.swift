import Foundation
import GRDB
import IPASNCore
import Testing

@testable import IPASNStore

/// Two admins (and two terminals of one admin) on one database file.
struct TwoAdminDatabase {
    let dir: URL
    let path: String

    init() throws {
        dir = try tempDirectory()
        path = dir.appendingPathComponent("shared.sqlite").path
    }

    func open(_ actor: String, session: String) throws -> SQLiteStore {
        try SQLiteStore(
            path: path,
            context: StoreContext(actor: actor, session: session, now: { fixedNow }, timeZone: TimeZone(identifier: "UTC")!))
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

@Suite struct SessionUndoTests {
    @Test func undoRevertsOnlyThisSessionsChangesEvenForTheSameLogin() throws {
        let db = try TwoAdminDatabase()
        defer { db.remove() }
        let setup = try db.open("ops", session: "setup")
        try seed(setup)
        // Two terminals of the same OS user.
        let left = try db.open("ani", session: "left")
        let right = try db.open("ani", session: "right")
        let mine = try left.add(teknis(nipA, "Kursus kiri")).id
        let theirs = try right.add(teknis(nipB, "Kursus kanan")).id
        #expect(try left.nextUndo(session: "left")?.entityID == String(mine.id))
        let undone = try #require(try left.undoLast(session: "left"))
        #expect(undone.entityID == String(mine.id) && undone.action == "insert")
        #expect(try left.records(nip: nipA)?.diklat.isEmpty == true)
        #expect(try left.records(nip: nipB)?.diklat.map(\.id) == [theirs.id], "the other terminal's save stays")
        // The left session has nothing more of its own.
        #expect(try left.undoLast(session: "left") == nil)
        #expect(try left.records(nip: nipB)?.diklat.count == 1)
        // A new session (a restart) cannot undo what an earlier session did.
        let restarted = try db.open("ani", session: "after-restart")
        #expect(try restarted.undoLast(session: "after-restart") == nil)
        #expect(try restarted.records(nip: nipB)?.diklat.count == 1)
        #expect(try left.check() == [])
    }

    /// The issue's case: A deletes the newest diklat, B's import would have reused its id,
    /// and A's undo overwrote B's record while `check` said OK.
    @Test func deletedIdIsNeverReusedSoUndoNeverOverwritesAnotherRecord() throws {
        let db = try TwoAdminDatabase()
        defer { db.remove() }
        let a = try db.open("ani", session: "a")
        try seed(a)
        let b = try db.open("budi", session: "b")
        let newest = try a.add(teknis(nipA, "Kursus Ani")).id
        try a.delete(newest)
        var rows = ArrayRowSource(kind: "diklat", rows: [Line(2, .record(teknis(nipB, "Kursus impor Budi")))])
        #expect(try b.importRows(&rows, skipInvalid: false).imported == 1)
        let imported = try #require(try b.records(nip: nipB)?.diklat.first)
        #expect(imported.id == newest.id + 1, "the import gets a new id, not the deleted one")
        // Plain adds after a delete of the highest id do not reuse it either.
        let added = try b.add(teknis(nipC, "Kursus Citra")).id
        #expect(added.id == newest.id + 2)
        #expect(try a.undoLast(session: "a")?.action == "delete")
        #expect(try a.records(nip: nipA)?.diklat.map(\.id) == [newest.id])
        #expect(try a.records(nip: nipB)?.diklat.map(\.value.nama) == ["Kursus impor Budi"])
        #expect(try a.check() == [])
    }

    @Test func undoRefusesWhenAnotherAdminChangedTheRecordSince() throws {
        let db = try TwoAdminDatabase()
        defer { db.remove() }
        let a = try db.open("ani", session: "a")
        try seed(a)
        let b = try db.open("budi", session: "b")
        let id = try a.add(teknis(nipA, jp: 20)).id
        try b.update(id, to: teknis(nipA, jp: 24))
        #expect(throws: StoreError.changedSince(by: "budi")) { try a.undoLast(session: "a") }
        #expect(try a.records(nip: nipA)?.diklat.map(\.value.jp) == [24], "nothing written")
        #expect(StoreError.changedSince(by: "budi").message(.id) == "Tidak dibatalkan: data sudah diubah oleh budi.")
        // Deleted by the other admin: an undo of the add refuses too (nothing to restore over).
        try b.delete(id)
        #expect(throws: StoreError.changedSince(by: "budi")) { try a.undoLast(session: "a") }
        #expect(try a.auditLog(limit: 1).first?.action == "delete", "no undo row was written")
    }

    @Test func undoCoversEmployeesAndUnitsNewestFirst() throws {
        let store = try seededStore(context: StoreContext(actor: "ani", session: "s1", now: { fixedNow }))
        try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT"))
        try store.savePegawai(Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
        #expect(try store.nextUndo(session: "s1")?.entity == "pegawai")
        try store.undoLast(session: "s1")
        let budi = try #require(try store.pegawai(nip: nipB))
        #expect(budi.nama == "Budi" && budi.kodeUnit == "SUB")
        try store.undoLast(session: "s1")
        #expect(try store.units().first { $0.kode == "SUB" }?.nama == "Bidang")
        // Next: the seeding's inserts, newest first: Citra (no records) is removed again.
        #expect(try store.undoLast(session: "s1")?.entityID == nipC)
        #expect(try store.pegawai(nip: nipC) == nil)
        #expect(try store.scores(year: 2024, unit: nil).count == 2)
        #expect(try store.check() == [])
    }

    @Test func undoingAnEmployeeWithRecordsSinceIsRefused() throws {
        let store = try seededStore(context: StoreContext(actor: "ani", session: "s1", now: { fixedNow }))
        let other = try SQLiteStore(writer: store.writer, context: StoreContext(actor: "budi", session: "s2", now: { fixedNow }))
        try store.savePegawai(Pegawai(nip: "200001012022031001", nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
        try other.add(teknis("200001012022031001"))
        do {
            try store.undoLast(session: "s1")
            Issue.record("undo must refuse")
        } catch let error as StoreError {
            guard case .cannotUndo(let id, _) = error else { throw error }
            #expect(id.contains("Dewi sudah punya data riwayat"))
        }
        #expect(try store.pegawai(nip: "200001012022031001") != nil)
    }

    @Test func redoAppliesTheUndoneChangeAgainUntilNewWork() throws {
        let store = try seededStore(context: StoreContext(actor: "ani", session: "s1", now: { fixedNow }))
        let id = try store.add(teknis(nipA, "Kursus A")).id
        try store.update(id, to: teknis(nipA, "Kursus A", jp: 30))
        #expect(try store.nextRedo(session: "s1") == nil)
        try store.undoLast(session: "s1")  // jp back to 20
        try store.undoLast(session: "s1")  // the add
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
        #expect(try store.nextRedo(session: "s1")?.action == "insert")
        #expect(try store.redoLast(session: "s1")?.action == "insert")
        #expect(try store.records(nip: nipA)?.diklat.map(\.id) == [id.id], "the same id comes back")
        #expect(try store.redoLast(session: "s1")?.action == "update")
        #expect(try store.records(nip: nipA)?.diklat.map(\.value.jp) == [30])
        #expect(try store.redoLast(session: "s1") == nil)
        // A redo is undoable like any change.
        #expect(try store.nextUndo(session: "s1")?.action == "redo")
        try store.undoLast(session: "s1")
        #expect(try store.records(nip: nipA)?.diklat.map(\.value.jp) == [20])
        // New work ends the chance to redo.
        try store.add(teknis(nipB))
        #expect(try store.nextRedo(session: "s1") == nil)
        #expect(try store.check() == [])
    }

    @Test func importsAreUndoneWholeAndRefusedWhenTouchedSince() throws {
        let store = try seededStore(context: StoreContext(actor: "ani", session: "s1", now: { fixedNow }))
        let other = try SQLiteStore(writer: store.writer, context: StoreContext(actor: "budi", session: "s2", now: { fixedNow }))
        var rows = ArrayRowSource(
            kind: "diklat",
            rows: [
                Line(2, .record(teknis(nipA, "Impor 1"))), Line(3, .record(teknis(nipB, "Impor 2"))),
                Line(4, .record(teknis(nipA, "Impor 1"))),  // a repeat of line 2: refused, id not consumed
                Line(5, .record(teknis(nipC, "Impor 3"))),
            ])
        let outcome = try store.importRows(&rows, skipInvalid: true)
        #expect(outcome.imported == 3)
        #expect(outcome.issues.map(\.issue.code) == [.duplicateInFile(line: 2)])
        let ids = try [nipA, nipB, nipC].flatMap { try store.records(nip: $0)!.diklat.map(\.id) }.sorted()
        #expect(ids == [1, 2, 3], "one import's ids are consecutive")
        // Budi edits one of the imported rows: the import can no longer be undone whole.
        try other.update(RecordID(kind: .diklat, id: 2), to: teknis(nipB, "Impor 2 (dibetulkan)"))
        #expect(try store.nextUndo(session: "s1")?.action == "import")
        #expect(throws: StoreError.changedSince(by: "budi")) { try store.undoLast(session: "s1") }
        try other.undoLast(session: "s2")
        #expect(try store.undoLast(session: "s1")?.action == "import")
        #expect(try [nipA, nipB, nipC].allSatisfy { try store.records(nip: $0)!.diklat.isEmpty })
        #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 0)
        // Redo brings the whole import back under its own ids, and it can be undone again.
        #expect(try store.nextRedo(session: "s1")?.action == "import")
        #expect(try store.redoLast(session: "s1")?.action == "import")
        let back = try [nipA, nipB, nipC].flatMap { try store.records(nip: $0)!.diklat.map(\.id) }.sorted()
        #expect(back == [1, 2, 3])
        #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 22.5, "20 JP teknis in 2024: the 20 JP are met again")
        #expect(try store.recordsEntered(since: fixedNow.addingTimeInterval(-1)).values.reduce(0, +) == 3, "not counted twice")
        #expect(try store.nextUndo(session: "s1")?.action == "import")
        try store.undoLast(session: "s1")
        #expect(try [nipA, nipB, nipC].allSatisfy { try store.records(nip: $0)!.diklat.isEmpty })
        #expect(try store.check() == [])
    }

    @Test func anImportTooLargeToKeepIsUndoneButNotRedone() throws {
        let store = try seededStore(context: StoreContext(actor: "ani", session: "s1", now: { fixedNow }))
        let n = SQLiteStore.redoableImportRows + 1
        var rows = ArrayRowSource(
            kind: "diklat", rows: (0..<n).map { Line($0 + 2, .record(teknis(nipA, "Kursus \($0)", jp: 1))) })
        #expect(try store.importRows(&rows, skipInvalid: false).imported == n)
        try store.undoLast(session: "s1")
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
        #expect(try store.auditLog(limit: 1).first?.oldValue == nil, "no copy of 20,001 rows in the audit log")
        do {
            try store.redoLast(session: "s1")
            Issue.record("redo must refuse")
        } catch let error as StoreError {
            guard case .cannotUndo(let id, _) = error else { throw error }
            #expect(id == "Impor sebesar ini tidak bisa diulang setelah dibatalkan: impor ulang berkasnya.")
        }
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
    }

    @Test func pegawaiImportKeepsOldValuesAndIsUndone() throws {
        let store = try seededStore(context: StoreContext(actor: "ani", session: "s1", now: { fixedNow }))
        var rows = ArrayRowSource(
            kind: "pegawai",
            rows: [
                Line(2, .pegawai(Pegawai(nip: nipA, nama: "Andi Pratama", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
                Line(3, .pegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))),  // unchanged
                Line(4, .pegawai(Pegawai(nip: "200001012022031001", nama: "Dewi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),
            ])
        #expect(try store.importRows(&rows, skipInvalid: false).imported == 3)
        let audit = try #require(try store.auditLog(limit: 1).first)
        let summary = try JSONDecoder().decode(ImportSummary.self, from: Data(audit.newValue!.utf8))
        #expect(summary.changes?.map(\.key) == [nipA, "200001012022031001"], "unchanged rows are left out")
        #expect(summary.changes?.first?.old?.contains("\"nama\":\"Andi\"") == true)
        try store.undoLast(session: "s1")
        let andi = try #require(try store.pegawai(nip: nipA))
        #expect(andi.nama == "Andi" && andi.kodeUnit == "ROOT")
        #expect(try store.pegawai(nip: "200001012022031001") == nil)
        try store.redoLast(session: "s1")
        #expect(try store.pegawai(nip: nipA)?.nama == "Andi Pratama")
        #expect(try store.pegawai(nip: "200001012022031001")?.nama == "Dewi")
        #expect(try store.check() == [])
    }

    /// The command line builds the store's context and the workstation's separately: they
    /// must be one session, or the workstation would find nothing of its own to undo.
    @Test func contextsOfOneProcessShareTheSessionByDefault() {
        let store = StoreContext(actor: "ani")
        let workstation = StoreContext(actor: "ani")
        #expect(store.session == workstation.session)
        #expect(store.session == StoreContext.processSession)
        #expect(StoreContext.newSession() != StoreContext.newSession())
    }

    @Test func dataGenerationGrowsWithAnotherProcesssChange() throws {
        let db = try TwoAdminDatabase()
        defer { db.remove() }
        let a = try db.open("ani", session: "a")
        try seed(a)
        let b = try db.open("budi", session: "b")
        let before = try a.dataGeneration()
        #expect(try a.dataGeneration() == before, "unchanged data, same generation")
        try b.add(teknis(nipB))
        #expect(try a.dataGeneration() > before)
        #expect(try a.auditLog(limit: 1).first?.session == "b")
    }
}
