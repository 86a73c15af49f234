import Foundation
import IPASNCore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// The team's tmux test: "sangat" in the SKP grid silently became Sangat Baik (the first
/// predikat starting with it). Text that fits several choices takes none and names them.
@Suite struct AmbiguousChoiceTests {
    @Test func theGridTakesOnlyAPredikatTheTextMeansAlone() {
        #expect(SKPGrid.predikat("sangat") == nil)
        #expect(SKPGrid.predikatMatches("sangat") == [.sangatBaik, .sangatKurang])
        #expect(SKPGrid.predikat("bu") == nil, "Butuh Perbaikan and Buruk")
        #expect(SKPGrid.predikatMatches("bu") == [.butuhPerbaikan, .buruk])
        #expect(SKPGrid.predikat("but") == .butuhPerbaikan)
        #expect(SKPGrid.predikat("sangat k") == .sangatKurang)
        #expect(SKPGrid.predikat("kur") == .kurang, "Kurang alone starts with kur")
        // The grid's short codes, named in its messages, stay.
        #expect(SKPGrid.predikat("b") == .baik)
        #expect(SKPGrid.predikat("k") == .kurang)
        #expect(SKPGrid.predikatMatches("zz").isEmpty)
    }

    @Test func anAmbiguousPredikatKeepsTheCursorAndNamesTheMatches() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.enqueue(text: "sangat")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.shows("\"sangat\" cocok dengan 2 predikat: Sangat Baik, Sangat Kurang"), "\(grid)")
                #expect(grid.line(containing: "Budi Santoso")?.contains("Sangat Baik") == false, "nothing was taken")
            }
            s.enqueue(text: " k")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.line(containing: "Budi Santoso")?.contains("Sangat Kurang") == true, "\(grid)")
                #expect(!grid.shows("cocok dengan"))
            }
        }
    }

    @Test func aFormPickerNamesTheChoicesItsTextFits() {
        #expect(
            L.pickerAmbiguousNamed("sangat", ["Sangat Baik", "Sangat Kurang"]).id
                == "\"sangat\" cocok dengan 2 pilihan: Sangat Baik, Sangat Kurang (↑↓ lalu Tab).")
        #expect(L.pickerAmbiguousNamed("b", ["Baik", "Butuh Perbaikan", "Buruk", "X"]).en.contains("fits 4 choices: Baik, Butuh Perbaikan, Buruk, … (↑↓ then Tab)"))
    }
}
