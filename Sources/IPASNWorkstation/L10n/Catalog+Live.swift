extension L {
    // MARK: Live refresh and the database server's connection (issue 12)

    /// The server connection was lost (a restart, the network); reconnecting with backoff.
    static func serverLost(nextTrySeconds: Int) -> Txt {
        Txt(
            "Server basis data terputus; menyambung ulang… (coba lagi dalam \(nextTrySeconds) dtk). Isian Anda tetap; tidak ada yang tersimpan setengah.",
            "Database server disconnected; reconnecting… (next try in \(nextTrySeconds) s). Your input stays; nothing is half-saved.")
    }
    /// A save (or any change) failed because the server is unreachable.
    static let saveFailedServerLost = Txt(
        "Tidak tersimpan: server basis data terputus; menyambung ulang… Isian tetap di formulir: simpan lagi setelah tersambung.",
        "Not saved: the database server is disconnected; reconnecting… Your input stays in the form: save again once reconnected.")
    /// The connection is back.
    static let serverBack = Txt(
        "Tersambung kembali ke server basis data; layar dimuat ulang.",
        "Reconnected to the database server; the screen was reloaded.")
}
