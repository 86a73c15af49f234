import IPASNCore
import IPASNReports
import IPASNStore

extension L {
    /// `1 dari 3 pegawai aktif belum lengkap (lengkap 66%): pendidikan 1, SKP 1` ("lengkap" as
    /// ``Completeness`` defines it: the dashboard's percentage).
    static func missingSummary(_ report: MissingRecords) -> Txt {
        let percent = NumberText.wholePercent(report.complete, of: report.pegawai).map { "\($0)%" } ?? "-"
        let required = Completeness.required.map { (id: $0.displayName(.id), en: $0.displayName(.en), count: report.count($0)) }
        return Txt(
            "\(report.incomplete) dari \(report.pegawai) pegawai aktif belum lengkap (lengkap \(percent)): "
                + required.map { "\($0.id) \($0.count)" }.joined(separator: ", "),
            "\(report.incomplete) of \(report.pegawai) active employees incomplete (complete \(percent)): "
                + required.map { "\($0.en) \($0.count)" }.joined(separator: ", "))
    }

    /// The reminder under it: employees without a course finished this year (not "incomplete").
    static func missingKompetensi(_ n: Int) -> Txt {
        Txt(
            "Tanpa kursus selesai tahun ini: \(n) pegawai (tidak mengurangi kelengkapan)",
            "No course finished this year: \(n) employees (not counted as incomplete)")
    }
}

/// Reopening a batch (`B`) and the import's near-duplicates.
extension L {
    static let batchesContext = Txt("daftar kegiatan", "events")
    static let batchContext = Txt("peserta kegiatan", "event participants")
    static let batchesDescription = Txt("Daftar kegiatan: tambah/hapus peserta", "Events: add/remove participants")
    static let batchesShort = Txt("Kegiatan", "Events")
    static let addParticipantsDescription = Txt("Tambah peserta (pilih, atau tempel NIP)", "Add participants (choose, or paste NIPs)")
    static let addParticipantsShort = Txt("Tambah peserta", "Add")
    static let removeParticipantDescription = Txt("Hapus peserta ini (bertanya dulu)", "Remove this participant (asks first)")
    static let removeParticipantShort = Txt("Hapus peserta", "Remove")
    static let importSimilarDescription = Txt("Tetap impor baris yang mirip kursus lain", "Import rows resembling a course anyway")
    static let importSimilarShort = Txt("Impor yang mirip", "Import similar")

    static func importSimilarChoice(_ n: Int, others: Int, key: String) -> Txt {
        let rest = others > 0
        return Txt(
            "\(n) baris mirip kursus yang sudah ada (nama hampir sama, jenis dan tanggal sama). Bila memang kursus lain, tekan \(key) untuk tetap mengimpornya"
                + (rest ? " (\(others) baris lain masih perlu diperbaiki)." : "."),
            "\(n) row(s) resemble a course already there (nearly the same name, same jenis and dates). If they really are other courses, press \(key) to import them anyway"
                + (rest ? " (\(others) other row(s) still need fixing)." : "."))
    }

    static let batchesTitle = Txt("Daftar Kegiatan (input bersama)", "Events (bulk entries)")
    static let batchesNone = Txt(
        "Belum ada kegiatan. Pilih pegawai di daftar pegawai (Spasi) lalu tekan k untuk satu kursus bagi semuanya.",
        "No events yet. Choose employees in a list (Space), then press k for one course for all of them.")
    static let colDate = Txt("Tanggal", "Date")
    static let colEvent = Txt("Kegiatan", "Event")
    static let colParticipants = Txt("Peserta", "People")
    static let colBy = Txt("Oleh", "By")
    static func batchTitle(_ label: String, _ n: Int) -> Txt {
        Txt("\(label) — \(n) peserta", "\(label) — \(n) participants")
    }
    static func batchSaved(_ date: String, _ actor: String) -> Txt {
        Txt("disimpan \(date) oleh \(actor)", "saved \(date) by \(actor)")
    }
    static let batchNoMembers = Txt(
        "Tidak ada peserta lagi. Tekan t untuk menambah peserta.", "No participants left. Press t to add participants.")
    static let batchHint = Txt(
        "t tambah peserta (atau tempel kolom NIP), d hapus peserta, u batalkan",
        "t add participants (or paste a NIP column), d remove a participant, u undo")
    static func batchConfirmAdd(_ n: Int, _ label: String) -> Txt {
        Txt("Tambahkan \(n) peserta ke '\(label)'? Datanya sama dengan peserta lain.", "Add \(n) participant(s) to '\(label)'? Their record is the same as the others'.")
    }
    static func batchAdded(_ n: Int, _ label: String) -> Txt {
        Txt("\(n) peserta ditambahkan ke '\(label)'. Batalkan dengan u.", "\(n) participant(s) added to '\(label)'. Undo with u.")
    }
    static func batchConfirmRemove(_ name: String, _ label: String) -> Txt {
        Txt("Hapus \(name) dari '\(label)'? Datanya dihapus (bisa dibatalkan dengan u).", "Remove \(name) from '\(label)'? The record is deleted (undo with u).")
    }
    static func batchRemoved(_ name: String, _ label: String) -> Txt {
        Txt("\(name) dihapus dari '\(label)'. Batalkan dengan u.", "\(name) removed from '\(label)'. Undo with u.")
    }
    static func batchAlreadyIn(_ n: Int) -> Txt {
        Txt("\(n) pegawai sudah menjadi peserta; tidak ditambahkan lagi.", "\(n) employee(s) already take part; not added again.")
    }
    static func batchJoinLegend(_ label: String, _ n: Int) -> Txt {
        Txt(
            "Pilih pegawai untuk '\(label)' (Spasi, v, *), lalu Enter: \(n) dipilih",
            "Choose employees for '\(label)' (Space, v, *), then Enter: \(n) chosen")
    }
    static func batchRefusedText(_ lines: [String]) -> Txt {
        Txt("Tidak ada yang ditambahkan: " + lines.joined(separator: "; "), "Nothing was added: " + lines.joined(separator: "; "))
    }
}

