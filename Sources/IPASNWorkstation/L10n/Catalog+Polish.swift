import IPASNCore
import IPASNStore

/// Messages of the polish round (an ambiguous choice names what it could be).
extension L {
    /// A predikat cell of the SKP grid whose text fits several predikat: nothing is taken.
    static func gridAmbiguousPredikat(_ text: String, _ names: [String]) -> Txt {
        Txt(
            "\"\(text)\" cocok dengan \(names.count) predikat: \(names.joined(separator: ", ")). Ketik lebih lanjut; tidak ada yang dipilih.",
            "\"\(text)\" fits \(names.count) predikat: \(names.joined(separator: ", ")). Type more; nothing was chosen.")
    }

    /// A form's picker whose text fits several choices: names the first few (the message
    /// row is one line: the names come before the keys).
    static func pickerAmbiguousNamed(_ text: String, _ names: [String]) -> Txt {
        let shown = firstChoices(names)
        return Txt(
            "\"\(text)\" cocok dengan \(names.count) pilihan: \(shown) (↑↓ lalu Tab).",
            "\"\(text)\" fits \(names.count) choices: \(shown) (↑↓ then Tab).")
    }

    /// An empty value in a confirmation's "old -> new" (an employee's first transfer date).
    static let valueNotSet = Txt("(belum diisi)", "(not set)")

    // MARK: A verdict for a whole event (branch polish, round 9)

    static let acceptEventCommand = Txt("Terima kegiatan", "Accept event")
    static let acceptEventDescription = Txt(
        "Terima semua data kegiatan ini yang menunggu",
        "Accept every waiting record of this event")
    static let rejectEventCommand = Txt("Tolak kegiatan", "Reject event")
    static let rejectEventDescription = Txt(
        "Tolak + alasan: semua data kegiatan yang menunggu",
        "Reject every waiting record of this event + reason")

    /// "14-15 Mei 2025", "30 April-2 Mei 2025", "14 Mei 2025": a course's dates in words.
    static func eventDates(_ start: LocalDate, _ end: LocalDate) -> Txt {
        let id = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        func text(_ months: [String]) -> String {
            let last = "\(end.day) \(months[end.month - 1]) \(end.year)"
            if start == end { return last }
            if start.year == end.year && start.month == end.month { return "\(start.day)-" + last }
            if start.year == end.year { return "\(start.day) \(months[start.month - 1])-" + last }
            return "\(start.day) \(months[start.month - 1]) \(start.year)-" + last
        }
        return Txt(text(id), text(en))
    }

    /// "40 data diklat 'Sosialisasi SKP 2025' (14-15 Mei 2025)".
    static func eventRecords(_ count: Int, _ course: Diklat) -> Txt {
        let dates = eventDates(course.tanggalMulai, course.tanggalSelesai)
        return Txt(
            "\(count) data diklat '\(course.nama)' (\(dates.id))",
            "\(count) diklat record\(count == 1 ? "" : "s") '\(course.nama)' (\(dates.en))")
    }

    /// The question before an event verdict; `skipped` already judged are named too.
    static func confirmEventVerdict(accept: Bool, _ records: Txt, skipped: Int) -> Txt {
        let left =
            skipped > 0
            ? Txt(" \(skipped) data lain sudah diverifikasi dan dibiarkan.", " \(skipped) other\(skipped == 1 ? " is" : "s are") judged already and left alone.")
            : Txt("", "")
        return accept
            ? Txt("Terima \(records.id)?\(left.id)", "Accept \(records.en)?\(left.en)")
            : Txt("Tolak \(records.id)?\(left.id)", "Reject \(records.en)?\(left.en)")
    }

    /// After an event verdict.
    static func eventVerdictDone(accept: Bool, _ records: Txt, skipped: Int) -> Txt {
        let left = skipped > 0 ? Txt("; \(skipped) dilewati (sudah diverifikasi)", "; \(skipped) skipped (judged already)") : Txt("", "")
        return accept
            ? Txt("Memenuhi syarat: \(records.id)\(left.id). Tekan u untuk membatalkan.", "Accepted: \(records.en)\(left.en). Press u to undo.")
            : Txt("Tidak memenuhi syarat: \(records.id)\(left.id). Tekan u untuk membatalkan.", "Rejected: \(records.en)\(left.en). Press u to undo.")
    }

