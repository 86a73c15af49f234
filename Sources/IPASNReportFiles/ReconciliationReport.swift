import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNStore

/// The reconciliation with BKN's figures as an .xlsx workbook (`ipasn reconcile --format xlsx`,
/// the reconciliation screen's `x`), laid out for print like the other reports. Three sheets:
/// units ranked by points lost; every employee whose figures differ, BKN's four dimensions
/// beside ipasn's with each difference's cause; and the employees only one side knows.
public enum ReconciliationReport {
    public static func write(_ report: Reconciliation, instansi: String, language: Language, to path: String) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        let subtitle = ReportTitle.year(report.year, language) + ReportTitle.scope(report.unit, language)
        let writer = try XLSXWriter(path: path)

        let units = try ReportSheet(
            try writer.addSheet(t("Per Unit", "Units")),
            title: t("Rekonsiliasi IP ASN dengan BKN per Unit Kerja", "IP ASN reconciliation with BKN per unit") + " — \(instansi)",
            subtitle: subtitle + t("; urut poin yang belum terhitung di BKN", "; ranked by points BKN does not count"),
            columns: [
                ReportColumn("#", width: 5, format: ReportSheet.whole),
                ReportColumn(t("Kode", "Code"), width: 14, format: ReportSheet.text),
                ReportColumn(t("Unit kerja", "Unit"), width: 36),
                ReportColumn(t("Pegawai", "Employees"), width: 10, format: ReportSheet.whole),
                ReportColumn(t("Berbeda", "Differing"), width: 10, format: ReportSheet.whole),
                ReportColumn(t("Rata-rata BKN", "BKN mean"), width: 12, format: ReportSheet.decimal),
                ReportColumn(t("Rata-rata ipasn", "ipasn mean"), width: 12, format: ReportSheet.decimal),
                ReportColumn(t("Poin belum terhitung", "Points not counted"), width: 14, format: ReportSheet.decimal),
                ReportColumn(t("Kenaikan rata-rata", "Mean rise"), width: 12, format: ReportSheet.decimal),
            ])
        for (index, unit) in report.units.enumerated() {
            try units.add([
                .number(Double(index + 1)), .text(unit.unit.kode), .text(unit.name), .number(Double(unit.employees)),
                .number(Double(unit.differing)), .number(NumberText.round(unit.bknMean)),
                .number(NumberText.round(unit.ipasnMean)), .number(unit.pointsLost), .number(NumberText.round(unit.meanRise)),
            ])
        }
        try units.note(summary(report, language))

        let dims = ScoreDimension.allCases
        let employees = try ReportSheet(
            try writer.addSheet(t("Per Pegawai", "Employees")),
            title: t("Rekonsiliasi IP ASN dengan BKN per Pegawai", "IP ASN reconciliation with BKN per employee") + " — \(instansi)",
            subtitle: subtitle,
            columns: [
                ReportColumn("NIP", width: 21, format: ReportSheet.text),
                ReportColumn(t("Nama", "Name"), width: 26),
                ReportColumn(t("Unit", "Unit"), width: 12, format: ReportSheet.text),
            ] + (dims.map { "BKN " + $0.displayName(language) } + ["BKN Total"]).map {
                ReportColumn($0, width: 10, format: ReportSheet.decimal)
            } + (dims.map { "ipasn " + $0.displayName(language) } + ["ipasn Total"]).map {
                ReportColumn($0, width: 10, format: ReportSheet.decimal)
            } + [
                ReportColumn(t("Poin belum terhitung", "Points not counted"), width: 11, format: ReportSheet.decimal),
                ReportColumn(t("Penyebab", "Cause"), width: 70, format: XLSXCellFormat(wrap: true, border: true, alignTop: true)),
            ])
        for entry in report.differing {
            let bkn = dims.map { XLSXValue.number(entry.bkn[$0]) } + [.number(entry.bkn.total)]
            let ipasn = dims.map { XLSXValue.number(entry.ipasn[$0]) } + [.number(entry.ipasn.total)]
            try employees.add(
                [.text(entry.pegawai.nip), .text(entry.pegawai.nama), .text(entry.pegawai.kodeUnit)] + bkn + ipasn + [
                    .number(entry.pointsLost), .text(entry.differences.map { $0.text(language) }.joined(separator: "\n")),
                ])
        }
        try employees.note(
            t(
                "\(report.differing.count) dari \(report.entries.count) pegawai berbeda; \(report.entries.count - report.differing.count) sama dengan BKN.",
                "\(report.differing.count) of \(report.entries.count) employees differ; \(report.entries.count - report.differing.count) agree with BKN."))

        let apart = try ReportSheet(
            try writer.addSheet(t("Tidak Cocok", "Unmatched")),
            title: t("Pegawai yang hanya ada di satu pihak", "Employees only one side knows") + " — \(instansi)",
            subtitle: subtitle,
            columns: [
                ReportColumn("NIP", width: 21, format: ReportSheet.text),
                ReportColumn(t("Nama", "Name"), width: 30),
                ReportColumn(t("Unit / Satuan kerja", "Unit / Satuan kerja"), width: 30),
                ReportColumn(t("Keterangan", "Note"), width: 50, format: XLSXCellFormat(wrap: true, border: true)),
            ])
        for row in report.unknown {
            try apart.add([
                .text(row.nip), .text(row.nama), .text(row.satuanKerja),
                .text(t("di berkas BKN (baris \(row.line)), tidak ada di ipasn", "in BKN's file (line \(row.line)), not in ipasn")),
            ])
        }
        for item in report.inactive {
            try apart.add([
                .text(item.bkn.nip), .text(item.pegawai.nama), .text(item.pegawai.kodeUnit),
                .text(t("di berkas BKN (baris \(item.bkn.line)), tidak aktif di ipasn", "in BKN's file (line \(item.bkn.line)), inactive in ipasn")),
            ])
        }
        for pegawai in report.notInFile {
            try apart.add([
                .text(pegawai.nip), .text(pegawai.nama), .text(pegawai.kodeUnit),
                .text(t("pegawai aktif di ipasn, tidak ada di berkas BKN", "active in ipasn, not in BKN's file")),
            ])
        }
        try apart.note(
            t(
                "\(report.unknown.count) tidak dikenal ipasn, \(report.inactive.count) tidak aktif, \(report.notInFile.count) tidak ada di berkas BKN.",
                "\(report.unknown.count) unknown to ipasn, \(report.inactive.count) inactive, \(report.notInFile.count) missing from BKN's file."))
        try writer.close()
    }

    /// The closing line of the unit sheet: totals.
    static func summary(_ report: Reconciliation, _ language: Language) -> String {
        let lost = NumberText.points(report.pointsLost, language)
        return ReportTitle.t(
            language,
            "\(report.differing.count) dari \(report.entries.count) pegawai berbeda dengan BKN; \(lost) poin belum terhitung di BKN.",
            "\(report.differing.count) of \(report.entries.count) employees differ from BKN; \(lost) points not counted by BKN.")
    }
}
