import Foundation
import IPASNCore

/// Text from data on its way to a terminal: control characters (an `ESC]0;...BEL` that sets
/// the window title, an `ESC[6n` that makes the terminal type into the shell), line and
/// paragraph separators and bidi overrides are shown escaped (`\u{1B}`), never sent raw.
/// Every human-facing output of the command line goes through it; JSON and CSV carry the
/// data as stored.
enum TerminalSafe {
    /// Whether a scalar must not reach a terminal raw (the set the workstation replaces too).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every unsafe scalar written as `\u{1B}`. With `keepingLineBreaks`, `\n`
    /// (and tabs) stay as they are: for several lines of the program's own text.
    static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func bad(_ scalar: Unicode.Scalar) -> Bool {
            if keepingLineBreaks && (scalar == "\n" || scalar == "\t") { return false }
            return isUnsafe(scalar)
        }
        guard text.unicodeScalars.contains(where: bad) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if bad(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The first command-line argument holding a control character, as a usage error in the
    /// admin's language (`ipasn explain $'\e]0;x\a'` is refused, not echoed).
    static func argumentProblem(_ arguments: [String], language: Language) -> String? {
        for (index, argument) in arguments.enumerated() {
            guard let scalar = TextLimits.firstControlCharacter(argument) else { continue }
            let name = TextLimits.name(of: scalar)
            let shown = TextLimits.echo(argument)
            return language == .id
                ? "argumen ke-\(index + 1) (\"\(shown)\") berisi karakter kendali \(name); ketik ulang tanpa karakter itu."
                : "argument \(index + 1) (\"\(shown)\") contains the control character \(name); type it again without it."
        }
        return nil
    }
}
