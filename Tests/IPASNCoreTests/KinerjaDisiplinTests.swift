import Testing

@testable import IPASNCore

@Suite struct KinerjaTests {
    @Test(arguments: [
        (Predikat.sangatBaik, 30.0), (.baik, 25), (.cukup, 15), (.butuhPerbaikan, 15), (.kurang, 5), (.buruk, 1),
        (.sangatKurang, 1),
    ])
    func pointsPerPredikat(predikat: Predikat, points: Double) {
        #expect(F.score(F.records(.pelaksana, skp: [F.skp(2024, predikat)])).kinerja == points)
    }

    @Test(arguments: [
        (100.0, 30.0), (91, 30), (90.9, 25), (76, 25), (75.99, 15), (61, 15), (60.9, 5), (51, 5), (50.99, 1), (0, 1),
    ])
    func numericSKP(nilai: Double, points: Double) {
        #expect(F.score(F.records(.pelaksana, skp: [F.skp(2024, nilai: nilai)])).kinerja == points)
    }

    @Test func predikatStandsOverTheNumber() {
        #expect(F.score(F.records(.pelaksana, skp: [F.skp(2024, .cukup, nilai: 95)])).kinerja == 15)
    }

    @Test func skpOfAnotherYearIsMissing() {
        let s = F.score(F.records(.pelaksana, edu: [F.edu(.s1)], skp: [F.skp(2023, .sangatBaik)]))
        #expect(s.kinerja == 0)
        #expect(s.missing == [.skp])
    }
}

@Suite struct DisiplinTests {
    @Test func noPunishmentIs5() {
        #expect(F.score(F.records(.pelaksana)).disiplin == 5)
    }

    @Test(arguments: [(TingkatHukuman.ringan, 3.0), (.sedang, 2), (.berat, 1)])
    func pointsPerLevel(level: TingkatHukuman, points: Double) {
        #expect(F.score(F.records(.pelaksana, hukuman: [F.hukuman(level, "2024-07-01")])).disiplin == points)
    }

    @Test func twoPunishmentsTheHeaviestCounts() {
        let r = F.records(.pelaksana, hukuman: [F.hukuman(.ringan, "2024-01-05"), F.hukuman(.sedang, "2024-09-05")])
        #expect(F.score(r).disiplin == 2)
        let text = F.engine.explain(r, year: 2024).text(.en)
        #expect(text.contains("2 punishments in 2024, heaviest sedang, 2"))
    }

    @Test func punishmentOfThePreviousYearDoesNotCount() {
        let r = F.records(.pelaksana, hukuman: [F.hukuman(.berat, "2023-12-31")])
        #expect(F.score(r, year: 2024).disiplin == 5)
        #expect(F.score(r, year: 2023).disiplin == 1)
    }
}

@Suite struct CategoryTests {
    @Test(arguments: [
        (100.0, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90.5, "Tinggi"), (81, "Tinggi"), (80.99, "Sedang"),
        (71, "Sedang"), (70.5, "Rendah"), (61, "Rendah"), (60.5, "Sangat Rendah"), (0, "Sangat Rendah"),
    ])
    func cutPoints(total: Double, name: String) {
        #expect(Ruleset.bkn2019.category(for: total).name == name)
    }

    @Test func publishedFiguresFallInTheirCategories() {
        // Kab. Banjar 2022: 63.99 Rendah; Kota Bontang 2024: 71.70 Sedang.
        #expect(Ruleset.bkn2019.category(for: 21.18 + 12.85 + 24.96 + 5.00).name == "Rendah")
        #expect(Ruleset.bkn2019.category(for: 71.70).name == "Sedang")
    }
}
