import IPASNCore
import Testing
@testable import IPASNWorkstation

/// The one-line hints under a title are drawn in 78 columns at 80x24 and cut there without an
/// ellipsis: a hint longer than that lost its end (the last predikat codes, the document key).
@Suite struct HintWidthTests {
    @Test func theVerificationSummaryAndTheSKPGridHintFitAnEightyColumnTerminal() {
        for language in [Language.id, .en] {
            let hints = [language.t(L.verifyQueueSummary(500, more: true)), language.t(L.gridHint)]
            for hint in hints {
                #expect(hint.count <= 78, "\(hint.count) columns: \(hint)")
            }
        }
        #expect(Language.id.t(L.verifyQueueSummary(500, more: true)) == "500+ data belum diverifikasi, terlama di atas (m, t, D: lihat baris bawah).")
        #expect(Language.id.t(L.gridHint).contains("b, sb, c, bp, k, sk"))
    }
}
