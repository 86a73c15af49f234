/// The four kinds of record an admin enters for an employee.
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case pendidikan
    case diklat
    case skp
    case disiplin
}

/// One record of any kind: the unit of entry, validation, storage and audit.
public enum Record: Hashable, Sendable, Codable {
    case pendidikan(Pendidikan)
    case diklat(Diklat)
    case skp(SKP)
    case disiplin(HukumanDisiplin)

    public var kind: RecordKind {
        switch self {
        case .pendidikan: return .pendidikan
        case .diklat: return .diklat
        case .skp: return .skp
        case .disiplin: return .disiplin
        }
    }

    /// The NIP of the employee the record belongs to.
    public var nip: String {
        switch self {
        case .pendidikan(let r): return r.nip
        case .diklat(let r): return r.nip
        case .skp(let r): return r.nip
        case .disiplin(let r): return r.nip
        }
    }
}
