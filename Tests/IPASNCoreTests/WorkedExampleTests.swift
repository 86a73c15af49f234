import Testing

@testable import IPASNCore

/// Section 3 of the reference: the three worked examples (bkn-2019, Y = 2024).
@Suite struct WorkedExampleTests {
    @Test func fungsionalS1() {
        // fungsional, S-1, a fungsional diklat in 2019, 24 JP teknis in 2024, a seminar in 2023,
        // SKP Baik, no punishment: 15 + (15 + 15 + 10) + 25 + 5 = 85, Tinggi
        let r = F.records(
            .fungsional, jenjang: "Analis Kepegawaian Ahli Muda", edu: [F.edu(.s1)],
            diklat: [
                F.diklat(2, end: "2019-05-10", jp: 40),
                F.diklat(3, end: "2024-03-15", jp: 24),
                F.diklat(9, end: "2023-11-02", jp: 4),
            ],
            skp: [F.skp(2024, .baik)])
        let s = F.score(r)
        #expect(s.kualifikasi == 15)
        #expect(s.kompetensi == 40)
        #expect(s.kinerja == 25)
        #expect(s.disiplin == 5)
        #expect(s.total == 85)
        #expect(F.engine.category(for: s.total).name == "Tinggi")
        #expect(s.complete)
    }

    @Test func pelaksanaSLTA() {
        // pelaksana, SLTA, 20 JP teknis in 2024, no seminar, SKP Sangat Baik, teguran lisan in 2024:
        // 5 + 22.5 + 30 + 3 = 60.5, Sangat Rendah
        let r = F.records(
            .pelaksana, edu: [F.edu(.slta)], diklat: [F.diklat(3, end: "2024-06-20", jp: 20)],
            skp: [F.skp(2024, .sangatBaik)], hukuman: [F.hukuman(.ringan, "2024-02-01")])
        let s = F.score(r)
        #expect(s.kualifikasi == 5)
        #expect(s.kompetensi == 22.5)
        #expect(s.kinerja == 30)
        #expect(s.disiplin == 3)
        #expect(s.total == 60.5)
        #expect(F.engine.category(for: s.total).name == "Sangat Rendah")
    }

    @Test func administratorS2() {
        // administrator, S-2, no PIM, 20 JP teknis, a seminar, SKP Cukup, none:
        // 20 + (0 + 15 + 10) + 15 + 5 = 65, Rendah
        let r = F.records(
            .struktural, jenjang: "administrator", edu: [F.edu(.s2)],
            diklat: [F.diklat(8, end: "2024-09-01", jp: 20), F.diklat(7, end: "2024-10-01", jp: 3)],
            skp: [F.skp(2024, .cukup)])
        let s = F.score(r)
        #expect(s.kualifikasi == 20)
        #expect(s.kompetensi == 25)
        #expect(s.kinerja == 15)
        #expect(s.disiplin == 5)
        #expect(s.total == 65)
        #expect(F.engine.category(for: s.total).name == "Rendah")
    }
}
