import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn report ...`: aggregated figures.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports over the whole database.",
        subcommands: [ReportUnitsCommand.self, ReportInterventionsCommand.self])
}

/// `ipasn report units`: each unit's means, sub-units folded in, in tree order.
struct ReportUnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Every unit's mean points (sub-units included), in tree order.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        let figures = try store.unitFigures(year: year)
        switch format {
        case .json:
            var writer = JSONArrayWriter()
            for figure in figures { writer.append(Self.json(figure)) }
            writer.finish()
        case .csv:
            var out = StdoutWriter()
            out.line(CSVOut.line(Self.keys))
            for f in figures {
                let t = f.totals
                out.line(
                    CSVOut.line([
                        f.unit.kode, f.unit.nama, f.unit.induk ?? "", String(t.pegawai), String(t.completePegawai),
                        Num.mean(f.mean(.kualifikasi)), Num.mean(f.mean(.kompetensi)), Num.mean(f.mean(.kinerja)),
                        Num.mean(f.mean(.disiplin)), Num.mean(f.meanTotal), f.category.name,
                    ]))
            }
            out.flush()
        case .table:
            Self.writeTable(figures, year: year)
        }
    }

    static let keys = [
        "kode", "nama", "induk", "pegawai", "complete_pegawai", "kualifikasi", "kompetensi", "kinerja", "disiplin",
        "total", "category",
    ]

    static func json(_ f: UnitFigure) -> JSONValue {
        func mean(_ value: Double) -> JSONValue { .number(NumberText.round(value)) }
        return .object([
            ("kode", .string(f.unit.kode)),
            ("nama", .string(f.unit.nama)),
            ("induk", f.unit.induk.map { .string($0) } ?? .null),
            ("pegawai", .int(f.totals.pegawai)),
            ("complete_pegawai", .int(f.totals.completePegawai)),
            ("kualifikasi", mean(f.mean(.kualifikasi))),
            ("kompetensi", mean(f.mean(.kompetensi))),
            ("kinerja", mean(f.mean(.kinerja))),
            ("disiplin", mean(f.mean(.disiplin))),
            ("total", mean(f.meanTotal)),
            ("category", .string(f.category.name)),
        ])
    }

    /// 80 columns: kode indented by depth, name, employees (Peg), % complete, four means, total, category.
    static func writeTable(_ figures: [UnitFigure], year: Int) {
        var columns: [Table.Column] = [
            .init(title: "Unit", width: 13, align: .left),
            .init(title: "Nama", width: 10, align: .left),
            .init(title: "Peg", width: 6, align: .right),
            .init(title: "Lkp%", width: 4, align: .right),
            .init(title: "Kual", width: 5, align: .right),
            .init(title: "Komp", width: 5, align: .right),
            .init(title: "Kin", width: 5, align: .right),
            .init(title: "Dis", width: 4, align: .right),
            .init(title: "Total", width: 6, align: .right),
            .init(title: "Kategori", width: 13, align: .left),
        ]
        columns = Table.widen(
            columns, whole: 0, toFit: figures.map { String(repeating: " ", count: min($0.depth, 4)) + $0.unit.kode }, give: 1)
        // Long unit codes: the category as `S.Rendah` keeps the table in 80 columns.
        let shortCategory = Table.width(columns) > 80
        if shortCategory { columns[9].width = 8 }
        var out = StdoutWriter()
        out.line(Table.header(columns))
        for f in figures {
            let t = f.totals
            let percent = t.pegawai > 0 ? String(Int((Double(t.completePegawai) * 100 / Double(t.pegawai)).rounded(.down))) : "-"
            let indent = String(repeating: " ", count: min(f.depth, 4))
            out.line(
                Table.row(
                    [
                        indent + f.unit.kode, f.unit.nama, String(t.pegawai), percent,
                        Num.mean(f.mean(.kualifikasi)), Num.mean(f.mean(.kompetensi)), Num.mean(f.mean(.kinerja)),
                        Num.mean(f.mean(.disiplin)), Num.mean(f.meanTotal),
                        t.pegawai > 0 ? Table.category(f.category.name, short: shortCategory) : "-",
                    ], columns))
        }
        out.line("\(figures.count) units, year \(year); Lkp% = share of employees with complete data")
        out.flush()
    }
}
