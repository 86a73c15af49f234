/// One employee's official IP ASN as BKN computed it from SIASN (one row of the PIP ASN
/// download, read by `BKNResultReader` in IPASNFiles; compared by `Reconciliation`).
public struct BKNResultRow: Hashable, Sendable {
    /// The spreadsheet row or CSV line it was read from.
    public var line: Int
    public var nip: String
    public var nama: String
    public var jabatan: String
    public var satuanKerja: String
    public var kualifikasi: Double
    public var kompetensi: Double
    public var kinerja: Double
    public var disiplin: Double

    public init(
        line: Int, nip: String, nama: String, jabatan: String = "", satuanKerja: String = "", kualifikasi: Double,
        kompetensi: Double, kinerja: Double, disiplin: Double
    ) {
        self.line = line
        self.nip = nip
        self.nama = nama
        self.jabatan = jabatan
        self.satuanKerja = satuanKerja
        self.kualifikasi = kualifikasi
        self.kompetensi = kompetensi
        self.kinerja = kinerja
        self.disiplin = disiplin
    }

    /// The four dimensions added.
    public var total: Double { kualifikasi + kompetensi + kinerja + disiplin }

    public subscript(dimension: ScoreDimension) -> Double {
        switch dimension {
        case .kualifikasi: return kualifikasi
        case .kompetensi: return kompetensi
        case .kinerja: return kinerja
        case .disiplin: return disiplin
        }
    }
}
