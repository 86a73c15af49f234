import ArgumentParser
import Foundation
import IPASNCore
import IPASNReports
import IPASNStore

/// `ipasn report progress`: every unit's "selesai diinput" marks with its figures.
struct ReportProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Which dimensions each unit has marked \"selesai diinput\", with its figures.",
        discussion: """
            One row per unit in tree order: employees (sub-units included), the share with \
            complete data, the mean total and its category, and the four marks (P pendidikan, \
            K kompetensi, N kinerja, D disiplin; a dot when not marked), as the workstation's \
            dashboard and unit list show them.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: "Output format: table (numbers as --lang writes them: 70,17 in Indonesian, 70.17 in English), json or csv (a decimal point, for programs), csv-id (a decimal comma, for Indonesian Excel).")
    var format: ListFormat = .table

    func validate() throws {
        if format == .xlsx { throw ValidationError("--format xlsx is for report units, missing, interventions and score.") }
    }

    static let keys = [
        "kode", "nama", "name", "pegawai", "complete_pegawai", "total", "category", "pendidikan", "kompetensi",
        "kinerja", "disiplin", "finished",
    ]

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        let report = try UnitScope.progress(try ProgressReport.compute(store: store, year: year), unit: unit)
        let listing = Listing(
            keys: Self.keys,
            rows: report.units.map { u in
                [
                    .text(u.unit.kode), .text(u.unit.nama), .text(u.name), .int(u.figure.totals.pegawai),
                    .int(u.figure.totals.completePegawai), .mean(u.figure.meanTotal), .text(u.figure.category.name),
                ] + ProgressDimension.allCases.map { .bool(u.done.contains($0)) } + [.bool(u.finished)]
            })
        guard !listing.write(format) else { return }
        let columns = TextTable([
            ("Unit", 14, .left), ("Nama", 26, .left), ("Peg", 6, .right), ("Lkp%", 4, .right), ("Total", 6, .right),
            ("Kategori", 13, .left), (global.language == .id ? "Sls" : "Done", 4, .left),
        ])
        let numbers = ReportNumbers(global.language)
        var out = StdoutWriter()
        out.line(columns.header)
        for u in report.units {
            let t = u.figure.totals
            let percent = numbers.percent(t.completePegawai, of: t.pegawai)
            out.line(
                columns.row([
                        String(repeating: " ", count: min(u.figure.depth, 4)) + u.unit.kode, u.name, String(t.pegawai),
                        percent, t.pegawai > 0 ? numbers.mean(u.figure.meanTotal) : "-", t.pegawai > 0 ? u.figure.category.name : "-",
                        u.markText,
                    ]))
        }
        out.line(
            Output.text(
                id: "\(report.units.count) unit, \(report.inProgress) masih berjalan, tahun \(year); Sls (selesai diinput) = P pendidikan, K kompetensi, N kinerja, D disiplin",
                en: "\(report.units.count) units, \(report.inProgress) still in progress, year \(year); Done = P pendidikan, K kompetensi, N kinerja, D disiplin"))
        out.flush()
    }
}
