import IPASNCore
import IPASNStore

/// One pending SKP from 2022 on that SIASN cannot take as stored (``SKPNeedingPredikat``),
/// with what the admin should choose: PP 46/2011's Cukup becomes Butuh Perbaikan and Buruk
/// becomes Sangat Kurang (PermenPANRB 6/2022); an SKP with only a number has no suggestion
/// (the admin reads the document). The reports (`report pending` in every format) list these.
public struct SKPPredikatAdvice: Hashable, Sendable {
    public var id: Int64
    public var nip: String
    public var unit: String
    public var tahun: Int
    /// The stored predikat (PP 46/2011's), nil when the SKP has only a number.
    public var predikat: Predikat?
    /// The stored number, when there is one.
    public var nilai: Double?
    /// The PermenPANRB 6/2022 predikat to choose, nil when it cannot be told from the record.
    public var choose: Predikat?

    public init(_ needing: SKPNeedingPredikat) {
        id = needing.id
        nip = needing.skp.nip
        unit = needing.unit
        tahun = needing.skp.tahun
        predikat = needing.skp.predikat
        nilai = needing.skp.nilai
        if case .needsPredikat(let suggestion) = SKPSiasn.status(needing.skp) { choose = suggestion } else { choose = nil }
    }

    /// What is stored, as the lists say it: `Cukup`, or `nilai 76.5`.
    public var stored: String {
        predikat?.displayName ?? nilai.map { "nilai \(NumberText.decimal($0, .id))" } ?? "-"
    }

    /// The advice in a few words: "ubah ke Butuh Perbaikan" / "pilih predikatnya".
    public func advice(_ language: Language) -> String {
        if let choose {
            return language == .id ? "ubah ke \(choose.displayName)" : "change to \(choose.displayName)"
        }
        return language == .id ? "pilih predikatnya" : "choose its predikat"
    }
}
