import IPASNCore
import IPASNStore

/// One row of the employee list, as little as the list shows, filters and sorts by: a
/// province's 50,000 rows are held while the list is open (88 bytes a row plus the name
/// text, instead of a ``ScoredPegawai``'s ~210 bytes with a whole ``Pegawai`` and score).
/// What a bulk form needs of the chosen employees is read from the store when it opens.
///
/// The NIP is kept as a number (``NIPKey``, branch mem2): an 18-digit NIP is too long for
/// Swift's in-place small string, so as a `String` every row carried a heap allocation of
/// 64 bytes for it (32 MB of the workstation's 197 MB browsing 500,000 employees). A NIP
/// that is not 1-18 digits keeps its text. ``nip`` gives the text back digit for digit.
struct EmployeeListRow: Sendable, Equatable {
    /// The NIP as a number (its text when it is not 1-18 digits).
    let nipKey: NIPKey
    let nama: String
    let jenjang: String
    let kualifikasi: Double
    let kompetensi: Double
    let kinerja: Double
    let disiplin: Double
    let jenisJabatan: JenisJabatan
    let aktif: Bool
    /// No data missing (the `!` column).
    let complete: Bool

    init(_ scored: ScoredPegawai) {
        let p = scored.pegawai
        let s = scored.score
        nipKey = NIPKey(p.nip)
        nama = p.nama
        jenjang = p.jenjang
        kualifikasi = s.kualifikasi
        kompetensi = s.kompetensi
        kinerja = s.kinerja
        disiplin = s.disiplin
        jenisJabatan = p.jenisJabatan
        aktif = p.aktif
        complete = s.complete
    }

    /// The NIP's text (made on each call: loops over every row compare ``nipKey`` instead).
    var nip: String { nipKey.text }

    /// Whether this is the employee with NIP `key` (``NIPKey/init(_:)-(String)`` of the NIP).
    func has(_ key: NIPKey) -> Bool { nipKey == key }

    /// Summed as ``EmployeeScore/total`` sums it (the same order, so the same last digit).
    var total: Double { kualifikasi + kompetensi + kinerja + disiplin }

    subscript(dimension: ScoreDimension) -> Double {
        switch dimension {
        case .kualifikasi: return kualifikasi
        case .kompetensi: return kompetensi
        case .kinerja: return kinerja
        case .disiplin: return disiplin
        }
    }

    /// The struktural level, by ``Pegawai/jenjangStruktural``'s rule.
    var jenjangStruktural: JenjangStruktural? {
        guard jenisJabatan == .struktural else { return nil }
        return JenjangStruktural(rawValue: jenjang.lowercased().replacingOccurrences(of: " ", with: "_"))
    }
}
