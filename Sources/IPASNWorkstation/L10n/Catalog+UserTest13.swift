/// Messages of the thirteenth user test (branch `usertest13`): a record form saved with nothing
/// changed.
extension L {
    /// A record form saved with every field as loaded: nothing is written.
    static let recordUnchanged = Txt("Tidak ada yang berubah; tidak disimpan.", "Nothing changed; nothing saved.")

    /// The same for a record SIASN refused: the refusal stands and the record stays out of the
    /// next batch until a field changes (sent unchanged, SIASN would refuse it again).
    static func unchangedStillRefused(batch: Int64, reason: String) -> Txt {
        Txt(
            "Tidak ada yang berubah; tidak disimpan. Tetap ditolak SIASN (batch #\(batch): \(reason)) dan tidak ikut batch berikutnya sampai isiannya diperbaiki.",
            "Nothing changed; nothing saved. Still refused by SIASN (batch #\(batch): \(reason)) and left out of the next batch until a field is corrected.")
    }
}
