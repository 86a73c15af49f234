/// Writing CSV: fields quoted (with doubled quotes) only when they contain the separator, a
/// quote or a line break (RFC 4180). Every CSV the program writes goes through here: exports,
/// CLI reports, the demo's sample files and the `.rejected.csv` files of an import.
public enum CSVWriter {
    /// A line end: CRLF as Excel writes it (the `.rejected.csv` files an admin opens there),
    /// or LF for files and output read by programs (exports, reports, the demo).
    public enum LineEnd: String, Sendable {
        case crlf = "\r\n"
        case lf = "\n"
    }

    /// One line with its line end, CRLF unless told.
    public static func line(_ fields: [String], separator: Character = ",", lineEnd: LineEnd = .crlf) -> String {
        record(fields, separator: separator) + lineEnd.rawValue
    }

    /// One line without its line end.
    public static func record(_ fields: [String], separator: Character = ",") -> String {
        var out = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(separator) }
            out += quote(field, separator: separator)
        }
        return out
    }

    /// One field, quoted when it needs to be.
    public static func quote(_ field: String, separator: Character = ",") -> String {
        guard needsQuotes(field, separator: separator) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a field holds the separator, a quote or a line break. An ASCII separator is
    /// looked for in the UTF-8 bytes (the demo writes millions of fields).
    static func needsQuotes(_ field: String, separator: Character) -> Bool {
        if let ascii = separator.asciiValue {
            for byte in field.utf8 where byte == ascii || byte == 34 || byte == 10 || byte == 13 { return true }
            return false
        }
        return field.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    }
}
