import IPASNCore

/// The strings of the SIASN tracking: the pending screens, the dashboard's line, the employee page's marks.
extension L {
    static let pendingTitle = Txt("Belum Dikirim ke SIASN", "Not Yet Sent to SIASN")
    static func pendingUnitTitle(_ unit: String) -> Txt { Txt("Belum dikirim — \(unit)", "Not sent — \(unit)") }
    static func pendingSummary(_ total: Int, _ deletions: Int) -> Txt {
        Txt(
            "\(total) data belum dikirim, \(deletions) terkirim lalu dihapus (ipasn export --pending)",
            "\(total) records not sent, \(deletions) sent then deleted (ipasn export --pending)")
    }
    static let pendingNone = Txt("Semua data sudah dikirim ke SIASN.", "Every record was sent to SIASN.")
    static let pendingUnitNone = Txt("Tidak ada data unit ini yang belum dikirim.", "Nothing of this unit is waiting to be sent.")
    static let colPendidikanShort = Txt("Pend", "Edu")
    static let colDiklatShort = Txt("Dikl", "Trn")
    static let colDisiplinShort = Txt("Disp", "Disc")
    static let colPendingTotal = Txt("Jml", "Total")
    static let colOldest = Txt("Tertua", "Oldest")
    static let colKind = Txt("Jenis", "Kind")
    static let pendingDeletedLabel = Txt("dihapus", "deleted")
    /// The dashboard's detail line for the selected unit.
    static func dashPending(_ count: Int) -> Txt { Txt("Belum dikirim ke SIASN: \(count)", "Not sent to SIASN: \(count)") }
    /// The employee page's mark of a record: sent (✓, batch, day), changed after its batch, never sent.
    static func sentMark(_ batch: Int64, _ day: String) -> Txt { Txt("✓ #\(batch) \(day)", "✓ #\(batch) \(day)") }
    static func changedMark(_ batch: Int64) -> Txt { Txt("diubah sejak #\(batch)", "changed since #\(batch)") }
    static let unsentMark = Txt("belum dikirim", "not sent")
    static func kindName(_ kind: RecordKind) -> Txt {
        switch kind {
        case .pendidikan: return Txt("Pendidikan", "Education")
        case .diklat: return Txt("Diklat", "Training")
        case .skp: return Txt("SKP", "SKP")
        case .disiplin: return Txt("Disiplin", "Discipline")
        }
    }
}
