import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNReports

/// The reconciliation names exactly the records BKN's file lacks, with the hand-checked
/// point differences (the fixture: ``ReconcileFixture``).
@Suite struct ReconciliationTests {
    private func store() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try ReconcileFixture.seed(store)
        return store
    }

    private func compute(_ store: SQLiteStore, unit: String? = nil, sentInfo: SentInfoLookup? = nil) throws -> Reconciliation {
        try Reconciliation.compute(
            store: store, rows: ReconcileFixture.bknRows, year: 2024, unit: unit, ruleset: .bkn2019, sentInfo: sentInfo)
    }

    @Test func namesTheS2TheTeknisCourseAndTheSKPBKNLacks() throws {
        let report = try compute(try store())
        #expect(report.entries.map(\.pegawai.nama) == ["Andi", "Budi", "Citra"])
        let andi = report.entries[0]
        // 77.5 at ipasn against 50 at BKN: 5 (S-2 20 vs S-1 15) + 22.5 (24 JP teknis).
        #expect(andi.ipasn.total == 77.5 && andi.bkn.total == 50)
        #expect(andi.pointsLost == 27.5)
        #expect(andi.differences.map { $0.text(.id) } == [
            "kualifikasi: BKN 15, ipasn 20: S-2 2019 belum ada di SIASN (BKN menghitung setara D-IV/S-1/Profesi)",
            "kompetensi: BKN 0, ipasn 22,5: diklat teknis 24 JP 2024 belum terhitung di SIASN",
        ])
        guard case .records(let records, true) = andi.differences[0].cause else {
            Issue.record("kualifikasi should be explained by a record")
            return
        }
        #expect(records.map(\.record) == [.pendidikan(Pendidikan(nip: ReconcileFixture.andi, tingkat: .s2, tanggalLulus: TestClock.date("2019-09-01"), namaSekolah: "Universitas Gadjah Mada"))])
        let budi = report.entries[1]
        #expect(budi.pointsLost == 25)
        #expect(budi.differences.map { $0.text(.id) } == ["kinerja: BKN 0, ipasn 25: SKP 2024 Baik belum ada di SIASN"])
        #expect(budi.differences.map { $0.text(.en) } == ["performance: BKN 0, ipasn 25: SKP 2024 Baik not in SIASN yet"])
        // Citra: BKN counts an SKP ipasn lacks (25 is Baik) and not her punishment (3 against 5).
        let citra = report.entries[2]
        #expect(citra.pointsLost == 0 && citra.gap == -27)
        #expect(citra.differences.map { $0.text(.id) } == [
            "kinerja: BKN 25, ipasn 0: BKN lebih tinggi: SIASN memuat data yang belum ada di ipasn (BKN menghitung SKP 2024 Baik)",
            "disiplin: BKN 5, ipasn 3: hukuman disiplin ringan 2024 ada di ipasn, tidak ada di SIASN",
        ])
    }

    @Test func unitsAreRankedByPointsLostWithTheirTotals() throws {
        let report = try compute(try store())
        #expect(report.units.map(\.unit.kode) == ["ROOT", "SUB"])
        let root = report.units[0], sub = report.units[1]
        #expect(root.employees == 1 && root.differing == 1 && root.pointsLost == 27.5 && root.meanRise == 27.5)
        #expect(root.bknMean == 50 && root.ipasnMean == 77.5)
        // Budi 20 and Citra 45 at BKN, 45 and 18 at ipasn.
        #expect(sub.employees == 2 && sub.differing == 2 && sub.pointsLost == 25 && sub.meanRise == 12.5)
        #expect(sub.bknMean == 32.5 && sub.ipasnMean == 31.5)
        #expect(report.pointsLost == 52.5)
    }

    @Test func employeesOnlyOneSideKnowsAreListedApart() throws {
        let store = try store()
        try store.savePegawai(Pegawai(nip: ReconcileFixture.budi, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana, aktif: false))
        let report = try compute(store)
        #expect(report.unknown.map(\.nip) == [ReconcileFixture.eko])
        #expect(report.inactive.map(\.pegawai.nama) == ["Budi"])
        #expect(report.notInFile.map(\.nama) == ["Dewi"])
        #expect(report.entries.map(\.pegawai.nama) == ["Andi", "Citra"])
    }

    @Test func aUnitLimitsTheComparisonAndCountsTheOthers() throws {
        let report = try compute(try store(), unit: "SUB")
        #expect(report.entries.map(\.pegawai.nama) == ["Budi", "Citra"])
        #expect(report.outsideUnit == 1)
        #expect(report.notInFile.map(\.nama) == ["Dewi"])
        #expect(throws: ReportError.unknownUnit("NOPE")) { try compute(try store(), unit: "NOPE") }
    }

    @Test func whenExportTrackingKnowsTheBatchTheCauseSaysSo() throws {
        let store = try store()
        let course = try #require(try store.records(nip: ReconcileFixture.andi)?.diklat.first?.id)
        let lookup: SentInfoLookup = { id in
            id == RecordID(kind: .diklat, id: course) ? SentRecordInfo(batch: 12, date: TestClock.date("2024-03-03")) : nil
        }
        let report = try compute(store, sentInfo: lookup)
        #expect(report.entries[0].differences[1].text(.id)
            == "kompetensi: BKN 0, ipasn 22,5: diklat teknis 24 JP 2024 (batch 12, dikirim 03-03) belum terhitung di SIASN")
        #expect(report.entries[0].differences[1].text(.en)
            == "competence: BKN 0, ipasn 22.5: teknis course 24 JP 2024 (batch 12, sent 03-03) not counted in SIASN yet")
    }

    @Test func theStoresExportBatchesNameTheBatchAndDayOfASentRecord() throws {
        let store = try store()
        let course = RecordID(kind: .diklat, id: try #require(try store.records(nip: ReconcileFixture.andi)?.diklat.first?.id))
        let lookup = Reconciliation.sentInfo(from: store, timeZone: TestClock.context().timeZone)
        #expect(lookup(course) == nil, "not sent yet")
        let version = try #require(try store.recordVersions(kind: .diklat, unit: nil, pendingOnly: true)[course.id])
        let batch = try store.saveExportBatch(
            NewExportBatch(
                kind: "siasn-kursus", format: "csv", file: "/tmp/k.csv", pendingOnly: true, marksSent: true,
                records: [RecordVersion(id: course, version: version)]))
        // TestClock's now is 10-01-2025 09:00 WIB.
        #expect(lookup(course) == SentRecordInfo(batch: batch.number, date: TestClock.date("2025-01-10")))
        let report = try compute(store, sentInfo: lookup)
        #expect(report.entries[0].differences[1].text(.id)
            == "kompetensi: BKN 0, ipasn 22,5: diklat teknis 24 JP 2024 (batch 1, dikirim 10-01) belum terhitung di SIASN")
        // Changed after the batch, the record is pending again: no batch is named.
        var changed = try #require(try store.records(nip: ReconcileFixture.andi)?.diklat.first?.value)
        changed.nomorSertifikat = "SERT/2024/0099"
        try store.update(course, to: .diklat(changed))
        #expect(lookup(course) == nil)
    }

    @Test func aGapNoRecordExplainsIsSaidPlainly() throws {
        let store = try store()
        // BKN 10 for Andi's kualifikasi: D-III, which no record of his is worth.
        var row = ReconcileFixture.bknRows[0]
        row.kualifikasi = 10
        let report = try Reconciliation.compute(store: store, rows: [row], year: 2024, ruleset: .bkn2019)
        #expect(report.entries[0].differences[0].text(.id)
            == "kualifikasi: BKN 10, ipasn 20: tidak ada catatan di ipasn yang menjelaskan selisih ini; periksa data di SIASN (BKN menghitung setara D-III)")
    }

    @Test func severalRecordsTogetherExplainAGap() throws {
        let store = try store()
        // Two 12 JP teknis courses for Budi (24 JP, 22.5) and a seminar (17.5): 40 at ipasn.
        for (name, start, end) in [("Bimtek A", "2024-02-01", "2024-02-02"), ("Bimtek B", "2024-06-03", "2024-06-04")] {
            try store.add(.diklat(Diklat(nip: ReconcileFixture.budi, jenis: JenisDiklat.withID(3)!, nama: name, tanggalMulai: TestClock.date(start), tanggalSelesai: TestClock.date(end), jp: 12)))
        }
        try store.add(.diklat(Diklat(nip: ReconcileFixture.budi, jenis: JenisDiklat.withID(9)!, nama: "Seminar", tanggalMulai: TestClock.date("2023-05-10"), tanggalSelesai: TestClock.date("2023-05-10"), jp: 4)))
        // BKN counts the seminar only: one course of 12 JP is below the 20 JP minimum, so
        // leaving out either course gives 17.5; the newest is named.
        var row = ReconcileFixture.bknRows[1]
        row.kompetensi = 17.5
        var report = try Reconciliation.compute(store: store, rows: [row], year: 2024, ruleset: .bkn2019)
        #expect(report.entries[0].differences.first { $0.dimension == .kompetensi }?.text(.id)
            == "kompetensi: BKN 17,5, ipasn 40: diklat teknis 12 JP 2024 belum terhitung di SIASN")
        // BKN counts nothing: the newest course and the seminar together explain it.
        row.kompetensi = 0
        report = try Reconciliation.compute(store: store, rows: [row], year: 2024, ruleset: .bkn2019)
        #expect(report.entries[0].differences.first { $0.dimension == .kompetensi }?.text(.id)
            == "kompetensi: BKN 0, ipasn 40: diklat teknis 12 JP 2024, diklat seminar 4 JP 2023 belum terhitung di SIASN")
    }

    @Test func aCauseNamesThreeRecordsAndCountsTheRest() throws {
        let store = try store()
        // Five seminars in 2024 for Budi (17.5): BKN counting nothing means none reached SIASN.
        for day in 1...5 {
            let date = TestClock.date("2024-04-0\(day)")
            try store.add(.diklat(Diklat(nip: ReconcileFixture.budi, jenis: JenisDiklat.withID(9)!, nama: "Seminar \(day)", tanggalMulai: date, tanggalSelesai: date, jp: day)))
        }
        var row = ReconcileFixture.bknRows[1]
        row.kinerja = 25
        let report = try Reconciliation.compute(store: store, rows: [row], year: 2024, ruleset: .bkn2019)
        let difference = try #require(report.entries.first?.differences.first)
        guard case .records(let records, true) = difference.cause else {
            Issue.record("expected records")
            return
        }
        #expect(records.count == 5)
        #expect(difference.text(.id)
            == "kompetensi: BKN 0, ipasn 17,5: diklat seminar 5 JP 2024, diklat seminar 4 JP 2024, diklat seminar 3 JP 2024 dan 2 catatan lain belum terhitung di SIASN")
        #expect(difference.text(.en).hasSuffix("seminar course 3 JP 2024 and 2 more records not counted in SIASN yet"))
    }

    @Test func figuresThatAgreeHaveNoDifference() throws {
        let store = try store()
        let row = BKNResultRow(line: 8, nip: ReconcileFixture.dewi, nama: "Dewi", kualifikasi: 15, kompetensi: 0, kinerja: 25, disiplin: 5)
        let report = try Reconciliation.compute(store: store, rows: [row], year: 2024, ruleset: .bkn2019)
        #expect(report.entries.count == 1 && report.entries[0].differences.isEmpty && report.differing.isEmpty)
        #expect(report.units.map(\.differing) == [0])
    }
}
