import Foundation
import Testing

@testable import IPASNCore

/// The import's byte-level shortcuts for dates, JP and trimming (issue 14) answer exactly as
/// the plain readings for every text.
@Suite struct DateTextFastPathTests {
    static let texts = [
        "", " ", "\t", "01-03-26", "1/3/26", "01.03.26", " 01-03-26 ", "\t1-3-26", "01-03-2026", "2026-03-01",
        "1-3-2", "123-3-26", "1-123-26", "1-3-263", "1--26", "-1-3-26", "1-3-26-", "1-3/26", "1.3/26", "01-03-26 00:00",
        "01-03-26T00:00", "١-٣-٢٦", "01-03-26\u{00A0}", "\u{00A0}01-03-26", "01-03-2\u{0301}6", "a1-3-26", "1-3-26\r\n",
        "24", "24 JP", "24jp", "24 jam", "24,0", "24.00", " 24 ", "0", "007", "-4", "+4", "24\u{00A0}", "٢٤", "JP",
        "  Teknis ", "Teknis", "\u{2003}Teknis\u{2003}", "Teknis\n", "\tx", "x\t", "é", " é ",
    ]

    @Test func aTwoDigitYearIsFoundAsThePlainReadingFindsIt() {
        for text in Self.texts {
            #expect(DateText.fullYear(text) == DateText.fullYearPlain(text), "\(text.debugDescription)")
        }
        #expect(DateText.fullYear("1/3/26") == "1-3-2026")
        #expect(DateText.fullYear(" 01-03-26 ") == "01-03-2026")
        #expect(DateText.fullYear("01-03-2026") == nil)
    }

    @Test func jpReadsAsThePlainReading() {
        for text in Self.texts { #expect(JPText.number(text) == JPText.numberPlain(text), "\(text.debugDescription)") }
        #expect(JPText.number("007") == "007")
        #expect(JPText.number("24 JP") == "24")
    }

    @Test func trimmingIsFoundationsTrimming() {
        for text in Self.texts {
            #expect(FastText.trimmedWhitespace(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
        #expect(FastText.trimmedWhitespace("\u{2003}Teknis\u{2003}") == "Teknis")
        #expect(FastText.trimmedWhitespace("Teknis\n") == "Teknis\n")
    }
}
