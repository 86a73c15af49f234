import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn report interventions`: where a course would raise the index most.
struct ReportInterventionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interventions",
        abstract: "Where a training intervention would raise the index most, per unit.",
        discussion: """
            For every unit (sub-units included) and every intervention (a technical course of the \
            ruleset's minimum JP, a seminar, the leadership course a struktural post needs, a \
            functional course), how many active employees would gain and how much the unit's \
            mean total would rise if each of them took it in the measurement year. Computed with \
            the active ruleset by rescoring every employee with the course added. Rows are \
            ranked by the rise of the unit mean; --min-pegawai leaves out small units.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("Leave out units with fewer employees.", valueName: "n"))
    var minPegawai: Int = 1

    @Option(name: .long, help: ArgumentHelp("At most this many rows (table only; 0 for all).", valueName: "n"))
    var top: Int = 20

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    struct Row {
        var unit: OrgUnit
        var intervention: Intervention
        var totals: InterventionTotals
        var meanBefore: Double
    }

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        let planner = InterventionPlanner(ruleset: try store.ruleset())
        var direct: [String: [Intervention: InterventionTotals]] = [:]
        try store.forEachEmployeeRecords(inUnit: unit) { planner.tally($0, year: year, into: &direct) }
        let figures = Dictionary(uniqueKeysWithValues: try store.unitFigures(year: year).map { ($0.unit.kode, $0) })
        let units = try store.units()
        if let unit, !units.contains(where: { $0.kode == unit }) { throw CLIError(Output.text(id: "unit \(unit) tidak dikenal.", en: "unknown unit \(unit).")) }
        let folded = UnitAggregation.fold(units: units, direct: direct, zero: [:]) { into, other in
            for (key, value) in other { into[key, default: InterventionTotals()].add(value) }
        }
        // With --unit only its employees were counted: list it and its sub-units, not its parents.
        let listed = folded.filter { node in unit.map { node.unit.kode == $0 || Self.isBelow(node.unit.kode, $0, units) } ?? true }
        var rows: [Row] = []
        for node in listed {
            for intervention in Intervention.allCases {
                guard let totals = node.value[intervention], totals.pegawai >= max(1, minPegawai), totals.beneficiaries > 0
                else { continue }
                rows.append(
                    Row(unit: node.unit, intervention: intervention, totals: totals,
                        meanBefore: figures[node.unit.kode]?.meanTotal ?? 0))
            }
        }
        rows.sort {
            ($0.totals.meanGain, $0.totals.gain, $1.unit.kode) > ($1.totals.meanGain, $1.totals.gain, $0.unit.kode)
        }
        try write(rows, year: year)
    }

    static func isBelow(_ kode: String, _ ancestor: String, _ units: [OrgUnit]) -> Bool {
        let parent = Dictionary(units.map { ($0.kode, $0.induk) }, uniquingKeysWith: { first, _ in first })
        var current = parent[kode] ?? nil
        var steps = 0
        while let here = current, steps < units.count {
            if here == ancestor { return true }
            current = parent[here] ?? nil
            steps += 1
        }
        return false
    }

    static let keys = [
        "kode", "nama", "intervention", "pegawai", "beneficiaries", "total_gain", "mean_before", "mean_gain", "mean_after",
    ]

    func write(_ rows: [Row], year: Int) throws {
        let language = global.explicitLanguageOrEnglish
        switch format {
        case .json:
            var writer = JSONArrayWriter()
            for r in rows {
                writer.append(
                    .object([
                        ("kode", .string(r.unit.kode)), ("nama", .string(r.unit.nama)),
                        ("intervention", .string(r.intervention.rawValue)), ("pegawai", .int(r.totals.pegawai)),
                        ("beneficiaries", .int(r.totals.beneficiaries)), ("total_gain", .number(r.totals.gain)),
                        ("mean_before", .number(NumberText.round(r.meanBefore))),
                        ("mean_gain", .number(NumberText.round(r.totals.meanGain))),
                        ("mean_after", .number(NumberText.round(r.meanBefore + r.totals.meanGain))),
                    ]))
            }
            writer.finish()
        case .csv:
            var out = StdoutWriter()
            out.line(CSVOut.line(Self.keys))
            for r in rows {
                out.line(
                    CSVOut.line([
                        r.unit.kode, r.unit.nama, r.intervention.rawValue, String(r.totals.pegawai),
                        String(r.totals.beneficiaries), NumberText.points(r.totals.gain, .en), Num.mean(r.meanBefore),
                        Num.mean(r.totals.meanGain), Num.mean(r.meanBefore + r.totals.meanGain),
                    ]))
            }
            out.flush()
        case .table:
            let columns: [Table.Column] = [
                .init(title: "Unit", width: 22, align: .left),
                .init(title: "Intervention", width: 19, align: .left),
                .init(title: "Gain", width: 5, align: .right),
                .init(title: "of", width: 5, align: .right),
                .init(title: "Mean", width: 6, align: .right),
                .init(title: "+", width: 5, align: .right),
                .init(title: "After", width: 6, align: .right),
            ]
            var out = StdoutWriter()
            out.line(Table.header(columns))
            let shown = top > 0 ? Array(rows.prefix(top)) : rows
            for r in shown {
                out.line(
                    Table.row(
                        [
                            "\(r.unit.kode) \(r.unit.nama)", r.intervention.displayName(language),
                            String(r.totals.beneficiaries), String(r.totals.pegawai), Num.mean(r.meanBefore),
                            Num.mean(r.totals.meanGain), Num.mean(r.meanBefore + r.totals.meanGain),
                        ], columns))
            }
            out.line(
                "\(shown.count) of \(rows.count) rows, year \(year); Gain = employees whose total would rise, of = employees in the unit")
            out.flush()
        }
    }
}
