import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNStore

/// The intervention plan as an .xlsx workbook (`ipasn report interventions --format xlsx`, the
/// intervention screen's `x`): the ranked rows on the first sheet (the rise of the whole index,
/// then the unit mean now, its rise and after, and both categories after), and on the second
/// every employee who would gain, by row, with the gain.
public enum InterventionReport {
    public static func write(
        _ plan: InterventionPlan, rows: [InterventionPlan.Row], employees: [String: Pegawai],
        order: InterventionPlan.Order = .own, instansi: String, language: Language, to path: String
    ) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        let writer = try XLSXWriter(path: path)
        let title = t("Rencana Intervensi Diklat", "Training intervention plan") + " — \(instansi)"
        let index = NumberText.decimal(plan.index, language)
        let subtitle = ReportTitle.year(plan.stamp.year, language)
            + {
                switch order {
                case .own:
                    return t(
                        "; tiap unit dengan pegawainya sendiri, diurutkan menurut kenaikan indeks",
                        "; each unit with its own employees, ranked by the rise of the index")
                case .index:
                    return t(
                        "; tiap unit dengan sub-unitnya, diurutkan menurut kenaikan indeks",
                        "; each unit with its sub-units, ranked by the rise of the index")
                case .unitMean: return t("; diurutkan menurut kenaikan rata-rata unit", "; ranked by the rise of the unit mean")
                }
            }()
            + t("; indeks kini \(index) (\(plan.scopePegawai) pegawai)", "; index now \(index) (\(plan.scopePegawai) employees)")
        let ranked = try ReportSheet(
            try writer.addSheet(t("Rencana", "Plan")), title: title, subtitle: subtitle,
            columns: [
                ReportColumn("No", width: 5, format: ReportSheet.whole),
                ReportColumn(t("Kode", "Code"), width: 14, format: ReportSheet.text),
                ReportColumn(t("Unit kerja", "Unit"), width: 34),
                ReportColumn(t("Intervensi", "Intervention"), width: 20),
                ReportColumn(t("Pegawai naik", "Who gains"), width: 12, format: ReportSheet.whole),
                ReportColumn(t("Pegawai unit", "In the unit"), width: 12, format: ReportSheet.whole),
                ReportColumn(t("Kenaikan indeks", "Index rise"), width: 14, format: ReportSheet.decimal),
                ReportColumn(t("Rata-rata kini", "Mean now"), width: 13, format: ReportSheet.decimal),
                ReportColumn(t("Kenaikan", "Rise"), width: 11, format: ReportSheet.decimal),
                ReportColumn(t("Rata-rata sesudah", "Mean after"), width: 15, format: ReportSheet.decimal),
                ReportColumn(t("Kategori unit sesudah", "Unit category after"), width: 16),
                ReportColumn(t("Kategori indeks sesudah", "Index category after"), width: 16),
            ])
        for (i, row) in rows.enumerated() {
            try ranked.add([
                .number(Double(i + 1)), .text(row.unit.kode),
                .text(plan.name(of: row.unit) + (row.withoutSubunits ? t(" (tanpa sub-unit)", " (without sub-units)") : "")),
                .text(row.intervention.displayName(language)), .number(Double(row.totals.beneficiaries)),
                .number(Double(row.totals.pegawai)), .number(NumberText.round(row.indexGain)),
                .number(NumberText.round(row.meanBefore)), .number(NumberText.round(row.totals.meanGain)),
                .number(NumberText.round(row.meanAfter)), .text(row.categoryAfter.name), .text(row.indexCategoryAfter.name),
            ])
        }
        try ranked.note(t("Diklat teknis: \(plan.teknisJP) JP.", "Technical course: \(plan.teknisJP) JP."))
        let people = try ReportSheet(
            try writer.addSheet(t("Pegawai", "Employees")), title: title, subtitle: subtitle,
            columns: [
                ReportColumn("No", width: 5, format: ReportSheet.whole),
                ReportColumn(t("Kode", "Code"), width: 14, format: ReportSheet.text),
                ReportColumn(t("Intervensi", "Intervention"), width: 20),
                ReportColumn("NIP", width: 21, format: ReportSheet.text),
                ReportColumn(t("Nama", "Name"), width: 32),
                ReportColumn(t("Unit pegawai", "Own unit"), width: 14, format: ReportSheet.text),
                ReportColumn(t("Kenaikan nilai", "Points gained"), width: 14, format: ReportSheet.decimal),
            ])
        for (i, row) in rows.enumerated() {
            for gainer in plan.gainers(unit: row.unit.kode, intervention: row.intervention, withoutSubunits: row.withoutSubunits) {
                let pegawai = employees[gainer.nip]
                try people.add([
                    .number(Double(i + 1)), .text(row.unit.kode), .text(row.intervention.displayName(language)),
                    .text(gainer.nip), .text(pegawai?.nama ?? ""), .text(pegawai?.kodeUnit ?? ""), .number(gainer.gain),
                ])
            }
        }
        try people.note(t("No: baris pada lembar Rencana.", "No: the row on the Plan sheet."))
        try writer.close()
    }
}
