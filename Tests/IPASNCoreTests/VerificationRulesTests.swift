import Foundation
import Testing

@testable import IPASNCore

@Suite struct VerificationRulesTests {
    func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func rejectedRecordsDoNotCountByDefault() {
        #expect(Ruleset.bkn2019.verification.rejectedRecordsCount == false)
        #expect(RulesetFile.describe(.bkn2019, language: .id).contains("Verifikasi: data tidak memenuhi syarat tidak dihitung"))
    }

    @Test func aPartialFileTurnsTheSettingOn() throws {
        let rules = try RulesetFile.load(data(#"{"base": "bkn-2019", "verification": {"rejected_records_count": true}}"#))
        #expect(rules.verification.rejectedRecordsCount)
        #expect(rules.id == "bkn-2019-diubah")
        #expect(rules.kompetensi == Ruleset.bkn2019.kompetensi)
        #expect(RulesetFile.describe(rules).contains("Verification: rejected records still count"))
        // Written out and read back, the setting stays.
        #expect(try RulesetFile.load(RulesetFile.encode(rules)) == rules)
    }

    @Test func aFullRulesetWrittenBeforeVerificationReadsWithTheDefault() throws {
        // bkn-2019 as a full file without the verification section (as files and databases
        // written before it hold it).
        let full = try #require(try JSONSerialization.jsonObject(with: RulesetFile.encode(.bkn2019)) as? [String: Any])
        #expect(full["verification"] as? [String: Bool] == ["rejected_records_count": false])
        var old = full
        old["verification"] = nil
        old["id"] = "kab-lama"
        let oldData = try JSONSerialization.data(withJSONObject: old)
        let loaded = try RulesetFile.load(oldData)
        #expect(loaded.verification == VerificationRules(rejectedRecordsCount: false))
        // The stored form (JSONDecoder) reads it the same way.
        #expect(try JSONDecoder().decode(Ruleset.self, from: oldData).verification.rejectedRecordsCount == false)
    }

    @Test func aWrongValueIsNamedByItsPath() {
        let check = RulesetFile.check(data(#"{"base": "bkn-2019", "verification": {"rejected_records_count": "ya"}}"#))
        #expect(check.errors == ["verification.rejected_records_count: expected true or false, found a string"])
        let typo = RulesetFile.check(data(#"{"base": "bkn-2019", "verification": {"rejected_count": true}}"#))
        #expect(typo.errors.first?.hasPrefix("verification.rejected_count: unknown key") == true)
    }
}
