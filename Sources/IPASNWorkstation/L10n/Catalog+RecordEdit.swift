import Foundation

/// The catalog's texts for an edit form whose record another admin changed meanwhile.
extension L {
    /// On the live refresh, when the record being edited is the one another session changed:
    /// saving it now would be refused (``StoreError/editedMeanwhile(by:)``); `key` loads their
    /// version under the admin's input (``Command/reloadStored``).
    static func editedRecordChanged(_ actor: String, key: String) -> Txt {
        Txt(
            "Data yang sedang Anda ubah baru saja diubah oleh \(actor): Ctrl-S akan ditolak. Isian Anda tetap; "
                + "\(key): muat data terbaru dengan isian Anda.",
            "The record you are editing was just changed by \(actor): Ctrl-S will be refused. Your input stays; "
                + "\(key): load the newest data with your input.")
    }
}
