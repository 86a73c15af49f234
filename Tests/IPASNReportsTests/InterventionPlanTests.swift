import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import Testing

@Suite struct InterventionPlanTests {
    /// Hand figures (2024, bkn-2019, pelaksana): Eko 15 + 0 (12 JP) + 30 + 5 = 50, Fitri 15 + 5 = 20,
    /// Gita 25 + 5 = 30. Each of them gains 22.5 from a 20-JP teknis course and 17.5 from a
    /// seminar; a leadership course does not apply to a pelaksana and a functional course earns
    /// a pelaksana nothing. DINKES(.1): mean (50 + 20) / 2 = 35; BKPSDM(.1): 30; PEMDA 100 / 3.
    @Test func byUnitMeanRanksByMeanRiseThenTotalGainThenKode() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        let plan = try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019)
        let ranked = plan.rows(by: .unitMean)
        let summary = ranked.map { "\($0.unit.kode) \($0.intervention.rawValue) \($0.totals.beneficiaries)/\($0.totals.pegawai) +\($0.totals.gain)" }
        #expect(
            summary == [
                "PEMDA teknis 3/3 +67.5", "DINKES teknis 2/2 +45.0", "DINKES.1 teknis 2/2 +45.0", "BKPSDM teknis 1/1 +22.5",
                "BKPSDM.1 teknis 1/1 +22.5", "PEMDA seminar 3/3 +52.5", "DINKES seminar 2/2 +35.0", "DINKES.1 seminar 2/2 +35.0",
                "BKPSDM seminar 1/1 +17.5", "BKPSDM.1 seminar 1/1 +17.5",
            ])
        let first = try #require(ranked.first)
        #expect(abs(first.meanBefore - 100.0 / 3) < 1e-9)
        #expect(first.totals.meanGain == 22.5)
        #expect(first.categoryBefore.name == "Sangat Rendah")
        #expect(!first.categoryChanges, "33.33 + 22.5 = 55.83: still Sangat Rendah")
        #expect(ranked[1].meanBefore == 35)
        #expect(plan.name(of: ranked[2].unit) == "DINKES › Sekretariat")
        #expect(plan.gainers(unit: "PEMDA", intervention: .teknis).map(\.nip) == [nipFitri, nipEko, nipGita].sorted())
        // Equal gains by NIP.
        let seminar = plan.gainers(unit: "DINKES", intervention: .seminar)
        #expect(seminar.map(\.nip) == [nipEko, nipFitri].sorted())
        #expect(seminar.map(\.gain) == [17.5, 17.5])
        #expect(
            plan.rows(by: .unitMean, minimumPegawai: 2).map(\.unit.kode) == ["PEMDA", "DINKES", "DINKES.1", "PEMDA", "DINKES", "DINKES.1"])
    }

    /// The default order: the whole index (PEMDA's 3 active employees, 100 / 3) rises by the
    /// total gain over 3, so the larger total gain first; DINKES and DINKES.1 gain the same
    /// (the same two employees, the same unit mean rise too): by kode.
    @Test func byIndexRanksByTotalGainThenMeanRiseThenKode() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        let plan = try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019)
        #expect(
            plan.rows.map { "\($0.unit.kode) \($0.intervention.rawValue) +\($0.indexGain)" } == [
                "PEMDA teknis +22.5", "PEMDA seminar +17.5", "DINKES teknis +15.0", "DINKES.1 teknis +15.0", "DINKES seminar +\(35.0 / 3)",
                "DINKES.1 seminar +\(35.0 / 3)", "BKPSDM teknis +7.5", "BKPSDM.1 teknis +7.5", "BKPSDM seminar +\(17.5 / 3)",
                "BKPSDM.1 seminar +\(17.5 / 3)",
            ])
        #expect(plan.scopePegawai == 3)
    }

    @Test func equalRowsOfOneUnitFollowTheInterventionOrder() throws {
        // An administrator with no course: a 20-JP teknis course and PIM III each add 15, a seminar 10.
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try store.saveUnit(OrgUnit(kode: "X", nama: "Dinas X"))
        try store.savePegawai(
            Pegawai(nip: nipEko, nama: "Eko", kodeUnit: "X", jenisJabatan: .struktural, jenjang: "Administrator"))
        let plan = try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019)
        #expect(plan.rows.map(\.intervention) == [.teknis, .kepemimpinan, .seminar])
        #expect(plan.rows.map(\.totals.gain) == [15, 15, 10])
    }

    @Test func aUnitScopeGivesThatSubtreesRowsOfTheWholePlan() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        let whole = try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019)
        let dinkes = try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019, unit: "DINKES")
        #expect(dinkes.scope == "DINKES")
        // The same units' rows in the same order; only the index they raise is the unit's (2 employees, not 3).
        func unitFigures(_ rows: [InterventionPlan.Row]) -> [String] {
            rows.map { "\($0.unit.kode) \($0.intervention.rawValue) \($0.totals.gain) \($0.meanBefore)" }
        }
        #expect(unitFigures(dinkes.rows) == unitFigures(whole.rows.filter { $0.unit.kode.hasPrefix("DINKES") }))
        #expect(dinkes.rows.count == 4)
        #expect(dinkes.scopePegawai == 2 && dinkes.index == 35)
        #expect(dinkes.rows.map(\.indexGain) == [22.5, 22.5, 17.5, 17.5])
        #expect(throws: ReportError.unknownUnit("NOPE")) {
            try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019, unit: "NOPE")
        }
    }

    @Test func theStampChangesWithTheData() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        let before = try InterventionPlan.stamp(store: store, year: 2024, ruleset: .bkn2019)
        try seedRecords(store)
        let after = try InterventionPlan.stamp(store: store, year: 2024, ruleset: .bkn2019)
        #expect(before != after)
        #expect(try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019).stamp == after)
    }
}
