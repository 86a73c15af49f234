import Foundation
import GRDB
import IPASNCore
import Testing

@testable import IPASNStore

@Suite struct SQLiteStoreImportTests {
    @Test func aFailingImportWritesNothing() throws {
        let store = try seededStore()
        let auditBefore = try store.auditLog(limit: 1000).count
        var rows = ArrayRowSource(
            kind: "diklat",
            rows: [
                Line(2, .record(teknis(nipA, "Satu"))),
                Line(3, .record(teknis("199912312020121001", "Dua"))),  // unknown NIP
                Line(4, .record(teknis(nipB, "Tiga"))),
                Line(5, .record(teknis(nipB, "  tiga "))),  // repeats line 4
                Line(6, .invalid(ValidationFailure([ValidationIssue(field: "jp", code: .jpNotPositive)]))),
            ])
        let outcome = try store.importRows(&rows, skipInvalid: false)
        #expect(outcome.imported == 0)
        #expect(outcome.issues.map(\.line) == [3, 5, 6])
        #expect(outcome.issues[0].issue.code == .unknownNIP("199912312020121001"))
        #expect(outcome.issues[1].issue.code == .duplicateInFile(line: 4))
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
        #expect(try store.records(nip: nipB)?.diklat.isEmpty == true)
        #expect(try store.auditLog(limit: 1000).count == auditBefore)
        #expect(try store.score(nip: nipA, year: 2024)?.kompetensi == 0)
    }

    @Test func skipInvalidWritesTheGoodRowsAndUpdatesScores() throws {
        let store = try seededStore()
        try store.add(teknis(nipA, "Lama"))
        var rows = ArrayRowSource(
            kind: "diklat",
            rows: [
                Line(2, .record(teknis(nipA, "LAMA"))),  // already stored
                Line(3, .record(teknis(nipB, "Baru"))),
            ])
        let outcome = try store.importRows(&rows, skipInvalid: true)
        #expect(outcome.imported == 1)
        #expect(outcome.issues.map(\.issue.code) == [.duplicate(.diklat)])
        #expect(try store.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
        let audit = try #require(try store.auditLog(limit: 1).first)
        #expect(audit.action == "import")
        #expect(audit.newValue?.contains("\"imported\":1") == true)
        #expect(try store.recordsEntered(since: fixedNow.addingTimeInterval(-60)) == ["ROOT": 1, "SUB": 1])
        #expect(try store.recordsEntered(since: fixedNow.addingTimeInterval(60)) == [:])
        #expect(try store.check() == [])
    }

    @Test func unitsMayListParentsAfterChildrenButNotCyclesOrUnknownParents() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        var good = ArrayRowSource(
            kind: "units",
            rows: [
                Line(2, .unit(OrgUnit(kode: "C", nama: "Child", induk: "P"))),
                Line(3, .unit(OrgUnit(kode: "P", nama: "Parent"))),
            ])
        #expect(try store.importRows(&good, skipInvalid: false).imported == 2)
        #expect(try store.units().map(\.kode) == ["C", "P"])

        var bad = ArrayRowSource(
            kind: "units",
            rows: [
                Line(2, .unit(OrgUnit(kode: "X", nama: "X", induk: "Y"))),
                Line(3, .unit(OrgUnit(kode: "Y", nama: "Y", induk: "X"))),
                Line(4, .unit(OrgUnit(kode: "Z", nama: "Z", induk: "NOWHERE"))),
            ])
        let outcome = try store.importRows(&bad, skipInvalid: false)
        #expect(outcome.imported == 0)
        #expect(outcome.issues.map(\.line) == [2, 3, 4])
        #expect(outcome.issues[2].issue.code == .unknownUnit("NOWHERE"))
        #expect(try store.units().count == 2)
    }

    @Test func pegawaiImportChecksUnitsAndRepeatedNIPs() throws {
        let store = try seededStore()
        var rows = ArrayRowSource(
            kind: "pegawai",
            rows: [
                Line(2, .pegawai(Pegawai(nip: "199912312020121001", nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .fungsional))),
                Line(3, .pegawai(Pegawai(nip: "199912312020121001", nama: "Dewi 2", kodeUnit: "SUB", jenisJabatan: .fungsional))),
                Line(4, .pegawai(Pegawai(nip: "199812312020121001", nama: "Eka", kodeUnit: "NOPE", jenisJabatan: .fungsional))),
            ])
        let outcome = try store.importRows(&rows, skipInvalid: true)
        #expect(outcome.imported == 1)
        #expect(outcome.issues.map(\.issue.code) == [.duplicateInFile(line: 2), .unknownUnit("NOPE")])
        #expect(try store.score(nip: "199912312020121001", year: 2024)?.disiplin == 5)
        #expect(try store.check() == [])
    }
}

@Suite struct SQLiteStoreFileTests {
    @Test func aFileDatabaseIsCreatedWithItsDirectoriesInWALMode() throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a/b/ipasn.sqlite").path
        do {
            let store = try SQLiteStore(path: path, context: testContext)
            try seed(store)
            let mode = try store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(mode == "wal")
            let fk = try store.writer.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") }
            #expect(fk == true)
        }
        let reopened = try SQLiteStore(path: path, context: testContext)
        #expect(try reopened.countPegawai() == 3)
    }

    @Test func twoStoresOnOneFileBothWriteWithoutLockErrors() async throws {
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("shared.sqlite").path
        let first = try SQLiteStore(path: path, context: StoreContext(actor: "admin1", now: { fixedNow }))
        try seed(first)
        let second = try SQLiteStore(path: path, context: StoreContext(actor: "admin2", now: { fixedNow }))
        let n = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, nip) in [(first, nipA), (second, nipB)] {
                group.addTask {
                    for i in 0..<n {
                        try store.add(teknis(nip, "Kursus \(i)", jp: 1))
                        _ = try store.unitFigures(year: 2024)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.records(nip: nipA)?.diklat.count == n)
        #expect(try first.records(nip: nipB)?.diklat.count == n)
        #expect(try second.score(nip: nipA, year: 2024)?.kompetensi == 22.5)
        #expect(try first.check() == [])
    }
}
