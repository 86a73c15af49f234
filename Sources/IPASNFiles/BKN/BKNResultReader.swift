import Foundation
import IPASNCore

/// Reads BKN's per-employee IP ASN result as a BKPSDM downloads it from PIP ASN: an .xlsx
/// workbook (first sheet) or the same table as CSV (plain `,` with a decimal point, or
/// Indonesian Excel's `;` with a decimal comma, UTF-8 or Windows-1252).
///
/// - The header is found by its content, not its position: the first row among the first
///   ``headerSearch`` that names NIP and the four dimensions (`Kualifikasi`, `Kompetensi`,
///   `Kinerja`, `Disiplin`; case, spacing and a weight such as `(25%)` ignored). PIP ASN puts
///   it on row 7 under six title lines. `Nama`, `Nama Jabatan`, `Satuan Kerja` and `Total`
///   are read when present; other columns (`No`) are ignored.
/// - NIPs as text, with Excel's leading `'`, or grouped with spaces; a NIP Excel turned into
///   `1,98502E+17` has lost digits and is refused with the fix (as the importer does).
/// - Figures with a decimal point or comma (`17,5`); each within 0-100; a `Total` that is not
///   the sum of the four is refused (the file was edited).
/// - Every unreadable row is reported with its line, column and fix, and then nothing is read
///   (``BKNResultError/invalidRows(_:more:)``). A row with neither a NIP nor a figure (a footer)
///   is passed over and listed in ``BKNResultFile/skippedLines``.
public enum BKNResultReader {
    /// How many rows with a value may stand above the header.
    public static let headerSearch = 30
    /// How many problems are listed before "and N more".
    public static let problemLimit = 50

    enum Column: CaseIterable {
        case nip, nama, jabatan, satuanKerja, kualifikasi, kompetensi, kinerja, disiplin, total

        /// Whether a header cell (letters only, lower case) names this column.
        func matches(_ key: String) -> Bool {
            switch self {
            case .nip: return ["nip", "nipbaru", "nippegawai"].contains(key)
            case .nama: return ["nama", "namapegawai", "namalengkap", "namaasn"].contains(key)
            case .jabatan: return ["namajabatan", "jabatan"].contains(key)
            case .satuanKerja: return ["satuankerja", "unitkerja", "satker", "unitorganisasi", "unor"].contains(key)
            case .kualifikasi: return key == "kualifikasi" || key == "nilaikualifikasi" || key == "dimensikualifikasi"
            case .kompetensi: return key == "kompetensi" || key == "nilaikompetensi" || key == "dimensikompetensi"
            case .kinerja: return key == "kinerja" || key == "nilaikinerja" || key == "dimensikinerja"
            case .disiplin: return key == "disiplin" || key == "nilaidisiplin" || key == "dimensidisiplin"
            case .total:
                return ["total", "totalnilai", "nilaitotal", "ipasn", "nilaiipasn", "jumlah", "skor", "totalskor"]
                    .contains(key)
            }
        }

        static let required: [Column] = [.nip, .kualifikasi, .kompetensi, .kinerja, .disiplin]
    }

    /// The columns of a header row, or nil when it is not the header.
    /// - Throws: ``BKNResultError/duplicateColumn(column:line:)``.
    static func header(_ cells: [String], line: Int) throws -> [Column: Int]? {
        var map: [Column: Int] = [:]
        for (index, cell) in cells.enumerated() {
            let key = cell.lowercased().filter { $0.isLetter }
            guard !key.isEmpty, let column = Column.allCases.first(where: { $0.matches(key) }) else { continue }
            if map[column] != nil {
                throw BKNResultError.duplicateColumn(column: cell.trimmingCharacters(in: .whitespaces), line: line)
            }
            map[column] = index
        }
        return Column.required.allSatisfy { map[$0] != nil } ? map : nil
    }

