import Foundation
import GRDB

typealias Record = IPASNCore.Record
import IPASNCore
import Testing

@testable import IPASNStore

@Suite struct SQLiteStoreRecordTests {
    @Test func measurementYearDefaultsToTheClocksYearAndCanBeSet() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        #expect(try store.measurementYear() == 2024)
        try store.setMeasurementYear(2023)
        #expect(try store.measurementYear() == 2023)
        #expect(try store.auditLog(limit: 1).first?.action == "config")
    }

    @Test func everyRecordKindRoundTrips() throws {
        let store = try seededStore()
        let records: [IPASNCore.Record] = [
            .pendidikan(Pendidikan(nip: nipA, tingkat: .s1, tanggalLulus: d("2010-08-01"), namaSekolah: "UGM", jurusan: "Hukum")),
            .diklat(
                Diklat(
                    nip: nipA, jenis: .struktural, tingkat: .pimIV, nama: "Diklatpim IV", penyelenggara: "LAN",
                    tanggalMulai: d("2020-01-01"), tanggalSelesai: d("2020-03-01"), jp: 300, nomorSertifikat: "X/1",
                    sesuaiJabatan: false)),
            .skp(SKP(nip: nipA, tahun: 2024, predikat: .baik, nilai: 80.5)),
            .disiplin(HukumanDisiplin(nip: nipA, tingkat: .ringan, tmt: d("2024-02-01"), jenis: "teguran lisan")),
        ]
        var ids: [RecordID] = []
        for record in records { ids.append(try store.add(record).id) }
        let stored = try #require(try store.records(nip: nipA))
        #expect(stored.plain.pendidikan.count == 1)
        #expect(IPASNCore.Record.pendidikan(stored.pendidikan[0].value) == records[0])
        #expect(IPASNCore.Record.diklat(stored.diklat[0].value) == records[1])
        #expect(IPASNCore.Record.skp(stored.skp[0].value) == records[2])
        #expect(IPASNCore.Record.disiplin(stored.disiplin[0].value) == records[3])
        #expect(stored.diklat[0].id == ids[1].id)
        #expect(try store.records(nip: "000000000000000000") == nil)
    }

    @Test func addUpdatesTheCachedScore() throws {
        let store = try seededStore()
        #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 0)
        let result = try store.add(teknis(nipC))
        #expect(result.score.kompetensi == 22.5)
        #expect(result.score.year == 2024)
        // The cache, not a recompute: read the raw row.
        let cached = try store.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT kompetensi FROM employee_score WHERE year = 2024 AND nip = ?", arguments: [nipC])
        }
        #expect(cached == 22.5)
        #expect(try store.auditLog(limit: 1).first?.action == "insert")
    }

    @Test func updateAuditsOldAndNewAndDeleteKeepsTheFullRow() throws {
        let store = try seededStore()
        let id = try store.add(teknis(nipC, jp: 20)).id
        let updated = try store.update(id, to: teknis(nipC, jp: 19))
        #expect(updated.score.kompetensi == 0)  // 19 JP earns nothing
        let update = try #require(try store.auditLog(limit: 1).first)
        #expect(update.action == "update")
        #expect(update.oldValue?.contains("\"jp\":20") == true)
        #expect(update.newValue?.contains("\"jp\":19") == true)

        let deleted = try store.delete(id)
        #expect(deleted.score.kompetensi == 0)
        #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)
        let delete = try #require(try store.auditLog(limit: 1).first)
        #expect(delete.action == "delete")
        #expect(delete.newValue == nil)
        let old = try #require(delete.oldValue)
        for fragment in ["\"id\":\(id.id)", "\"kind\":\"diklat\"", "\"nama\":\"Bimtek Arsip\"", "\"penyelenggara\":\"BPSDM\"", "\"tanggalMulai\":\"2024-03-01\"", "\"jp\":19", "\"nip\":\"\(nipC)\""] {
            #expect(old.contains(fragment), "\(fragment) in \(old)")
        }
    }

    @Test func undoRevertsAddUpdateAndDeleteInTurn() throws {
        let store = try seededStore()
        let id = try store.add(teknis(nipC, jp: 20)).id
        try store.update(id, to: teknis(nipC, jp: 24))
        try store.delete(id)
        #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)

        #expect(try store.undoLast(session: testContext.session)?.action == "delete")
        #expect(try store.records(nip: nipC)?.diklat.map(\.value.jp) == [24])
        #expect(try store.records(nip: nipC)?.diklat.first?.id == id.id)
        #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 22.5)

        #expect(try store.undoLast(session: testContext.session)?.action == "update")
        #expect(try store.records(nip: nipC)?.diklat.map(\.value.jp) == [20])

        #expect(try store.undoLast(session: testContext.session)?.action == "insert")
        #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)
        #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 0)
        // Next in this session: the seeding's last save (employees are undoable too).
        #expect(try store.nextUndo(session: testContext.session)?.entity == "pegawai")
        #expect(try store.undoLast(session: "someone-else") == nil)
        #expect(try store.auditLog(limit: 1).first?.action == "undo")
    }

    @Test func invalidRecordsAreRefusedAndNothingIsWritten() throws {
        let store = try seededStore()
        try store.add(teknis(nipC, "Bimtek Arsip"))
        let auditCount = try store.auditLog(limit: 1000).count

        func refused(_ record: IPASNCore.Record) -> [IssueCode] {
            do {
                try store.add(record)
                return []
            } catch let failure as ValidationFailure {
                return failure.issues.map(\.code)
            } catch {
                return []
            }
        }
        #expect(refused(teknis("199912312020121001")) .contains(.unknownNIP("199912312020121001")))
        // The same course, typed with other case and spacing.
        #expect(refused(teknis(nipC, "  bimtek   ARSIP ")) == [.duplicate(.diklat)])
        // An end date after today (2024-11-30).
        #expect(refused(teknis(nipC, "Bimtek Lain", end: "2024-12-05")).contains(where: {
            if case .dateInFuture = $0 { return true } else { return false }
        }))
        #expect(try store.records(nip: nipC)?.diklat.count == 1)
        #expect(try store.auditLog(limit: 1000).count == auditCount)
    }

    @Test func theDatabaseRefusesDuplicatesToo() throws {
        let store = try seededStore()
        try store.add(teknis(nipC))
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: RecordRows.insertSQL(.diklat), arguments: RecordRows.arguments(teknis(nipC, " BIMTEK arsip")))
            }
        }
    }

    @Test func pegawaiNeedsAKnownUnitAndUnitsRefuseCycles() throws {
        let store = try seededStore()
        #expect(throws: ValidationFailure([ValidationIssue(field: "kode_unit", code: .unknownUnit("NOPE"))])) {
            try store.savePegawai(Pegawai(nip: "199912312020121001", nama: "X", kodeUnit: "NOPE", jenisJabatan: .pelaksana))
        }
        #expect(throws: ValidationFailure([ValidationIssue(field: "induk", code: .unitCycle("SUB"))])) {
            try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota", induk: "SUB"))
        }
        #expect(try store.units().first { $0.kode == "ROOT" }?.induk == nil)
        #expect(try store.countPegawai() == 3)
        #expect(try store.pegawai(inUnit: "ROOT", includeSubunits: true).map(\.nama) == ["Andi", "Budi", "Citra"])
        #expect(try store.pegawai(inUnit: "ROOT", includeSubunits: false).map(\.nama) == ["Andi"])
        #expect(try store.searchPegawai("cit", limit: 10).map(\.nip) == [nipC])
        #expect(try store.searchPegawai("19860926 2015", limit: 10).map(\.nip) == [nipA])
    }
}

