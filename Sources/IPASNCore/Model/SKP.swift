/// The annual performance rating (predikat kinerja), PP 46/2011 and PermenPANRB 6/2022 names.
public enum Predikat: String, CaseIterable, Sendable, Codable {
    case sangatBaik = "sangat_baik"
    case baik
    case cukup
    case butuhPerbaikan = "butuh_perbaikan"
    case kurang
    case buruk
    case sangatKurang = "sangat_kurang"

    public var displayName: String {
        switch self {
        case .sangatBaik: return "Sangat Baik"
        case .baik: return "Baik"
        case .cukup: return "Cukup"
        case .butuhPerbaikan: return "Butuh Perbaikan"
        case .kurang: return "Kurang"
        case .buruk: return "Buruk"
        case .sangatKurang: return "Sangat Kurang"
        }
    }

    /// Reads `sangat_baik`, `Sangat Baik`, `sangat-baik`...
    public static func parse(_ text: String) -> Predikat? {
        let key = text.lowercased().filter { $0.isLetter }
        return allCases.first { $0.rawValue.filter { $0.isLetter } == key }
    }
}

/// An SKP (Sasaran Kinerja Pegawai) result for one year: a predikat, a PP 46/2011
/// number (0 to 100), or both (then the predikat stands).
public struct SKP: Hashable, Sendable, Codable {
    public var nip: String
    public var tahun: Int
    public var predikat: Predikat?
    public var nilai: Double?

    public init(nip: String, tahun: Int, predikat: Predikat? = nil, nilai: Double? = nil) {
        self.nip = nip
        self.tahun = tahun
        self.predikat = predikat
        self.nilai = nilai
    }
}
