import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import Testing

@Suite struct AdminActivityTests {
    /// Friday 29 Nov: the operator ani types 5 records (4 in DINKES.1, Gita's SKP in BKPSDM.1).
    /// Today (Saturday 30 Nov): dewi (admin of DINKES) types Fitri's SKP, changes Eko's course,
    /// deletes Fitri's pendidikan, and adds a course she then undoes; citra (operator) imports
    /// 2 rows for Fitri; gani (admin of BKPSDM) does nothing.
    func teamDatabase() throws -> TempDatabase {
        let db = try TempDatabase()
        let friday = reportsNow.addingTimeInterval(-26 * 3600)
        let ani = try db.open(context("ani", at: friday))
        try seedUnits(ani)
        try ani.saveAccount(Account(login: "dewi", role: .admin, units: ["DINKES"]))
        try ani.saveAccount(Account(login: "gani", role: .admin, units: ["BKPSDM"]))
        try ani.saveAccount(Account(login: "citra", role: .operator))
        try seedRecords(ani)
        let dewi = try db.open(StoreContext(actor: "dewi", session: "dewi-1", now: { reportsNow }, timeZone: utc))
        try dewi.add(.skp(SKP(nip: nipFitri, tahun: 2024, predikat: .baik)))
        let course = try #require(try dewi.records(nip: nipEko)?.diklat.first)
        var changed = course.value
        changed.jp = 24
        try dewi.update(RecordID(kind: .diklat, id: course.id), to: .diklat(changed))
        let pendidikan = try #require(try dewi.records(nip: nipFitri)?.pendidikan.first)
        try dewi.delete(RecordID(kind: .pendidikan, id: pendidikan.id))
        try dewi.add(.skp(SKP(nip: nipEko, tahun: 2023, predikat: .baik)))
        #expect(try dewi.undoLast(session: "dewi-1") != nil)
        let citra = try db.open(context("citra"))
        var rows = ArrayRowSource(
            kind: .diklat,
            rows: [
                Line(2, .record(.diklat(Diklat(nip: nipFitri, jenis: JenisDiklat.withID(9)!, nama: "Seminar", tanggalMulai: day("2024-10-01"), tanggalSelesai: day("2024-10-01"), jp: 4)))),
                Line(3, .record(.diklat(Diklat(nip: nipFitri, jenis: JenisDiklat.withID(3)!, nama: "Bimtek", tanggalMulai: day("2024-10-02"), tanggalSelesai: day("2024-10-04"), jp: 24)))),
            ])
        #expect(try citra.importRows(&rows, skipInvalid: false).imported == 2)
        return db
    }

    private func line(_ row: AdminActivity.Row) -> String {
        let f = row.figures
        return "\(row.key) \(f.entered)/\(f.changed)/\(f.deleted) +\(f.imported) demo \(f.demo)"
    }

    @Test func perAdminTodayIsNetOfUndoWithImportsApartAndIdleAdminsListed() throws {
        let db = try teamDatabase()
        defer { db.cleanUp() }
        let store = try db.open(context("viewer"))
        let today = AdminActivity.range(.today, now: reportsNow, timeZone: utc)
        #expect(today.from == Date(timeIntervalSince1970: 1_732_924_800))  // 2024-11-30 00:00 UTC
        #expect(today.until == Date(timeIntervalSince1970: 1_733_011_200))  // 2024-12-01 00:00 UTC
        let activity = try AdminActivity.compute(store: store, from: today.from, until: today.until, by: .admin)
        // dewi: 1 typed (the undone SKP counts nothing), 1 changed, 1 deleted; citra's 2 rows
        // are imports; gani is an admin with nothing today; ani typed on Friday only.
        #expect(activity.rows.map(line) == ["dewi 1/1/1 +0 demo 0", "citra 0/0/0 +2 demo 0", "gani 0/0/0 +0 demo 0"])
        #expect(activity.rows.map(\.lastActivity) == [reportsNow, reportsNow, nil])
        #expect(activity.rows[0].figures.last == reportsNow)
        // Nobody gave a verdict: the verification columns are there, at zero.
        #expect(activity.rows.allSatisfy { $0.figures.verified == 0 && $0.figures.rejected == 0 })
        #expect(activity.total.entered == 1 && activity.total.imported == 2 && activity.total.typed == 3)
    }

