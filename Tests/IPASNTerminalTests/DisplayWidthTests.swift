import Testing

@testable import IPASNTerminal

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.width(of: "NIP 198001012005011001") == 22)
        #expect(DisplayWidth.width(of: "") == 0)
    }

    @Test func indonesianNamesWithDiacritics() {
        #expect(DisplayWidth.width(of: "Ni Ketut Ayu Suryani Çelik") == 26)
        // A precomposed é and e + combining acute are both one column.
        #expect(DisplayWidth.width(of: "Andr\u{E9}") == 5)
        #expect(DisplayWidth.width(of: "Andre\u{301}") == 5)
        #expect(DisplayWidth.width(of: Character("e\u{301}")) == 1)
        #expect(DisplayWidth.width(of: "Nguy\u{1EC5}n") == 6)
    }

    @Test func standaloneCombiningAndZeroWidth() {
        #expect(DisplayWidth.width(of: Character("\u{301}")) == 0)
        #expect(DisplayWidth.width(of: Character("\u{200B}")) == 0)
        #expect(DisplayWidth.width(of: Character("\u{FEFF}")) == 0)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.width(of: "日本語") == 6)
        #expect(DisplayWidth.width(of: "한국") == 4)
        #expect(DisplayWidth.width(of: "Ａ") == 2)  // fullwidth A
        #expect(DisplayWidth.width(of: "ｱ") == 1)  // halfwidth katakana
        #expect(DisplayWidth.width(of: "王a") == 3)
    }

    @Test func emojiPresentationIsTwoColumns() {
        #expect(DisplayWidth.width(of: Character("😀")) == 2)
        #expect(DisplayWidth.width(of: Character("👍🏽")) == 2)
        #expect(DisplayWidth.width(of: Character("🇮🇩")) == 2)
        #expect(DisplayWidth.width(of: Character("❤\u{FE0F}")) == 2)
        #expect(DisplayWidth.width(of: Character("❤")) == 1)  // text presentation by default
        #expect(DisplayWidth.width(of: "ok ✅") == 5)
    }

    @Test func sanitizeReplacesControlCharacters() {
        #expect(DisplayWidth.sanitize("\u{1B}[31mmerah\u{1B}[0m") == "�[31mmerah�[0m")
        #expect(DisplayWidth.sanitize("a\tb\nc\rd\u{7F}e\u{85}f\u{9B}g") == "a�b�c�d�e�f�g")
        #expect(DisplayWidth.sanitize("x\u{202E}cba\u{202C}y\u{2066}z\u{2069}") == "x�cba�y�z�")
        #expect(DisplayWidth.sanitize("\r\n") == "��")
        #expect(DisplayWidth.sanitize("Çelik 日本") == "Çelik 日本")
        #expect(!DisplayWidth.sanitize("\u{0}\u{7}\u{1B}").unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func truncateAddsEllipsisAndNeverSplitsWideCharacters() {
        #expect(DisplayWidth.truncate("Suryani", toWidth: 10) == "Suryani")
        #expect(DisplayWidth.truncate("Suryani", toWidth: 7) == "Suryani")
        #expect(DisplayWidth.truncate("Suryani", toWidth: 5) == "Sury…")
        #expect(DisplayWidth.truncate("日本語", toWidth: 4) == "日…")
        #expect(DisplayWidth.truncate("abc", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("abc", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("Andre\u{301} Çelik", toWidth: 6) == "Andre\u{301}…")
    }

    @Test func padAndFit() {
        #expect(DisplayWidth.pad("ab", toWidth: 5) == "ab   ")
        #expect(DisplayWidth.pad("ab", toWidth: 5, alignment: .right) == "   ab")
        #expect(DisplayWidth.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("日本", toWidth: 5) == "日本 ")
        #expect(DisplayWidth.pad("abcdef", toWidth: 3) == "abcdef")
        #expect(DisplayWidth.fit("abcdef", toWidth: 3) == "ab…")
        #expect(DisplayWidth.fit("日本語", toWidth: 4) == "日… ")
        #expect(DisplayWidth.width(of: DisplayWidth.fit("日本語", toWidth: 4)) == 4)
    }
}

@Suite struct TextWrapTests {
    @Test func wrapsAtSpacesAndSplitsOnlyOverlongWords() {
        #expect(DisplayWidth.wrap("baris 3, kolom nip: NIP harus 18 angka", toWidth: 12)
            == ["baris 3,", "kolom nip:", "NIP harus 18", "angka"])
        #expect(DisplayWidth.wrap("/tmp/a/very/long/path.csv ok", toWidth: 10) == ["/tmp/a/ver", "y/long/pat", "h.csv ok"])
        #expect(DisplayWidth.wrap("漢字漢字漢", toWidth: 5) == ["漢字", "漢字", "漢"])
        #expect(DisplayWidth.wrap("a\nb c", toWidth: 10) == ["a", "b c"])
        #expect(DisplayWidth.wrap("", toWidth: 10) == [""])
        #expect(DisplayWidth.wrap("x", toWidth: 0) == [])
    }
}

@Suite struct AsciiFallbackTests {
    /// What `LANG=C` shows: the unit list's progress dots, bars, the unit path arrow, accents.
    @Test func everyGlyphTheScreensUseHasALookAlike() {
        #expect(["·", "·", "·", "·"].map { AsciiFallback.text(for: $0, width: 1) }.joined() == "....")
        #expect(AsciiFallback.text(for: "›", width: 1) == ">")
        #expect(AsciiFallback.text(for: "▍", width: 1) == "#")
        #expect(AsciiFallback.text(for: "—", width: 1) == "-")
        #expect(AsciiFallback.text(for: "•", width: 1) == "*")
        #expect(AsciiFallback.text(for: "ï", width: 1) == "i")
        #expect(AsciiFallback.text(for: "É", width: 1) == "E")
        #expect(AsciiFallback.text(for: "e\u{0301}", width: 1) == "e")
        #expect(AsciiFallback.text(for: "漢", width: 2) == "??")
        #expect(AsciiFallback.text(for: "═", width: 1) == "=")
    }

    /// Every non-ASCII character drawn by the workstation's own code has a fallback (the
    /// list is what the views, widgets and dialogs put on screen).
    @Test func theWorkstationsGlyphsAreCovered() {
        for glyph in ["─", "═", "│", "║", "╔", "╗", "╚", "╝", "·", "…", "›", "—", "•", "█", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "→"] {
            #expect(!AsciiFallback.text(for: glyph, width: 1).contains("?"), "\(glyph)")
        }
    }
}
