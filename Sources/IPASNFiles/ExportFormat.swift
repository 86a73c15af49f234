/// How an export is written: CSV with a header line (plain, or for Indonesian Excel:
/// ``CSVStyle/indonesian``), or a JSON array of objects keyed by the same column names.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv
    /// `;`-separated, decimal comma, CRLF, UTF-8 with a byte-order mark.
    case csvID = "csv-id"
    case json

    /// The CSV style, for the CSV formats.
    public var csvStyle: CSVStyle? {
        switch self {
        case .csv: return .plain
        case .csvID: return .indonesian
        case .json: return nil
        }
    }
}
