import IPASNStore

/// Messages of the fixes after the fifth and sixth user tests' "not fixed" lists (branch `ux7`).
extension L {
    // MARK: Re-importing a corrected sheet

    /// Rows of a file the database holds already, as they are: passed over, not problems.
    static func importAlreadyPresent(_ rows: Int) -> Txt {
        Txt(
            "\(rows) baris sudah ada: dilewati (tidak diimpor lagi).",
            "\(rows) row(s) already there: passed over (not imported again).")
    }

    /// The earlier rejected-rows file stays; the new one gets its own name.
    static func importEarlierRejectedKept(_ earlier: String) -> Txt {
        Txt("Berkas tolakan sebelumnya (\(earlier)) tetap ada.", "The earlier rejected-rows file (\(earlier)) stays.")
    }

    // MARK: A record of an event

    static let openEventDescription = Txt(
        "Buka kegiatan data ini (tambah/hapus peserta)", "Open this record's event (add/remove participants)")
    static let openEventShort = Txt("Kegiatan", "Event")
    /// Enter opened one record of an event entered for many: the event has its own key.
    static func recordOfEvent(_ label: String, _ n: Int, key: String) -> Txt {
        Txt(
            "Data ini bagian dari kegiatan '\(label)' (\(n) peserta); yang diubah di sini hanya data ini. "
                + "Kegiatannya: Esc lalu \(key).",
            "This record is part of the event '\(label)' (\(n) participants); only this record is edited here. "
                + "The event: Esc, then \(key).")
    }
    static let recordOfNoEvent = Txt(
        "Data ini tidak termasuk kegiatan yang diinput bersama.", "This record is not part of an event entered for many.")

    // MARK: The SKP grid: a row typed as stored

    static let gridPlanUnchanged = Txt("sama", "same")
    /// The cursor's row holds what is stored: no choice, no write.
    static func gridRowUnchanged(_ name: String, _ year: Int, _ stored: String) -> Txt {
        Txt(
            "\(name): SKP \(year) sama dengan yang tersimpan (\(stored)); tidak perlu disimpan.",
            "\(name): the \(year) SKP is the same as stored (\(stored)); nothing to save.")
    }
    static func gridLineUnchanged(_ old: String) -> Txt { Txt("sama: \(old)", "same: \(old)") }
    /// The review's counts when rows were typed as stored (`sama`: not written).
    static func gridReviewCounts(new: Int, replace: Int, keep: Int, same: Int, undecided: Int) -> Txt {
        Txt(
            "Baru \(new), ganti \(replace), biarkan \(keep), sama \(same), belum dipilih \(undecided) (tidak disimpan).",
            "New \(new), replace \(replace), keep \(keep), same \(same), not chosen \(undecided) (not saved).")
    }

    // MARK: A full disk, said for the action refused

    /// The store's one ``StoreError/diskFull``, in the sentence of what was refused; other
    /// errors as the store says them (``storeError(_:)``).
    static func storeError(_ error: Error, action: WriteAction) -> Txt {
        guard (error as? StoreError) == .diskFull else { return storeError(error) }
        switch action {
        case .form: return storeError(error)
        case .verdict:
            return Txt(
                "Disk penuh: keputusan BELUM tersimpan; data tetap menunggu di antrean. Kosongkan ruang disk lalu ulangi.",
                "The disk is full: the verdict was NOT saved; the record still waits in the queue. Free some space and try again.")
        case .verdictWithReason:
            return Txt(
                "Disk penuh: keputusan BELUM tersimpan; alasan yang diketik tetap di kotak. Kosongkan ruang disk lalu kirim lagi.",
                "The disk is full: the verdict was NOT saved; the typed reason stays in the box. Free some space and send it again.")
        case .importFile:
            return Txt(
                "Disk penuh: berkas ini TIDAK diimpor (tidak ada yang tersimpan setengah). Kosongkan ruang disk lalu impor lagi.",
                "The disk is full: this file was NOT imported (nothing half-written). Free some space and import it again.")
        }
    }

    // MARK: The import path field

    /// Under the field when it starts at the admin's last import path.
    static let importPathStartsAtLast = Txt(
        "Jalur impor terakhir Anda. Ctrl-W: hapus satu bagian, Ctrl-U: kosongkan.",
        "Your last import path. Ctrl-W: delete one part, Ctrl-U: empty it.")
}
