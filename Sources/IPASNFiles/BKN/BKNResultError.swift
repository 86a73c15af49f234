import IPASNCore

/// One line of BKN's result file that cannot be read, with the field and the fix.
public struct BKNResultProblem: Hashable, Sendable {
    /// The spreadsheet row or CSV line (1-based, counting the title lines above the header).
    public var line: Int
    /// The column as the file names it (`NIP`, `Kompetensi`).
    public var column: String
    public var id: String
    public var en: String

    public init(line: Int, column: String, id: String, en: String) {
        self.line = line
        self.column = column
        self.id = id
        self.en = en
    }

    /// "baris 9, Kompetensi: ..." in either language.
    public func message(_ language: Language) -> String {
        language == .id ? "baris \(line), \(column): \(id)" : "line \(line), \(column): \(en)"
    }
}

/// BKN's IP ASN result file cannot be used: nothing of it is compared.
public enum BKNResultError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No row among the first ``BKNResultReader/headerSearch`` names NIP and the four dimensions.
    case noHeader(path: String, searched: Int)
    /// The header names a column twice.
    case duplicateColumn(column: String, line: Int)
    /// The header was found but no employee row follows.
    case noRows(path: String)
    /// Rows that cannot be read (every one, in file order, up to ``BKNResultReader/problemLimit``).
    case invalidRows([BKNResultProblem], more: Int)

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        let id = language == .id
        switch self {
        case .noHeader(let path, let searched):
            return id
                ? "\(path): judul kolom hasil IP ASN BKN tidak ditemukan pada \(searched) baris pertama. Berkas harus "
                    + "memiliki baris judul dengan NIP, Kualifikasi, Kompetensi, Kinerja dan Disiplin (unduhan PIP ASN)."
                : "\(path): the header of BKN's IP ASN result was not found in the first \(searched) rows. The file needs "
                    + "a header row with NIP, Kualifikasi, Kompetensi, Kinerja and Disiplin (the PIP ASN download)."
        case .duplicateColumn(let column, let line):
            return id
                ? "Baris \(line): kolom \"\(column)\" muncul dua kali. Hapus salah satunya."
                : "Line \(line): column \"\(column)\" appears twice. Remove one of them."
        case .noRows(let path):
            return id
                ? "\(path): tidak ada baris pegawai di bawah judul kolom."
                : "\(path): there are no employee rows below the header."
        case .invalidRows(let problems, let more):
            let head = id
                ? "\(problems.count + more) baris hasil BKN tidak dapat dibaca; tidak ada yang dibandingkan:"
                : "\(problems.count + more) rows of BKN's result cannot be read; nothing was compared:"
            var lines = [head] + problems.map { "  " + $0.message(language) }
            if more > 0 { lines.append(id ? "  ... dan \(more) baris lagi" : "  ... and \(more) more rows") }
            return lines.joined(separator: "\n")
        }
    }
}
