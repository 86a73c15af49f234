import Testing

@testable import IPASNCore

@Suite struct InterventionTests {
    let planner = InterventionPlanner(ruleset: .bkn2019)

    @Test func teknisCourseRaisesAPelaksanaWithoutTwentyJPBy22Point5() {
        // 12 JP teknis in 2024: a 20-JP course brings the row from 0 to 22.5.
        let r = F.records(.pelaksana, diklat: [F.diklat(3, end: "2024-05-01", jp: 12)])
        let gains = planner.gains(r, year: 2024)
        #expect(gains[.teknis] == 22.5)
        #expect(gains[.seminar] == 17.5)
        #expect(gains[.kepemimpinan] == nil)  // not a struktural post
        #expect(gains[.fungsional] == nil)  // earns nothing for a pelaksana
    }

    @Test func nothingToGainWhereTheRowIsAlreadyEarned() {
        let r = F.records(
            .fungsional, diklat: [F.diklat(2, end: "2019-01-01", jp: 60), F.diklat(3, end: "2024-05-01", jp: 20)])
        let gains = planner.gains(r, year: 2024)
        #expect(gains[.teknis] == nil)
        #expect(gains[.fungsional] == nil)
        #expect(gains[.seminar] == 10)
    }

    @Test func leadershipCourseAtTheRequiredLevel() {
        let r = F.records(.struktural, jenjang: "administrator", diklat: [F.diklat(1, end: "2015-01-01", jp: 100, tingkat: .pimIV)])
        #expect(planner.gains(r, year: 2024)[.kepemimpinan] == 15)
    }

    @Test func unitTotalsAndMeanGain() {
        // Three employees of one unit: two pelaksana below 20 JP (each +22.5), one already there.
        var totals: [String: [Intervention: InterventionTotals]] = [:]
        planner.tally(F.records(.pelaksana), year: 2024, into: &totals)
        planner.tally(F.records(.pelaksana, diklat: [F.diklat(3, end: "2024-02-02", jp: 19)]), year: 2024, into: &totals)
        planner.tally(F.records(.pelaksana, diklat: [F.diklat(3, end: "2024-02-02", jp: 20)]), year: 2024, into: &totals)
        let teknis = totals["U1"]![.teknis]!
        #expect(teknis.pegawai == 3)
        #expect(teknis.beneficiaries == 2)
        #expect(teknis.gain == 45)
        #expect(teknis.meanGain == 15)
    }

    @Test func foldAddsSubUnits() {
        let units = [OrgUnit(kode: "A", nama: "A"), OrgUnit(kode: "A1", nama: "A1", induk: "A")]
        var a = InterventionTotals()
        a.pegawai = 1
        var a1 = InterventionTotals()
        a1.pegawai = 3
        a1.beneficiaries = 2
        a1.gain = 35
        let folded = UnitAggregation.fold(units: units, direct: ["A": a, "A1": a1], zero: InterventionTotals()) { $0.add($1) }
        #expect(folded.map(\.unit.kode) == ["A", "A1"])
        #expect(folded[0].value.pegawai == 4)
        #expect(folded[0].value.meanGain == 8.75)
    }
}
