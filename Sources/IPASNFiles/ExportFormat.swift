/// How an export is written: CSV with a header line, or a JSON array of objects keyed by the
/// same column names.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv
    case json
}
