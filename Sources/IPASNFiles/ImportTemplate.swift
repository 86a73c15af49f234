import Foundation
import IPASNCore
import IPASNStore

/// The Excel template of an import kind (`ipasn template KIND --out FILE.xlsx`):
///
/// - sheet 1 (named after the kind): the header row with the importer's column names, bold
///   and frozen; NIP columns formatted as text, date columns as `dd-mm-yyyy`; drop-down lists
///   for jenis, tingkat, predikat, status and Y/N, and number checks for JP, tahun and nilai,
///   on rows 2 to ``rows`` + 1;
/// - sheet 2 `Petunjuk`: each column explained in Indonesian, whether it is required, an example;
/// - sheet 3 `Daftar` (hidden): the long lists the drop-downs read (Excel keeps at most 255
///   characters in a list written into the rule itself).
///
/// What an admin fills in imports with `ipasn import KIND FILE.xlsx` as it is.
public enum ImportTemplate {
    /// How many data rows carry the formats and drop-downs.
    public static let rows = 5000

    /// Writes the template of `kind`; `rows` (cells in ``ImportKind/columns`` order) are filled
    /// in from row 2, as an admin would (tests, and sample files for training).
    public static func write(kind: ImportKind, to path: String, rows filled: [[XLSXValue]] = []) throws {
        let writer = try XLSXWriter(path: path)
        let data = try writer.addSheet(kind.rawValue)
        let guide = try writer.addSheet("Petunjuk")
        let guides = ImportColumnGuide.columns(kind)
        let lists = guides.compactMap { item -> (String, [String])? in
            if case .choice(let name, let values) = item.input, values.joined(separator: ",").utf8.count > 250 {
                return (name, values)
            }
            return nil
        }
        let listSheet = lists.isEmpty ? nil : try writer.addSheet("Daftar")
        try writeData(data, kind: kind, guides: guides, listColumns: lists.map(\.0))
        try writeGuide(guide, kind: kind, guides: guides)
        for (index, cells) in filled.enumerated() {
            for (column, value) in cells.enumerated() {
                let format: XLSXCellFormat? = guides.indices.contains(column) && guides[column].input == .date ? .date : nil
                try data.write(value, row: index + 1, column: column, format: format)
            }
        }
        if let listSheet {
            for (column, (name, values)) in lists.enumerated() {
                try listSheet.write(name, row: 0, column: column, format: XLSXCellFormat(bold: true))
                for (row, value) in values.enumerated() { try listSheet.write(value, row: row + 1, column: column) }
                try listSheet.setColumn(column, width: 28)
            }
            listSheet.hide()
        }
        data.activate()
        try writer.close()
    }

    static let header = XLSXCellFormat(bold: true, background: 0xDDEBF7, border: true)

    private static func writeData(_ sheet: XLSXSheet, kind: ImportKind, guides: [ImportColumnGuide], listColumns: [String])
        throws
    {
        let last = rows
        for (column, item) in guides.enumerated() {
            try sheet.write(item.column, row: 0, column: column, format: header)
            let width = max(Double(item.column.count) + 4, 14)
            switch item.input {
            case .nip:
                try sheet.setColumn(column, width: 22, format: .text)
            case .date:
                try sheet.setColumn(column, width: width, format: .date)
            case .text:
                try sheet.setColumn(column, width: max(width, item.column == "nama" ? 36 : 20), format: .text)
            case .decimal(let range):
                try sheet.setColumn(column, width: width)
                try sheet.decimals(
                    firstRow: 1, column: column, lastRow: last, minimum: range.lowerBound, maximum: range.upperBound,
                    title: item.column,
                    error: "Isi angka \(Int(range.lowerBound)) sampai \(Int(range.upperBound)) (desimal boleh, mis. 85,5).")
            case .wholeNumber(let range):
                try sheet.setColumn(column, width: width)
                try sheet.wholeNumbers(
                    firstRow: 1, column: column, lastRow: last, minimum: range.lowerBound, maximum: range.upperBound,
                    title: item.column, error: "Isi angka bulat \(range.lowerBound) sampai \(range.upperBound), tanpa satuan.")
            case .choice(let name, let values):
                let longest = values.map(\.count).max() ?? 10
                try sheet.setColumn(column, width: max(width, Double(longest) + 4), format: .text)
                let error = "Pilih salah satu isi daftar (\(name)); lihat lembar Petunjuk."
                if let index = listColumns.firstIndex(of: name) {
                    let letter = CellReference.letters(index)
                    try sheet.dropDown(
                        firstRow: 1, column: column, lastRow: last, source: "=Daftar!$\(letter)$2:$\(letter)$\(values.count + 1)",
                        title: item.column, error: error)
                } else {
                    try sheet.dropDown(
                        firstRow: 1, column: column, lastRow: last, values: values, title: item.column, error: error)
                }
            }
        }
        sheet.freezePanes(row: 1)
        try sheet.printSetup(repeatRows: 1, fitWidth: 1, header: "&CData \(kind.rawValue) untuk impor ipasn")
    }

    private static func writeGuide(_ sheet: XLSXSheet, kind: ImportKind, guides: [ImportColumnGuide]) throws {
        let title = XLSXCellFormat(bold: true)
        let cell = XLSXCellFormat(wrap: true, border: true, alignTop: true)
        try sheet.write("Petunjuk pengisian templat \(kind.rawValue)", row: 0, column: 0, format: title)
        try sheet.write(
            "Isi data mulai baris 2 di lembar \"\(kind.rawValue)\", satu baris per data. Jangan ubah judul kolom. "
                + "Impor dengan: ipasn import \(kind.rawValue) NAMA_BERKAS.xlsx",
            row: 1, column: 0)
        try sheet.write(row: 3, texts: ["Kolom", "Wajib", "Isi", "Contoh"], format: header)
        for (index, item) in guides.enumerated() {
            let row = 4 + index
            try sheet.write(item.column, row: row, column: 0, format: cell)
            try sheet.write(item.required ? "Ya" : "Tidak", row: row, column: 1, format: cell)
            try sheet.write(explanation(item), row: row, column: 2, format: cell)
            try sheet.write(item.example, row: row, column: 3, format: cell)
        }
        try sheet.setColumn(0, width: 20)
        try sheet.setColumn(1, width: 8)
        try sheet.setColumn(2, width: 70)
        try sheet.setColumn(3, width: 30)
        sheet.freezePanes(row: 4)
        try sheet.printSetup(repeatRows: 4, fitWidth: 1, header: "&CPetunjuk templat \(kind.rawValue)")
    }

    /// The explanation, with the list of choices when it is short enough to read.
    static func explanation(_ item: ImportColumnGuide) -> String {
        guard case .choice(_, let values) = item.input else { return item.explanation }
        return item.explanation + " Pilihan: " + values.joined(separator: ", ") + "."
    }
}
