import IPASNCore

/// The messages of the report export (`x`).
extension L {
    static func reportWritten(_ path: String) -> Txt {
        Txt("Laporan disimpan: \(path)", "Report written: \(path)")
    }

    static func reportFailed(_ reason: String) -> Txt {
        Txt("Laporan tidak dapat disimpan: \(reason)", "The report could not be written: \(reason)")
    }

    static let reportNotReady = Txt("Rencana intervensi belum selesai dihitung.", "The intervention plan is not computed yet.")
}
