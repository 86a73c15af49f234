import Testing

@testable import IPASNCore

@Suite struct KualifikasiTests {
    @Test(arguments: [
        (EducationLevel.s3, 25.0), (.subspesialis, 25), (.s2, 20), (.spesialis, 20), (.s1, 15), (.d4, 15),
        (.profesi, 15), (.d3, 10), (.d2, 5), (.d1, 5), (.slta, 5), (.sltaKejuruan, 5), (.sltaKeguruan, 5),
        (.sltp, 1), (.sltpKejuruan, 1), (.sd, 1),
    ])
    func pointsPerLevel(level: EducationLevel, points: Double) {
        let s = F.score(F.records(.pelaksana, edu: [F.edu(level)]))
        #expect(s.kualifikasi == points)
        #expect(!s.missing.contains(.pendidikan))
    }

    @Test func noEducationIsZeroAndIncomplete() {
        let s = F.score(F.records(.pelaksana, skp: [F.skp(2024, .baik)]))
        #expect(s.kualifikasi == 0)
        #expect(s.missing == [.pendidikan])
        #expect(!s.complete)
    }

    @Test func highestLevelCounts() {
        let s = F.score(F.records(.pelaksana, edu: [F.edu(.slta), F.edu(.s2), F.edu(.s1)]))
        #expect(s.kualifikasi == 20)
    }

    @Test func graduationAfterYearEndDoesNotCount() {
        // S-2 finished 1 Jan 2025 does not count for 2024; S-1 does.
        let r = F.records(.pelaksana, edu: [F.edu(.s1, "2015-07-01"), F.edu(.s2, "2025-01-01")])
        #expect(F.score(r, year: 2024).kualifikasi == 15)
        #expect(F.score(r, year: 2025).kualifikasi == 20)
        // ... while 31 Dec 2024 does.
        let onTime = F.records(.pelaksana, edu: [F.edu(.s2, "2024-12-31")])
        #expect(F.score(onTime, year: 2024).kualifikasi == 20)
    }

    @Test func undatedEducationCountsByChoice() {
        let r = F.records(.pelaksana, edu: [F.edu(.d3, nil)])
        #expect(F.score(r).kualifikasi == 10)
        var rules = Ruleset.bkn2019
        rules.kualifikasi.undatedCounts = false
        #expect(ScoringEngine(ruleset: rules).score(r, year: 2024).kualifikasi == 0)
    }
}
