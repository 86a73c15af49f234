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

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    static let keys = [
        "kode", "nama", "name", "pegawai", "complete_pegawai", "total", "category", "pendidikan", "kompetensi",
        "kinerja", "disiplin", "finished",
    ]

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        let report = try ProgressReport.compute(store: store, year: year)
        switch format {
        case .json:
            var writer = JSONArrayWriter()
            for u in report.units {
                var pairs: [(String, JSONValue)] = [
                    ("kode", .string(u.unit.kode)), ("nama", .string(u.unit.nama)), ("name", .string(u.name)),
                    ("pegawai", .int(u.figure.totals.pegawai)), ("complete_pegawai", .int(u.figure.totals.completePegawai)),
                    ("total", .number(NumberText.round(u.figure.meanTotal))), ("category", .string(u.figure.category.name)),
                ]
                for dimension in ProgressDimension.allCases {
                    pairs.append((dimension.rawValue, .bool(u.done.contains(dimension))))
                }
                pairs.append(("finished", .bool(u.finished)))
                writer.append(.object(pairs))
            }
            writer.finish()
        case .csv:
            var out = StdoutWriter()
            out.line(CSVOut.line(Self.keys))
            for u in report.units {
                out.line(
                    CSVOut.line(
                        [
                            u.unit.kode, u.unit.nama, u.name, String(u.figure.totals.pegawai),
                            String(u.figure.totals.completePegawai), Num.mean(u.figure.meanTotal), u.figure.category.name,
                        ] + ProgressDimension.allCases.map { u.done.contains($0) ? "true" : "false" } + [u.finished ? "true" : "false"]))
            }
            out.flush()
        case .table:
            let columns: [Table.Column] = [
                .init(title: "Unit", width: 14, align: .left),
                .init(title: "Nama", width: 26, align: .left),
                .init(title: "Peg", width: 6, align: .right),
                .init(title: "Lkp%", width: 4, align: .right),
                .init(title: "Total", width: 6, align: .right),
                .init(title: "Kategori", width: 13, align: .left),
                .init(title: "Done", width: 4, align: .left),
            ]
            var out = StdoutWriter()
            out.line(Table.header(columns))
            for u in report.units {
                let t = u.figure.totals
                let percent = t.pegawai > 0 ? String(Int((u.completeness * 100).rounded(.down))) : "-"
                out.line(
                    Table.row(
                        [
                            String(repeating: " ", count: min(u.figure.depth, 4)) + u.unit.kode, u.name, String(t.pegawai),
                            percent, t.pegawai > 0 ? Num.mean(u.figure.meanTotal) : "-", t.pegawai > 0 ? u.figure.category.name : "-",
                            u.markText,
                        ], columns))
            }
            out.line(
                "\(report.units.count) units, \(report.inProgress) still in progress, year \(year); Done = P pendidikan, K kompetensi, N kinerja, D disiplin")
            out.flush()
        }
    }
}
