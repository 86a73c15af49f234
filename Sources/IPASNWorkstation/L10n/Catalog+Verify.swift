import IPASNCore
import IPASNStore

/// The texts of record verification: the queue, the reason dialog, the marks on the employee
/// page, the admin's rejected records and the dashboard's "as entered" figures.
extension L {
    static let verifyContext = Txt("verifikasi", "verification")
    static let verifyCommand = Txt("Verifikasi", "Verify")
    static let verifyCommandDescription = Txt(
        "Antrean verifikasi (admin: data ditolak)", "Verification queue (admins: rejected records)")
    static let acceptCommand = Txt("Memenuhi", "Accept")
    static let acceptCommandDescription = Txt("Memenuhi syarat, lanjut", "Accept, go on to the next")
    static let rejectCommand = Txt("Tidak MS", "Reject")
    static let rejectCommandDescription = Txt(
        "Tidak memenuhi syarat + alasan, lanjut", "Reject with a reason, go on")
    static let documentCommand = Txt("Dokumen", "Document")
    static let documentCommandDescription = Txt(
        "Dokumen (ijazah, sertifikat, SK) ada/belum", "Document (diploma, certificate) in hand/not")
    static let asEnteredCommand = Txt("Sesuai input", "As entered")
    static let asEnteredCommandDescription = Txt(
        "Nilai terverifikasi / sesuai input", "Figures as verified / as entered")

    static func verifyTitle(_ unit: String) -> Txt { Txt("Verifikasi — \(unit)", "Verification — \(unit)") }
    static let rejectedTitle = Txt("Data Anda yang tidak memenuhi syarat", "Your rejected records")
    static func verifyQueueSummary(_ count: Int, more: Bool) -> Txt {
        Txt(
            "\(count)\(more ? "+" : "") data belum diverifikasi, terlama di atas. m memenuhi, t tidak memenuhi syarat, D dokumen.",
            "\(count)\(more ? "+" : "") records not verified, oldest first. m accept, t reject, D document.")
    }
    static func rejectedSummary(_ count: Int) -> Txt {
        Txt(
            "\(count) data ditolak verifikator; perbaiki lalu simpan: data kembali diverifikasi.",
            "\(count) records rejected; correct and save them: they are verified again.")
    }
    static let verifyEmpty = Txt("Tidak ada data di sini.", "No records here.")
    static func accepted(_ name: String) -> Txt { Txt("Memenuhi syarat: \(name).", "Accepted: \(name).") }
    static func rejected(_ name: String) -> Txt { Txt("Tidak memenuhi syarat: \(name).", "Rejected: \(name).") }
    static func documentMarked(_ document: String, _ inHand: Bool) -> Txt {
        inHand ? Txt("\(document): ada.", "\(document): in hand.") : Txt("\(document): belum ada.", "\(document): missing.")
    }
    static let rejectReasonTitle = Txt("Tidak memenuhi syarat", "Reject")
    static let rejectReasonPrompt = Txt("Alasan (apa yang harus diperbaiki admin):", "Reason (what the admin must correct):")
    static let rejectReasonHint = Txt("Enter simpan, Esc batal", "Enter saves, Esc cancels")
    static func reasonLine(_ reason: String) -> Txt { Txt("Alasan: \(reason)", "Reason: \(reason)") }
    static let colDocument = Txt("Dok", "Doc")
    static let colRecord = Txt("Data", "Record")
    static let figuresVerified = Txt("terverifikasi", "as verified")
    static let figuresEntered = Txt("sesuai input", "as entered")
    static func unitsRejected(_ count: Int) -> Txt {
        Txt(
            "\(count) data Anda tidak memenuhi syarat: tekan V untuk melihat alasannya.",
            "\(count) of your records were rejected: press V to see why.")
    }
    static let rejectNoRecord = Txt("Pilih data dahulu.", "Select a record first.")
}
