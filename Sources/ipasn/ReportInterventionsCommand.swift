import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNReportFiles
import IPASNReports
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
            ranked by the rise of the unit mean (ties: the larger total gain, then unit kode, then \
            intervention in the order teknis, seminar, kepemimpinan, fungsional); --min-pegawai \
            leaves out small units. The workstation's intervention view shows the same rows.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("Leave out units with fewer employees.", valueName: "n"))
    var minPegawai: Int = 1

    @Option(name: .long, help: ArgumentHelp("At most this many rows (table and xlsx; 0 for all).", valueName: "n"))
    var top: Int = 20

    @OptionGroup var output: XLSXOutput

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        let plan: InterventionPlan
        do {
            plan = try InterventionPlan.compute(store: store, year: year, ruleset: try store.ruleset(), unit: unit)
        } catch ReportError.unknownUnit(let kode) {
            throw CLIError(Output.text(id: "unit \(kode) tidak dikenal.", en: "unknown unit \(kode)."))
        }
        let rows = plan.rows(minimumPegawai: minPegawai)
        if let path = try output.xlsxPath() {
            let employees = try Dictionary(
                Exporter(store: store).employees(units: try store.units(), unit: unit).map { ($0.nip, $0) },
                uniquingKeysWith: { first, _ in first })
            try XLSXOutput.write(path) {
                try InterventionReport.write(
                    plan, rows: top > 0 ? Array(rows.prefix(top)) : rows, employees: employees,
                    instansi: ReportTitle.instansi(try store.units()), language: global.language, to: path)
            }
            return
        }
        try write(rows, year: year)
    }

    static let keys = [
        "kode", "nama", "intervention", "pegawai", "beneficiaries", "total_gain", "mean_before", "mean_gain", "mean_after",
    ]

    func write(_ rows: [InterventionPlan.Row], year: Int) throws {
        let language = global.language
        let listing = Listing(
            keys: Self.keys,
            rows: rows.map { r in
                [
                    .text(r.unit.kode), .text(r.unit.nama), .text(r.intervention.rawValue), .int(r.totals.pegawai),
                    .int(r.totals.beneficiaries), .points(r.totals.gain), .mean(r.meanBefore), .mean(r.totals.meanGain),
                    .mean(r.meanAfter),
                ]
            })
        guard !listing.write(output.format) else { return }
        // Column names in the output's language, as the footer that explains them.
        let id = language == .id
        let table = TextTable([
            ("Unit", 22, .left), (id ? "Intervensi" : "Intervention", 19, .left), (id ? "Naik" : "Gain", 5, .right),
            (id ? "dari" : "of", 5, .right), (id ? "Rata2" : "Mean", 6, .right), ("+", 5, .right), (id ? "Jadi" : "After", 6, .right),
        ])
        let shown = top > 0 ? Array(rows.prefix(top)) : rows
        let numbers = ReportNumbers(language)
        let footer = Output.text(
            id: "\(shown.count) dari \(rows.count) baris, tahun \(year); Naik = pegawai yang totalnya akan naik, dari = pegawai di unit, Jadi = rata-rata sesudahnya",
            en: "\(shown.count) of \(rows.count) rows, year \(year); Gain = employees whose total would rise, of = employees in the unit")
        table.write(shown, footer: { footer }) { r in
            [
                "\(r.unit.kode) \(r.unit.nama)", r.intervention.displayName(language), String(r.totals.beneficiaries),
                String(r.totals.pegawai), numbers.mean(r.meanBefore),
                // The rise as the two means are shown, so that the row adds up.
                numbers.mean(NumberText.round(r.meanAfter) - NumberText.round(r.meanBefore)), numbers.mean(r.meanAfter),
            ]
        }
    }
}
