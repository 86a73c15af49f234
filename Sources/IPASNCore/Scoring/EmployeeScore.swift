/// One employee's IP ASN for one measurement year.
public struct EmployeeScore: Hashable, Sendable, Codable {
    public var nip: String
    public var year: Int
    public var kualifikasi: Double
    public var kompetensi: Double
    public var kinerja: Double
    public var disiplin: Double
    /// What is missing; empty when the employee's data is complete.
    public var missing: [MissingData]

    public init(
        nip: String, year: Int, kualifikasi: Double, kompetensi: Double, kinerja: Double, disiplin: Double,
        missing: [MissingData]
    ) {
        self.nip = nip
        self.year = year
        self.kualifikasi = kualifikasi
        self.kompetensi = kompetensi
        self.kinerja = kinerja
        self.disiplin = disiplin
        self.missing = missing
    }

    /// The four points added (a multiple of 0.5 under bkn-2019).
    public var total: Double { kualifikasi + kompetensi + kinerja + disiplin }

    public var complete: Bool { missing.isEmpty }

    public subscript(dimension: ScoreDimension) -> Double {
        switch dimension {
        case .kualifikasi: return kualifikasi
        case .kompetensi: return kompetensi
        case .kinerja: return kinerja
        case .disiplin: return disiplin
        }
    }
}
