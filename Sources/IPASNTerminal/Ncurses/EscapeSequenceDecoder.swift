/// Turns the characters a terminal sends into keys and pastes, in pure Swift.
///
/// The terminal is read with curses' keypad translation off, so every escape sequence
/// arrives here as characters and is decoded the same way whatever `TERM` says: xterm,
/// PuTTY, tmux, GNU screen, rxvt and the Linux console all send Home, End, F1-F4 and the
/// editing keys differently, and a terminfo entry describes only one of them.
///
/// - Every known sequence becomes its key (`ESC[1~`, `ESC[H`, `ESCOH`, `ESC[7~` → Home).
///   Modifiers are dropped: Ctrl-Right (`ESC[1;5C`) is Right, rxvt's Shift-Home (`ESC[7$`)
///   is Home; Shift-Tab (`ESC[Z`) is ``Key/backTab``.
/// - An unknown sequence is consumed whole and produces nothing: it is never Esc and
///   never typed.
/// - Esc followed by a character that starts no sequence (Alt-x) is consumed too.
/// - A bare Esc is Esc once the caller reports, with ``timeout()``, that nothing followed
///   within the escape delay.
/// - A bracketed paste (`ESC[200~` … `ESC[201~`) is one ``Output/paste(_:)`` whose text is
///   sanitized by ``pasteText(_:)``.
///
/// ```swift
/// var decoder = EscapeSequenceDecoder()
/// decoder.feed(27)            // []   (pending: could be Esc or a sequence)
/// decoder.feed(0x5B)          // []
/// decoder.feed(0x31)          // []
/// decoder.feed(0x7E)          // [.key(.home)]
/// ```
public struct EscapeSequenceDecoder: Sendable {
    /// One decoded input.
    public enum Output: Hashable, Sendable {
        case key(Key)
        /// Pasted text: printable characters, `"\t"` and `"\n"` only.
        case paste(String)
    }

    /// What the decoder is waiting for, so the reader knows how long to wait before
    /// calling ``timeout()``.
    public enum Pending: Hashable, Sendable {
        /// Nothing: the next character starts something new.
        case nothing
        /// An Esc was read: a sequence may follow (wait the short escape delay).
        case escape
        /// Inside a started sequence (`ESC[1`): the rest is on its way.
        case sequence
        /// Inside a bracketed paste, until `ESC[201~`.
        case paste
    }

    /// The longest sequence kept; longer ones are consumed and ignored.
    static let maximumSequenceLength = 64
    /// The longest paste kept (in characters); the rest of a longer paste is dropped.
    public static let maximumPasteLength = 1_000_000

    private enum State: Hashable, Sendable {
        case ground
        case escape
        /// Esc Esc: an Alt-modified sequence may follow (rxvt's Alt-arrows); if none does, the
        /// admin pressed Esc twice, and that is two Esc keys.
        case doubleEscape
        /// `ESC[` followed by parameter and intermediate characters.
        case csi(String)
        /// `ESC O` followed by digits (modifiers).
        case ss3(String)
        /// `ESC[[`: the Linux console's F1-F5 (`ESC[[A`…`ESC[[E`).
        case linuxFunction
        /// Characters of an unknown sequence being skipped until its final character.
        case skipping
        case paste
    }

