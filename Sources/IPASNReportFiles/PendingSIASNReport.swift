import Foundation
import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNStore

/// What is not yet sent to SIASN, per unit, as an .xlsx workbook (`ipasn report pending
/// --format xlsx`): units in tree order with sub-units indented, the pending records by kind,
/// the deletions to report, the day the oldest pending record was entered, and the SKP that
/// SIASN holds in an older version (units whose only news is such an SKP included); then the
/// sent records deleted since, one per row, the SKP needing a predikat, and the SKP sent then
/// moved before 2022.
public enum PendingSIASNReport {
    public static func write(_ report: PendingReport, instansi: String, language: Language, to path: String) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        let writer = try XLSXWriter(path: path)
        let sheet = try ReportSheet(
            try writer.addSheet(t("Belum Dikirim", "Not sent")),
            title: t("Data Belum Dikirim ke SIASN", "Records not yet sent to SIASN") + " — \(instansi)",
            subtitle: t("Per unit, sub-unit termasuk", "Per unit, sub-units included") + ReportTitle.scope(report.unit, language)
                + since(report, language),
            columns: [
                ReportColumn(t("Unit kerja", "Unit"), width: 40),
                ReportColumn(t("Kode", "Code"), width: 12, format: ReportSheet.text),
            ] + RecordKind.allCases.map { ReportColumn(PendingKindName.name($0, language), width: 12, format: ReportSheet.whole) }
                + [
                    ReportColumn(t("Jumlah", "Total"), width: 10, format: ReportSheet.whole),
                    ReportColumn(t("Dihapus", "Deleted"), width: 10, format: ReportSheet.whole),
                    ReportColumn(t("Tertua diinput", "Oldest entered"), width: 15, format: PendingSIASNReport.day),
                    ReportColumn(t("SKP perlu predikat", "SKP needing predikat"), width: 12, format: ReportSheet.whole),
                    ReportColumn(t("SKP di SIASN versi lama", "SKP old in SIASN"), width: 12, format: ReportSheet.whole),
                    ReportColumn(t("Ditolak SIASN", "Refused by SIASN"), width: 12, format: ReportSheet.whole),
                ])
        for row in report.rowsWithHeld {
            try sheet.add(
                [.text(row.unit.nama), .text(row.unit.kode)] + RecordKind.allCases.map { .number(Double(row.count($0))) }
                    + [
                        .number(Double(row.total)), .number(Double(row.deletions)), row.oldestDay.map(XLSXValue.date) ?? .empty,
                        .number(Double(row.skpNeedingPredikat)), .number(Double(row.skpHeldBySIASN)),
                        .number(Double(row.siasnRefused)),
                    ],
                indent: row.depth)
        }
        try sheet.note(
            t(
                "\(report.total) data belum dikirim, \(report.deletions.count) data terkirim lalu dihapus.",
                "\(report.total) records not sent, \(report.deletions.count) sent records deleted since."))
        if !report.skpHeldBySIASN.isEmpty {
            let n = report.skpHeldBySIASN.count
            try sheet.note(
                t(
                    "\(n) data SKP sudah dikirim lalu diubah ke tahun sebelum 2022: SIASN tetap menyimpan versi yang dikirim; "
                        + "ipasn tidak mengirim perubahannya. Perbaiki di SIASN.",
                    "\(n) SKP sent, then moved before 2022: SIASN keeps the version it got; ipasn does not send the change. "
                        + "Correct it in SIASN."))
        }
        if !report.deletions.isEmpty {
            let deleted = try ReportSheet(
                try writer.addSheet(t("Dihapus", "Deleted")),
                title: t("Data Terkirim lalu Dihapus (hapus juga di SIASN)", "Sent, then deleted (delete in SIASN too)")
                    + " — \(instansi)",
                subtitle: t("Per jenis data", "By kind of record") + ReportTitle.scope(report.unit, language)
                    + since(report, language),
                columns: [
                    ReportColumn("NIP", width: 21, format: ReportSheet.text),
                    ReportColumn(t("Unit", "Unit"), width: 14, format: ReportSheet.text),
                    ReportColumn(t("Jenis", "Kind"), width: 12),
                    ReportColumn(t("Data", "Record"), width: 44),
                    ReportColumn("Batch", width: 8, format: ReportSheet.whole),
                ])
            for deletion in report.deletions {
                try deleted.add([
                    .text(deletion.nip), .text(deletion.unit ?? ""), .text(PendingKindName.name(deletion.id.kind, language)),
                    .text(deletion.what), deletion.batch.map { .number(Double($0)) } ?? .empty,
                ])
            }
        }
        if !report.skpNeedingPredikat.isEmpty { try writeSKPNeedingPredikat(report, instansi: instansi, language: language, writer) }
        if !report.skpHeldBySIASN.isEmpty { try writeSKPHeldBySIASN(report, instansi: instansi, language: language, writer) }
        try writer.close()
    }

    /// The sheet of the SKP sent to SIASN and then moved before 2022: SIASN keeps the version
    /// of the batch named, ipasn sends no change; to correct in SIASN by hand.
    static func writeSKPHeldBySIASN(_ report: PendingReport, instansi: String, language: Language, _ writer: XLSXWriter) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        try writeSKPList(
            report, instansi: instansi, language: language, writer, sheet: t("SKP di SIASN", "SKP in SIASN"),
            title: t("SKP terkirim lalu diubah ke sebelum 2022", "SKP sent, then moved before 2022"),
            subtitle: t(
                "SIASN tetap menyimpan versi yang dikirim; ipasn tidak mengirim perubahannya: perbaiki di SIASN",
                "SIASN keeps the version it got; ipasn does not send the change: correct it in SIASN"),
            year: t("Tahun kini", "Year now"),
            columns: [
                ReportColumn(t("Predikat", "Predikat"), width: 18),
                ReportColumn(t("Batch SIASN", "SIASN batch"), width: 12, format: ReportSheet.whole),
            ],
            rows: report.skpHeldBySIASN.map { held in
                (
                    held.skp.nip, held.unit, held.skp.tahun,
                    [
                        .text(held.skp.predikat?.displayName ?? held.skp.nilai.map { NumberText.points($0, language) } ?? ""),
                        .number(Double(held.batch)),
                    ]
                )
            })
    }

    /// The sheet of the SKP from 2022 on that cannot be sent until a PermenPANRB 6/2022
    /// predikat is chosen, with the predikat to choose.
    static func writeSKPNeedingPredikat(_ report: PendingReport, instansi: String, language: Language, _ writer: XLSXWriter) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        try writeSKPList(
            report, instansi: instansi, language: language, writer, sheet: t("SKP Perlu Predikat", "SKP needing predikat"),
            title: t("SKP 2022 ke atas yang belum bisa dikirim", "SKP from 2022 on that cannot be sent yet"),
            subtitle: t(
                "Predikatnya PP 46/2011: ubah ke predikat PermenPANRB 6/2022 (Cukup → Butuh Perbaikan, Buruk → Sangat Kurang)",
                "PP 46/2011 predikat: change to a PermenPANRB 6/2022 predikat (Cukup → Butuh Perbaikan, Buruk → Sangat Kurang)"),
            year: t("Tahun", "Year"),
            columns: [
                ReportColumn(t("Predikat tersimpan", "Stored predikat"), width: 18),
                ReportColumn(t("Ubah ke", "Change to"), width: 18),
            ],
            rows: report.skpNeedingPredikat.map { skp in
                (skp.nip, skp.unit, skp.tahun, [.text(skp.stored), .text(skp.choose?.displayName ?? t("pilih predikatnya", "choose its predikat"))])
            })
    }

    /// A sheet of SKP, one per row: NIP, unit, year, then `columns`; a note with the count.
    static func writeSKPList(
        _ report: PendingReport, instansi: String, language: Language, _ writer: XLSXWriter, sheet name: String, title: String,
        subtitle: String, year: String, columns: [ReportColumn], rows: [(nip: String, unit: String, tahun: Int, rest: [XLSXValue])]
    ) throws {
        let t = { (id: String, en: String) in ReportTitle.t(language, id, en) }
        let sheet = try ReportSheet(
            try writer.addSheet(name), title: title + " — \(instansi)", subtitle: subtitle + ReportTitle.scope(report.unit, language),
            columns: [
                ReportColumn("NIP", width: 21, format: ReportSheet.text),
                ReportColumn(t("Unit", "Unit"), width: 14, format: ReportSheet.text),
                ReportColumn(year, width: 10, format: ReportSheet.whole),
            ] + columns)
        for row in rows { try sheet.add([.text(row.nip), .text(row.unit), .number(Double(row.tahun))] + row.rest) }
        try sheet.note(t("\(rows.count) data SKP.", "\(rows.count) SKP records."))
    }

    /// The subtitle's words for `--since`: empty without it.
    static func since(_ report: PendingReport, _ language: Language) -> String {
        guard let day = report.since else { return "" }
        return ReportTitle.t(
            language, "; hanya data yang diinput, diubah atau dihapus sejak \(day.dayFirst)",
            "; only records entered, changed or deleted since \(day.dayFirst)")
    }

    static let day = XLSXCellFormat(numberFormat: "dd-mm-yyyy", border: true)
}

/// The kinds' names in the pending lists.
public enum PendingKindName {
    public static func name(_ kind: RecordKind, _ language: Language) -> String {
        switch kind {
        case .pendidikan: return language == .id ? "Pendidikan" : "Education"
        case .diklat: return language == .id ? "Diklat" : "Training"
        case .skp: return "SKP"
        case .disiplin: return language == .id ? "Disiplin" : "Discipline"
        }
    }
}
