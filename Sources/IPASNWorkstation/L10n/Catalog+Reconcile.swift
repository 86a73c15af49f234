import IPASNCore

/// The texts of the reconciliation with BKN's figures (`R` on the unit list and the dashboard).
extension L {
    static let reconcileTitle = Txt("Rekonsiliasi dengan Nilai BKN", "Reconciliation with BKN's figures")
    static let reconcileContext = Txt("rekonsiliasi BKN", "BKN reconciliation")
    static let reconcileExplain = Txt(
        "Bandingkan nilai IP ASN resmi BKN (dihitung dari SIASN) dengan nilai ipasn: per unit dan per pegawai, "
            + "dengan data yang belum terhitung di SIASN.",
        "Compare BKN's official IP ASN (computed from SIASN) with ipasn's: per unit and per employee, with the "
            + "data SIASN does not count yet.")
    static let reconcilePrompt = Txt(
        "Berkas hasil IP ASN dari BKN (unduhan PIP ASN, .xlsx atau .csv):",
        "BKN's IP ASN result file (PIP ASN download, .xlsx or .csv):")
    static let reconcileHint = Txt("Enter: baca dan bandingkan   Esc: kembali", "Enter: read and compare   Esc: back")
    static let reconcileReading = Txt("Membaca berkas BKN dan membandingkan ...", "Reading BKN's file and comparing ...")
    static func reconcileYear(_ year: Int) -> Txt {
        Txt("Dibandingkan dengan nilai ipasn tahun \(year) (tahun pengukuran).", "Compared with ipasn's scores for \(year) (the measurement year).")
    }
    static func reconcileNoFile(_ path: String) -> Txt {
        Txt("Berkas tidak ada: \(path). Periksa nama dan foldernya.", "No such file: \(path). Check its name and folder.")
    }
    static func reconcileSummary(_ compared: Int, _ differing: Int, _ lost: String) -> Txt {
        Txt(
            "\(compared) pegawai dibandingkan, \(differing) berbeda; \(lost) poin belum terhitung di BKN",
            "\(compared) employees compared, \(differing) differ; \(lost) points not counted by BKN")
    }
    static let colRank = Txt("#", "#")
    static let colUnitName = Txt("Unit kerja", "Unit")
    static let colEmployees = Txt("Pegawai", "Empl.")
    static let colDiffering = Txt("Beda", "Diff")
    static let colBKNMean = Txt("Rata BKN", "BKN mean")
    static let colIpasnMean = Txt("Rata ipasn", "ipasn")
    static let colPointsLost = Txt("Poin", "Points")
    static let colMeanRise = Txt("Naik", "Rise")
    static func reconcileUnknownRow(_ count: Int) -> Txt {
        Txt("Di berkas BKN, tidak dikenal ipasn (\(count))", "In BKN's file, unknown to ipasn (\(count))")
    }
    static func reconcileInactiveRow(_ count: Int) -> Txt {
        Txt("Di berkas BKN, tidak aktif di ipasn (\(count))", "In BKN's file, inactive in ipasn (\(count))")
    }
    static func reconcileNotInFileRow(_ count: Int) -> Txt {
        Txt("Pegawai aktif ipasn yang tidak ada di berkas BKN (\(count))", "Active ipasn employees missing from BKN's file (\(count))")
    }
    static let reconcileNoUnits = Txt("Tidak ada pegawai berkas BKN yang dikenal ipasn.", "No employee of BKN's file is known to ipasn.")
    static func reconcileEmployee(_ bkn: String, _ ipasn: String, _ lost: String?) -> Txt {
        let id = lost.map { ", \($0) poin belum terhitung" } ?? ""
        let en = lost.map { ", \($0) points not counted" } ?? ""
        return Txt("BKN \(bkn), ipasn \(ipasn)\(id)", "BKN \(bkn), ipasn \(ipasn)\(en)")
    }
    static let reconcileAgree = Txt("sama dengan BKN", "agrees with BKN")
    static func reconcileLine(_ line: Int) -> Txt { Txt("baris \(line)", "line \(line)") }
    static let reconcileNothing = Txt("Tidak ada pegawai di sini.", "No employee here.")
    static func reconcileUnitAgree(_ count: Int) -> Txt {
        Txt("\(count) pegawai lain sama dengan BKN.", "\(count) other employees agree with BKN.")
    }
}
