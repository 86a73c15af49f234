import ArgumentParser
import Foundation
import IPASNCore
import IPASNReportFiles
import IPASNReports
import IPASNStore

/// `ipasn report pending`: per unit, the records not yet sent to SIASN.
struct ReportPendingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending",
        abstract: "Per unit, the records not yet sent to SIASN (new, or changed since they were sent).",
        discussion: """
            Every unit with something to send, in tree order with sub-units indented (a unit's \
            counts include its sub-units'): the records not yet sent by kind, the records sent and \
            deleted since (to delete in SIASN by hand, listed after the units), and the day the \
            oldest pending record was first entered. `ipasn export siasn-KIND --pending` sends them.
            --since DAY counts only the records not yet sent that were entered (typed, bulk-entered \
            or imported) or changed on or after that day, and lists only the sent records deleted \
            on or after it: what is new to send since, say, the last meeting. A verdict of the \
            verifikator is no change. SKP from 2022 on with a PP 46/2011 predikat (Cukup, Buruk) \
            or only a number stay pending until the admin chooses a PermenPANRB 6/2022 predikat: \
            the table and the xlsx list them with the predikat to choose, json and csv count them \
            per unit (skp_perlu_predikat) and list them with --skp-predikat. SKP sent to SIASN and \
            then moved to a year before 2022 are never pending (SIASN takes no SKP before 2022) \
            but SIASN keeps the version it got, to correct there by hand: the table lists them \
            after the units, json and csv count them per unit (skp_di_siasn, units whose only \
            news is such an SKP included) and list them with --skp-di-siasn, the xlsx has a \
            sheet of them. (Unlike `ipasn export --since`, which takes records by their \
            own date: a diklat by its end, an SKP by its year.)
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only records entered, changed or deleted on or after this day (YYYY-MM-DD or DD-MM-YYYY).", valueName: "date"))
    var since: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "List the SKP from 2022 on that cannot be sent until a PermenPANRB 6/2022 predikat is chosen, one per row, "
                + "with the predikat to choose (json, csv; the table and xlsx always list them)."))
    var skpPredikat = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "List the SKP sent to SIASN and then moved to a year before 2022 (SIASN keeps the version it got), one per "
                + "row, with the batch that sent it (json, csv; the table and xlsx always list them)."))
    var skpDiSiasn = false

    func validate() throws {
        if skpPredikat && skpDiSiasn {
            throw ValidationError(
                Output.text(id: "--skp-predikat dan --skp-di-siasn tidak bisa bersamaan.", en: "--skp-predikat and --skp-di-siasn exclude each other."))
        }
    }

    @OptionGroup var output: XLSXOutput

    static let keys = [
        "kode_unit", "nama_unit", "tingkat", "pendidikan", "diklat", "skp", "disiplin", "jumlah", "dihapus", "tertua_diinput",
        "skp_perlu_predikat", "skp_di_siasn", "ditolak_siasn",
    ]
    /// The columns of `--skp-predikat`.
    static let skpKeys = ["nip", "kode_unit", "tahun", "predikat", "nilai", "ubah_ke", "saran"]
    /// The columns of `--skp-di-siasn`.
    static let heldKeys = ["nip", "kode_unit", "tahun", "predikat", "nilai", "batch", "saran"]

    func run() throws {
        let context = global.context
        let day = try since.map { try SinceOption.day($0, today: context.today) }
        let store = try global.openStore()
        let report: PendingReport
        do {
            report = try PendingReport.compute(store: store, unit: unit, since: day, timeZone: context.timeZone)
        } catch ReportError.unknownUnit(let kode) {
            throw CLIError(Output.text(id: "unit \(kode) tidak dikenal.", en: "unknown unit \(kode)."))
        }
        if let path = try output.xlsxPath() {
            try XLSXOutput.write(path) {
                try PendingSIASNReport.write(
                    report, instansi: ReportTitle.instansi(try store.units()), language: global.language, to: path)
            }
            return
        }
        let language = global.language
        let listing: Listing
        if skpPredikat {
            listing = Listing(
                keys: Self.skpKeys,
                rows: report.skpNeedingPredikat.map { skp in
                    [
                        .text(skp.nip), .text(skp.unit), .int(skp.tahun), skp.predikat.map { .text($0.displayName) } ?? .null,
                        skp.nilai.map { .mean($0) } ?? .null, skp.choose.map { .text($0.displayName) } ?? .null,
                        .text(skp.advice(language)),
                    ]
                })
        } else if skpDiSiasn {
            listing = Listing(
                keys: Self.heldKeys,
                rows: report.skpHeldBySIASN.map { held in
                    [
                        .text(held.skp.nip), .text(held.unit), .int(held.skp.tahun),
                        held.skp.predikat.map { .text($0.displayName) } ?? .null, held.skp.nilai.map { .points($0) } ?? .null,
                        .int(Int(held.batch)),
                        .text(
                            Output.text(
                                id: "perbaiki di SIASN: masih versi batch #\(held.batch)",
                                en: "correct in SIASN: it still has the version of batch #\(held.batch)")),
                    ]
                })
        } else {
            listing = Listing(
                keys: Self.keys,
                rows: report.rowsWithHeld.map { row in
                    [.text(row.unit.kode), .text(row.unit.nama), .int(row.depth)] + RecordKind.allCases.map { .int(row.count($0)) }
                        + [
                            .int(row.total), .int(row.deletions), row.oldestDay.map { .text($0.iso) } ?? .null,
                            .int(row.skpNeedingPredikat), .int(row.skpHeldBySIASN), .int(row.siasnRefused),
                        ]
                })
        }
        guard !listing.write(output.format) else { return }
        let columns = TextTable([
            (Output.text(id: "Unit kerja", en: "Unit"), 30, .left), ("Pend", 6, .right), ("Dikl", 6, .right), ("SKP", 6, .right),
            ("Disp", 6, .right), (Output.text(id: "Jml", en: "Total"), 7, .right), (Output.text(id: "Hapus", en: "Del"), 6, .right),
            (Output.text(id: "Tertua", en: "Oldest"), 11, .left),
        ])
        var out = StdoutWriter()
        guard !report.rows.isEmpty else {
            if let day {
                out.line(
                    Output.text(
                        id: "Tidak ada data yang diinput, diubah atau dihapus sejak \(day.dayFirst) yang belum dikirim ke SIASN.",
                        en: "Nothing entered, changed or deleted since \(day.dayFirst) is waiting to be sent to SIASN."))
                out.flush()
                return
            }
            if report.skpHeldBySIASN.isEmpty {
                out.line(Output.text(id: "Semua data sudah dikirim ke SIASN.", en: "Every record was sent to SIASN."))
            } else {
                out.line(Output.text(id: "Tidak ada data yang menunggu dikirim ke SIASN.", en: "Nothing is waiting to be sent to SIASN."))
            }
            for line in SkpSiasnMessages.held(report.skpHeldBySIASN) { out.line(line) }
            out.flush()
            return
        }
        out.line(columns.header)
        for row in report.rows {
            out.line(
                columns.row(
                    [String(repeating: "  ", count: row.depth) + row.unit.nama] + RecordKind.allCases.map { String(row.count($0)) }
                        + [String(row.total), String(row.deletions), row.oldestDay?.dayFirst ?? ""]))
        }
        out.line(
            Output.text(
                id: "\(report.total) data belum dikirim ke SIASN; \(report.deletions.count) data terkirim lalu dihapus"
                    + (day.map { " (hanya yang diinput, diubah atau dihapus sejak \($0.dayFirst))." } ?? "."),
                en: "\(report.total) records not yet sent to SIASN; \(report.deletions.count) sent records deleted since"
                    + (day.map { " (only those entered, changed or deleted since \($0.dayFirst))." } ?? ".")))
        // SKP from 2022 on that stay pending until a PermenPANRB 6/2022 predikat is chosen.
        for line in SkpSiasnMessages.list(report.skpNeedingPredikat) { out.line(line) }
        for line in SkpSiasnMessages.held(report.skpHeldBySIASN) { out.line(line) }
        if !report.deletions.isEmpty {
            out.line(Output.text(id: "Hapus juga di SIASN:", en: "Delete in SIASN too:"))
            for deletion in report.deletions {
                out.line(
                    "  \(deletion.nip)  \(PendingKindName.name(deletion.id.kind, language))  \(deletion.what)"
                        + (deletion.batch.map { "  (batch #\($0))" } ?? ""))
            }
        }
        // SIASN's refusals in force (``SIASNRefusalStore``): what the unit's admin must correct.
        let refused = report.siasnRefusals
        if !refused.isEmpty {
            out.line(Output.text(id: "Ditolak SIASN (perbaiki, lalu kirim lagi):", en: "Refused by SIASN (correct, then send again):"))
            for refusal in refused {
                out.line(
                    "  \(refusal.nip)  \(PendingKindName.name(refusal.id.kind, language)) #\(refusal.id.id)"
                        + (refusal.deleted ? Output.text(id: " (penghapusan)", en: " (deletion)") : "")
                        + "  \(refusal.label(language))  (batch #\(refusal.batch), \(Output.text(id: "baris", en: "line")) \(refusal.line))")
            }
        }
        out.flush()
    }
}
