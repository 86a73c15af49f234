import Foundation
import IPASNCore
import IPASNReports
import IPASNStore

/// The catalog's texts for the team screens: history (H), who did what (w), accounts (A) and
/// the confirmation of "selesai diinput" marks in the progress dialog.
extension L {
    static let historyContext = Txt("riwayat perubahan", "change history")
    static let activityContext = Txt("siapa mengerjakan apa", "who did what")
    static let accountsContext = Txt("akun", "accounts")

    static func teamCommandDescription(_ command: Command) -> Txt {
        switch command {
        case .history: return Txt("Riwayat perubahan: siapa, kapan, nilai", "Change history: who, when, values")
        case .activity: return Txt("Siapa mengerjakan apa: per admin dan per unit", "Who did what: per admin and per unit")
        case .accounts: return Txt("Akun: login, peran, unit (operator)", "Accounts: logins, roles, units (operators)")
        case .nextPeriod: return Txt("Ganti periode: hari ini, minggu, bulan, tahun", "Change the period: today, week, month, year")
        case .toggleGrouping: return Txt("Per admin / per unit", "Per admin / per unit")
        case .confirmMark: return Txt("Konfirmasi tanda selesai (verifikator)", "Confirm the done mark (verifier)")
        case .reopenMark: return Txt("Buka kembali tanda selesai, dengan alasan", "Reopen the done mark, with a reason")
        case .addAccount: return Txt("Tambah akun", "Add an account")
        case .removeAccount: return Txt("Hapus akun (bertanya dulu)", "Remove an account (asks first)")
        default: return Txt(command.rawValue, command.rawValue)
        }
    }

    static func teamCommandLabel(_ command: Command) -> Txt {
        switch command {
        case .history: return Txt("Riwayat", "History")
        case .activity: return Txt("Aktivitas", "Activity")
        case .accounts: return Txt("Akun", "Accounts")
        case .nextPeriod: return Txt("Periode", "Period")
        case .toggleGrouping: return Txt("Admin/unit", "Admin/unit")
        case .confirmMark: return Txt("Konfirmasi", "Confirm")
        case .reopenMark: return Txt("Buka kembali", "Reopen")
        case .addAccount: return Txt("Tambah", "Add")
        case .removeAccount: return Txt("Hapus", "Remove")
        default: return Txt(command.rawValue, command.rawValue)
        }
    }

    // MARK: History

    static func historyTitle(_ name: String) -> Txt { Txt("Riwayat perubahan — \(name)", "Change history — \(name)") }
    static func historyPage(_ page: Int) -> Txt { Txt("Halaman \(page)", "Page \(page)") }
    static let historyEmpty = Txt("Belum ada perubahan yang tercatat.", "No change recorded yet.")
    static let historyHint = Txt(
        "Terbaru di atas. PgDn lebih lama, PgUp lebih baru; impor tidak dirinci.",
        "Newest first. PgDn older, PgUp newer; imports are not itemised.")
    static let historyNoOlder = Txt("Tidak ada perubahan yang lebih lama.", "No older changes.")
    static let historyNoNewer = Txt("Ini halaman terbaru.", "This is the newest page.")

    // MARK: Who did what

    static func activityTitle(_ grouping: AdminActivity.Grouping) -> Txt {
        grouping == .admin ? Txt("Siapa mengerjakan apa — per admin", "Who did what — per admin")
            : Txt("Siapa mengerjakan apa — per unit", "Who did what — per unit")
    }
    static func periodName(_ period: AdminActivity.Period) -> Txt {
        switch period {
        case .today: return Txt("Hari ini", "Today")
        case .week: return Txt("Minggu ini", "This week")
        case .month: return Txt("Bulan ini", "This month")
        case .year: return Txt("Tahun ini", "This year")
        }
    }
    /// The counts with thousands separators (`impor 153.820`); the screen wraps the line.
    static func activitySummary(_ total: AdminActivity.Figures) -> Txt {
        func n(_ value: Int, _ language: Language) -> String { NumberText.count(value, language) }
        return Txt(
            "Diketik \(n(total.entered, .id)), diubah \(n(total.changed, .id)), dihapus \(n(total.deleted, .id)); "
                + "impor \(n(total.imported, .id)), contoh \(n(total.demo, .id)) (tanpa yang dibatalkan).",
            "Typed \(n(total.entered, .en)), changed \(n(total.changed, .en)), deleted \(n(total.deleted, .en)); "
                + "imported \(n(total.imported, .en)), demo \(n(total.demo, .en)) (undone changes left out).")
    }
    static let colAdmin = Txt("Admin", "Admin")
    static let colTyped = Txt("Ketik", "Typed")
    static let colChanged = Txt("Ubah", "Chg")
    static let colDeleted = Txt("Hapus", "Del")
    static let colImported = Txt("Impor", "Import")
    static let colDemo = Txt("Contoh", "Demo")
    static let colVerified = Txt("Verif", "Verif")
    static let colRejected = Txt("Tolak", "Rej")
    static let colLast = Txt("Terakhir", "Last")
    static let activityNone = Txt("Tidak ada perubahan data pada periode ini.", "No data changed in this period.")

