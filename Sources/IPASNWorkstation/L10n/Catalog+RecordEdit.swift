import Foundation

/// The catalog's texts for an edit form whose record another admin changed meanwhile.
extension L {
    /// On the live refresh, when the record being edited is the one another session changed:
    /// saving it now would be refused (``StoreError/editedMeanwhile(by:)``).
    static func editedRecordChanged(_ actor: String) -> Txt {
        Txt(
            "Data yang sedang Anda ubah baru saja diubah oleh \(actor): Ctrl-S akan ditolak. Isian Anda tetap; "
                + "tutup formulir (Esc) untuk melihat data terbaru, lalu ubah lagi.",
            "The record you are editing was just changed by \(actor): Ctrl-S will be refused. Your input stays; "
                + "close the form (Esc) to see the current data, then edit it again.")
    }
}
