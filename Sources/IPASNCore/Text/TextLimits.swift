/// The one place that says which text a field may hold: no control characters (NUL, ESC,
/// BEL, DEL, the C1 range ...), and at most a fixed number of characters per field. The
/// importer, the workstation's forms (both through ``RecordParser``) and the command line
/// use it; a value over its limit is refused with the limit, never cut.
public enum TextLimits {
    /// The longest unit code (`kode`, and the references to it: `induk`, `kode_unit`).
    public static let codeLength = 50
    /// The longest of any other text field: names, schools, organisers, certificate numbers.
    public static let textLength = 200

    /// The character limit of a field, by its import column name.
    public static func limit(for field: String) -> Int {
        switch field {
        case "kode", "induk", "kode_unit", "unit_kode", "unit_induk": return codeLength
        default: return textLength
        }
    }

    /// Whether a Unicode scalar is a control character: C0 (U+0000 to U+001F, tab and line
    /// breaks included), DEL (U+007F) or C1 (U+0080 to U+009F).
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The first control character of `text`, or nil. ASCII text is checked byte by byte.
    public static func firstControlCharacter(_ text: String) -> Unicode.Scalar? {
        // Over the contiguous UTF-8 (every field of a million-row import passes here; the
        // `utf8` view's iterator costs several times more per byte).
        var copy = text
        let plain = copy.withUTF8 { bytes -> Unicode.Scalar?? in
            var plain = true
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F { return .some(Unicode.Scalar(byte)) }
                // C1 controls are encoded as C2 80 ... C2 9F.
                if byte == 0xC2 { plain = false }
            }
            return plain ? .some(nil) : .none
        }
        if let plain { return plain }
        return text.unicodeScalars.first(where: isControl)
    }

    /// The name of a control character as an admin can look it up: `NUL (U+0000)`, `ESC (U+001B)`.
    public static func name(of scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR",
            0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL", 0x9B: "CSI", 0x9D: "OSC",
        ]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return names[scalar.value].map { "\($0) (\(code))" } ?? code
    }

    /// The problem of one field's text, or nil: a control character first, then the length.
    public static func issue(_ text: String, field: String) -> ValidationIssue? {
        if let scalar = firstControlCharacter(text) {
            return ValidationIssue(field: field, code: .controlCharacter(name(of: scalar)))
        }
        let limit = limit(for: field)
        if FastText.exceeds(text, limit) { return ValidationIssue(field: field, code: .tooLong(limit: limit)) }
        return nil
    }

    /// The character limit of a field the parser reads: ``limit(for:)`` of its name, without
    /// comparing names (every field of a million-row import passes here).
    public static func limit(for field: RecordField) -> Int {
        switch field {
        case .kode, .induk, .kodeUnit: return codeLength
        default: return textLength
        }
    }

    /// ``issue(_:field:)`` of a field the parser reads (its name made only for an issue).
    public static func issue(_ text: String, field: RecordField) -> ValidationIssue? {
        if let scalar = firstControlCharacter(text) {
            return ValidationIssue(field: field.name, code: .controlCharacter(name(of: scalar)))
        }
        let limit = limit(for: field)
        if FastText.exceeds(text, limit) { return ValidationIssue(field: field.name, code: .tooLong(limit: limit)) }
        return nil
    }

    /// The problems of every field of a row or a form, in field-name order.
    public static func issues(_ fields: RecordFields) -> [ValidationIssue] {
        var found: [ValidationIssue] = []
        fields.forEach(
            read: { field, text in
                if let issue = issue(FastText.trimmed(text), field: field) { found.append(issue) }
            },
            other: { name, text in
                if let issue = issue(FastText.trimmed(text), field: name) { found.append(issue) }
            })
        return found.count > 1 ? found.sorted { $0.field < $1.field } : found
    }

    /// A value as an error message may echo it: control characters shown as `\u{1B}`, and
    /// cut to `limit` characters with `…` (the message says what is wrong; the value only
    /// points at it).
    public static func echo(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for character in text {
            if count == limit {
                out += "…"
                break
            }
            count += 1
            if character.unicodeScalars.contains(where: isControl) {
                for scalar in character.unicodeScalars {
                    out += isControl(scalar) ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
                }
            } else {
                out.append(character)
            }
        }
        return out
    }
}
