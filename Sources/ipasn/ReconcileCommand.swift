import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNReportFiles
import IPASNReports
import IPASNStore

/// `ipasn reconcile FILE --year Y`: BKN's official IP ASN (the PIP ASN download) beside ipasn's.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare BKN's IP ASN result (PIP ASN download, xlsx or CSV) with ipasn's scores.",
        discussion: """
            FILE is BKN's per-employee result as downloaded from PIP ASN: an .xlsx workbook or the \
            same table as CSV (',' or ';' with decimal commas). Its header (NIP, Kualifikasi, \
            Kompetensi, Kinerja, Disiplin, and Nama, Nama Jabatan, Satuan Kerja, Total) is found by \
            its content below the title lines. For each employee whose figures differ, each \
            dimension's difference is shown with its likely cause: the ipasn records BKN does not \
            count (without them ipasn's figure equals BKN's), or that SIASN holds data ipasn lacks. \
            Units and employees are ranked by points BKN does not count, with totals per unit; \
            employees only one side knows are listed apart.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("BKN's result file (.xlsx or .csv).", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The measurement year of BKN's result.", valueName: "year"))
    var year: Int

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: "Output format: text (numbers as --lang writes them: 70,17 in Indonesian, 70.17 in English), json or csv (a decimal point, for programs), csv-id (a decimal comma, for Indonesian Excel) or xlsx (with --out).")
    var format: ReconcileFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output (required for xlsx).", valueName: "file"))
    var out: String?

    enum ReconcileFormat: String, ExpressibleByArgument, CaseIterable {
        case text, table, json, csv
        case csvID = "csv-id"
        case xlsx
    }

    func validate() throws {
        if !(1950...9999).contains(year) {
            throw ValidationError("--year \(year) is not a plausible measurement year (1950 to 9999).")
        }
    }

    static let keys = [
        "status", "nip", "nama", "kode_unit", "baris_bkn",
        "bkn_kualifikasi", "bkn_kompetensi", "bkn_kinerja", "bkn_disiplin", "bkn_total",
        "ipasn_kualifikasi", "ipasn_kompetensi", "ipasn_kinerja", "ipasn_disiplin", "ipasn_total",
        "poin_belum_terhitung", "penyebab",
    ]

    func run() throws {
        let language = global.language
        if format == .xlsx {
            guard let out else {
                throw CLIError.usage(Output.text(id: "--format xlsx perlu --out BERKAS.xlsx.", en: "--format xlsx needs --out FILE.xlsx."))
            }
            guard out.lowercased().hasSuffix(".xlsx") else {
                throw CLIError(Output.text(id: "--out harus berkas .xlsx: \(out)", en: "--out must name an .xlsx file: \(out)"))
            }
        }
        let rows: BKNResultFile
        do {
            rows = try BKNResultReader.read(path: file)
        } catch let error as BKNResultError {
            throw CLIError(error.message(language))
        } catch let error as XLSXError {
            throw CLIError(error.message(language))
        } catch let error as CSVReadError {
            throw CLIError(error.message(language))
        } catch {
            throw CLIError("\(file): " + Output.describe(error))
        }
        // A file for another measurement year compares nothing meaningful: said on stderr
        // (whatever the format, so CSV and JSON stay clean) before the comparison.
        if let stated = rows.statedYear(otherThan: year) {
            Output.stderrLine(Self.yearWarning(stated: stated, year: year, file: file))
        }
        let store = try global.openStore()
        let report: Reconciliation
        do {
            report = try Reconciliation.compute(
                store: store, rows: rows.rows, year: year, unit: unit, ruleset: try store.ruleset(),
                sentInfo: Reconciliation.sentInfo(from: store, timeZone: global.context.timeZone))
        } catch ReportError.unknownUnit(let kode) {
            throw CLIError(Output.text(id: "unit \(kode) tidak dikenal.", en: "unknown unit \(kode)."))
        }
        switch format {
        case .xlsx:
            let path = out!
            do {
                try ReconciliationReport.write(
                    report, instansi: ReportTitle.instansi(try store.units()), language: language, to: path)
            } catch let error as XLSXWriteError {
                throw CLIError(error.description)
            }
            Output.print(Output.text(id: "ditulis: \(path)", en: "wrote \(path)"))
        case .json, .csv, .csvID:
            let rowsOut = Self.listing(report, language: language)
            if format == .json {
                let array = JSONValue.array(rowsOut.map { .object(Array(zip(Self.keys, $0.map(\.json)))) })
                try emit(array.text + "\n")
            } else {
                let style: CSVStyle = format == .csv ? .plain : .indonesian
                var text = style.preamble + style.line(Self.keys)
                for row in rowsOut { text += style.line(row.map { $0.csv(style) }) }
                try emit(text)
            }
        case .text, .table:
            try emit(ReconcileText.render(report, file: rows, language: language))
        }
    }

    /// The warning when BKN's file states another measurement year than --year: what differs
    /// and the two ways out.
    static func yearWarning(stated: Int, year: Int, file: String) -> String {
        Output.text(
            id: "peringatan: berkas BKN ini untuk tahun pengukuran \(stated), tetapi dibandingkan dengan nilai ipasn tahun \(year) (--year \(year)); "
                + "selisih di bawah tidak berarti. Jalankan lagi dengan --year \(stated), atau unduh hasil BKN tahun \(year) dari PIP ASN.",
            en: "warning: this BKN file is for measurement year \(stated), but it is compared with ipasn's scores for \(year) (--year \(year)); "
                + "the differences below mean nothing. Run again with --year \(stated), or download BKN's result for \(year) from PIP ASN.")
    }

    /// Writes `text` to --out, or to standard output.
    func emit(_ text: String) throws {
        guard let out else {
            if format == .text || format == .table {
                Output.print(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            } else {
                var writer = StdoutWriter()
                writer.write(text)
                writer.flush()
            }
            return
        }
        do {
            try AtomicFile.write(text, to: out)
        } catch {
            throw CLIError("\(out): " + Output.describe(error))
        }
        Output.print(Output.text(id: "ditulis: \(out)", en: "wrote \(out)"))
    }

    /// One row per employee compared (differing first, ranked), then those only one side knows.
    static func listing(_ report: Reconciliation, language: Language) -> [[Listing.Value]] {
        var rows: [[Listing.Value]] = []
        let dims = ScoreDimension.allCases
        for e in report.entries {
            rows.append(
                [
                    .text(e.differences.isEmpty ? "sama" : "berbeda"), .text(e.pegawai.nip), .text(e.pegawai.nama),
                    .text(e.pegawai.kodeUnit), .int(e.bkn.line),
                ] + dims.map { .points(e.bkn[$0]) } + [.points(e.bkn.total)]
                    + dims.map { .points(e.ipasn[$0]) } + [.points(e.ipasn.total), .points(e.pointsLost)]
                    + [.text(e.differences.map { $0.text(language) }.joined(separator: "; "))])
        }
        let nulls = [Listing.Value](repeating: .null, count: 12)
        for row in report.unknown {
            rows.append([.text("tidak_ada_di_ipasn"), .text(row.nip), .text(row.nama), .null, .int(row.line)] + nulls)
        }
        for item in report.inactive {
            rows.append(
                [.text("tidak_aktif_di_ipasn"), .text(item.bkn.nip), .text(item.pegawai.nama), .text(item.pegawai.kodeUnit), .int(item.bkn.line)]
                    + nulls)
        }
        for p in report.notInFile {
            rows.append([.text("tidak_ada_di_berkas_bkn"), .text(p.nip), .text(p.nama), .text(p.kodeUnit), .null] + nulls)
        }
        return rows
    }
}
