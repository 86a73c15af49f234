import Foundation

/// JP as admins write it, shared by the forms, the CLI and the import: the number with its
/// unit (`24 JP`, `24jp`, `24 JPL`, `24 jam`) or a whole number with zero decimals (`24,0`,
/// `24.00`) is the number.
public enum JPText {
    /// `24 JP`, `24jp`, `24 jam`, `24,0`, `24.00` → `24`; anything else unchanged.
    public static func number(_ text: String) -> String {
        if FastText.isDigits(text) { return text }  // the common case, read without Foundation
        return numberPlain(text)
    }

    /// ``number(_:)`` without the digits-only shortcut (`DateTextFastPathTests` compares them).
    static func numberPlain(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces).lowercased()
        for unit in ["jpl", "jp", "jam pelajaran", "jam"] where value.hasSuffix(unit) {
            value = String(value.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if let separator = value.firstIndex(where: { $0 == "," || $0 == "." }),
            value[value.index(after: separator)...].allSatisfy({ $0 == "0" })
        {
            value = String(value[..<separator])
        }
        return value.isEmpty || !value.allSatisfy({ $0.isASCII && $0.isNumber }) ? text : value
    }
}
