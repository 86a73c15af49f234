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
            functional course), how many active employees would gain, how much the whole index \
            would rise (the instansi's, or that of the --unit the report is limited to: the \
            employees' gains over every employee in it) and how much the unit's own mean total \
            would rise, if each of them took it in the measurement year, with the unit's and the \
            index's category where it changes. Computed with the active ruleset by rescoring every \
            employee with the course added. By default (--by own) each unit stands for its own \
            employees only, so no employee's gain is counted again in the parent units (the root \
            and the big parents would otherwise top the list with their sub-units' gains), and the \
            rows are ranked by the rise of the whole index, so a large unit with a modest rise \
            comes before a small unit with a big one (ties: the larger rise of the unit mean, then \
            unit kode, then intervention in the order teknis, seminar, kepemimpinan, fungsional); \
            a unit with sub-units is marked "(tanpa sub-unit)". --by index ranks each unit with its \
            sub-units the same way (parents first); --by unit-mean ranks by the rise of the unit mean \
            (ties: the larger total gain, then unit kode, then intervention). \
            --min-pegawai leaves out small units. The workstation's intervention view shows the \
            same rows (s switches the order).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "own (the default): each unit with its own employees, by the rise of the whole index; index: each unit with its sub-units, by the rise of the whole index; unit-mean: by the rise of the unit's mean.",
            valueName: "order"))
    var by: InterventionPlan.Order = .own

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
        let rows = plan.rows(by: by, minimumPegawai: minPegawai)
        if let path = try output.xlsxPath() {
            let employees = try Dictionary(
                Exporter(store: store).employees(units: try store.units(), unit: unit).map { ($0.nip, $0) },
                uniquingKeysWith: { first, _ in first })
            try XLSXOutput.write(path) {
                try InterventionReport.write(
                    plan, rows: top > 0 ? Array(rows.prefix(top)) : rows, employees: employees,
                    order: by, instansi: ReportTitle.instansi(try store.units()), language: global.language, to: path)
            }
            return
        }
        try write(rows, plan: plan, year: year)
    }

    /// The unit's figures first (as before), then the whole index's and the categories.
    static let keys = [
        "kode", "nama", "intervention", "pegawai", "beneficiaries", "total_gain", "mean_before", "mean_gain", "mean_after",
        "index_pegawai", "index_before", "index_gain", "index_after", "category_before", "category_after",
        "index_category_before", "index_category_after", "without_subunits",
    ]

    func write(_ rows: [InterventionPlan.Row], plan: InterventionPlan, year: Int) throws {
        let language = global.language
        let listing = Listing(
            keys: Self.keys,
            rows: rows.map { r in
                [
                    .text(r.unit.kode), .text(r.unit.nama), .text(r.intervention.rawValue), .int(r.totals.pegawai),
                    .int(r.totals.beneficiaries), .points(r.totals.gain), .mean(r.meanBefore), .mean(r.totals.meanGain),
                    .mean(r.meanAfter), .int(plan.scopePegawai), .mean(plan.index), .mean(r.indexGain), .mean(plan.indexAfter(r)),
                    .text(r.categoryBefore.name), .text(r.categoryAfter.name), .text(r.indexCategoryBefore.name),
                    .text(r.indexCategoryAfter.name), .bool(r.withoutSubunits),
                ]
            })
        guard !listing.write(output.format) else { return }
        // Column names in the output's language, as the footer that explains them.
        let id = language == .id
        // 80 columns: the index's rise (`*` when the index changes category), the unit mean's
        // rise and after, and the unit's new category when it changes.
        let table = TextTable([
            ("Unit", 19, .left), (id ? "Intervensi" : "Intervention", 19, .left), (id ? "Naik" : "Gain", 4, .right),
            (id ? "dari" : "of", 4, .right), (id ? "Indeks+" : "Index+", 7, .right), ("Unit+", 6, .right),
            (id ? "Jadi" : "After", 6, .right), (id ? "Kat.baru" : "New cat.", 8, .left),
        ])
        let shown = top > 0 ? Array(rows.prefix(top)) : rows
        let numbers = ReportNumbers(language)
        let index = numbers.mean(plan.index)
        let ranked: String
        switch by {
        case .own: ranked = Output.text(id: "pegawai unit sendiri, urut kenaikan indeks", en: "own employees per unit, ranked by the rise of the index")
        case .index: ranked = Output.text(id: "unit dengan sub-unit, urut kenaikan indeks", en: "units with sub-units, ranked by the rise of the index")
        case .unitMean: ranked = Output.text(id: "urut kenaikan rata-rata unit", en: "ranked by the rise of the unit mean")
        }
        let ofOwn = by == .own ? (id: " (sendiri, tanpa sub-unit)", en: " (its own, without sub-units)") : (id: "", en: "")
        let footer = Output.text(
            id: "\(shown.count) dari \(rows.count) baris, tahun \(year), \(ranked); indeks \(index) (\(plan.scopePegawai) pegawai, "
                + "\(plan.indexCategory.displayName(language))); Naik = pegawai yang totalnya akan naik, dari = pegawai di unit\(ofOwn.id), "
                + "Indeks+ = kenaikan indeks (* kategorinya berubah), Unit+ = kenaikan rata-rata unit, Jadi = rata-rata unit sesudahnya, "
                + "Kat.baru = kategori unit bila berubah",
            en: "\(shown.count) of \(rows.count) rows, year \(year), \(ranked); index \(index) (\(plan.scopePegawai) employees, "
                + "\(plan.indexCategory.displayName(language))); Gain = employees whose total would rise, of = employees in the unit\(ofOwn.en), "
                + "Index+ = the rise of the index (* its category changes), Unit+ = the rise of the unit mean, "
                + "After = the unit mean after, New cat. = the unit's category when it changes")
        table.write(shown, footer: { footer }) { r in
            [
                "\(r.unit.kode) \(r.unit.nama)" + (r.withoutSubunits ? Output.text(id: " (tanpa sub-unit)", en: " (without sub-units)") : ""),
                r.intervention.displayName(language), String(r.totals.beneficiaries),
                String(r.totals.pegawai),
                // Each rise as the two means are shown, so that the row adds up.
                Self.rise(from: plan.index, to: plan.indexAfter(r), numbers) + (r.indexCategoryChanges ? "*" : ""),
                Self.rise(from: r.meanBefore, to: r.meanAfter, numbers), numbers.mean(r.meanAfter),
                r.categoryChanges ? TextTable.category(r.categoryAfter.displayName(language), short: true) : "",
            ]
        }
    }

    /// `+5,63`: the difference of two means as they are shown (each rounded first).
    static func rise(from before: Double, to after: Double, _ numbers: ReportNumbers) -> String {
        "+" + numbers.mean(NumberText.round(after) - NumberText.round(before))
    }
}

extension InterventionPlan.Order: ExpressibleByArgument {}
