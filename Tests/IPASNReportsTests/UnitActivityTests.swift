import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import Testing

@Suite struct UnitActivityTests {
    /// ani types 5 records on Friday 29 Nov and one for the inactive Hadi on Sunday 24 Nov
    /// (before the week); budi types one today (Saturday 30 Nov); citra imports 2 rows today
    /// (imports count as entered, as the dashboard counts them; only the demo is left out).
    func activityDatabase() throws -> TempDatabase {
        let db = try TempDatabase()
        let friday = reportsNow.addingTimeInterval(-26 * 3600)
        let ani = try db.open(context("ani", at: friday))
        try seedUnits(ani)
        try ani.saveAccount(Account(login: "budi", role: .operator))
        try ani.saveAccount(Account(login: "citra", role: .operator))
        try seedRecords(ani)
        let sunday = try db.open(context("ani", at: Date(timeIntervalSince1970: 1_732_492_799)))  // 2024-11-24 23:59:59
        try sunday.add(.skp(SKP(nip: nipHadi, tahun: 2024, predikat: .baik)))
        let budi = try db.open(context("budi"))
        try budi.add(.pendidikan(Pendidikan(nip: nipGita, tingkat: .d3, tanggalLulus: day("2010-07-01"))))
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

    /// The demo sample is nobody's work: it stays out of today's and this week's counts.
    @Test func theDemoIsNotCounted() throws {
        #expect(!UnitActivity.isEntered(ActivityCount(unit: "DINKES.1", actor: "root", source: .demo, entered: 5000)))
        #expect(UnitActivity.isEntered(ActivityCount(unit: "DINKES.1", actor: "ani", source: .imported, entered: 7)))
        #expect(UnitActivity.isEntered(ActivityCount(unit: "DINKES.1", actor: "ani", source: .typed, entered: 1)))
        // Typed changes (an edit, a replaced SKP) are saves too, as the activity screen's Ubah
        // (ux7: the sixth user test's 12 replaced SKP were missing); deletions are not input.
        #expect(UnitActivity.isEntered(ActivityCount(unit: "DINKES.1", actor: "ani", source: .typed, entered: 0, changed: 3)))
        #expect(AdminActivity.Figures.saves(ActivityCount(unit: "DINKES.1", actor: "ani", source: .typed, entered: 2, changed: 3, deleted: 4)) == 5)
        #expect(!UnitActivity.isEntered(ActivityCount(unit: "DINKES.1", actor: "ani", source: .typed, entered: 0, deleted: 2)))
    }

    @Test func todayAndThisWeekFoldIntoParentUnits() throws {
        let db = try activityDatabase()
        defer { db.cleanUp() }
        let activity = try UnitActivity.compute(store: try db.open(context("viewer")), now: reportsNow, timeZone: utc)
        #expect(activity.startOfToday == Date(timeIntervalSince1970: 1_732_924_800))  // 2024-11-30 00:00 UTC
        #expect(activity.startOfWeek == Date(timeIntervalSince1970: 1_732_492_800))  // Monday 2024-11-25 00:00 UTC
        // DINKES.1: Eko 3 + Fitri 1 typed on Friday, and Fitri's 2 courses imported today (an
        // import is entered data: the fourth user test's DISDIK import was missing from "Input hari ini").
        #expect(activity.counts(unit: "DINKES.1") == UnitActivity.Counts(today: 2, week: 6))
        #expect(activity.counts(unit: "DINKES") == UnitActivity.Counts(today: 2, week: 6), "Hadi's Sunday SKP is last week")
        #expect(activity.counts(unit: "BKPSDM.1") == UnitActivity.Counts(today: 1, week: 2))
        #expect(activity.counts(unit: "PEMDA") == UnitActivity.Counts(today: 3, week: 8))
        #expect(activity.counts(unit: "NOPE") == UnitActivity.Counts())
        #expect(activity.total == UnitActivity.Counts(today: 3, week: 8))
    }

    @Test func byWhomTheMostThisWeekFirst() throws {
        let db = try activityDatabase()
        defer { db.cleanUp() }
        let activity = try UnitActivity.compute(store: try db.open(context("viewer")), now: reportsNow, timeZone: utc)
        let all = activity.byActor().map { "\($0.actor) \($0.counts.today)/\($0.counts.week)" }
        #expect(all == ["ani 0/5", "citra 2/2", "budi 1/1"])
        // Equal weeks: by name.
        #expect(activity.byActor(unit: "BKPSDM").map { "\($0.actor) \($0.counts.today)/\($0.counts.week)" } == ["ani 0/1", "budi 1/1"])
        #expect(activity.byActor(unit: "DINKES.1").map(\.actor) == ["ani", "citra"])
    }

    @Test func theWeekStartsOnMondayInTheGivenTimeZone() {
        // 2024-11-25 02:00 UTC is still Sunday 24 Nov in New York (UTC-5).
        let now = Date(timeIntervalSince1970: 1_732_500_000)
        let ny = TimeZone(identifier: "America/New_York")!
        let (today, week) = UnitActivity.periods(now: now, timeZone: ny)
        #expect(today == Date(timeIntervalSince1970: 1_732_424_400))  // 2024-11-24 00:00 EST
        #expect(week == Date(timeIntervalSince1970: 1_731_906_000))  // Monday 2024-11-18 00:00 EST
        let (utcToday, utcWeek) = UnitActivity.periods(now: now, timeZone: utc)
        #expect(utcToday == utcWeek, "Monday 25 Nov in UTC")
    }
}