    /// The team database, then the verifikator vera: on Friday she accepts Gita's SKP
    /// (BKPSDM.1); today she accepts Eko's course and Fitri's SKP (DINKES.1), rejects Gita's
    /// SKP, marks Eko's SKP's document in hand (no verdict) and takes Eko's course back to
    /// belum (no verdict; the acceptance given today still counts).
    func verifiedDatabase() throws -> TempDatabase {
        let db = try teamDatabase()
        let ani = try db.open(context("ani"))
        try ani.saveAccount(Account(login: "vera", role: .verifikator))
        let friday = try db.open(context("vera", at: reportsNow.addingTimeInterval(-26 * 3600)))
        let vera = try db.open(context("vera"))
        let gita = RecordID(kind: .skp, id: try #require(try vera.records(nip: nipGita)?.skp.first).id)
        #expect(try friday.setVerification([gita], status: .memenuhi, reason: "") == 1)
        let eko = try #require(try vera.records(nip: nipEko))
        let course = RecordID(kind: .diklat, id: try #require(eko.diklat.first).id)
        let ekoSKP = RecordID(kind: .skp, id: try #require(eko.skp.first).id)
        let fitriSKP = RecordID(kind: .skp, id: try #require(try vera.records(nip: nipFitri)?.skp.first).id)
        #expect(try vera.setVerification([course, fitriSKP], status: .memenuhi, reason: "") == 2)
        #expect(try vera.setVerification([gita], status: .tidak, reason: "Dokumen SKP tidak ditandatangani") == 1)
        try vera.setDocument(ekoSKP, inHand: true, path: "")
        #expect(try vera.setVerification([course], status: .belum, reason: "") == 1)
        return db
    }

    @Test func verdictsPerVerifikatorAndPerUnit() throws {
        let db = try verifiedDatabase()
        defer { db.cleanUp() }
        let store = try db.open(context("viewer"))
        let today = AdminActivity.range(.today, now: reportsNow, timeZone: utc)
        let byAdmin = try AdminActivity.compute(store: store, from: today.from, until: today.until, by: .admin)
        // vera gave 2 acceptances and 1 rejection today; she typed nothing.
        let vera = try #require(byAdmin.rows.first { $0.key == "vera" })
        #expect(vera.figures.verified == 2 && vera.figures.rejected == 1 && vera.figures.typed == 0)
        #expect(vera.figures.last == reportsNow)
        #expect(byAdmin.rows.filter { $0.key != "vera" }.allSatisfy { $0.figures.verified == 0 && $0.figures.rejected == 0 })
        #expect(byAdmin.total.verified == 2 && byAdmin.total.rejected == 1)
        // Per unit: both acceptances in DINKES.1, the rejection in BKPSDM.1, folded upwards.
        let byUnit = try AdminActivity.compute(store: store, from: today.from, until: today.until, by: .unit)
        #expect(byUnit.rows.map(\.key) == ["PEMDA", "BKPSDM", "BKPSDM.1", "DINKES", "DINKES.1"])
        #expect(byUnit.rows.map(\.figures.verified) == [2, 0, 0, 2, 2])
        #expect(byUnit.rows.map(\.figures.rejected) == [1, 1, 1, 0, 0])
        // The week adds Friday's acceptance of Gita's SKP (BKPSDM.1).
        let week = AdminActivity.range(.week, now: reportsNow, timeZone: utc)
        let weekly = try AdminActivity.compute(store: store, from: week.from, until: week.until, by: .unit)
        #expect(weekly.rows.map(\.figures.verified) == [3, 1, 1, 2, 2])
        #expect(weekly.rows.map(\.figures.rejected) == [1, 1, 1, 0, 0])
        // A unit's scope counts only its verdicts.
        let dinkes = try AdminActivity.compute(store: store, from: week.from, until: week.until, by: .admin, unit: "DINKES")
        #expect(dinkes.rows.first { $0.key == "vera" }.map { [$0.figures.verified, $0.figures.rejected] } == [2, 0])
    }

    @Test func perUnitFoldsSubunitsInTreeOrder() throws {
        let db = try teamDatabase()
        defer { db.cleanUp() }
        let store = try db.open(context("viewer"))
        let week = AdminActivity.range(.week, now: reportsNow, timeZone: utc)
        #expect(week.from == Date(timeIntervalSince1970: 1_732_492_800))  // Monday 2024-11-25
        let activity = try AdminActivity.compute(store: store, from: week.from, until: week.until, by: .unit)
        // Friday's 5 (4 in DINKES.1, 1 in BKPSDM.1) plus today's typed 1 in DINKES.1.
        #expect(
            activity.rows.map(line) == [
                "PEMDA 6/1/1 +2 demo 0", "BKPSDM 1/0/0 +0 demo 0", "BKPSDM.1 1/0/0 +0 demo 0", "DINKES 5/1/1 +2 demo 0",
                "DINKES.1 5/1/1 +2 demo 0",
            ])
        #expect(activity.rows.map(\.depth) == [0, 1, 2, 1, 2])
        #expect(activity.rows[2].name == "BKPSDM › Sekretariat")
        // A unit's scope: its admins, idle ones too.
        let bkpsdm = try AdminActivity.compute(store: store, from: week.from, until: week.until, by: .admin, unit: "BKPSDM")
        #expect(bkpsdm.rows.map(line) == ["ani 1/0/0 +0 demo 0", "gani 0/0/0 +0 demo 0"])
        #expect(throws: ReportError.unknownUnit("NOPE")) {
            try AdminActivity.compute(store: store, from: week.from, until: week.until, by: .unit, unit: "NOPE")
        }
    }

    @Test func aChosenPeriodCoversWholeDays() {
        let range = AdminActivity.range(since: day("2024-11-01"), until: day("2024-11-30"), timeZone: utc)
        #expect(range.from == Date(timeIntervalSince1970: 1_730_419_200))  // 2024-11-01 00:00 UTC
        #expect(range.until == Date(timeIntervalSince1970: 1_733_011_200))  // 2024-12-01 00:00 UTC
        let month = AdminActivity.range(.month, now: reportsNow, timeZone: utc)
        #expect(month.from == range.from)
        let year = AdminActivity.range(.year, now: reportsNow, timeZone: utc)
        #expect(year.from == Date(timeIntervalSince1970: 1_704_067_200))  // 2024-01-01 00:00 UTC
    }
}

extension AdminActivityTests {
    @Test func historyInWordsNewestFirstPagedByID() throws {
        let db = try teamDatabase()
        defer { db.cleanUp() }
        let store = try db.open(context("viewer"))
        let first = try HistoryPage.compute(store: store, subject: .pegawai(nipEko), before: nil, limit: 3, language: .id)
        #expect(
            first.lines.map(\.what) == [
                "batalkan tambah SKP 'SKP 2023' untuk Eko Prasetyo", "tambah SKP 'SKP 2023' untuk Eko Prasetyo",
                "ubah diklat 'Pelatihan Rambu' untuk Eko Prasetyo",
            ])
        #expect(first.lines.map(\.actor) == ["dewi", "dewi", "dewi"])
        #expect(first.lines[0].details == ["Tahun: 2023", "Predikat: Baik", "Nilai: -"])
        #expect(first.lines[2].details == ["JP: 12 -> 24"])
        #expect(first.lines[2].at == reportsNow)
        let second = try HistoryPage.compute(store: store, subject: .pegawai(nipEko), before: first.nextBefore, limit: 3, language: .id)
        #expect(
            second.lines.map(\.what) == [
                "tambah diklat 'Pelatihan Rambu' untuk Eko Prasetyo", "tambah SKP 'SKP 2024' untuk Eko Prasetyo",
                "tambah pendidikan 'S-1' untuk Eko Prasetyo",
            ])
        let third = try HistoryPage.compute(store: store, subject: .pegawai(nipEko), before: second.nextBefore, limit: 3, language: .id)
        #expect(third.lines.map(\.what) == ["tambah pegawai Eko Prasetyo"])
        #expect(third.lines[0].details.prefix(2) == ["Nama: Eko Prasetyo", "Unit: DINKES.1"])
        #expect(third.nextBefore == nil)
        // In English, and a unit's page: DINKES.1 holds Fitri's deletion too.
        let english = try HistoryPage.compute(store: store, subject: .pegawai(nipEko), before: nil, limit: 3, language: .en)
        #expect(english.lines[2].what == "change course 'Pelatihan Rambu' for Eko Prasetyo")
        let unit = try HistoryPage.compute(store: store, subject: .unit("DINKES.1"), before: nil, limit: 4, language: .id)
        #expect(unit.lines.map(\.what).contains("hapus pendidikan 'S-1' untuk Fitri Handayani"))
    }

    /// A verification's audit values are its verdict, not the record: the history still names
    /// the record (its title) and its employee, never only `'#id'`.
    @Test func aVerificationNamesItsRecordAndEmployee() throws {
        let db = try teamDatabase()
        defer { db.cleanUp() }
        let store = try db.open(context("citra"))
        let course = try #require(try store.records(nip: nipEko)?.diklat.first)
        try store.setVerification([RecordID(kind: .diklat, id: course.id)], status: .tidak, reason: "Sertifikat tidak terbaca")
        let page = try HistoryPage.compute(store: store, subject: .pegawai(nipEko), before: nil, limit: 1, language: .id)
        #expect(page.lines.map(\.what) == ["verifikasi diklat 'Pelatihan Rambu' untuk Eko Prasetyo"])
        #expect(page.lines[0].details.contains("Alasan: - -> Sertifikat tidak terbaca"))
        let english = try HistoryPage.compute(store: store, subject: .pegawai(nipEko), before: nil, limit: 1, language: .en)
        #expect(english.lines.map(\.what) == ["verify course 'Pelatihan Rambu' for Eko Prasetyo"])
    }
}
