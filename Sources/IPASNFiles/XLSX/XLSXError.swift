import IPASNCore

/// Why an .xlsx file cannot be read.
public enum XLSXError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not a ZIP container, or one without the parts every workbook has.
    case notAWorkbook(path: String)
    /// `--sheet NAME` names no sheet of the workbook.
    case noSuchSheet(name: String, sheets: [String])
    /// A part of the workbook is not well-formed XML.
    case malformed(part: String, detail: String)

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.notAWorkbook(let path), .id):
            return "\(path) bukan buku kerja Excel .xlsx yang dapat dibaca (simpan ulang sebagai \"Excel Workbook (.xlsx)\")."
        case (.notAWorkbook(let path), .en):
            return "\(path) is not a readable Excel .xlsx workbook (save it again as \"Excel Workbook (.xlsx)\")."
        case (.noSuchSheet(let name, let sheets), .id):
            return "Lembar \"\(name)\" tidak ada. Lembar dalam berkas ini: \(sheets.joined(separator: ", "))."
        case (.noSuchSheet(let name, let sheets), .en):
            return "There is no sheet \"\(name)\". The sheets of this file: \(sheets.joined(separator: ", "))."
        case (.malformed(let part, let detail), .id):
            return "Bagian \(part) dari berkas xlsx rusak: \(detail)."
        case (.malformed(let part, let detail), .en):
            return "Part \(part) of the xlsx file is damaged: \(detail)."
        }
    }
}
