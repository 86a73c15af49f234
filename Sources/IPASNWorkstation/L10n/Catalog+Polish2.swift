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

    /// The reconciliation of a BKN file that states another measurement year than the one compared.
    static func reconcileOtherYear(stated: Int, year: Int) -> Txt {
        Txt(
            "Berkas BKN ini untuk tahun \(stated), tetapi dibandingkan dengan nilai ipasn tahun \(year): selisihnya tidak berarti. "
                + "Pakai hasil BKN tahun \(year), atau ubah tahun pengukuran (ipasn config year \(stated)) lalu bandingkan lagi.",
            "This BKN file is for \(stated), but it is compared with ipasn's scores for \(year): the differences mean nothing. "
                + "Use BKN's result for \(year), or change the measurement year (ipasn config year \(stated)) and compare again.")
    }
}