    /// Reads the file at `path`: .xlsx when it is a ZIP container, else CSV.
    /// - Throws: ``BKNResultError``, ``XLSXError``, ``CSVReadError`` or a file error.
    public static func read(path: String) throws -> BKNResultFile {
        if isZip(path) {
            let reader = try XLSXReader(path: path)
            return try read(path: path) { try reader.next().map { ($0.number, $0.cells) } }
        }
        var lastError: Error = BKNResultError.noHeader(path: path, searched: headerSearch)
        // The separator is the header's, not the first line's (a title line has none).
        for separator in [UInt8(ascii: ","), UInt8(ascii: ";")] {
            let reader = try CSVReader(path: path, separator: separator)
            do {
                return try read(path: path) { try reader.next().map { ($0.line, $0.fields) } }
            } catch let error as BKNResultError {
                guard case .noHeader = error else { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    static func isZip(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)).map { Array($0) } ?? []
        return head == [0x50, 0x4B, 0x03, 0x04]
    }

    /// Reads rows from `next` (line number and cells).
    static func read(path: String, next: () throws -> (Int, [String])?) throws -> BKNResultFile {
        var titles: [String] = []
        var found: (line: Int, columns: [Column: Int])?
        for _ in 0..<headerSearch {
            guard let (line, cells) = try next() else { break }
            if let columns = try header(cells, line: line) {
                found = (line, columns)
                break
            }
            let text = cells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
            if !text.isEmpty { titles.append(text) }
        }
        guard let (headerLine, columns) = found else { throw BKNResultError.noHeader(path: path, searched: headerSearch) }
        var rows: [BKNResultRow] = []
        var skipped: [Int] = []
        var problems: [BKNResultProblem] = []
        var more = 0
        var seen: [String: Int] = [:]
        func problem(_ line: Int, _ column: String, _ id: String, _ en: String) {
            if problems.count < problemLimit {
                problems.append(BKNResultProblem(line: line, column: column, id: id, en: en))
            } else {
                more += 1
            }
        }
        while let (line, cells) = try next() {
            func cell(_ column: Column) -> String {
                guard let index = columns[column], index < cells.count else { return "" }
                return cells[index].trimmingCharacters(in: .whitespaces)
            }
            let nipText = cell(.nip)
            let figures: [Column] = [.kualifikasi, .kompetensi, .kinerja, .disiplin]
            if nipText.isEmpty && figures.allSatisfy({ cell($0).isEmpty }) {
                skipped.append(line)
                continue
            }
            var bad = false
            var nip = ""
            switch ExcelHabits.checkNIP(nipText) {
            case .failure(let issue):
                problem(line, "NIP", issue.message(.id), issue.message(.en))
                bad = true
            case .success(let text):
                nip = NIP.normalize(text)
                if nip.count != 18 || !nip.allSatisfy(\.isASCII) || !nip.allSatisfy(\.isNumber) {
                    problem(
                        line, "NIP", "\"\(nipText)\" bukan NIP 18 angka. Salin NIP dari SIASN sebagai teks.",
                        "\"\(nipText)\" is not an 18-digit NIP. Copy the NIP from SIASN as text.")
                    bad = true
                } else if let first = seen[nip] {
                    problem(
                        line, "NIP", "NIP \(nip) sudah ada di baris \(first). Hapus baris gandanya.",
                        "NIP \(nip) is already on line \(first). Remove the doubled row.")
                    bad = true
                } else {
                    seen[nip] = line
                }
            }
            var values: [Double] = []
            for column in figures {
                let name = header(of: column)
                let text = cell(column)
                guard let value = number(text) else {
                    bad = true
                    if text.isEmpty {
                        problem(
                            line, name, "kosong. Isi nilai \(name) dari unduhan BKN (0 bila memang nol).",
                            "empty. Fill in the \(name) figure from BKN's download (0 when it is zero).")
                    } else {
                        problem(
                            line, name, "\"\(text)\" bukan angka. Tulis nilainya seperti 17,5.",
                            "\"\(text)\" is not a number. Write the figure like 17.5.")
                    }
                    continue
                }
                guard (0...100).contains(value) else {
                    bad = true
                    problem(
                        line, name, "\(text) di luar 0-100. Periksa nilai \(name) di unduhan BKN.",
                        "\(text) is outside 0-100. Check the \(name) figure in BKN's download.")
                    continue
                }
                values.append(value)
            }
            if values.count == 4, columns[.total] != nil, !cell(.total).isEmpty {
                let sum = values.reduce(0, +)
                if let total = number(cell(.total)), abs(total - sum) > 0.005 {
                    bad = true
                    problem(
                        line, "Total",
                        "\(cell(.total)) bukan jumlah keempat dimensi (\(NumberText.points(sum, .id))). Berkas telah diubah; unduh ulang dari PIP ASN.",
                        "\(cell(.total)) is not the sum of the four dimensions (\(NumberText.points(sum, .en))). The file was edited; download it again from PIP ASN."
                    )
                } else if number(cell(.total)) == nil {
                    bad = true
                    problem(
                        line, "Total", "\"\(cell(.total))\" bukan angka. Tulis nilainya seperti 72,5.",
                        "\"\(cell(.total))\" is not a number. Write the figure like 72.5.")
                }
            }
            if bad { continue }
            rows.append(
                BKNResultRow(
                    line: line, nip: nip, nama: cell(.nama), jabatan: cell(.jabatan), satuanKerja: cell(.satuanKerja),
                    kualifikasi: values[0], kompetensi: values[1], kinerja: values[2], disiplin: values[3]))
        }
        if !problems.isEmpty { throw BKNResultError.invalidRows(problems, more: more) }
        if rows.isEmpty { throw BKNResultError.noRows(path: path) }
        return BKNResultFile(path: path, titleLines: titles, headerLine: headerLine, rows: rows, skippedLines: skipped)
    }

    static func header(of column: Column) -> String {
        switch column {
        case .kualifikasi: return "Kualifikasi"
        case .kompetensi: return "Kompetensi"
        case .kinerja: return "Kinerja"
        case .disiplin: return "Disiplin"
        case .total: return "Total"
        case .nip: return "NIP"
        case .nama: return "Nama"
        case .jabatan: return "Nama Jabatan"
        case .satuanKerja: return "Satuan Kerja"
        }
    }

    /// `17,5`, `17.5`, `15` → the number; nil for anything else (a figure never has thousands).
    static func number(_ text: String) -> Double? {
        let plain = text.replacingOccurrences(of: ",", with: ".")
        guard !plain.isEmpty, plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            plain.filter({ $0 == "." }).count <= 1, let value = Double(plain), value.isFinite
        else { return nil }
        return value
    }
}
