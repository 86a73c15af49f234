import Foundation
import IPASNCore
import Testing

@testable import IPASNStore

/// The activity counts' kept decoding of import summaries gives what decoding gives.
@Suite struct ImportSummaryFiguresTests {
    @Test func theFiguresAreTheSummarysAndKeptOnesAreTheSame() throws {
        var summary = ImportSummary(kind: .diklat, imported: 7, issues: 1, skipInvalid: true, byUnit: ["ROOT": 3, "SUB": 4])
        summary.demo = true
        let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        for _ in 0..<2 {  // decoded, then kept
            let figures = try #require(ImportSummaryFigures.of(json))
            #expect(figures.demo && figures.byUnit == ["ROOT": 3, "SUB": 4])
        }
        summary.demo = nil
        let typed = try #require(ImportSummaryFigures.of(String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)))
        #expect(!typed.demo && typed.byUnit == ["ROOT": 3, "SUB": 4])
        #expect(ImportSummaryFigures.of("{\"kind\": \"diklat\"") == nil)
    }
}
