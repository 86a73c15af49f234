import Testing

@testable import IPASNTerminal

/// The printable-ASCII fast path of ``DisplayWidth/width(of:)`` (a String and any other
/// StringProtocol) gives what summing the grapheme clusters gives, and leaves everything
/// else (controls, DEL, a CR LF pair, non-ASCII) to the full rules.
@Suite struct DisplayWidthFastPathTests {
    func byClusters(_ text: String) -> Int { text.reduce(0) { $0 + DisplayWidth.width(of: $1) } }

    @Test func asciiAndMixedTextMeasureAsTheirClusters() {
        let samples = [
            "", " ", "~", "Pelatihan Teknis Bench 00001", "01-02-2025", "BENCH/P/00001", "196801011993101022",
            "a\u{7F}b", "tab\there", "line\r\nbreak", "\u{1B}[31m", "Andre\u{301}", "日本語 ok", "Ké-2 \u{1F600}",
        ]
        for text in samples {
            #expect(DisplayWidth.width(of: text) == byClusters(text), "\(text.debugDescription)")
            #expect(DisplayWidth.width(of: Substring(text)) == byClusters(text), "\(text.debugDescription)")
        }
        // Hand-checked: every printable ASCII character is one column.
        let printable = String((0x20..<0x7F).map { Character(Unicode.Scalar($0)!) })
        #expect(DisplayWidth.width(of: printable) == 95)
        // A control is shown as one replacement column; CR LF is one cluster, one column.
        #expect(DisplayWidth.width(of: "a\u{7F}b") == 3)
        #expect(DisplayWidth.width(of: "a\r\nb") == 3)
        #expect(DisplayWidth.width(of: "日本") == 4)
    }
}
