import IPASNCore

/// Strings of the seventh user test's fixes.
extension L {
    /// The SIASN export's folder screen while the files are written (tens of seconds for a
    /// province's first export).
    static let exportPendingWorking = Txt(
        "Mengekspor ke berkas SIASN… (data banyak: bisa beberapa puluh detik; tunggu sampai selesai)",
        "Exporting to SIASN files… (many records: this can take tens of seconds; wait until it is done)")
    /// A unit admin's `x` on the every-unit pending screen.
    static let exportPendingAllOperatorOnly = Txt(
        "Ekspor SIASN semua unit menandai data semua unit terkirim: dilakukan operator. Buka unit Anda (Enter), lalu x.",
        "The SIASN export of every unit marks every unit's records sent: an operator makes it. Open your unit (Enter), then x.")
}
