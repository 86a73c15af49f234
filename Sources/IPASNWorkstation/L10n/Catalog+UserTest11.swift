import IPASNCore

/// Messages of the eleventh user test (branch `usertest11`): SIASN's refusals where the unit's
/// admin works, and a refused save reloaded with the admin's input kept.
extension L {
    // MARK: SIASN's refusals

    /// The mark beside a refused record's row on the employee page (and the queue's status).
    static func siasnRefusedLine(_ reason: String, corrected: Bool) -> Txt {
        corrected
            ? Txt("Diperbaiki, ikut batch berikutnya (ditolak SIASN: \(reason))",
                "Corrected, goes with the next batch (refused by SIASN: \(reason))")
            : Txt("Ditolak SIASN: \(reason)", "Refused by SIASN: \(reason)")
    }

    /// The message row on a refused record of the employee page: the reason and what to do.
    static func siasnRefusedStatus(_ reason: String, batch: Int64, corrected: Bool) -> Txt {
        corrected
            ? Txt(
                "Ditolak SIASN (batch #\(batch)): \(reason) — sudah diperbaiki; dikirim lagi di batch berikutnya.",
                "Refused by SIASN (batch #\(batch)): \(reason) — corrected; it is sent again with the next batch.")
            : Txt(
                "Ditolak SIASN (batch #\(batch)): \(reason) — Enter untuk memperbaiki; setelah disimpan data kembali ke verifikator.",
                "Refused by SIASN (batch #\(batch)): \(reason) — Enter to correct it; once saved it goes back to the verifikator.")
    }

    /// Row 1 of a form opened on a record SIASN refused.
    static func siasnRefusedFormLine(batch: Int64, reason: String) -> Txt {
        Txt("✗ Ditolak SIASN (batch #\(batch)): \(reason)", "✗ Refused by SIASN (batch #\(batch)): \(reason)")
    }

    /// The message row of a form opened on a record SIASN refused: what to do.
    static func siasnRefusedFormStatus(_ reason: String) -> Txt {
        Txt(
            "Ditolak SIASN: \(reason) — perbaiki isian lalu simpan; data kembali ke verifikator dan ikut batch SIASN berikutnya.",
            "Refused by SIASN: \(reason) — correct the fields and save; it goes back to the verifikator and with the next SIASN batch.")
    }

    /// The SIASN column of a refused record on the employee page (no wider than a sent mark,
    /// `✓ #2 02-12-2026`: the reason is on the line below).
    static func siasnRefusedMark(_ batch: Int64, corrected: Bool) -> Txt {
        corrected ? Txt("diperbaiki #\(batch)", "corrected #\(batch)") : Txt("✗ SIASN #\(batch)", "✗ SIASN #\(batch)")
    }

    /// The verification queue's mark of a record SIASN refused (one column).
    static let siasnQueueMark = "S"

    /// Row 1 of the verifikator's queue: how many of the listed records SIASN refused.
    static func siasnRefusedCount(_ count: Int) -> Txt {
        Txt("\(count) ditolak SIASN (tanda S)", "\(count) refused by SIASN (mark S)")
    }

    /// Row 1 of the admin's list when SIASN refused some of its records.
    static func rejectedAndRefusedSummary(rejected: Int, refused: Int) -> Txt {
        Txt(
            "\(rejected) ditolak verifikator, \(refused) ditolak SIASN (tanda S); perbaiki lalu simpan.",
            "\(rejected) rejected by the verifikator, \(refused) refused by SIASN (mark S); correct and save them.")
    }

    /// The pending screen's note: SIASN's refusals in force, how many corrected already.
    static func pendingRefusedCount(_ count: Int, corrected: Int) -> Txt {
        Txt(
            "\(count) data ditolak SIASN (\(corrected) sudah diperbaiki); admin unit melihatnya dengan V.",
            "\(count) records refused by SIASN (\(corrected) corrected); unit admins see them with V.")
    }

    // MARK: Reloading a refused save

    /// (The help screen's column holds 52 characters.)
    static let reloadStoredDescription = Txt(
        "Muat data terbaru ke formulir, isian Anda tetap", "Load the newest stored data, keeping your input")
    static let reloadStoredShort = Txt("Muat terbaru", "Reload")

    /// A save refused because `actor` saved the same data meanwhile: the input stays and `key`
    /// loads their version under it.
    static func editedMeanwhileReload(_ actor: String, key: String) -> Txt {
        Txt(
            "Tidak disimpan: data ini sudah diubah atau dihapus oleh \(actor) sejak formulir dibuka. Isian Anda tetap; "
                + "\(key): muat data terbaru dengan isian Anda, lalu simpan lagi.",
            "Not saved: \(actor) has changed or deleted this data since the form was opened. Your input stays; "
                + "\(key): load the newest data with your input, then save again.")
    }

    /// After the reload: which fields the other admin changed (taken, marked `*`), which the
    /// admin typed (kept), which both changed (the admin's kept, theirs named); nothing saved.
    static func reloadedStored(by actor: String?, theirs: String, mine: String, clashes: String, save: String) -> Txt {
        let who = actor.map { " oleh \($0)" } ?? ""
        let whoEn = actor.map { " by \($0)" } ?? ""
        var id = "Dimuat ulang. Diubah\(who) (tanda *): \(theirs.isEmpty ? "-" : theirs)."
        var en = "Reloaded. Changed\(whoEn) (marked *): \(theirs.isEmpty ? "-" : theirs)."
        if !mine.isEmpty {
            id += " Isian Anda tetap: \(mine)."
            en += " Your input kept: \(mine)."
        }
        if !clashes.isEmpty {
            id += " Sama-sama diubah, isian Anda dipakai: \(clashes)."
            en += " Changed by both, yours kept: \(clashes)."
        }
        return Txt(id + " Belum tersimpan: periksa, lalu \(save).", en + " Not saved yet: check, then \(save).")
    }

    /// The reload found the data as the form first showed it: nothing to take.
    static func reloadNothingChanged(save: String) -> Txt {
        Txt(
            "Data tersimpan sama dengan saat formulir dibuka; isian Anda tetap. \(save) untuk menyimpan.",
            "The stored data is as it was when the form opened; your input stays. \(save) to save.")
    }

    /// The record was deleted meanwhile: nothing to reload.
    static let reloadRecordGone = Txt(
        "Data ini sudah dihapus admin lain; tidak ada yang bisa dimuat. Esc untuk menutup (isian Anda tersimpan sebagai draf).",
        "This record was deleted by another admin; nothing to load. Esc to close (your input is kept as a draft).")

    /// The employee is gone meanwhile.
    static let reloadEmployeeGone = Txt(
        "Pegawai ini sudah tidak ada (dihapus atau dibatalkan admin lain); tidak ada yang bisa dimuat.",
        "This employee is gone (removed or undone by another admin); nothing to load.")

    /// A field and the other admin's text, for a clash: `JP (ani: 30)`.
    static func clashField(_ label: String, _ actor: String?, _ theirs: String) -> String {
        "\(label) (\(actor ?? "?"): \(theirs.isEmpty ? "-" : theirs))"
    }
}
