import IPASNCore
import IPASNFiles
import IPASNReports

/// `ipasn reconcile` as text for a person: units ranked by points BKN does not count, then
/// each differing employee with every difference and its cause, then the employees only one
/// side knows, then the totals.
enum ReconcileText {
    static func render(_ report: Reconciliation, file: BKNResultFile, language: Language) -> String {
        let id = language == .id
        func t(_ i: String, _ e: String) -> String { id ? i : e }
        let numbers = ReportNumbers(language)
        func pts(_ v: Double) -> String { numbers.points(v) }
        var lines: [String] = []
        let scope = report.unit.map { t(", unit \($0.kode) beserta sub-unitnya", ", unit \($0.kode) with its sub-units") } ?? ""
        lines.append(
            t("Rekonsiliasi IP ASN dengan BKN, tahun \(report.year)\(scope)", "IP ASN reconciliation with BKN, year \(report.year)\(scope)"))
        lines.append(
            t(
                "Berkas BKN: \(file.path) (\(file.rows.count) pegawai, judul kolom di baris \(file.headerLine))",
                "BKN file: \(file.path) (\(file.rows.count) employees, header on line \(file.headerLine))"))
        for title in file.titleLines.prefix(6) { lines.append("  " + title) }
        lines.append("")
        lines.append(t("Per unit, urut poin yang belum terhitung di BKN:", "Per unit, ranked by points BKN does not count:"))
        let columns = TextTable([
            ("#", 3, .right), (t("Unit kerja", "Unit"), 24, .left), (t("Pegawai", "Empl."), 7, .right),
            (t("Beda", "Diff"), 5, .right), (t("Rata BKN", "BKN mean"), 8, .right), (t("Rata ipasn", "ipasn"), 10, .right),
            (t("Poin", "Points"), 7, .right), (t("Naik", "Rise"), 6, .right),
        ])
        lines.append(columns.header)
        for (index, unit) in report.units.enumerated() {
            lines.append(
                columns.row([
                    "\(index + 1)", unit.name, "\(unit.employees)", "\(unit.differing)",
                    numbers.mean(unit.bknMean), numbers.mean(unit.ipasnMean),
                    pts(unit.pointsLost), numbers.mean(unit.meanRise),
                ]))
        }
        let differing = report.differing
        if !differing.isEmpty {
            lines.append("")
            lines.append(t("Per pegawai, urut poin yang belum terhitung di BKN:", "Per employee, ranked by points BKN does not count:"))
            for (index, entry) in differing.enumerated() {
                let lost = entry.pointsLost > 0 ? t(", \(pts(entry.pointsLost)) poin belum terhitung", ", \(pts(entry.pointsLost)) points not counted") : ""
                lines.append(
                    "\(index + 1). \(entry.pegawai.nip) \(entry.pegawai.nama) (\(entry.pegawai.kodeUnit)): "
                        + "BKN \(pts(entry.bkn.total)), ipasn \(pts(entry.ipasn.total))\(lost)")
                for difference in entry.differences { lines.append("   " + difference.text(language)) }
            }
        }
        if !report.unknown.isEmpty {
            lines.append("")
            lines.append(t("Di berkas BKN, tidak dikenal ipasn (\(report.unknown.count)):", "In BKN's file, unknown to ipasn (\(report.unknown.count)):"))
            for row in report.unknown {
                let unit = row.satuanKerja.isEmpty ? "" : " (\(row.satuanKerja))"
                lines.append("  " + t("baris", "line") + " \(row.line): \(row.nip) \(row.nama)\(unit)")
            }
        }
        if !report.inactive.isEmpty {
            lines.append("")
            lines.append(t("Di berkas BKN, tidak aktif di ipasn (\(report.inactive.count)):", "In BKN's file, inactive in ipasn (\(report.inactive.count)):"))
            for item in report.inactive {
                lines.append("  " + t("baris", "line") + " \(item.bkn.line): \(item.bkn.nip) \(item.pegawai.nama) (\(item.pegawai.kodeUnit))")
            }
        }
        if !report.notInFile.isEmpty {
            lines.append("")
            lines.append(
                t("Pegawai aktif ipasn yang tidak ada di berkas BKN (\(report.notInFile.count)):", "Active ipasn employees missing from BKN's file (\(report.notInFile.count)):"))
            for p in report.notInFile { lines.append("  \(p.nip) \(p.nama) (\(p.kodeUnit))") }
        }
        lines.append("")
        let agree = report.entries.count - differing.count
        lines.append(
            t(
                "\(report.entries.count) pegawai dibandingkan: \(differing.count) berbeda, \(agree) sama; \(pts(report.pointsLost)) poin belum terhitung di BKN.",
                "\(report.entries.count) employees compared: \(differing.count) differ, \(agree) agree; \(pts(report.pointsLost)) points not counted by BKN."))
        if report.outsideUnit > 0 {
            lines.append(
                t("\(report.outsideUnit) pegawai di berkas BKN berada di luar unit ini.", "\(report.outsideUnit) employees of BKN's file are outside this unit."))
        }
        if !file.skippedLines.isEmpty {
            let list = file.skippedLines.prefix(10).map(String.init).joined(separator: ", ")
            lines.append(
                t("Baris tanpa NIP dan nilai dilewati: \(list).", "Lines without NIP or figures were passed over: \(list)."))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
