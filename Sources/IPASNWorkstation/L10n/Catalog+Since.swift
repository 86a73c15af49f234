import IPASNCore

/// The strings of the user-test fixes (branch `since`).
extension L {
    /// `x` on the pending screen wrote nothing, yet records are still not sent: they cannot go
    /// to SIASN as they are.
    static func exportPendingNoneSendable(_ waiting: Int) -> Txt {
        Txt(
            "Tidak ada berkas yang ditulis: \(waiting) data yang belum dikirim belum bisa dikirim ke SIASN "
                + "(ditolak verifikator: perbaiki dulu; atau SKP yang tidak berbentuk SIASN 2022).",
            "No file written: \(waiting) unsent record\(waiting == 1 ? "" : "s") cannot go to SIASN as "
                + "\(waiting == 1 ? "it is" : "they are") (rejected by the verifikator: correct first; or SKP not in SIASN's 2022 shape).")
    }
}
