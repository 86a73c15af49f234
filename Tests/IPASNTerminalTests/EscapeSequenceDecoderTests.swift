import Testing

@testable import IPASNTerminal

/// What each terminal sends for its function and editing keys (from the terminals' own
/// documentation: xterm's ctlseqs, PuTTY's keyboard settings, tmux's input-keys.c, GNU
/// screen's termcap, the Linux console's keymap, rxvt's rxvt.7), decoded without a terminal.
@Suite("EscapeSequenceDecoder")
struct EscapeSequenceDecoderTests {
    static let esc = "\u{1B}"

    /// (terminal, sequence without the leading Esc, the key it must be).
    static let table: [(terminal: String, sequence: String, key: Key)] = {
        var rows: [(String, String, Key)] = []
        func add(_ terminal: String, _ pairs: [(String, Key)]) {
            rows += pairs.map { (terminal, $0.0, $0.1) }
        }
        // xterm, normal cursor mode, and what it sends with modifiers (`1;2` Shift, `1;3` Alt,
        // `1;5` Ctrl): the key itself.
        add("xterm", [
            ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left),
            ("[H", .home), ("[F", .end), ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
            ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)),
            ("[15~", .function(5)), ("[17~", .function(6)), ("[18~", .function(7)), ("[19~", .function(8)),
            ("[20~", .function(9)), ("[21~", .function(10)), ("[23~", .function(11)), ("[24~", .function(12)),
            ("[Z", .backTab),
            ("[1;5C", .right), ("[1;5D", .left), ("[1;2A", .up), ("[1;3B", .down), ("[1;5H", .home), ("[1;2F", .end),
            ("[1;2P", .function(1)), ("[1;5S", .function(4)), ("[15;2~", .function(5)), ("[3;5~", .delete),
            ("[5;3~", .pageUp), ("[6;5~", .pageDown), ("[2;2~", .insert),
        ])
        // xterm in application cursor / keypad mode (after smkx).
        add("xterm application mode", [
            ("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left), ("OH", .home), ("OF", .end),
            ("OM", .enter), ("Op", .char("0")), ("Oq", .char("1")), ("Oy", .char("9")),
            ("Ok", .char("+")), ("Om", .char("-")), ("Oj", .char("*")), ("Oo", .char("/")), ("On", .char(".")),
        ])
        // PuTTY's default ("ESC[n~") function keys and its Home/End.
        add("PuTTY", [
            ("[1~", .home), ("[4~", .end), ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
            ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)), ("[14~", .function(4)),
            ("[15~", .function(5)), ("[21~", .function(10)), ("[A", .up), ("OA", .up), ("OC", .right), ("O5C", .right), ("O2P", .function(1)),
        ])
        // PuTTY set to "Linux" function keys, and the Linux console itself.
        add("Linux console", [
            ("[1~", .home), ("[4~", .end), ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
            ("[[A", .function(1)), ("[[B", .function(2)), ("[[C", .function(3)), ("[[D", .function(4)),
            ("[[E", .function(5)), ("[17~", .function(6)), ("[21~", .function(10)), ("[A", .up), ("[D", .left),
        ])
        // tmux (TERM=screen or tmux) and GNU screen.
        add("tmux", [
            ("[1~", .home), ("[4~", .end), ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
            ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)),
            ("[15~", .function(5)), ("[Z", .backTab), ("OA", .up), ("[A", .up), ("[1;5C", .right),
        ])
        add("GNU screen", [
            ("[1~", .home), ("[4~", .end), ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
            ("OP", .function(1)), ("OS", .function(4)), ("[15~", .function(5)), ("[24~", .function(12)),
            ("OA", .up), ("OD", .left),
        ])
        // rxvt / urxvt: Home and End, F1-F4, and the Shift ($), Ctrl (^) and Ctrl-Shift (@) forms,
        // Shift-arrows (`[a`), Ctrl-arrows (`Oa`), Alt-arrows (Esc Esc [A).
        add("rxvt", [
            ("[7~", .home), ("[8~", .end), ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
            ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)), ("[14~", .function(4)),
            ("[7$", .home), ("[8$", .end), ("[7^", .home), ("[8^", .end), ("[7@", .home), ("[8@", .end),
            ("[2$", .insert), ("[3$", .delete), ("[3^", .delete), ("[5^", .pageUp), ("[6$", .pageDown),
            ("[11^", .function(1)), ("[14$", .function(4)),
            ("[a", .up), ("[b", .down), ("[c", .right), ("[d", .left),
            ("Oa", .up), ("Ob", .down), ("Oc", .right), ("Od", .left),
            ("\u{1B}[A", .up), ("\u{1B}[C", .right),
        ])
        return rows
    }()

    @Test func everyTerminalsKeysArriveAsThemselves() {
        for row in Self.table {
            let decoded = EscapeSequenceDecoder.decode(Self.esc + row.sequence)
            #expect(decoded == [.key(row.key)], "\(row.terminal): ESC\(row.sequence.map { $0 == "\u{1B}" ? "ESC" : String($0) }.joined())")
        }
    }

    @Test func sequencesInARowAndBetweenTypingKeepTheirOrder() {
        let input = "ab" + Self.esc + "[1~" + "c" + Self.esc + "[4~" + Self.esc + "OH" + Self.esc + "[F" + "d"
        #expect(EscapeSequenceDecoder.decode(input) == [
            .key(.char("a")), .key(.char("b")), .key(.home), .key(.char("c")), .key(.end), .key(.home), .key(.end),
            .key(.char("d")),
        ])
    }

    @Test func unknownSequencesAreConsumedWholeNeverEscNeverText() {
        let unknown = [
            "[99~", "[1;5X", "[?1;2c", "[I", "[O", "[>0;95;0c", "[1;2;3;4;5;6;7;8;9;10~", "[201~", "[P", "[[Z",
            "[M", "O5Z", "OZ", "O5p", "[1;5a", "[" + String(repeating: "1", count: 100) + "~",
        ]
        for sequence in unknown {
            #expect(EscapeSequenceDecoder.decode(Self.esc + sequence + "q") == [.key(.char("q"))], "ESC\(sequence)")
        }
    }

    @Test func escFollowedByAPrintableKeyIsAnAltCombinationAndConsumed() {
        #expect(EscapeSequenceDecoder.decode(Self.esc + "x") == [])
        #expect(EscapeSequenceDecoder.decode(Self.esc + "xy") == [.key(.char("y"))])
    }

    @Test func bareEscIsEscOnceNothingFollows() {
        var decoder = EscapeSequenceDecoder()
        #expect(decoder.feed(27) == [])
        #expect(decoder.pending == .escape)
        #expect(decoder.timeout() == [.key(.escape)])
        #expect(decoder.pending == .nothing)
        // Two Escs in a row are two Esc keys (an admin backing out of two screens); Esc Esc [A
        // stays rxvt's Alt-Up (tested with the terminal table).
        #expect(EscapeSequenceDecoder.decode(Self.esc + Self.esc) == [.key(.escape), .key(.escape)])
        #expect(EscapeSequenceDecoder.decode(Self.esc + Self.esc + Self.esc) == Array(repeating: .key(.escape), count: 3))
    }

    @Test func escapeDelayComesFromESCDELAYWhenSensible() {
        #expect(NcursesScreen.escapeDelay(fromEnvironment: "") == 100)
        #expect(NcursesScreen.escapeDelay(fromEnvironment: "150") == 150)
        #expect(NcursesScreen.escapeDelay(fromEnvironment: "0") == 100)
        #expect(NcursesScreen.escapeDelay(fromEnvironment: "99999") == 100)
        #expect(NcursesScreen.escapeDelay(fromEnvironment: "x") == 100)
    }

    @Test func aSequenceCutByTheTimeoutIsDroppedNotTyped() {
        var decoder = EscapeSequenceDecoder()
        #expect(decoder.feed(27) == [])
        #expect(decoder.feed(0x5B) == [])
        #expect(decoder.feed(0x31) == [])
        #expect(decoder.pending == .sequence)
        #expect(decoder.timeout() == [])
        #expect(decoder.feed(0x7E) == [.key(.char("~"))], "after the timeout a new key starts")
    }

    @Test func aControlKeyInsideASequenceEndsItAndStillActs() {
        #expect(EscapeSequenceDecoder.decode(Self.esc + "[1\r") == [.key(.enter)])
        #expect(EscapeSequenceDecoder.decode(Self.esc + "[1" + Self.esc + "[4~") == [.key(.end)])
    }

    @Test func plainKeysDecodeAsBefore() {
        #expect(EscapeSequenceDecoder.decode("a\t\r\u{7F}\u{13}é") == [
            .key(.char("a")), .key(.tab), .key(.enter), .key(.backspace), .key(.ctrl("s")), .key(.char("é")),
        ])
    }

    // MARK: Bracketed paste

    @Test func bracketedPasteIsOneEventOfText() {
        let paste = Self.esc + "[200~" + "Seminar Nasional" + Self.esc + "[201~"
        #expect(EscapeSequenceDecoder.decode(paste + "x") == [.paste("Seminar Nasional"), .key(.char("x"))])
    }

    @Test func pastedEscapeSequencesAndControlCharactersAreDroppedNotActedOn() {
        // Text copied from a coloured terminal, with a bell, a backspace, an Esc-y and Ctrl-S in it.
        let raw = Self.esc + "[31mPelatihan" + Self.esc + "[0m \u{7}\u{8}Arsip" + Self.esc + "y\u{13}"
            + Self.esc + "]0;title\u{7}!"
        let decoded = EscapeSequenceDecoder.decode(Self.esc + "[200~" + raw + Self.esc + "[201~")
        #expect(decoded == [.paste("Pelatihan Arsip!")])
    }

    @Test func pastedLineEndsBecomeNewlinesAndTabsStay() {
        let decoded = EscapeSequenceDecoder.decode(Self.esc + "[200~a\tb\r\nc\rd\ne\u{202E}f" + Self.esc + "[201~")
        #expect(decoded == [.paste("a\tb\nc\nd\nef")])
    }

    @Test func pasteWaitsForItsEndAcrossPausesAndEndsOnTimeout() {
        var decoder = EscapeSequenceDecoder()
        var out: [EscapeSequenceDecoder.Output] = []
        for scalar in (Self.esc + "[200~1980").unicodeScalars { out += decoder.feed(scalar.value) }
        #expect(out == [])
        #expect(decoder.pending == .paste)
        // A paste whose end never comes is delivered as it is, still as text.
        #expect(decoder.timeout() == [.paste("1980")])
        #expect(decoder.pending == .nothing)
    }

    @Test func anEmptyOrControlOnlyPasteIsNothing() {
        #expect(EscapeSequenceDecoder.decode(Self.esc + "[200~" + Self.esc + "[201~") == [])
        #expect(EscapeSequenceDecoder.decode(Self.esc + "[200~\u{7}\u{1}" + Self.esc + "[201~") == [])
    }

    @Test func aLongPasteOfNIPsKeepsEveryLine() {
        let nips = (0..<2000).map { String(198_001_012_005_011_000 + $0) }
        let decoded = EscapeSequenceDecoder.decode(Self.esc + "[200~" + nips.joined(separator: "\r\n") + "\r\n" + Self.esc + "[201~")
        #expect(decoded == [.paste(nips.joined(separator: "\n") + "\n")])
    }
}