    /// `M`/`T` on a record of no event.
    static let noEvent = Txt(
        "Data ini bukan bagian dari satu kegiatan (hanya diklat yang disimpan bersama, atau dengan nama, tanggal dan penyelenggara yang sama).",
        "This record belongs to no event (only diklat saved together, or with the same name, dates and organiser).")

    /// `M`/`T` on an event whose records are all judged.
    static func eventNothingWaits(_ skipped: Int) -> Txt {
        Txt(
            "Tidak ada data kegiatan ini yang menunggu: \(skipped) data sudah diverifikasi.",
            "No record of this event is waiting: \(skipped) judged already.")
    }

    /// An event verdict as undo and redo name it: "putusan memenuhi syarat untuk 40 data diklat 'X'".
    static func eventVerdictChange(_ status: VerificationStatus, count: Int, label: String) -> Txt {
        Txt(
            "putusan \(status.name(.id)) untuk \(count) data diklat '\(label)'",
            "the verdict \(status.name(.en)) for \(count) diklat record\(count == 1 ? "" : "s") '\(label)'")
    }

    // MARK: The undo question names verdicts

    /// A verdict's word for a sentence: "ditolak oleh vera".
    private static func verdictWord(_ v: RecordVerification) -> Txt {
        let by = v.by ?? "?"
        switch v.status {
        case .tidak: return Txt("ditolak oleh \(by)", "rejected by \(by)")
        case .memenuhi: return Txt("diterima oleh \(by)", "accepted by \(by)")
        case .belum: return Txt("belum diverifikasi", "not verified")
        }
    }

    /// What an undo or redo does to verdicts, appended to its question; nil when nothing.
    static func verdictNote(_ changes: [VerdictChange]) -> Txt? {
        guard let first = changes.first else { return nil }
        if changes.count == 1 {
            if let after = first.after, after.status != .belum {
                let word = verdictWord(after)
                return Txt(" Data ini kembali berstatus \(word.id).", " This record will be \(word.en) again.")
            }
            let word = verdictWord(first.now)
            return first.after == nil
                ? Txt(" Status \(word.id) ikut hilang bersama data ini.", " Its status, \(word.en), goes with it.")
                : Txt(
                    " Status \(word.id) pada data ini hilang: kembali belum diverifikasi.",
                    " Its status, \(word.en), is lost: not verified again.")
        }
        let back = changes.filter { ($0.after?.status ?? .belum) != .belum }
        var id: [String] = []
        var en: [String] = []
        if let one = back.first {
            let same = back.allSatisfy { $0.after?.status == one.after?.status && $0.after?.by == one.after?.by }
            let word = same ? verdictWord(one.after!) : Txt("diberi putusan sebelumnya", "given their earlier verdicts")
            id.append("\(back.count) data kembali berstatus \(word.id)")
            en.append("\(back.count) records will be \(word.en) again")
        }
        let lost = changes.count - back.count
        if lost > 0 {
            id.append("\(lost) data kehilangan putusannya (kembali belum diverifikasi)")
            en.append("\(lost) records lose their verdict (not verified again)")
        }
        return Txt(" " + id.joined(separator: "; ") + ".", " " + en.joined(separator: "; ") + ".")
    }

    // MARK: A second SKP for the same year, marked as the year is typed

    /// The finding on Tahun: the year, and what to do instead.
    static func secondSKPIssue(year: Int) -> ValidationIssue {
        ValidationIssue(
            field: "tahun",
            code: .custom(
                id: "SKP tahun \(year) sudah ada untuk pegawai ini (satu SKP per tahun). Ubah SKP \(year) yang tersimpan (Esc, pilih SKP \(year), Enter) atau ketik tahun lain.",
                en: "This employee already has an SKP for \(year) (one SKP per year). Edit the stored SKP \(year) (Esc, select SKP \(year), Enter) or type another year."))
    }

    // MARK: Path completion in the import dialog

    static let importHintTab = Txt(
        "Ketik lokasi lalu Enter (Tab melengkapi, Tab lagi: pilihan). Esc kembali.",
        "Type the path, then Enter (Tab completes, Tab again: choices). Esc goes back.")
    static func importMoreCandidates(_ n: Int) -> Txt { Txt("… dan \(n) lagi", "… and \(n) more") }
}
