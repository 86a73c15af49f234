import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNReportFiles
import IPASNReports
import IPASNStore

/// `ipasn score`: every active employee's four dimension points, total and category.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score employees: the four dimensions, total, category and what is missing.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Option(name: .long, help: ArgumentHelp("Only this employee (spaces in the NIP are ignored).", valueName: "nip"))
    var nip: String?

    @Option(name: .long, help: ArgumentHelp("Only the employees of this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @OptionGroup var output: XLSXOutput

    func validate() throws {
        if nip != nil && unit != nil { throw ValidationError("Give --nip or --unit, not both.") }
    }

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        let ruleset = try store.ruleset()
        var rows: [ScoredPegawai]
        if let nip {
            let key = NIP.normalize(nip)
            guard let pegawai = try store.pegawai(nip: key) else {
                throw CLIError(
                Output.text(
                    id: "tidak ada pegawai dengan NIP \(nip) di basis data.", en: "no employee with NIP \(nip) in the database."))
            }
            guard let score = try store.score(nip: key, year: year) else {
                throw CLIError(Output.text(id: "belum ada nilai untuk NIP \(nip) tahun \(year).", en: "no score for NIP \(nip) in \(year)."))
            }
            rows = [ScoredPegawai(pegawai: pegawai, score: score)]
        } else {
            if let unit, try !store.units().contains(where: { $0.kode == unit }) {
                throw CLIError(
                    Output.text(
                        id: "tidak ada unit dengan kode \"\(unit)\" di basis data.", en: "no unit with kode \"\(unit)\" in the database."))
            }
            rows = try store.scores(year: year, unit: unit)
        }
        rows.sort { ($0.pegawai.kodeUnit, $0.pegawai.nama, $0.pegawai.nip) < ($1.pegawai.kodeUnit, $1.pegawai.nama, $1.pegawai.nip) }
        if let path = try output.xlsxPath() {
            let units = try store.units()
            try XLSXOutput.write(path) {
                try EmployeeScoresReport.write(
                    rows, year: year, unit: unit.flatMap { kode in units.first { $0.kode == kode } }, ruleset: ruleset,
                    instansi: ReportTitle.instansi(units), language: global.language, to: path)
            }
            return
        }
        ScoreOutput.write(rows, year: year, ruleset: ruleset, format: output.format, numbers: ReportNumbers(global.language))
    }
}

/// The three forms of a score listing.
enum ScoreOutput {
    static let keys = [
        "nip", "nama", "kode_unit", "year", "kualifikasi", "kompetensi", "kinerja", "disiplin", "total",
        "category", "complete", "missing",
    ]

    static func json(_ row: ScoredPegawai, ruleset: Ruleset) -> JSONValue {
        let s = row.score
        return .object([
            ("nip", .string(row.pegawai.nip)),
            ("nama", .string(row.pegawai.nama)),
            ("kode_unit", .string(row.pegawai.kodeUnit)),
            ("year", .int(s.year)),
            ("kualifikasi", .number(s.kualifikasi)),
            ("kompetensi", .number(s.kompetensi)),
            ("kinerja", .number(s.kinerja)),
            ("disiplin", .number(s.disiplin)),
            ("total", .number(s.total)),
            ("category", .string(ruleset.category(for: s.total).name)),
            ("complete", .bool(s.complete)),
            ("missing", .array(s.missing.map { .string($0.rawValue) })),
        ])
    }

    static func write(_ rows: [ScoredPegawai], year: Int, ruleset: Ruleset, format: ListFormat, numbers: ReportNumbers) {
        switch format {
        case .json:
            var writer = JSONArrayWriter()
            for row in rows { writer.append(json(row, ruleset: ruleset)) }
            writer.finish()
        case .csv, .csvID:
            let style = format.csvStyle!
            var out = StdoutWriter()
            out.write(style.preamble + style.line(keys))
            for row in rows {
                let s = row.score
                let points = [s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.total].map { style.number(ReportNumbers.machine.points($0)) }
                out.write(
                    style.line(
                        [row.pegawai.nip, row.pegawai.nama, row.pegawai.kodeUnit, String(s.year)] + points + [
                            ruleset.category(for: s.total).name, s.complete ? "true" : "false",
                            s.missing.map(\.rawValue).joined(separator: ";"),
                        ]))
            }
            out.flush()
        case .table, .xlsx:
            writeTable(rows, year: year, ruleset: ruleset, numbers: numbers)
        }
    }

    /// 80 columns: NIP 18, name 13, unit 6, four points, total, category, `*` when incomplete.
    static func writeTable(_ rows: [ScoredPegawai], year: Int, ruleset: Ruleset, numbers: ReportNumbers) {
        var columns: [TextTable.Column] =
            [("NIP", 18, .left), ("Nama", 13, .left), ("Unit", 6, .left)] + TextTable.scoreColumns(means: false) + [("", 1, .left)]
        columns = TextTable.widen(columns, whole: 2, toFit: Set(rows.map(\.pegawai.kodeUnit)), give: 1)
        // Long unit codes: the category as `S.Rendah` keeps the table in 80 columns.
        let shortCategory = TextTable.fitCategory(&columns)
        let table = TextTable(columns)
        var incomplete = 0
        let id = numbers.language == .id
        table.write(
            rows,
            footer: {
                (id ? "\(rows.count) pegawai, tahun \(year)" : "\(rows.count) employees, year \(year)")
                    + (incomplete > 0 ? (id ? "; * = data belum lengkap (\(incomplete))" : "; * = incomplete data (\(incomplete))") : "")
            }
        ) { row in
            let s = row.score
            if !s.complete { incomplete += 1 }
            return [row.pegawai.nip, row.pegawai.nama, row.pegawai.kodeUnit] + ScoreDimension.allCases.map { numbers.points(s[$0]) }
                + [numbers.points(s.total), TextTable.category(ruleset.category(for: s.total).name, short: shortCategory), s.complete ? "" : "*"]
        }
    }
}
