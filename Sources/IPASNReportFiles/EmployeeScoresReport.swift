import IPASNCore
import IPASNFiles
import IPASNStore

/// A unit's employees with their scores as an .xlsx workbook (`ipasn score --unit X --format
/// xlsx`): the four dimensions, total, category and what is missing.
public enum EmployeeScoresReport {
    public static func write(
        _ rows: [ScoredPegawai], year: Int, unit: OrgUnit?, ruleset: Ruleset, instansi: String, language: Language,
        to path: String
    ) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        let writer = try XLSXWriter(path: path)
        let sheet = try ReportSheet(
            try writer.addSheet(t("Nilai Pegawai", "Employee scores")),
            title: t("Nilai IP ASN Pegawai", "Employees' IP ASN") + " — \(instansi)",
            subtitle: ReportTitle.year(year, language) + ReportTitle.scope(unit, language),
            columns: [
                ReportColumn("NIP", width: 21, format: ReportSheet.text),
                ReportColumn(t("Nama", "Name"), width: 32),
                ReportColumn(t("Unit", "Unit"), width: 14, format: ReportSheet.text),
            ] + ReportColumn.scores(language) + [
                ReportColumn(t("Belum ada", "Missing"), width: 24),
            ])
        for row in rows {
            let s = row.score
            try sheet.add(
                [.text(row.pegawai.nip), .text(row.pegawai.nama), .text(row.pegawai.kodeUnit)]
                    + [s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.total].map { .number($0) }
                    + [.text(ruleset.category(for: s.total).name), .text(s.missing.map(\.rawValue).joined(separator: ", "))])
        }
        try sheet.note(t("\(rows.count) pegawai.", "\(rows.count) employees."))
        try writer.close()
    }
}
