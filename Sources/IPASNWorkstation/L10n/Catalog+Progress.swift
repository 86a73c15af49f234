import IPASNCore

/// The strings of the checks before "selesai diinput".
extension L {
    static func progressMissingQuestion(_ dim: String, _ unit: String, _ n: Int, _ year: Int) -> Txt {
        Txt(
            "\(dim) di \(unit): \(n) pegawai belum lengkap datanya untuk tahun \(year):",
            "\(dim) in \(unit): \(n) employees still lack data for \(year):")
    }
    static func progressMissingMore(_ n: Int) -> Txt { Txt(" dan \(n) lainnya", " and \(n) more") }
    static func progressSubunitsOpen(_ names: String) -> Txt {
        Txt(
            "Sub-unit belum selesai diinput: \(names). Tandai sub-unitnya selesai dulu.",
            "Sub-units not fully entered yet: \(names). Mark the sub-units first.")
    }
    static let progressMarkAnyway = Txt("Tetap tandai selesai?", "Mark as done anyway?")
}

/// The dashboard's summary when the long wording does not fit (80 columns, large counts).
extension L {
    static func dashSummaryShort(_ units: Int, _ inProgress: Int, _ today: Int, _ week: Int) -> Txt {
        Txt(
            "\(units) unit (\(inProgress) dlm proses). Hari ini \(today), minggu ini \(week)",
            "\(units) units (\(inProgress) in progress). Today \(today), this week \(week)")
    }
}
