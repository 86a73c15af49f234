/// Why a report cannot be made.
public enum ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A unit code that is not in the database.
    case unknownUnit(String)

    public var description: String {
        switch self {
        case .unknownUnit(let kode): return "unknown unit \(kode)"
        }
    }
}