/// The bulk SKP grid (`n` in an employee list).
extension L {
    static let gridContext = Txt("isian SKP bersama", "bulk SKP grid")
    static let bulkSKPDescription = Txt("SKP tahun ini untuk banyak pegawai (tabel)", "This year's SKP for many (a grid)")
    static let bulkSKPShort = Txt("SKP bersama", "Bulk SKP")
    static let nextRowDescription = Txt("Baris berikutnya (pegawai berikutnya)", "Next row (next employee)")
    static let nextRowShort = Txt("Baris berikut", "Next row")
    static let previousRowDescription = Txt("Baris sebelumnya", "Previous row")
    static let previousRowShort = Txt("Baris sebelum", "Prev row")
    static func gridTitle(_ year: Int, _ n: Int) -> Txt { Txt("SKP \(year) — \(n) pegawai", "SKP \(year) — \(n) employees") }
    static let gridHint = Txt(
        "Ketik predikat b, sb, c, bp, k, sk (atau namanya) atau nilai; kosong dilewati.",
        "Type a predikat b, sb, c, bp, k, sk (or its name) or a nilai; empty: skipped.")
    static let colPredikat = Txt("Predikat", "Predikat")
    static let colNilai = Txt("Nilai", "Nilai")
    static func gridUnknownPredikat(_ text: String) -> Txt {
        Txt(
            "Predikat \"\(text)\" tidak dikenal: ketik b, sb, c, bp, k, sk atau nama lengkapnya.",
            "Predikat \"\(text)\" is unknown: type b, sb, c, bp, k, sk or the full name.")
    }
    static let gridNothing = Txt("Belum ada baris yang diisi.", "No row is filled in yet.")
    static func gridRowProblem(_ name: String, _ message: String) -> Txt {
        Txt("Baris \(name): \(message)", "Row \(name): \(message)")
    }
    static func gridReviewTitle(_ year: Int, _ n: Int) -> Txt { Txt("Tinjau: SKP \(year) — \(n) pegawai", "Review: SKP \(year) — \(n) employees") }
    static func gridReviewHead(_ saved: Int, _ existing: Int) -> Txt {
        Txt(
            "\(saved) SKP akan disimpan dalam satu transaksi (Ctrl-S)" + (existing > 0 ? "; \(existing) sudah punya SKP tahun ini: tidak disimpan (ubah di halaman pegawai)." : "."),
            "\(saved) SKP will be saved in one transaction (Ctrl-S)" + (existing > 0 ? "; \(existing) have this year's SKP already: not saved (change it on the employee's page)." : "."))
    }
    static let gridNoteExisting = Txt("sudah ada", "exists")
    static func gridSaved(_ n: Int, _ year: Int) -> Txt { Txt("Tersimpan: SKP \(year) untuk \(n) pegawai.", "Saved: SKP \(year) for \(n) employees.") }
}

/// Bulk pendidikan (`p` in an employee list with a selection).
extension L {
    static let bulkPendidikanDescription = Txt("Satu pendidikan untuk semua yang dipilih", "One education for everyone chosen")
    static let bulkPendidikanShort = Txt("Pendidikan", "Education")
    static let bulkPendidikanNeedsChoice = Txt(
        "Pilih dulu pegawainya (Spasi, v, * atau tempel NIP), lalu tekan p.", "Choose the employees first (Space, v, * or paste NIPs), then press p.")
}
