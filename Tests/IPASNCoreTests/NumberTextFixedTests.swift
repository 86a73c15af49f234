import Foundation
import Testing

@testable import IPASNCore

/// Points and means are written without Foundation's formatter (branch pgpage: every frame with
/// figures wrote several): the same text as `String(format: "%.Nf")` with the language's
/// separator, hand-checked and over a sweep of values.
@Suite struct NumberTextFixedTests {
    func formatted(_ value: Double, _ places: Int, _ language: Language) -> String {
        let text = String(format: "%.\(places)f", value)
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    @Test func handChecked() {
        #expect(NumberText.points(22.5, .id) == "22,5")
        #expect(NumberText.points(22.5, .en) == "22.5")
        #expect(NumberText.points(17.25, .id) == "17,3")
        #expect(NumberText.points(-2.5, .id) == "-2,5")
        #expect(NumberText.points(-0.25, .en) == "-0.3")
        #expect(NumberText.points(40, .id) == "40")
        #expect(NumberText.decimal(63.99, .id) == "63,99")
        #expect(NumberText.decimal(68.0556, .id) == "68,06")
        #expect(NumberText.decimal(5, .en) == "5.00")
        #expect(NumberText.decimal(0.1 + 0.2, .id) == "0,30")
        #expect(NumberText.decimal(0.005, .en) == "0.01")
        #expect(NumberText.decimal(-0.001, .en) == "-0.00")
        #expect(NumberText.decimal(1234.5, .id, places: 1) == "1234,5")
        #expect(NumberText.decimal(2e12, .en) == "2000000000000.00")
    }

    @Test func theSameTextAsTheFormatter() {
        for language in [Language.id, .en] {
            for step in -2_000...12_000 {
                let value = Double(step) * 0.0137
                #expect(NumberText.decimal(value, language) == formatted(NumberText.round(value), 2, language), "\(value)")
                let tenth = (value * 10).rounded() / 10
                if tenth != tenth.rounded() {
                    #expect(NumberText.points(value, language) == formatted(tenth, 1, language), "\(value)")
                }
            }
        }
    }
}
