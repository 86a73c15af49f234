import IPASNCore
import IPASNReports
import IPASNStore

/// The texts of the verifikator's queue at province scale: its order, counts and filters.
extension L {
    static func queueCommandLabel(_ command: Command) -> Txt {
        switch command {
        case .queueKind: return Txt("Jenis", "Kind")
        case .queueSince: return Txt("Sejak", "Since")
        case .queueBy: return Txt("Oleh", "By")
        case .queueUnit: return Txt("Unit", "Unit")
        default: return Txt("Hapus saring", "Clear")
        }
    }

    static func queueCommandDescription(_ command: Command) -> Txt {
        switch command {
        case .queueKind:
            return Txt("Saring jenis: pendidikan, diklat, SKP, hukuman", "Filter the kind: education, course, SKP, penalty")
        case .queueSince: return Txt("Saring waktu: semua, sejak kemarin, hari ini", "Filter the time: all, since yesterday, today")
        case .queueBy: return Txt("Hanya input penginput baris ini (lagi: semua)", "Only what this row's admin entered (again: all)")
        case .queueUnit: return Txt("Hanya instansi/unit baris ini (lagi: semua)", "Only this row's instansi/unit (again: all)")
        default: return Txt("Hapus semua saringan antrean", "Clear every queue filter")
        }
    }

    /// Row 1 of the queue: what is shown of what matches, of what waits; the order.
    /// Row 1 of the queue from its `page` (``QueuePage/matchingText(_:)``: "1.000+" past the count's cap).
    static func queueCounts(shown: Int, page: QueuePage, filtered: Bool) -> Txt {
        let total = page.total
        if filtered {
            return Txt(
                "\(shown) dari \(page.matchingText(.id)) data yang cocok; \(total) belum diverifikasi. Terbaru di atas.",
                "\(shown) of \(page.matchingText(.en)) matching records; \(total) not verified. Newest first.")
        }
        return Txt(
            "\(shown) dari \(total) data belum diverifikasi, terbaru di atas (j s o f: saring).",
            "\(shown) of \(total) records not verified, newest first (j s o f: filter).")
    }

    static let queueFilterPrefix = Txt("Saring:", "Filter:")
    static func queueSince(_ since: QueueSince) -> Txt {
        switch since {
        case .all: return Txt("semua waktu", "any time")
        case .yesterday: return Txt("sejak kemarin", "since yesterday")
        case .today: return Txt("hari ini", "today")
        }
    }
    static func queueBy(_ login: String) -> Txt { Txt("oleh \(login)", "by \(login)") }
    static func queueUnit(_ unit: String) -> Txt { Txt("unit \(unit)", "unit \(unit)") }
    static let queueClearHint = Txt("(c: hapus saringan)", "(c: clear)")
    static let queueFilteredEmpty = Txt(
        "Tidak ada data yang cocok dengan saringan ini. Tekan c untuk melihat semua.",
        "No record matches these filters. Press c to see them all.")
    static let queueNoEnterer = Txt(
        "Penginput data ini tidak tercatat; saringan \"oleh\" tidak bisa dipakai untuk baris ini.",
        "Who entered this record is not on record; the \"by\" filter cannot use this row.")
    static let colQueueEntered = Txt("Masuk", "Entered")
    static let colQueueBy = Txt("Oleh", "By")
}
