/// Failures of the storage itself (not of the admin's input, which is a `ValidationFailure`).
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A record id that does not exist (deleted meanwhile, or never existed).
    case recordNotFound(RecordID)
    /// Stored data that cannot be read back (edited by hand, or a bug).
    case corrupt(String)

    public var description: String {
        switch self {
        case .recordNotFound(let id): return "Record \(id) does not exist."
        case .corrupt(let what): return "Stored data is unreadable: \(what)"
        }
    }
}
