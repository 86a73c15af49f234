import Testing

@testable import IPASNCore

@Suite struct UnitAggregationTests {
    func score(_ nip: String, _ k: Double, _ c: Double, _ p: Double, _ d: Double, complete: Bool = true) -> EmployeeScore {
        EmployeeScore(nip: nip, year: 2024, kualifikasi: k, kompetensi: c, kinerja: p, disiplin: d,
            missing: complete ? [] : [.skp])
    }

    @Test func subUnitsFoldIntoParents() {
        let units = [
            OrgUnit(kode: "PEMDA", nama: "Pemerintah Kota"), OrgUnit(kode: "BKPSDM", nama: "BKPSDM", induk: "PEMDA"),
            OrgUnit(kode: "BID1", nama: "Bidang Mutasi", induk: "BKPSDM"), OrgUnit(kode: "DINKES", nama: "Dinkes", induk: "PEMDA"),
        ]
        var bkpsdm = ScoreTotals()
        bkpsdm.add(score("1", 15, 40, 25, 5))  // 85
        var bidang = ScoreTotals()
        bidang.add(score("2", 5, 22.5, 30, 3))  // 60.5
        bidang.add(score("3", 20, 25, 0, 5, complete: false))  // 50
        var dinkes = ScoreTotals()
        dinkes.add(score("4", 25, 40, 30, 5))  // 100
        let figures = UnitAggregation.figures(
            units: units, direct: ["BKPSDM": bkpsdm, "BID1": bidang, "DINKES": dinkes], ruleset: .bkn2019)
        #expect(figures.map(\.unit.kode) == ["PEMDA", "BKPSDM", "BID1", "DINKES"])
        #expect(figures.map(\.depth) == [0, 1, 2, 1])
        let pemda = figures[0]
        // Hand sums: kualifikasi 15+5+20+25 = 65 / 4 = 16.25; kompetensi 40+22.5+25+40 = 127.5 / 4 = 31.875;
        // kinerja 25+30+0+30 = 85 / 4 = 21.25; disiplin 5+3+5+5 = 18 / 4 = 4.5; total 295.5 / 4 = 73.875.
        #expect(pemda.totals.pegawai == 4)
        #expect(pemda.totals.completePegawai == 3)
        #expect(pemda.mean(.kualifikasi) == 16.25)
        #expect(pemda.mean(.kompetensi) == 31.875)
        #expect(pemda.mean(.kinerja) == 21.25)
        #expect(pemda.mean(.disiplin) == 4.5)
        #expect(pemda.meanTotal == 73.875)
        #expect(NumberText.round(pemda.meanTotal) == 73.88)
        #expect(pemda.category.name == "Sedang")
        // BKPSDM = itself + Bidang Mutasi: (85 + 60.5 + 50) / 3 = 65.1666...
        #expect(NumberText.round(figures[1].meanTotal) == 65.17)
        #expect(figures[1].category.name == "Rendah")
        #expect(figures[2].meanTotal == 55.25)
        #expect(figures[3].meanTotal == 100)
        #expect(figures[3].category.name == "Sangat Tinggi")
    }

    @Test func meansOfDimensionsAddUpToTheMeanTotal() {
        var totals = ScoreTotals()
        totals.add(score("1", 15, 12.5, 25, 5))
        totals.add(score("2", 20, 22.5, 30, 3))
        totals.add(score("3", 10, 0, 15, 5))
        let sum = ScoreDimension.allCases.reduce(0) { $0 + totals.mean($1) }
        #expect(abs(sum - totals.meanTotal) < 1e-9)
    }

    @Test func emptyUnitHasZeroMeansAndCyclesDoNotHang() {
        let units = [OrgUnit(kode: "A", nama: "A", induk: "B"), OrgUnit(kode: "B", nama: "B", induk: "A")]
        let figures = UnitAggregation.figures(units: units, direct: [:], ruleset: .bkn2019)
        #expect(figures.count == 2)
        #expect(figures.allSatisfy { $0.meanTotal == 0 && $0.totals.pegawai == 0 })
    }

    @Test func numbersInIndonesian() {
        #expect(NumberText.points(85.5, .id) == "85,5")
        #expect(NumberText.points(85, .id) == "85")
        #expect(NumberText.points(22.5, .en) == "22.5")
        #expect(NumberText.decimal(63.985, .id) == "63,99")
    }
}
