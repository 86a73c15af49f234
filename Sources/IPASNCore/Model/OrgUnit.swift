/// A unit kerja: one node of the organisation tree (instansi > perangkat daerah > bidang ...).
///
/// A unit's figures include those of its sub-units.
public struct OrgUnit: Hashable, Sendable, Codable {
    /// The unit's code, unique in the database (for example `BKPSDM` or `4.01.02`).
    public var kode: String
    public var nama: String
    /// The parent unit's code; nil for a root.
    public var induk: String?

    public init(kode: String, nama: String, induk: String? = nil) {
        self.kode = kode
        self.nama = nama
        self.induk = induk
    }
}
