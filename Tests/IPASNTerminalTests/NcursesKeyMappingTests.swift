import Testing

@testable import IPASNTerminal

/// Pure mapping tests: curses is never started. Key codes are the values
/// from ncurses.h (octal), so these also check the imported constants.
@Suite("NcursesKeyMapping")
struct NcursesKeyMappingTests {
    @Test func controlBytes() {
        #expect(NcursesKeyMapping.decode(character: 9) == .key(.tab))
        #expect(NcursesKeyMapping.decode(character: 10) == .key(.enter))
        #expect(NcursesKeyMapping.decode(character: 13) == .key(.enter))
        #expect(NcursesKeyMapping.decode(character: 127) == .key(.backspace))
        #expect(NcursesKeyMapping.decode(character: 8) == .key(.backspace))
        #expect(NcursesKeyMapping.decode(character: 27) == .key(.escape))
        #expect(NcursesKeyMapping.decode(character: 1) == .key(.ctrl("a")))
        #expect(NcursesKeyMapping.decode(character: 3) == .key(.ctrl("c")))
        #expect(NcursesKeyMapping.decode(character: 19) == .key(.ctrl("s")))
        #expect(NcursesKeyMapping.decode(character: 26) == .key(.ctrl("z")))
        #expect(NcursesKeyMapping.decode(character: 0) == .ignore)
        #expect(NcursesKeyMapping.decode(character: 0x9B) == .ignore)  // C1 CSI
    }

    @Test func everyCtrlLetterExceptTabEnterBackspace() {
        for code in UInt32(1)...26 where ![8, 9, 10, 13].contains(code) {
            let letter = Character(Unicode.Scalar(UInt8(96 + code)))
            #expect(NcursesKeyMapping.decode(character: code) == .key(.ctrl(letter)))
        }
    }

    @Test func printableCharacters() {
        #expect(NcursesKeyMapping.decode(character: 0x61) == .key(.char("a")))
        #expect(NcursesKeyMapping.decode(character: 0x20) == .key(.char(" ")))
        #expect(NcursesKeyMapping.decode(character: 0xC7) == .key(.char("Ç")))
        #expect(NcursesKeyMapping.decode(character: 0x65E5) == .key(.char("日")))
        #expect(NcursesKeyMapping.decode(character: 0x202E) == .ignore)  // bidi override
        #expect(NcursesKeyMapping.decode(character: 0xD800) == .ignore)  // not a scalar
    }

    @Test func cursesKeyCodes() {
        #expect(NcursesKeyMapping.decode(keyCode: 0o402) == .key(.down))
        #expect(NcursesKeyMapping.decode(keyCode: 0o403) == .key(.up))
        #expect(NcursesKeyMapping.decode(keyCode: 0o404) == .key(.left))
        #expect(NcursesKeyMapping.decode(keyCode: 0o405) == .key(.right))
        #expect(NcursesKeyMapping.decode(keyCode: 0o406) == .key(.home))
        #expect(NcursesKeyMapping.decode(keyCode: 0o550) == .key(.end))
        #expect(NcursesKeyMapping.decode(keyCode: 0o407) == .key(.backspace))
        #expect(NcursesKeyMapping.decode(keyCode: 0o512) == .key(.delete))
        #expect(NcursesKeyMapping.decode(keyCode: 0o513) == .key(.insert))
        #expect(NcursesKeyMapping.decode(keyCode: 0o522) == .key(.pageDown))
        #expect(NcursesKeyMapping.decode(keyCode: 0o523) == .key(.pageUp))
        #expect(NcursesKeyMapping.decode(keyCode: 0o527) == .key(.enter))
        #expect(NcursesKeyMapping.decode(keyCode: 0o541) == .key(.backTab))
        #expect(NcursesKeyMapping.decode(keyCode: 0o632) == .resize)
        #expect(NcursesKeyMapping.decode(keyCode: 0o777) == .ignore)
    }

    @Test func functionKeys() {
        for n in 1...12 {
            #expect(NcursesKeyMapping.decode(keyCode: 0o410 + Int32(n)) == .key(.function(n)))
        }
        #expect(NcursesKeyMapping.decode(keyCode: 0o410) == .ignore)  // KEY_F0
    }
}
