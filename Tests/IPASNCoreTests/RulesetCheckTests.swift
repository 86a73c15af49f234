import Foundation
import Testing

@testable import IPASNCore

/// Issue 13: `rules check` refuses every value scoring would trap on, names the key path of
/// every error and lists all of them; a changed ruleset never carries its base's name.
@Suite struct RulesetCheckTests {
    func check(_ text: String) -> RulesetCheck { RulesetFile.check(Data(text.utf8)) }

    @Test func theIssuesMaximumIsRefused() {
        #expect(check(#"{"base":"bkn-2019","kinerja":{"max":1e308}}"#).errors == ["kinerja.max: 1e308 is outside 0...1000"])
    }

    @Test func numbersThatDoNotFitAreNamedByKeyPath() {
        #expect(
            check(#"{"base":"bkn-2019","kompetensi":{"teknis_minimum_jp":9300000000000000000}}"#).errors == [
                "kompetensi.teknis_minimum_jp: 9300000000000000000 is outside 0...10000"
            ])
        #expect(
            check(#"{"base":"bkn-2019","disiplin":{"window_years":9000000000000000000}}"#).errors == [
                "disiplin.window_years: 9000000000000000000 is outside 1...50"
            ])
        #expect(check(#"{"base":"bkn-2019","kinerja":{"max":1e400}}"#).errors == ["kinerja.max: 1e400 is too large for a number"])
        #expect(
            check(#"{"base":"bkn-2019","kompetensi":{"teknis_minimum_jp":1.5}}"#).errors == [
                "kompetensi.teknis_minimum_jp: 1.5 is not a whole number"
            ])
        #expect(
            check(#"{"base":"bkn-2019","categories":[{"min":-5,"name":"X"}]}"#).errors == [
                "categories[0].min: -5 is outside 0...4000"
            ])
    }

    @Test func everyErrorIsListedWithItsPath() {
        let result = check(
            #"{"base":"bkn-2019","kinerja":{"max":"x","points":{"baik":-1}},"disiplin":{"max":true,"windows":2}}"#)
        #expect(
            result.errors == [
                "kinerja.max: expected a number, found a string",
                "kinerja.points.baik: -1 is outside 0...1000",
                "disiplin.windows: unknown key; expected one of: max, none, points, window_years",
                "disiplin.max: expected a number, found true or false",
            ])
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        #expect(
            check("{\n  \"base\": \"bkn-2019\",\n  \"id\" \"x\"\n}").errors == [
                "not valid JSON: line 3, column 8: unexpected '\"'; expected ':' after \"id\""
            ])
        // A trailing comma was accepted by the old parser; it is a syntax error.
        #expect(
            check("{\"base\": \"bkn-2019\",\n}").errors == [
                "not valid JSON: line 2, column 1: a comma before '}' (remove the last comma)"
            ])
        #expect(check(#"{"base":"bkn-2019","kinerja":{"max":NaN}}"#).errors.first?.hasPrefix("not valid JSON: line 1, column 37") == true)
    }

    @Test func aRepeatedKeyIsAnError() {
        #expect(
            check(#"{"base":"bkn-2019","id":"a","id":"b"}"#).errors == ["id: the key appears twice; keep one"])
    }

    @Test func kompetensiRowsMustAddUpToTheMaximum() {
        let under = check(
            #"{"base":"bkn-2019","id":"x","kompetensi":{"points":{"pelaksana":{"kepemimpinan":0,"fungsional":0,"teknis":20,"seminar":17.5}}}}"#
        )
        #expect(under.errors == ["kompetensi.points.pelaksana: the indicators add up to 37.5, not to kompetensi.max 40"])
    }

    @Test func unreachableCategoryIsRefused() {
        let result = check(
            #"{"base":"bkn-2019","id":"x","categories":[{"min":150,"name":"Super"},{"min":0,"name":"Rendah"}]}"#)
        #expect(result.errors == ["categories[0].min: 150 is above the highest possible total 100, so no one can reach it"])
    }

    @Test func controlCharactersInNamesAreRefused() {
        let result = check(#"{"base":"bkn-2019","id":"x","name":"judul\u001b]0;hi\u0007"}"#)
        #expect(result.errors == ["name: contains the control character ESC (U+001B); remove it"])
    }

    @Test func aPartialRulesetWithoutAnIDIsNotLabelledAsItsBase() throws {
        let rules = try RulesetFile.load(
            Data(#"{"base":"bkn-2019","categories":[{"min":80,"name":"Tinggi"},{"min":0,"name":"Rendah"}]}"#.utf8))
        #expect(rules.id == "bkn-2019-diubah")
        #expect(rules.name == "PermenPANRB 38/2018 & Peraturan BKN 8/2019 (diubah)")
        #expect(RulesetFile.describe(rules).hasPrefix("Ruleset bkn-2019-diubah: PermenPANRB 38/2018 & Peraturan BKN 8/2019 (diubah)"))
        // Its own id is kept, and a file that changes nothing is still the base.
        #expect(try RulesetFile.load(Data(#"{"base":"bkn-2019","id":"kab-a","disiplin":{"none":4}}"#.utf8)).id == "kab-a")
        #expect(try RulesetFile.load(Data(#"{"base":"bkn-2019","kinerja":{"max":30}}"#.utf8)) == .bkn2019)
    }

    @Test func aChangedRulesetCannotTakeTheBuiltInID() {
        #expect(
            check(#"{"base":"bkn-2019","id":"bkn-2019","disiplin":{"none":4}}"#).errors == [
                "id: \"bkn-2019\" is the id of the built-in ruleset, and this file changes it; give it its own id (or leave id out)"
            ])
    }

    /// Many generated rulesets: each is either refused by the check, or scores, explains and
    /// describes every employee without trapping. The check of the encoded file agrees.
    @Test func scoringNeverTrapsOnARulesetThatPassed() throws {
        var rng = TestRNG(seed: 13)
        let doubles: [Double] = [
            0, 0.5, 1, 5, 15, 25, 30, 40, 100, 999, 1000, 1000.5, 1e15, 9.3e18, 1e308, -1, -0.0001, .nan, .infinity,
            -.infinity,
        ]
        let ints: [Int] = [Int.min, -1, 0, 1, 2, 3, 50, 51, 100, 10_000, 10_001, 9_000_000_000_000_000_000, Int.max]
        var passed = 0
        var refused = 0
        for _ in 0..<600 {
            var r = Ruleset.bkn2019
            for _ in 0..<rng.next(4) + 1 {
                let d = doubles[rng.next(doubles.count)]
                let i = ints[rng.next(ints.count)]
                switch rng.next(16) {
                case 0: r.kualifikasi.max = d
                case 1: r.kualifikasi.points[EducationLevel.allCases[rng.next(EducationLevel.allCases.count)]] = d
                case 2: r.kompetensi.max = d
                case 3: r.kompetensi.points[.pelaksana] = KompetensiPoints(kepemimpinan: 0, fungsional: 0, teknis: d, seminar: 40 - d)
                case 4: r.kinerja.max = d
                case 5: r.kinerja.points[Predikat.allCases[rng.next(Predikat.allCases.count)]] = d
                case 6: r.disiplin.max = d
                case 7: r.disiplin.none = d
                case 8: r.disiplin.windowYears = i
                case 9: r.kompetensi.teknisWindowYears = i
                case 10: r.kompetensi.seminarWindowYears = i
                case 11: r.kompetensi.teknisMinimumJP = i
                case 12: r.kompetensi.leadershipRank[.pimIV] = i
                case 13: r.categories[rng.next(r.categories.count)].min = d
                case 14: r.kinerja.nilaiThresholds[rng.next(r.kinerja.nilaiThresholds.count)].min = d
                default: r.categories = [CategoryBand(min: d, name: "A"), CategoryBand(min: 0, name: "B")]
                }
            }
            r.id = "gen"
            let verdict = RulesetFile.validate(r)
            let encoded = (try? JSONEncoder().encode(r))
            if let encoded {
                // The file check reaches the same verdict (it adds only file-level checks).
                #expect(RulesetFile.check(encoded).isValid == verdict.isValid)
            }
            guard verdict.isValid else {
                refused += 1
                continue
            }
            passed += 1
            let engine = ScoringEngine(ruleset: r)
            for jabatan in JenisJabatan.allCases {
                let records = F.records(
                    jabatan, jenjang: jabatan == .struktural ? "pengawas" : "", edu: [F.edu(.s3)],
                    diklat: [F.diklat(1, end: "2024-03-01", tingkat: .pimIV), F.diklat(3, end: "2024-05-01", jp: 1000)],
                    skp: [F.skp(2024, nilai: 100)], hukuman: [F.hukuman(.berat, "2024-01-01")])
                for year in [1950, 2024, 9999] {
                    let explanation = engine.explain(records, year: year)
                    #expect(explanation.score.total.isFinite)
                    #expect(explanation.score.total <= r.maxTotal + 1e-9)
                    _ = explanation.text(.id) + explanation.text(.en)
                }
            }
            _ = RulesetFile.describe(r, language: .id)
        }
        #expect(passed > 50)
        #expect(refused > 50)
    }
}

/// SplitMix64: a deterministic generator for the property test.
struct TestRNG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
