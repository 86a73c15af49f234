import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNStore

/// The unit recap as an .xlsx workbook (`ipasn report units --format xlsx`, the dashboard's
/// and the unit list's `x`): every unit in tree order, sub-units indented, its employees, the
/// four dimension means, the total, the category, the share with complete data and the
/// "selesai diinput" marks.
public enum UnitRecapReport {
    /// - Parameter unit: the unit the report is limited to (with its sub-units), named in the subtitle.
    public static func write(
        _ report: ProgressReport, unit: OrgUnit? = nil, instansi: String, language: Language, to path: String
    ) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        // A writer that is not closed writes nothing: an error leaves no half file.
        let writer = try XLSXWriter(path: path)
        let sheet = try ReportSheet(
            try writer.addSheet(t("Rekap Unit", "Unit recap")),
            title: t("Rekap IP ASN per Unit Kerja", "IP ASN per unit") + " — \(instansi)",
            subtitle: ReportTitle.year(report.year, language) + ReportTitle.scope(unit, language)
                + t("; rata-rata unit termasuk sub-unitnya", "; unit means include their sub-units"),
            columns: [
                ReportColumn(t("Kode", "Code"), width: 16, format: ReportSheet.text),
                ReportColumn(t("Unit kerja", "Unit"), width: 40),
                ReportColumn(t("Pegawai", "Employees"), width: 9, format: ReportSheet.whole),
            ] + ReportColumn.scores(language) + [
                ReportColumn(t("Kelengkapan", "Complete"), width: 12, format: ReportSheet.percent),
                ReportColumn(t("Selesai diinput", "Marked done"), width: 14),
            ])
        for unit in report.units {
            let f = unit.figure
            let empty = f.totals.pegawai == 0
            let means: [XLSXValue] = (ScoreDimension.allCases.map { f.mean($0) } + [f.meanTotal]).map {
                empty ? .empty : .number(NumberText.round($0))
            }
            try sheet.add(
                [.text(unit.unit.kode), .text(unit.unit.nama), .number(Double(f.totals.pegawai))] + means + [
                    empty ? .text("-") : .text(f.category.name),
                    // The whole percent the screens and the CLI show (rounded down: 99.9% is not 100%).
                    NumberText.wholePercent(f.totals.completePegawai, of: f.totals.pegawai).map { .number(Double($0) / 100) } ?? .empty,
                    .text(unit.markText),
                ], indent: f.depth)
        }
        try sheet.note(
            t(
                "\(report.units.count) unit; \(report.inProgress) masih dalam proses penginputan. Selesai diinput: P pendidikan, K kompetensi, N kinerja, D disiplin.",
                "\(report.units.count) units; \(report.inProgress) still entering data. Marked done: P education, K competence, N performance, D discipline."))
        try writer.close()
    }
}
