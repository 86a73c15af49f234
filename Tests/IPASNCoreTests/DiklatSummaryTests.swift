import IPASNTestSupport
import Testing

@testable import IPASNCore

/// Issue 12's pre-aggregation: a ``DiklatSummary``'s stand-in records score exactly as the
/// rows they summarise, for the year summarised, under the rulesets a store can hold.
@Suite struct DiklatSummaryTests {
    /// Rulesets that move every input the summary depends on: the windows, the "sesuai
    /// jabatan" rule, a jenis moved to another group or left out, a rank of 0 and equal ranks.
    static let rulesets: [Ruleset] = {
        var wide = Ruleset.bkn2019
        wide.kompetensi.teknisWindowYears = 3
        wide.kompetensi.seminarWindowYears = 1
        wide.kompetensi.fungsionalRequiresSesuai = false
        wide.kompetensi.teknisMinimumJP = 30
        var regrouped = Ruleset.bkn2019
        regrouped.kompetensi.groups[3] = .seminar  // a teknis kind counted as a seminar
        regrouped.kompetensi.groups[4] = nil  // a seminar kind that earns nothing
        regrouped.kompetensi.groups[5] = .fungsional
        regrouped.kompetensi.leadershipRank[.pimIV] = 0  // never enough
        regrouped.kompetensi.leadershipRank[.pknI] = 2  // equal to PIM III
        regrouped.kompetensi.teknisWindowYears = 0  // read as 1, as the engine does
        regrouped.kompetensi.teknisMinimumJP = 0  // no teknis record still earns
        return [.bkn2019, wide, regrouped]
    }()

    static let jabatan: [(JenisJabatan, String)] = [
        (.struktural, "pengawas"), (.struktural, "administrator"), (.struktural, "jpt_pratama"), (.fungsional, ""), (.pelaksana, ""),
    ]

    /// A deterministic generator (SplitMix64), so the records are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Up to 12 diklat of every jenis, ending around `year` (Y-4 to Y+1, 1 January and
    /// 31 December among them, several the same day), any tingkat, sesuai or not, JP 0 to 40.
    static func diklat(_ g: inout Generator, year: Int) -> [Diklat] {
        (0..<g.next(13)).map { _ in
            let endYear = year - 4 + g.next(6)
            let day = [(1, 1), (12, 31), (6, 15), (1, 1), (12, 31)][g.next(5)]
            let end = LocalDate(year: endYear, month: day.0, day: day.1)!
            let tingkat = g.next(3) == 0 ? nil : LeadershipLevel.allCases[g.next(LeadershipLevel.allCases.count)]
            return Diklat(
                nip: F.nip, jenis: JenisDiklat.all[g.next(25)], tingkat: tingkat, nama: "x", tanggalMulai: end, tanggalSelesai: end,
                jp: g.next(41), sesuaiJabatan: g.next(2) == 0)
        }
    }

    @Test func standInsScoreAsTheRowsUnderEveryRulesetJabatanAndYear() {
        var g = Generator(state: 12)
        var compared = 0
        var differentKompetensi = Set<Double>()
        for ruleset in Self.rulesets {
            let engine = ScoringEngine(ruleset: ruleset)
            for _ in 0..<400 {
                let year = 2022 + g.next(4)
                let rows = Self.diklat(&g, year: year)
                let (jabatan, jenjang) = Self.jabatan[g.next(Self.jabatan.count)]
                let records = F.records(jabatan, jenjang: jenjang, diklat: rows)
                let summary = DiklatSummary(rows, year: year, rules: ruleset.kompetensi)
                var summarised = records
                summarised.diklat = summary.records(nip: F.nip, year: year, rules: ruleset.kompetensi)
                #expect(summarised.diklat.count <= 4)
                let expected = engine.score(records, year: year)
                #expect(engine.score(summarised, year: year) == expected, "\(ruleset.id) \(year) \(rows)")
                differentKompetensi.insert(expected.kompetensi)
                compared += 1
            }
        }
        #expect(compared == 1200)
        // The generated cases reach many point totals, not one.
        #expect(differentKompetensi.count >= 6)
    }

    /// Hand-checked: bkn-2019, a struktural pengawas in 2024.
    @Test func aSummaryHoldsWhatTheYearNeeds() {
        let rules = Ruleset.bkn2019.kompetensi
        let rows = [
            F.diklat(1, end: "2023-05-01", tingkat: .pimIV),  // rank 1, ended before the year's end
            F.diklat(1, end: "2025-01-01", tingkat: .pimII),  // after 31 Dec 2024: nothing
            F.diklat(2, end: "2024-12-31", sesuai: false),  // fungsional, not sesuai: ignored
            F.diklat(3, end: "2024-12-31", jp: 12), F.diklat(5, end: "2024-01-01", jp: 9),  // teknis 21 JP in 2024
            F.diklat(3, end: "2023-12-31", jp: 40),  // teknis of 2023: outside the 1-year window
            F.diklat(9, end: "2023-01-01"),  // seminar in Y-1: counts
        ]
        let summary = DiklatSummary(rows, year: 2024, rules: rules)
        #expect(summary == DiklatSummary(leadershipRank: 1, fungsional: false, teknisJP: 21, seminar: true))
        let standIns = summary.records(nip: F.nip, year: 2024, rules: rules)
        #expect(standIns.map(\.jenis.id) == [1, 3, 4])
        #expect(standIns.map(\.tingkat) == [.pimIV, nil, nil])
        #expect(standIns.map(\.jp) == [0, 21, 0])
        #expect(standIns.allSatisfy { $0.tanggalSelesai == F.date("2024-12-31") })
        // Pengawas needs PIM IV (15) + teknis 21 >= 20 (15) + seminar (10) = 40.
        let records = F.records(.struktural, jenjang: "pengawas", diklat: rows)
        #expect(F.score(records, year: 2024).kompetensi == 40)
        #expect(DiklatSummary([], year: 2024, rules: rules).isEmpty)
        #expect(DiklatSummary(rows, year: 2021, rules: rules).isEmpty)
    }
}
