import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNStore

/// What is missing, per employee, as an .xlsx workbook (`ipasn report missing --format xlsx`):
/// every active employee without an education, an SKP or a kompetensi record for the year,
/// in unit tree order, with a `x` under each missing kind.
public enum MissingReport {
    public static func write(_ report: MissingRecords, instansi: String, language: Language, to path: String) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        let writer = try XLSXWriter(path: path)
        let sheet = try ReportSheet(
            try writer.addSheet(t("Data Belum Lengkap", "Missing records")),
            title: t("Pegawai dengan Data IP ASN Belum Lengkap", "Employees with missing IP ASN records") + " — \(instansi)",
            subtitle: ReportTitle.year(report.year, language) + ReportTitle.scope(report.unit, language),
            columns: [
                ReportColumn("NIP", width: 21, format: ReportSheet.text),
                ReportColumn(t("Nama", "Name"), width: 32),
                ReportColumn(t("Unit", "Unit"), width: 16, format: ReportSheet.text),
            ] + MissingRecord.allCases.map {
                ReportColumn(t("Tanpa ", "No ") + $0.displayName(language), width: 14, format: XLSXCellFormat(border: true, center: true))
            })
        for entry in report.entries {
            try sheet.add(
                [.text(entry.pegawai.nip), .text(entry.pegawai.nama), .text(entry.pegawai.kodeUnit)]
                    + MissingRecord.allCases.map { entry.missing.contains($0) ? .text("x") : .empty })
        }
        // "Lengkap" as Completeness defines it: the completeness percentage of the recap.
        let counts = Completeness.required.map { "\($0.displayName(language)) \(report.count($0))" }.joined(separator: ", ")
        let percent = NumberText.wholePercent(report.complete, of: report.pegawai).map { "\($0)%" } ?? "-"
        let kompetensi = report.count(.kompetensi)
        try sheet.note(
            t(
                "\(report.incomplete) dari \(report.pegawai) pegawai aktif belum lengkap (lengkap \(percent)): \(counts); belum ada kompetensi tahun ini: \(kompetensi).",
                "\(report.incomplete) of \(report.pegawai) active employees incomplete (complete \(percent)): \(counts); no competence this year: \(kompetensi)."))
        try writer.close()
    }
}
