import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNReportFiles
import IPASNReports
import IPASNStore

/// `ipasn report ...`: aggregated figures.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports over the whole database.",
        subcommands: [
            ReportUnitsCommand.self, ReportInterventionsCommand.self, ReportProgressCommand.self,
            ReportActivityCommand.self, ReportMissingCommand.self, ReportPendingCommand.self,
        ])
}

/// `ipasn report units`: each unit's means, sub-units folded in, in tree order.
struct ReportUnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Every unit's mean points (sub-units included), in tree order.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @OptionGroup var output: XLSXOutput

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        if let path = try output.xlsxPath() {
            let report = try UnitScope.progress(try ProgressReport.compute(store: store, year: year), unit: unit)
            try XLSXOutput.write(path) {
                let units = try store.units()
                try UnitRecapReport.write(
                    report, unit: unit.flatMap { kode in units.first { $0.kode == kode } },
                    instansi: ReportTitle.instansi(units), language: global.language, to: path)
            }
            return
        }
        let figures = try UnitScope.figures(try store.unitFigures(year: year), unit: unit)
        let listing = Listing(
            keys: Self.keys,
            rows: figures.map { f -> [Listing.Value] in
                [
                    .text(f.unit.kode), .text(f.unit.nama), f.unit.induk.map(Listing.Value.text) ?? .null,
                    .int(f.totals.pegawai), .int(f.totals.completePegawai), .mean(f.mean(.kualifikasi)),
                    .mean(f.mean(.kompetensi)), .mean(f.mean(.kinerja)), .mean(f.mean(.disiplin)), .mean(f.meanTotal),
                    .text(f.category.name),
                ]
            })
        guard !listing.write(output.format) else { return }
        Self.writeTable(figures, year: year, numbers: ReportNumbers(global.language))
    }

    static let keys = [
        "kode", "nama", "induk", "pegawai", "complete_pegawai", "kualifikasi", "kompetensi", "kinerja", "disiplin",
        "total", "category",
    ]

    /// 80 columns: the unit (kode indented by depth, then its name), employees (Peg), %
    /// complete, four means, total, category. The kode and the name share one cell: a row's
    /// name starts after its own kode, so a short kode leaves its name the room a long one
    /// takes (with the demo's `KEC-SELATAN.01.1` every name was cut to 7 characters, `Pemerin…`).
    static func writeTable(_ figures: [UnitFigure], year: Int, numbers: ReportNumbers) {
        // Peg as wide as the largest count (a city's 8,000 needs 4, not 6): the rest is the name's.
        let pegWidth = max(3, String(figures.map(\.totals.pegawai).max() ?? 0).count)
        var columns: [TextTable.Column] =
            [("Unit", 13, .left), ("Nama", 10 + 6 - pegWidth, .left), ("Peg", pegWidth, .right), ("Lkp%", 4, .right)]
            + TextTable.scoreColumns(means: true)
        columns = TextTable.widen(
            columns, whole: 0, toFit: figures.map { String(repeating: " ", count: min($0.depth, 4)) + $0.unit.kode }, give: 1)
        // Long unit codes: the category as `S.Rendah` keeps the table in 80 columns, its room the name's.
        let shortCategory = TextTable.fitCategory(&columns)
        columns[1].width += max(0, 80 - TextTable.width(columns))
        columns[0].width += 1 + columns[1].width
        columns.remove(at: 1)
        let table = TextTable(columns)
        let footer = numbers.language == .id
            ? "\(figures.count) unit, tahun \(year); Lkp% = persentase pegawai yang datanya lengkap"
            : "\(figures.count) units, year \(year); Lkp% = share of employees with complete data"
        table.write(figures, footer: { footer }) { f in
            let t = f.totals
            let percent = numbers.percent(t.completePegawai, of: t.pegawai)
            let indent = String(repeating: " ", count: min(f.depth, 4))
            return [indent + f.unit.kode + " " + f.unit.nama, String(t.pegawai), percent] + ScoreDimension.allCases.map { numbers.mean(f.mean($0)) }
                + [numbers.mean(f.meanTotal), t.pegawai > 0 ? TextTable.category(f.category.name, short: shortCategory) : "-"]
        }
    }
}
