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

/// A stored record: the record with its database id.
public struct StoredRecord<Value: Hashable & Sendable>: Hashable, Sendable {
    public var id: Int64
    public var value: Value

    public init(id: Int64, value: Value) {
        self.id = id
        self.value = value
    }
}

/// Everything the scoring engine needs about one employee: the pegawai and all records.
public struct EmployeeRecords: Hashable, Sendable {
    public var pegawai: Pegawai
    public var pendidikan: [Pendidikan]
    public var diklat: [Diklat]
    public var skp: [SKP]
    public var disiplin: [HukumanDisiplin]

    public init(
        pegawai: Pegawai, pendidikan: [Pendidikan] = [], diklat: [Diklat] = [], skp: [SKP] = [],
        disiplin: [HukumanDisiplin] = []
    ) {
        self.pegawai = pegawai
        self.pendidikan = pendidikan
        self.diklat = diklat
        self.skp = skp
        self.disiplin = disiplin
    }

    /// A copy with one more record (for the live "as if saved" preview).
    public func adding(_ record: Record) -> EmployeeRecords {
        var copy = self
        switch record {
        case .pendidikan(let r): copy.pendidikan.append(r)
        case .diklat(let r): copy.diklat.append(r)
        case .skp(let r): copy.skp.append(r)
        case .disiplin(let r): copy.disiplin.append(r)
        }
        return copy
    }
}
