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
