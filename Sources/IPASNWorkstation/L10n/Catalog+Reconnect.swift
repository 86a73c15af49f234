extension L {
    // MARK: Reconnecting without freezing the screen (issue 12, pgdash2)

    /// The server is still unreachable after `tries` tries; the workstation keeps trying
    /// (every second at most, never blocking the keys) and a save is refused meanwhile.
    static func serverUnreachable(tries: Int) -> Txt {
        Txt(
            "Server basis data terputus, tidak terjangkau; mencoba menyambung lagi tiap detik (percobaan ke-\(tries)). Isian Anda tetap; simpan setelah tersambung.",
            "Database server disconnected, unreachable; retrying every second (try \(tries)). Your input stays; save once reconnected.")
    }
}
