import IPASNCore
import IPASNReports
import IPASNStore

extension L {
    /// `1 dari 3 pegawai aktif belum lengkap (lengkap 66%): pendidikan 1, SKP 1` ("lengkap" as
    /// ``Completeness`` defines it: the dashboard's percentage).
    static func missingSummary(_ report: MissingRecords) -> Txt {
        let percent = NumberText.wholePercent(report.complete, of: report.pegawai).map { "\($0)%" } ?? "-"
        let required = Completeness.required.map { (id: $0.displayName(.id), en: $0.displayName(.en), count: report.count($0)) }
        return Txt(
            "\(report.incomplete) dari \(report.pegawai) pegawai aktif belum lengkap (lengkap \(percent)): "
                + required.map { "\($0.id) \($0.count)" }.joined(separator: ", "),
            "\(report.incomplete) of \(report.pegawai) active employees incomplete (complete \(percent)): "
                + required.map { "\($0.en) \($0.count)" }.joined(separator: ", "))
    }

    /// The reminder under it: employees without a course finished this year (not "incomplete").
    static func missingKompetensi(_ n: Int) -> Txt {
        Txt(
            "Belum ada kompetensi (kursus selesai) tahun ini: \(n) pegawai (tidak mengurangi kelengkapan)",
            "No competence (course finished) this year: \(n) employees (not counted as incomplete)")
    }
}
