import IPASNCore

/// A file that cannot be read as one CSV table: nothing of it is imported.
public enum CSVReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file has letters in valid UTF-8 on one line and bytes that are not UTF-8 on another.
    case mixedEncoding(utf8Line: Int, windows1252Line: Int)
    /// A quoted field opened on `line` runs on past the field limit (a stray or missing quote).
    case unclosedQuote(line: Int)
    /// A field (unquoted) longer than the limit, in bytes.
    case fieldTooLong(line: Int, limit: Int)
    /// A record longer than the limit, in bytes.
    case recordTooLong(line: Int, limit: Int)

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        let id = language == .id
        switch self {
        case .mixedEncoding(let utf8, let cp1252):
            return id
                ? "Berkas mencampur dua pengodean huruf: baris \(utf8) ditulis UTF-8, baris \(cp1252) Windows-1252 (ANSI). "
                    + "Simpan ulang seluruh berkas dengan satu pengodean (di Excel: \"CSV UTF-8\") lalu impor lagi."
                : "The file mixes two text encodings: line \(utf8) is UTF-8, line \(cp1252) is Windows-1252 (ANSI). "
                    + "Save the whole file again in one encoding (in Excel: \"CSV UTF-8\") and import it again."
        case .unclosedQuote(let line):
            return id
                ? "Tanda kutip (\") yang dibuka di baris \(line) tidak pernah ditutup. Periksa tanda kutip di baris itu."
                : "The quote (\") opened on line \(line) is never closed. Check the quotes on that line."
        case .fieldTooLong(let line, let limit):
            return id
                ? "Baris \(line) berisi kolom lebih dari \(limit / 1024) KB; ini bukan data pegawai. Periksa berkasnya."
                : "Line \(line) has a field over \(limit / 1024) KB; that is not employee data. Check the file."
        case .recordTooLong(let line, let limit):
            return id
                ? "Baris \(line) lebih dari \(limit / 1024) KB; ini bukan data pegawai. Periksa berkasnya."
                : "Line \(line) is over \(limit / 1024) KB; that is not employee data. Check the file."
        }
    }
}