    private var state: State = .ground
    private var pasted: [Unicode.Scalar] = []
    private var pasteTail: [Unicode.Scalar] = []
    private static let pasteEnd: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]

    public init() {}

    /// What the decoder is waiting for.
    public var pending: Pending {
        switch state {
        case .ground: return .nothing
        case .escape, .doubleEscape: return .escape
        case .csi, .ss3, .linuxFunction, .skipping: return .sequence
        case .paste: return .paste
        }
    }

    /// Feeds one character code (a Unicode scalar value, as `get_wch` returns it).
    public mutating func feed(_ code: UInt32) -> [Output] {
        switch state {
        case .ground:
            if code == 27 {
                state = .escape
                return []
            }
            return Self.plain(code)
        case .escape:
            switch code {
            case 0x5B: state = .csi("")  // [
            case 0x4F: state = .ss3("")  // O
            case 27: state = .doubleEscape
            default: state = .ground  // Alt plus a key: consumed
            }
            return []
        case .doubleEscape:
            switch code {
            case 0x5B: state = .csi("")
            case 0x4F: state = .ss3("")
            case 27: return [.key(.escape)]  // a third Esc: the first one was the key
            default:
                state = .ground  // Esc, then Alt plus a key (consumed)
                return [.key(.escape)]
            }
            return []
        case .csi(let body):
            return csi(body, code)
        case .ss3(let body):
            return ss3(body, code)
        case .linuxFunction:
            state = .ground
            if (0x41...0x45).contains(code) { return [.key(.function(Int(code) - 0x40))] }
            return []
        case .skipping:
            if (0x40...0x7E).contains(code) { state = .ground }
            if code == 27 { state = .escape }
            return []
        case .paste:
            return pasteCharacter(code)
        }
    }

    /// Nothing more arrived in time: a lone Esc is the Esc key, a cut-off sequence is
    /// dropped, and a paste whose end marker never came is delivered as it is.
    public mutating func timeout() -> [Output] {
        defer { state = .ground }
        switch state {
        case .escape:
            return [.key(.escape)]
        case .doubleEscape:
            return [.key(.escape), .key(.escape)]
        case .paste:
            return finishPaste()
        default:
            return []
        }
    }

    /// Decodes a whole input, then times out (for tests and fixed input).
    public static func decode(_ input: String) -> [Output] {
        var decoder = EscapeSequenceDecoder()
        var outputs: [Output] = []
        for scalar in input.unicodeScalars { outputs += decoder.feed(scalar.value) }
        return outputs + decoder.timeout()
    }

    // MARK: - Sequences

    private static func plain(_ code: UInt32) -> [Output] {
        if case .key(let key) = NcursesKeyMapping.decode(character: code) { return [.key(key)] }
        return []
    }

    private mutating func csi(_ body: String, _ code: UInt32) -> [Output] {
        guard let scalar = Unicode.Scalar(code) else {
            state = .ground
            return []
        }
        if body.isEmpty, scalar == "[" {
            state = .linuxFunction
            return []
        }
        switch code {
        case 0x24 where !body.isEmpty && body.allSatisfy({ $0.isASCII && $0.isNumber }):
            // rxvt's Shift variants end in "$" (`ESC[2$` is Shift-Insert).
            state = .ground
            return Self.tilde(body, final: "$")
        case 0x20...0x3F:
            if body.count >= Self.maximumSequenceLength {
                state = .skipping
            } else {
                state = .csi(body + String(scalar))
            }
            return []
        case 0x40...0x7E:
            state = .ground
            if scalar == "~", body == "200" {
                state = .paste
                pasted = []
                pasteTail = []
                return []
            }
            return Self.csiFinal(body, scalar)
        case 27:
            state = .escape  // the sequence was cut; a new one starts
            return []
        default:
            // A control character inside a sequence: the sequence is broken and dropped,
            // the character means what it always means.
            state = .ground
            return Self.plain(code)
        }
    }

    private static func csiFinal(_ body: String, _ final: Unicode.Scalar) -> [Output] {
        // Keys carry at most two numbers (`ESC[1;5C`, `ESC[3;2~`); private markers (`ESC[?1;2c`,
        // `ESC[>0;95c`) and longer lists are terminal reports, never keys.
        let numbers = body.split(separator: ";", omittingEmptySubsequences: false)
        guard numbers.count <= 2, body.allSatisfy({ $0 == ";" || ($0.isASCII && $0.isNumber) }) else { return [] }
        switch final {
        case "~", "^", "@":
            return tilde(body, final: final)
        case "A": return [.key(.up)]
        case "B": return [.key(.down)]
        case "C": return [.key(.right)]
        case "D": return [.key(.left)]
        // rxvt's Shift-arrows have no numbers (`ESC[a`).
        case "a" where body.isEmpty: return [.key(.up)]
        case "b" where body.isEmpty: return [.key(.down)]
        case "c" where body.isEmpty: return [.key(.right)]
        case "d" where body.isEmpty: return [.key(.left)]
        case "H": return [.key(.home)]
        case "F": return [.key(.end)]
        case "Z": return [.key(.backTab)]
        case "P", "Q", "R", "S":
            // xterm's modified F1-F4 (`ESC[1;2P`); a bare `ESC[P` is not a key.
            guard !body.isEmpty, !body.hasPrefix("?") else { return [] }
            return [.key(.function(Int(final.value) - 0x4F))]
        default:
            return []
        }
    }

    /// `ESC[n~` and rxvt's `ESC[n^` (Ctrl), `ESC[n$` (Shift), `ESC[n@` (Ctrl-Shift).
    private static func tilde(_ body: String, final: Unicode.Scalar) -> [Output] {
        guard let number = body.split(separator: ";", omittingEmptySubsequences: false).first.flatMap({ Int($0) })
        else { return [] }
        let key: Key?
        switch number {
        case 1, 7: key = .home
        case 2: key = .insert
        case 3: key = .delete
        case 4, 8: key = .end
        case 5: key = .pageUp
        case 6: key = .pageDown
        case 11...15: key = .function(number - 10)
        case 17...21: key = .function(number - 11)
        case 23...26: key = .function(number - 12)
        case 28, 29: key = .function(number - 13)
        case 31...34: key = .function(number - 14)
        default: key = nil
        }
        return key.map { [.key($0)] } ?? []
    }

    private mutating func ss3(_ body: String, _ code: UInt32) -> [Output] {
        if (0x30...0x39).contains(code) || code == 0x3B, body.count < 8 {
            state = .ss3(body + String(Character(Unicode.Scalar(UInt8(code)))))
            return []
        }
        state = .ground
        if !body.isEmpty {
            // Modifiers only come with arrows, Home/End and F1-F4 (`ESC O 5 C`, `ESC O 2 P`).
            guard [0x41, 0x42, 0x43, 0x44, 0x46, 0x48, 0x50, 0x51, 0x52, 0x53].contains(code) else { return [] }
        }
        switch code {
        case 0x41, 0x61: return [.key(.up)]  // A, rxvt Ctrl-Up "a"
        case 0x42, 0x62: return [.key(.down)]
        case 0x43, 0x63: return [.key(.right)]
        case 0x44, 0x64: return [.key(.left)]
        case 0x48: return [.key(.home)]
        case 0x46: return [.key(.end)]
        case 0x50...0x53: return [.key(.function(Int(code) - 0x4F))]  // P Q R S
        case 0x4D: return [.key(.enter)]  // keypad Enter
        case 0x70...0x79: return [.key(.char(Character(Unicode.Scalar(UInt8(code) - 0x40))))]  // keypad 0-9
        case 0x6A: return [.key(.char("*"))]
        case 0x6B: return [.key(.char("+"))]
        case 0x6C: return [.key(.char(","))]
        case 0x6D: return [.key(.char("-"))]
        case 0x6E: return [.key(.char("."))]
        case 0x6F: return [.key(.char("/"))]
        case 27:
            state = .escape
            return []
        default: return []
        }
    }

    // MARK: - Paste

    private mutating func pasteCharacter(_ code: UInt32) -> [Output] {
        guard let scalar = Unicode.Scalar(code) else { return [] }
        pasteTail.append(scalar)
        if pasteTail.count > Self.pasteEnd.count { pasteTail.removeFirst() }
        if pasted.count < Self.maximumPasteLength + Self.pasteEnd.count { pasted.append(scalar) }
        guard scalar == "~", pasteTail == Self.pasteEnd else { return [] }
        if pasted.suffix(Self.pasteEnd.count).elementsEqual(Self.pasteEnd) { pasted.removeLast(Self.pasteEnd.count) }
        return finishPaste()
    }

    private mutating func finishPaste() -> [Output] {
        let text = Self.pasteText(String(String.UnicodeScalarView(pasted.prefix(Self.maximumPasteLength))))
        pasted = []
        pasteTail = []
        state = .ground
        return text.isEmpty ? [] : [.paste(text)]
    }

    /// Pasted text as text: escape sequences (colours copied from a terminal, `ESC[0m`)
    /// removed whole, line ends made `"\n"`, tabs kept, every other control or unsafe
    /// character (bidi overrides) dropped.
    public static func pasteText(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(raw.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 27:
                skipSequence(&scalars)
            case 13:
                if scalars.first == "\n" { scalars.removeFirst() }
                out.append("\n")
            case 10, 9:
                out.append(scalar)
            case 0..<32, 127, 0x80...0x9F:
                continue
            default:
                if !DisplayWidth.isUnsafe(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Skips the rest of an escape sequence whose Esc was just read: CSI (`[` … final),
    /// OSC/DCS/APC/PM/SOS strings (to BEL or `ESC \`), SS3, or a single character.
    private static func skipSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let introducer = scalars.popFirst() else { return }
        switch introducer {
        case "[":
            while let s = scalars.popFirst() {
                if (0x40...0x7E).contains(s.value) { return }
                if !(0x20...0x3F).contains(s.value) { return }  // broken: stop here
            }
        case "]", "P", "_", "^", "X":
            while let s = scalars.popFirst() {
                if s.value == 7 { return }
                if s.value == 27 {
                    if scalars.first == "\\" { scalars.removeFirst() }
                    return
                }
            }
        case "O":
            _ = scalars.popFirst()
        default:
            return
        }
    }
}
