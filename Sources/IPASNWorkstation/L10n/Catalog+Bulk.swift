import IPASNCore
import IPASNStore

/// Texts of the bulk entry: choosing employees in a list, pasting NIPs, the course form
/// for the whole selection and its review.
extension L {
    // MARK: Choosing
    static func chosenCount(_ n: Int) -> Txt { Txt("\(n) dipilih", "\(n) chosen") }
    static func selectionLegend(_ n: Int, hidden: Int) -> Txt {
        let idHidden = hidden > 0 ? " (\(hidden) tersembunyi oleh saringan)" : ""
        let enHidden = hidden > 0 ? " (\(hidden) hidden by the filter)" : ""
        return Txt(
            "* \(n) pegawai dipilih\(idHidden). k: diklat untuk semua. Esc: lepas pilihan.",
            "* \(n) employees chosen\(enHidden). k: a course for all. Esc: unchoose.")
    }
    static let rangeStarted = Txt(
        "Awal rentang ditandai. Pindah ke akhir rentang lalu tekan v lagi.",
        "Start of the run marked. Move to its end and press v again.")
    static let filterLabel = Txt("Saring:", "Filter:")
    static func filterShown(_ shown: Int, _ all: Int) -> Txt { Txt("\(shown) dari \(all)", "\(shown) of \(all)") }
    static func filterLacking(_ course: String) -> Txt { Txt("belum punya \"\(course)\"", "without \"\(course)\"") }
    static let filterNone = Txt("Tidak ada pegawai yang cocok dengan saringan. Esc: hapus saringan.", "No employee matches the filter. Esc: clear it.")
    static let lackingNeedsCourse = Txt(
        "Isi dulu kursusnya (k), lalu F menampilkan yang belum punya kursus itu.",
        "Fill in the course first (k); then F shows who does not have it yet.")

    // MARK: Pasting NIPs
    static func pasteChosen(_ n: Int, total: Int) -> Txt {
        Txt("\(n) NIP dari tempelan dipilih (total \(total) dipilih).", "\(n) pasted NIPs chosen (\(total) chosen in all).")
    }
    static func pasteNotChosen(_ n: Int) -> Txt { Txt("\(n) tidak dapat dipilih: lihat daftar.", "\(n) could not be chosen: see the list.") }
    static let pasteNoNIP = Txt("Tempelan tidak berisi NIP.", "The pasted text holds no NIP.")
    static func pasteProblemsTitle(_ n: Int) -> Txt { Txt("\(n) tidak dipilih", "\(n) not chosen") }
    static func pasteUnknown(_ nip: String) -> Txt { Txt("\(nip): NIP tidak dikenal", "\(nip): unknown NIP") }
    static func pasteOutside(_ nip: String, _ nama: String, _ unit: String) -> Txt {
        Txt("\(nip): \(nama), di luar unit ini (\(unit))", "\(nip): \(nama), outside this unit (\(unit))")
    }
    static func pasteUnreadable(_ text: String) -> Txt { Txt("\"\(text)\": bukan NIP", "\"\(text)\": not a NIP") }
    static func andMore(_ n: Int) -> Txt { Txt("... dan \(n) lagi", "... and \(n) more") }
}

/// Texts of the bulk course form and its review.
extension L {
    static func bulkParticipants(_ n: Int) -> Txt { Txt("\(n) peserta", "\(n) participants") }
    static func bulkChanges(_ n: Int, of all: Int) -> Txt {
        Txt("Nilai berubah untuk \(n) dari \(all) peserta.", "The score changes for \(n) of \(all) participants.")
    }
    static func bulkDuplicates(_ n: Int) -> Txt {
        Txt("\(n) sudah punya kursus ini: tidak disimpan lagi.", "\(n) have this course already: not saved again.")
    }
    static func bulkUnchanged(_ n: Int) -> Txt {
        Txt("\(n) disimpan tanpa perubahan nilai.", "\(n) saved without a change of score.")
    }
    static func bulkSimilar(_ n: Int) -> Txt {
        Txt("\(n) punya kursus yang mirip (tanggal sama): periksa sebelum menyimpan.", "\(n) have a similar course (same dates): check before saving.")
    }
    static func bulkReviewTitle(_ course: String, _ n: Int) -> Txt {
        Txt("Tinjau: \(course) — \(n) peserta", "Review: \(course) — \(n) participants")
    }
    static let bulkColNote = Txt("Catatan", "Note")
    static let bulkNoteDuplicate = Txt("sudah ada", "already there")
    static let bulkNoteUnchanged = Txt("nilai tetap", "no change")
    static let bulkNoteSimilar = Txt("mirip!", "similar!")
    static func bulkDetailDuplicate(_ name: String) -> Txt {
        Txt("\(name) sudah punya kursus ini: dilewati.", "\(name) has this course already: skipped.")
    }
    static func bulkDetailSimilar(_ name: String, _ course: String, _ start: String) -> Txt {
        Txt("\(name): mirip dengan \"\(course)\" (\(start)). Ctrl-S tetap menyimpan.", "\(name): similar to \"\(course)\" (\(start)). Ctrl-S saves anyway.")
    }
    static let bulkDetailSave = Txt("Ctrl-S menyimpan semua dalam satu transaksi. Esc kembali ke formulir.", "Ctrl-S saves all in one transaction. Esc returns to the form.")
    static let bulkNothingToSave = Txt("Semua peserta sudah punya kursus ini: tidak ada yang disimpan.", "Every participant has this course already: nothing to save.")
    static func bulkSaved(_ course: String, _ n: Int) -> Txt {
        Txt("Tersimpan: \(course) untuk \(n) peserta.", "Saved: \(course) for \(n) participants.")
    }
    static func bulkSkipped(_ n: Int) -> Txt { Txt("\(n) sudah punya, dilewati.", "\(n) had it already, skipped.") }
    static func bulkRefused(_ n: Int) -> Txt {
        Txt("Tidak disimpan (semua atau tidak sama sekali): \(n) data ditolak.", "Not saved (all or nothing): \(n) records refused.")
    }
}

/// Near-duplicates in the one-employee form.
extension L {
    static func similarExisting(_ course: String, _ start: String) -> Txt {
        Txt("Mirip dengan \"\(course)\" (\(start)) yang sudah ada.", "Similar to \"\(course)\" (\(start)), already there.")
    }
    static func similarAsk(_ course: String, _ start: String) -> Txt {
        Txt(
            "Mirip dengan \"\(course)\" (\(start)) yang sudah ada: jenis dan tanggal sama. Tetap simpan sebagai kursus lain?",
            "Similar to \"\(course)\" (\(start)), already there: same jenis and dates. Save it as another course anyway?")
    }
}

extension L {
    static func bulkTooMany(_ n: Int, _ limit: Int) -> Txt {
        Txt(
            "\(n) pegawai dipilih: satu kegiatan paling banyak \(limit) peserta. Saring atau pilih lebih sedikit.",
            "\(n) employees chosen: one event has at most \(limit) participants. Filter or choose fewer.")
    }
}

/// Leaving a participant out on the review.
extension L {
    static let bulkNoteLeftOut = Txt("tidak ikut", "left out")
    static func bulkLeftOut(_ n: Int) -> Txt { Txt("\(n) tidak ikut (Spasi): tidak disimpan.", "\(n) left out (Space): not saved.") }
    static func bulkDetailLeftOut(_ name: String) -> Txt {
        Txt("\(name) tidak ikut: tidak disimpan. Spasi: ikut lagi.", "\(name) is left out: not saved. Space: back in.")
    }
}
