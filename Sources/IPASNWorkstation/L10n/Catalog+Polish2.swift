/// Messages of the second polish round: a rejected record explains itself (the reason and
/// what to do) wherever the admin meets it, for the four record kinds alike.
extension L {
    /// Under a dimension's explanation on the employee page: its records the verifikator
    /// rejected are not counted (the explanation above reads as if they were missing).
    static func rejectedNotCounted(_ count: Int) -> Txt {
        Txt(
            "\(count) data ditolak verifikator, tidak dihitung: perbaiki (Enter) lalu simpan.",
            "\(count) record\(count == 1 ? "" : "s") rejected by the verifikator, not counted: correct (Enter), then save.")
    }

    /// The message row on a rejected record (employee page, the admin's rejected list).
    static func rejectedRecordStatus(_ reason: String) -> Txt {
        Txt(
            "Ditolak verifikator: \(reason) — Enter untuk memperbaiki; setelah disimpan data diverifikasi ulang.",
            "Rejected by the verifikator: \(reason) — Enter to correct it; once saved it is verified again.")
    }

    /// The message row of a form opened on a rejected record.
    static func rejectedFormStatus(_ reason: String) -> Txt {
        Txt(
            "Ditolak verifikator: \(reason) — perbaiki isian lalu simpan; data akan diverifikasi ulang.",
            "Rejected by the verifikator: \(reason) — correct the fields and save; it will be verified again.")
    }
}