    // MARK: Accounts

    static let accountsTitle = Txt("Akun basis data ini", "This database's accounts")
    static let colLogin = Txt("Login", "Login")
    static let colRole = Txt("Peran", "Role")
    static let colUnits = Txt("Unit (beserta sub-unit)", "Units (with sub-units)")
    static let accountsHint = Txt(
        "t tambah, Enter ubah, d hapus. Hanya operator yang dapat mengubah akun.",
        "t add, Enter change, d remove. Only operators change accounts.")
    static let accountFormAdd = Txt("Tambah akun", "Add an account")
    static let accountFormChange = Txt("Ubah akun", "Change an account")
    static let accountLoginLabel = Txt("Login (nama pengguna OS)", "Login (OS user name)")
    static let accountRoleLabel = Txt("Peran (Spasi: ganti)", "Role (Space: change)")
    static let accountUnitsLabel = Txt("Unit (kode, pisahkan koma)", "Units (codes, comma-separated)")
    static let accountFormHint = Txt(
        "Tab: kolom berikut  Ctrl-S: simpan  Esc: batal", "Tab: next field  Ctrl-S: save  Esc: cancel")
    static func accountUnitsNote(_ names: [String], subunits: Int) -> Txt {
        Txt(
            names.joined(separator: ", ") + (subunits > 0 ? " (+\(subunits) sub-unit)" : ""),
            names.joined(separator: ", ") + (subunits > 0 ? " (+\(subunits) sub-units)" : ""))
    }
    static func accountUnknownUnit(_ kode: String) -> Txt {
        Txt("Unit \(kode) tidak dikenal: periksa kodenya di daftar unit.", "Unknown unit \(kode): check its code on the unit list.")
    }
    static func accountSaved(_ login: String) -> Txt { Txt("Akun \(login) disimpan.", "Account \(login) saved.") }
    static func confirmRemoveAccount(_ login: String) -> Txt { Txt("Hapus akun \(login)?", "Remove the account \(login)?") }
    static func accountRemoved(_ login: String) -> Txt { Txt("Akun \(login) dihapus.", "Account \(login) removed.") }
    static let accountsNever = Txt("belum pernah", "never")

    // MARK: Confirmed marks

    static func markedBy(_ by: String, _ at: String) -> Txt { Txt("ditandai \(by) \(at)", "marked by \(by) \(at)") }
    static func confirmedBy(_ by: String) -> Txt { Txt("dikonfirmasi \(by)", "confirmed by \(by)") }
    static func reopenedBy(_ by: String, _ reason: String) -> Txt {
        Txt("dibuka kembali oleh \(by): \(reason)", "reopened by \(by): \(reason)")
    }
    static func markConfirmed(_ dimension: String, _ unit: String) -> Txt {
        Txt("Tanda selesai \(dimension) \(unit) dikonfirmasi.", "The done mark \(dimension) of \(unit) is confirmed.")
    }
    static func markReopened(_ dimension: String, _ unit: String) -> Txt {
        Txt("Tanda selesai \(dimension) \(unit) dibuka kembali.", "The done mark \(dimension) of \(unit) is reopened.")
    }
    static let reopenReasonPrompt = Txt("Alasan membuka kembali (Enter: simpan, Esc: batal): ", "Why reopen (Enter: save, Esc: cancel): ")
    static let progressReviewHint = Txt(
        "c: konfirmasi, r: buka kembali (verifikator/operator)", "c: confirm, r: reopen (verifier/operator)")
    /// `Ki: sari ✓vera` for the dashboard's message row.
    static func dashMarks(_ parts: [String]) -> Txt { Txt("Selesai: " + parts.joined(separator: ", "), "Done: " + parts.joined(separator: ", ")) }
}
