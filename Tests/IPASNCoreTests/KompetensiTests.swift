import Testing

@testable import IPASNCore

@Suite struct KompetensiTests {
    @Test func teknis19JPEarnsNothing20JPEarnsAll() {
        let at19 = F.records(.fungsional, diklat: [F.diklat(3, end: "2024-05-01", jp: 19)])
        let at20 = F.records(.fungsional, diklat: [F.diklat(3, end: "2024-05-01", jp: 20)])
        #expect(F.score(at19).kompetensi == 0)
        #expect(F.score(at20).kompetensi == 15)
    }

    @Test func teknisJPAddUpAcrossTeknisKinds() {
        // Manajerial (5) 8 JP + E-Learning (16) 6 JP + Bimtek (8) 6 JP = 20 JP.
        let r = F.records(
            .pelaksana,
            diklat: [
                F.diklat(5, end: "2024-01-10", jp: 8), F.diklat(16, end: "2024-02-10", jp: 6),
                F.diklat(8, end: "2024-03-10", jp: 6),
            ])
        #expect(F.score(r).kompetensi == 22.5)
    }

    @Test func courseEndingDec31CountsJan1DoesNot() {
        let dec31 = F.records(.pelaksana, diklat: [F.diklat(3, end: "2024-12-31", jp: 20, start: "2024-12-20")])
        let jan1 = F.records(.pelaksana, diklat: [F.diklat(3, end: "2025-01-01", jp: 20, start: "2024-12-20")])
        #expect(F.score(dec31, year: 2024).kompetensi == 22.5)
        #expect(F.score(jan1, year: 2024).kompetensi == 0)
        #expect(F.score(jan1, year: 2025).kompetensi == 22.5)
    }

    @Test func teknisFromThePreviousYearDoesNotCount() {
        let r = F.records(.pelaksana, diklat: [F.diklat(3, end: "2023-12-31", jp: 40)])
        #expect(F.score(r, year: 2024).kompetensi == 0)
    }

    @Test func seminarCountsForTwoYearsNotThree() {
        let lastYear = F.records(.pelaksana, diklat: [F.diklat(9, end: "2023-01-01", jp: 2)])
        let twoYearsBack = F.records(.pelaksana, diklat: [F.diklat(9, end: "2022-12-31", jp: 2)])
        #expect(F.score(lastYear, year: 2024).kompetensi == 17.5)
        #expect(F.score(twoYearsBack, year: 2024).kompetensi == 0)
    }

    @Test func seminarGroupKinds() {
        for id in [4, 7, 9, 10, 11, 14, 15, 18, 19, 20, 21, 22, 23, 24, 25] {
            let r = F.records(.fungsional, diklat: [F.diklat(id, end: "2024-04-04", jp: 30)])
            #expect(F.score(r).kompetensi == 10, "jenis \(id) is a seminar-group kind")
        }
    }

    @Test func pelaksanaMaximumIs40() {
        let r = F.records(
            .pelaksana,
            diklat: [F.diklat(3, end: "2024-05-01", jp: 24), F.diklat(7, end: "2024-06-01", jp: 2)])
        #expect(F.score(r).kompetensi == 40)
    }

    @Test func leadershipBelowThePostsLevelEarnsNothing() {
        // An administrator needs PIM III/PKA or higher: PIM IV is below.
        let below = F.records(
            .struktural, jenjang: "administrator", diklat: [F.diklat(1, end: "2018-01-01", jp: 200, tingkat: .pimIV)])
        #expect(F.score(below).kompetensi == 0)
        let exact = F.records(
            .struktural, jenjang: "administrator", diklat: [F.diklat(1, end: "2018-01-01", jp: 200, tingkat: .pka)])
        #expect(F.score(exact).kompetensi == 15)
        let above = F.records(
            .struktural, jenjang: "administrator", diklat: [F.diklat(1, end: "2018-01-01", jp: 200, tingkat: .pknII)])
        #expect(F.score(above).kompetensi == 15)
    }

    @Test func leadershipLevelsPerPost() {
        let cases: [(String, LeadershipLevel, Double)] = [
            ("pengawas", .pkp, 15), ("pengawas", .pimIV, 15), ("jpt_pratama", .pimIII, 0), ("jpt_pratama", .pimII, 15),
            ("jpt_madya", .pknII, 0), ("jpt_madya", .pknI, 15), ("jpt_utama", .pimI, 15),
        ]
        for (jenjang, level, points) in cases {
            let r = F.records(.struktural, jenjang: jenjang, diklat: [F.diklat(1, end: "2015-03-01", jp: 100, tingkat: level)])
            #expect(F.score(r).kompetensi == points, "\(jenjang) with \(level)")
        }
    }

    @Test func leadershipFinishedAfterTheYearDoesNotCount() {
        let r = F.records(
            .struktural, jenjang: "pengawas", diklat: [F.diklat(1, end: "2025-01-01", jp: 100, start: "2024-09-01", tingkat: .pkp)])
        #expect(F.score(r, year: 2024).kompetensi == 0)
    }

    @Test func fungsionalCourseAnyYearUnlessNotMatching() {
        let old = F.records(.fungsional, diklat: [F.diklat(2, end: "2012-01-01", jp: 60)])
        #expect(F.score(old).kompetensi == 15)
        let notMatching = F.records(.fungsional, diklat: [F.diklat(2, end: "2012-01-01", jp: 60, sesuai: false)])
        #expect(F.score(notMatching).kompetensi == 0)
    }

    @Test func fungsionalCourseEarnsNothingForAPelaksana() {
        let r = F.records(.pelaksana, diklat: [F.diklat(2, end: "2020-01-01", jp: 60)])
        #expect(F.score(r).kompetensi == 0)
    }

    @Test func strukturalFullMarks() {
        let r = F.records(
            .struktural, jenjang: "jpt_pratama",
            diklat: [
                F.diklat(1, end: "2016-01-01", jp: 300, tingkat: .pknII), F.diklat(13, end: "2024-03-01", jp: 20),
                F.diklat(4, end: "2024-04-01", jp: 8),
            ])
        #expect(F.score(r).kompetensi == 40)
    }

    @Test func explanationNamesJPAndPoints() {
        let r = F.records(.fungsional, diklat: [F.diklat(3, end: "2024-05-01", jp: 14)])
        let text = F.engine.explain(r, year: 2024).text(.en)
        #expect(text.contains("teknis: 14 of 20 JP in 2024, 0 of 15"))
        let id = F.engine.explain(r, year: 2024).text(.id)
        #expect(id.contains("teknis: 14 dari 20 JP pada 2024, 0 dari 15"))
    }

    @Test func rulesetCanMoveAJenisBetweenGroups() {
        var rules = Ruleset.bkn2019
        rules.kompetensi.groups[7] = .teknis  // Sosialisasi counted as teknis
        let r = F.records(.pelaksana, diklat: [F.diklat(7, end: "2024-05-01", jp: 20)])
        #expect(F.score(r).kompetensi == 17.5)
        #expect(ScoringEngine(ruleset: rules).score(r, year: 2024).kompetensi == 22.5)
    }
}
