import IPASNStore

/// Messages of the twelfth user test (branch `usertest12`): open screens follow a SIASN
/// export's and a SIASN answer's marks.
extension L {
    // MARK: SIASN marks followed live

    /// A SIASN marking as a change is named (undo prompts, the refresh line): `kiriman SIASN batch #3`.
    static func siasnMarking(_ action: AuditAction, batch: Int64) -> Txt {
        action == .siasnRefused
            ? Txt("penolakan SIASN batch #\(batch)", "SIASN's refusals of batch #\(batch)")
            : Txt("kiriman SIASN batch #\(batch)", "the SIASN export of batch #\(batch)")
    }

    /// Shown when another session's SIASN export or answer changed the marks under the open screen.
    static func siasnMarksRefreshed(_ actor: String, _ action: AuditAction, batch: Int64) -> Txt {
        action == .siasnRefused
            ? Txt("Jawaban SIASN batch #\(batch) dicatat oleh \(actor): tanda ditolak diperbarui.",
                "SIASN's answer to batch #\(batch) recorded by \(actor): refusal marks updated.")
            : Txt("Batch SIASN #\(batch) dikirim oleh \(actor): tanda terkirim diperbarui.",
                "SIASN batch #\(batch) exported by \(actor): sent marks updated.")
    }

    // MARK: The queue's `S` filter

    static let queueRefusedLabel = Txt("Ditolak SIASN", "SIASN refused")
    static let queueRefusedDescription = Txt(
        "Hanya yang ditolak SIASN (tanda S; lagi: semua)", "Only what SIASN refused (mark S; again: all)")
    /// The filter in row 2's words.
    static let queueRefusedFilter = Txt("ditolak SIASN (tanda S)", "refused by SIASN (mark S)")
    /// Row 1 of the queue when refused records are listed: the counts, the refusals and their
    /// key, within 80 columns (the round-11 note after the counts was cut to "1 ditol").
    static func queueCountsWithRefused(shown: Int, page: QueuePage, filtered: Bool, refused: Int) -> Txt {
        if filtered {
            return Txt(
                "\(shown) dari \(page.matchingText(.id)) data yang cocok; \(page.total) belum diverifikasi. \(refused) ditolak SIASN.",
                "\(shown) of \(page.matchingText(.en)) matching; \(page.total) not verified. \(refused) refused by SIASN.")
        }
        return Txt(
            "\(shown) dari \(page.total) belum diverifikasi; \(refused) ditolak SIASN (S: saring).",
            "\(shown) of \(page.total) not verified; \(refused) refused by SIASN (S: filter).")
    }
}

extension L {
    // MARK: The employee page's SIASN column

    /// What a SIASN mark's character means (the page's legend line).
    static func siasnMarkMeaning(_ state: SIASNMark.State) -> Txt {
        switch state {
        case .sent: return Txt("terkirim", "sent")
        case .changed: return Txt("diubah sejak kirim", "changed since")
        case .unsent: return Txt("belum dikirim", "not sent")
        case .refused: return Txt("ditolak", "refused")
        case .refusedCorrected: return Txt("diperbaiki", "corrected")
        case .notForSIASN: return Txt("tidak ke SIASN", "not for SIASN")
        case .needsPredikat: return Txt("perlu predikat", "needs predikat")
        case .held: return Txt("SIASN versi lama", "SIASN has an older version")
        }
    }

    /// The message row on a record of the employee page: its SIASN state in words.
    static func siasnMarkStatus(_ text: String) -> Txt { Txt("SIASN: \(text)", "SIASN: \(text)") }

    // MARK: The import path

    /// A typed import path that does not exist (the field keeps it, to correct).
    static func importPathMissing(_ path: String) -> Txt {
        Txt(
            "Tidak ada berkas atau folder \(path). Periksa ketikannya (Tab melengkapi nama; Ctrl-U mengosongkan).",
            "There is no file or folder \(path). Check the typing (Tab completes a name; Ctrl-U empties the field).")
    }
}
