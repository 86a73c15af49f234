import IPASNCore

/// The strings of the user-test fixes (branch `since`).
extension L {
    /// `x` on the pending screen wrote nothing, yet records are still not sent: they cannot go
    /// to SIASN as they are.
    static func exportPendingNoneSendable(_ waiting: Int) -> Txt {
        Txt(
            "Tidak ada berkas yang ditulis: \(waiting) data yang belum dikirim belum bisa dikirim ke SIASN "
                + "(ditolak verifikator: perbaiki dulu; atau SKP 2022 ke atas berpredikat PP 46/2011: pilih predikat PermenPANRB 6/2022).",
            "No file written: \(waiting) unsent record\(waiting == 1 ? "" : "s") cannot go to SIASN as "
                + "\(waiting == 1 ? "it is" : "they are") (rejected by the verifikator: correct first; or SKP from 2022 on with a PP 46/2011 predikat: choose a PermenPANRB 6/2022 one).")
    }
}
