import Testing

@testable import IPASNTerminal

/// Names cut to a column must not look alike when they are different people (branch ux8).
@Suite struct TruncateApartTests {
    @Test func aCutNameThatLooksLikeAnotherKeepsItsEnd() {
        let shown = DisplayWidth.truncateApart(["Asep Wibowo", "Asep Wibowo, S.Pd.", "Budi Santoso"], toWidth: 13)
        // Plain cuts would be "Asep Wibowo" and "Asep Wibowo,…".
        #expect(shown == ["Asep Wibowo", "Asep Wi…S.Pd.", "Budi Santoso"])
        #expect(shown.allSatisfy { DisplayWidth.width(of: $0) <= 13 })
    }

    @Test func twoNamesCutToTheSameTextAreToldApartByTheirEnds() {
        let shown = DisplayWidth.truncateApart(["Siti Nurhaliza, S.Kom.", "Siti Nurhaliza, S.Pd."], toWidth: 14)
        // Plain cuts would both be "Siti Nurhaliz…"; each keeps its title (up to half the width).
        #expect(shown == ["Siti Nu…S.Kom.", "Siti Nur…S.Pd."])
        #expect(shown[0] != shown[1])
    }

    @Test func namesThatFitOrDifferEarlyAreCutAsBefore() {
        let texts = ["Ani", "Dewi Kartika Sari Wulandari", "Bambang Sutrisno Hadi"]
        #expect(DisplayWidth.truncateApart(texts, toWidth: 13) == texts.map { DisplayWidth.truncate($0, toWidth: 13) })
        // The same name twice (two employees of one name) stays the same.
        #expect(DisplayWidth.truncateApart(["Dewi Kartika Sari", "Dewi Kartika Sari"], toWidth: 10) == ["Dewi Kart…", "Dewi Kart…"])
    }
}
