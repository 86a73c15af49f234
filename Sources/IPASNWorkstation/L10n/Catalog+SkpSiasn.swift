import IPASNCore

/// The strings of SKP and SIASN (branch skp2022, ``SKPSiasn``): why an SKP is not sent.
extension L {
    /// The employee page's SIASN mark of an SKP before 2022 (never sent, never pending).
    static let skpNotForSIASNMark = Txt("tidak ke SIASN", "not for SIASN")
    /// The mark of an SKP from 2022 on whose predikat SIASN cannot take.
    static let skpNeedsPredikatMark = Txt("perlu predikat", "needs predikat")
    /// The reason under an SKP before 2022 (employee page) and on the record form.
    static let skpNotForSIASN = Txt(
        "Tidak dikirim ke SIASN: SIASN hanya menerima SKP tahun 2022 ke atas",
        "Not sent to SIASN: SIASN only takes SKP from 2022 on")

    /// Why an SKP from 2022 on cannot be sent yet, and which predikat to choose.
    static func skpNeedsPredikat(_ skp: SKP) -> Txt {
        switch SKPSiasn.status(skp) {
        case .needsPredikat(let suggestion?):
            let old = skp.predikat?.displayName ?? ""
            return Txt(
                "SIASN tak menerima \(old) (PP 46/2011): ubah ke \(suggestion.displayName)",
                "SIASN does not take \(old) (PP 46/2011): change to \(suggestion.displayName)")
        default:
            return Txt(
                "SIASN perlu predikat PermenPANRB 6/2022, bukan nilai: pilih predikatnya",
                "SIASN needs a PermenPANRB 6/2022 predikat, not a nilai: choose one")
        }
    }

    /// The reason for an SKP's SIASN status, nil when SIASN takes it.
    static func skpSiasnReason(_ skp: SKP) -> Txt? {
        switch SKPSiasn.status(skp) {
        case .carried: return nil
        case .notForSIASN: return skpNotForSIASN
        case .needsPredikat: return skpNeedsPredikat(skp)
        }
    }

    /// The pending screen's line under a unit's counts: SKP that stay pending until the admin
    /// chooses a predikat.
    static func skpNeedingPredikatCount(_ n: Int) -> Txt {
        Txt(
            "\(n) SKP berpredikat PP 46/2011 tertahan: pilih predikat PermenPANRB 6/2022",
            "\(n) SKP with a PP 46/2011 predikat held: choose a PermenPANRB 6/2022 one")
    }

    /// The export's notice (workstation `x`): SKP 2022+ that stay pending, by reason.
    static func exportSkpNeedsPredikat(_ n: Int) -> Txt {
        Txt(
            "\(n) SKP 2022 ke atas tetap belum dikirim: predikatnya PP 46/2011 (pilih predikat PermenPANRB 6/2022).",
            "\(n) SKP from 2022 on stay unsent: PP 46/2011 predikat (choose a PermenPANRB 6/2022 predikat).")
    }
}