@Suite struct SQLiteStoreFigureTests {
    /// A: S-1 + SKP Baik = 15 + 0 + 25 + 5 = 45 (ROOT); B: nothing = 5 (SUB);
    /// C: 20 JP teknis = 0 + 22.5 + 0 + 5 = 27.5 (SUB).
    func figuresStore() throws -> SQLiteStore {
        let store = try seededStore()
        try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, tanggalLulus: d("2010-08-01"))))
        try store.add(.skp(SKP(nip: nipA, tahun: 2024, predikat: .baik)))
        try store.add(teknis(nipC))
        return store
    }

    @Test func unitFiguresFoldSubUnitsIntoExactMeans() throws {
        let store = try figuresStore()
        let direct = try store.directUnitTotals(year: 2024)
        #expect(direct["ROOT"]?.pegawai == 1)
        #expect(direct["SUB"]?.total == 32.5)
        let figures = try store.unitFigures(year: 2024)
        #expect(figures.map(\.unit.kode) == ["ROOT", "SUB"])
        let root = figures[0]
        let sub = figures[1]
        #expect(sub.depth == 1)
        #expect(sub.totals.pegawai == 2)
        #expect(sub.meanTotal == 16.25)
        #expect(sub.mean(.kompetensi) == 11.25)
        #expect(root.totals.pegawai == 3)
        #expect(root.totals.completePegawai == 1)
        #expect(root.mean(.kompetensi) == 7.5)
        #expect(root.mean(.kualifikasi) == 5)
        #expect(abs(root.meanTotal - 77.5 / 3) < 1e-9)
    }

    @Test func inactiveEmployeesAreLeftOut() throws {
        let store = try figuresStore()
        try store.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana, aktif: false))
        let figures = try store.unitFigures(year: 2024)
        #expect(figures[1].totals.pegawai == 1)
        #expect(figures[1].meanTotal == 27.5)
        #expect(figures[0].totals.pegawai == 2)
        #expect(figures[0].meanTotal == 36.25)
        #expect(try store.scores(year: 2024, unit: "SUB").map(\.pegawai.nip) == [nipC])
    }

    @Test func anotherYearIsComputedOnRequestThenKeptUpToDate() throws {
        let store = try figuresStore()
        // In 2025 A's SKP (2024) and C's 2024 course no longer count.
        #expect(try store.score(nip: nipA, year: 2025)?.kinerja == 0)
        let figures2025 = try store.unitFigures(year: 2025)
        #expect(figures2025[1].mean(.kompetensi) == 0)
        try store.add(.skp(SKP(nip: nipB, tahun: 2023, predikat: .sangatBaik)))
        let figures2023 = try store.unitFigures(year: 2023)
        #expect(figures2023[1].mean(.kinerja) == 15)  // B's 30 over two employees
        try store.delete(try #require(try store.records(nip: nipB)?.skp.first.map { RecordID(kind: .skp, id: $0.id) }))
        #expect(try store.unitFigures(year: 2023)[1].mean(.kinerja) == 0)
        #expect(try store.check().isEmpty)
    }

    @Test func checkIsCleanThenFindsATamperedScore() throws {
        let store = try figuresStore()
        #expect(try store.check() == [])
        try store.writer.write { db in
            try db.execute(sql: "UPDATE employee_score SET kinerja = 30 WHERE nip = ? AND year = 2024", arguments: [nipA])
        }
        let problems = try store.check()
        #expect(problems.count == 1)
        #expect(problems.first?.contains(nipA) == true)
    }

    @Test func aRulesetChangeRecomputesTheCache() throws {
        let store = try figuresStore()
        var rules = Ruleset.bkn2019
        rules.id = "test"
        rules.disiplin.none = 0
        try store.setRuleset(rules)
        #expect(try store.ruleset().id == "test")
        #expect(try store.score(nip: nipB, year: 2024)?.disiplin == 0)
        try store.setRuleset(nil)
        #expect(try store.score(nip: nipB, year: 2024)?.disiplin == 5)
        #expect(try store.check() == [])
    }
}
