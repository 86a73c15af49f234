import Foundation
import Testing

@testable import IPASNCore

@Suite struct RulesetFileTests {
    func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func fullRulesetRoundTrips() throws {
        let encoded = RulesetFile.encode(.bkn2019)
        #expect(try RulesetFile.load(encoded) == .bkn2019)
        #expect(RulesetFile.check(encoded).warnings.isEmpty)
    }

    @Test func partialFileChangesOnlyWhatItNames() throws {
        let file = data(
            #"{"base": "bkn-2019", "id": "kab-contoh", "kompetensi": {"teknis_minimum_jp": 24, "groups": {"7": "teknis"}}}"#)
        let rules = try RulesetFile.load(file)
        #expect(rules.id == "kab-contoh")
        #expect(rules.kompetensi.teknisMinimumJP == 24)
        #expect(rules.kompetensi.groups[7] == .teknis)
        #expect(rules.kompetensi.groups[9] == .seminar)
        #expect(rules.kinerja == Ruleset.bkn2019.kinerja)
        // 20 JP no longer reaches the new minimum.
        let r = F.records(.pelaksana, diklat: [F.diklat(3, end: "2024-05-01", jp: 20)])
        #expect(ScoringEngine(ruleset: rules).score(r, year: 2024).kompetensi == 0)
    }

    @Test func typoInAKeyIsNamed() {
        let check = RulesetFile.check(data(#"{"base": "bkn-2019", "kompetensi": {"teknis_min_jp": 24}}"#))
        #expect(!check.isValid)
        #expect(check.errors.first?.hasPrefix("kompetensi.teknis_min_jp: unknown key") == true)
    }

    @Test func wrongTypeNamesThePath() {
        let check = RulesetFile.check(data(#"{"base": "bkn-2019", "kinerja": {"points": {"baik": "dua puluh"}}}"#))
        #expect(check.errors == ["kinerja.points.baik: expected a number, found a string"])
    }

    @Test func unknownEnumKeyAndJenisAreNamed() {
        let predikat = RulesetFile.check(data(#"{"base": "bkn-2019", "kinerja": {"points": {"istimewa": 30}}}"#))
        #expect(predikat.errors.first?.contains("unknown key \"istimewa\"") == true)
        let jenis = RulesetFile.check(data(#"{"base": "bkn-2019", "kompetensi": {"groups": {"26": "teknis"}}}"#))
        #expect(jenis.errors.first?.hasPrefix("kompetensi.groups.26: unknown key \"26\"; expected one of: 1, 2, 3") == true)
    }

    @Test func semanticErrors() {
        let over = RulesetFile.check(
            data(#"{"base": "bkn-2019", "kompetensi": {"points": {"pelaksana": {"kepemimpinan": 0, "fungsional": 0, "teknis": 30, "seminar": 17.5}}}}"#))
        #expect(over.errors == ["kompetensi.points.pelaksana: the indicators add up to 47.5, not to kompetensi.max 40"])
        let order = RulesetFile.check(
            data(#"{"base": "bkn-2019", "categories": [{"min": 0, "name": "Rendah"}, {"min": 50, "name": "Tinggi"}]}"#))
        #expect(order.errors == ["categories: list the bands from the highest min to the lowest"])
    }

    @Test func syntaxAndBaseErrors() {
        #expect(RulesetFile.check(data("{ nope")).errors.first?.hasPrefix("not valid JSON") == true)
        #expect(RulesetFile.check(data(#"{"base": "bkn-1999"}"#)).errors.first?.hasPrefix("base: unknown ruleset") == true)
        #expect(RulesetFile.check(data(#"{"id": "x"}"#)).errors.first?.contains("missing") == true)
    }

    @Test func describeShowsTheTables() {
        let text = RulesetFile.describe(.bkn2019)
        #expect(text.contains("Ruleset bkn-2019"))
        #expect(text.contains("teknis: JP in Y ≥ 20"))
        #expect(text.contains("seminar: at least one in Y-1..Y"))
        #expect(text.contains("22.5"))
    }
}
