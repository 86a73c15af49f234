import Foundation
import IPASNCore
import IPASNStore

/// What spreadsheets do to the values admins type, undone (or refused with the fix) before a
/// row is parsed. Applied to CSV and .xlsx rows alike:
///
/// - a NIP Excel turned into a number (`1,98502E+17`, `1.98502E+17`) has lost its last digits:
///   refused with the fix ("format kolom NIP sebagai Teks"); a leading `'` (Excel's "this is
///   text" mark) is dropped;
/// - a date with a time (`01-03-2026 00:00`, `2026-03-01T00:00:00`) is read as its date;
///   a two-digit year (`01-03-26`) is refused with the fix (write the year in full);
/// - JP written with its unit (`24 JP`, `24 jam`, `24,0`) is read as the number;
/// - jenis as people write it (`Diklat Teknis`, `Bimtek`, `Sosialisasi`, `Webinar`) is mapped
///   to its SIASN jenis.
public enum ExcelHabits {
    /// The fields with the habits undone, and the problems that cannot be undone (by field).
    public static func normalize(_ fields: inout RecordFields, kind: ImportKind) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if kind != .units, let nip = fields[.nip] {
            switch checkNIP(nip) {
            case .success(let fixed): if fixed != nip { fields[.nip] = fixed }
            case .failure(let issue): issues.append(issue)
            }
        }
        for field in dateFields(kind) {
            guard let text = fields[field] else { continue }
            switch checkDate(text, field: field.name) {
            case .success(let fixed): if fixed != text { fields[field] = fixed }
            case .failure(let issue): issues.append(issue)
            }
        }
        if kind == .diklat {
            if let jp = fields[.jp], case let fixed = number(jp), fixed != jp { fields[.jp] = fixed }
            if let jenis = fields[.jenis], case let fixed = self.jenis(jenis), fixed != jenis { fields[.jenis] = fixed }
        }
        // (A value is written back only when a habit changed it: most rows of a million-row
        // file need no fix.)
        return issues
    }

    static func dateFields(_ kind: ImportKind) -> [RecordField] {
        switch kind {
        case .pendidikan: return [.tanggalLulus]
        case .diklat: return [.tanggalMulai, .tanggalSelesai]
        case .disiplin: return [.tmt]
        case .units, .pegawai, .skp: return []
        }
    }

    // MARK: NIP

    static func checkNIP(_ text: String) -> Result<String, ValidationIssue> {
        var nip = FastText.trimmedWhitespace(text)
        if nip.hasPrefix("'") { nip.removeFirst() }
        if isScientific(nip) {
            return .failure(
                ValidationIssue(
                    field: "nip",
                    code: .custom(
                        id: "NIP \"\(nip)\" telah diubah Excel menjadi angka dan digit terakhirnya hilang. "
                            + "Format kolom NIP sebagai Teks, lalu ketik atau tempel ulang NIP-nya.",
                        en: "NIP \"\(nip)\" was turned into a number by Excel and lost its last digits. "
                            + "Format the NIP column as Text, then type or paste the NIPs again.")))
        }
        return .success(nip)
    }

    /// `1,98502E+17`, `1.98502E+17`, `1.98502e17`: a number in Excel's scientific display.
    static func isScientific(_ text: String) -> Bool {
        // ASCII without an `e`: no exponent (read on bytes, every row's NIP passes here).
        if !text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) { return false }
        let upper = text.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e], exponent = upper[upper.index(after: e)...].drop { $0 == "+" }
        return !mantissa.isEmpty && mantissa.allSatisfy { $0.isNumber || $0 == "," || $0 == "." }
            && mantissa.first!.isNumber && !exponent.isEmpty && exponent.allSatisfy(\.isNumber)
    }

    // MARK: Dates

    static func checkDate(_ text: String, field: String) -> Result<String, ValidationIssue> {
        var date = FastText.trimmedWhitespace(text)
        // A time after the date: `01-03-2026 00:00`, `2026-03-01T00:00:00`, `1/3/2026 0:00:00`.
        // (Looked for on bytes first: a space or `T` is one byte, and most dates have neither.)
        if date.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") }),
            let cut = date.firstIndex(where: { $0 == " " || $0 == "T" }),
            date[date.index(after: cut)...].trimmingCharacters(in: .whitespaces).allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }),
            date[date.index(after: cut)...].contains(":")
        {
            date = String(date[..<cut])
        }
        // The same check as the forms' (Core's), with the spreadsheet's fix added.
        if let full = DateText.fullYear(date) {
            return .failure(
                ValidationIssue(
                    field: field,
                    code: .custom(
                        id: "Tanggal \"\(text)\" memakai tahun dua angka. Tulis tahun lengkap (misalnya \(full)); "
                            + "di Excel, format sel tanggal sebagai dd-mm-yyyy.",
                        en: "Date \"\(text)\" has a two-digit year. Write the year in full (e.g. \(full)); "
                            + "in Excel, format the date cells as dd-mm-yyyy.")))
        }
        return .success(date)
    }

    // MARK: JP

    /// `24 JP`, `24 jam`, `24,0` → `24`: the same reading as the forms' (Core's).
    static func number(_ text: String) -> String { JPText.number(text) }

    // MARK: Jenis

    /// The SIASN jenis name for what admins write: `Diklat Teknis` → `Teknis`,
    /// `Pelatihan Fungsional` → `Fungsional`, `Diklatpim IV` → `Struktural`,
    /// `Bimbingan Teknis (Bimtek)` → `Bimbingan Teknis`, `Webinar` → `Seminar`.
    /// A name Core already reads, or one with no mapping, is returned unchanged.
    static func jenis(_ text: String) -> String {
        let trimmed = FastText.trimmedWhitespace(text)
        if trimmed.isEmpty || JenisDiklat.parse(trimmed) != nil { return text }
        var key = trimmed.lowercased()
        if let open = key.firstIndex(of: "(") {  // `Bimbingan Teknis (Bimtek)`
            let inner = key[key.index(after: open)...].prefix { $0 != ")" }
            if JenisDiklat.parse(String(key[..<open])) != nil { return String(trimmed[..<open]).trimmingCharacters(in: .whitespaces) }
            if let jenis = JenisDiklat.parse(String(inner)) { return jenis.nama }
            key = String(key[..<open])
        }
        key = key.filter { $0.isLetter || $0.isNumber || $0 == " " }
        for (synonym, id) in synonyms where key == synonym || key.hasPrefix(synonym + " ") {
            return JenisDiklat.withID(id)!.nama
        }
        for prefix in ["diklat ", "pelatihan ", "kegiatan ", "program ", "kursus "] where key.hasPrefix(prefix) {
            if let jenis = JenisDiklat.parse(String(key.dropFirst(prefix.count))) { return jenis.nama }
        }
        return text
    }

    /// Names admins use that are not SIASN's, with the SIASN jenis id.
    static let synonyms: [(String, Int)] = [
        ("diklatpim", 1), ("diklat kepemimpinan", 1), ("pelatihan kepemimpinan", 1), ("pkp", 1), ("pka", 1),
        ("pkn", 1),
        ("bimbingan teknis", 8), ("bimtek", 8), ("webinar", 9), ("lokakarya", 4), ("diklat online", 16),
        ("elearning", 16), ("e learning", 16), ("pjj", 17), ("cop", 23), ("otj", 24), ("on the job training", 24),
    ]
}
