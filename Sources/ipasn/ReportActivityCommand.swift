import ArgumentParser
import Foundation
import IPASNCore
import IPASNReports
import IPASNStore

/// `ipasn report activity`: who did what, per unit or per admin: records typed today and this
/// week, and in a chosen period (`--since`/`--until`) entered, changed, deleted, imported
/// and from the demo, with the last activity.
struct ReportActivityCommand: ParsableCommand {
    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case unit, admin
        /// The older spelling of `admin`.
        case actor
    }

    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Who did what: records typed, changed, deleted and imported, per unit (sub-units included) or per admin.",
        discussion: """
            Counted from the audit log, net of undo (an entry then its undo counts nothing). \
            Today and Week are the saves (records typed new, typed changes and imported rows; \
            the dashboard's "Input hari ini", one figure for both; an operator's imports and the \
            demo sample are left out, the operator's imports said on the last lines); the period \
            --since .. --until (whole days, both included; default today) shows typed entries, \
            changes and deletions, imported rows and the demo sample apart, and the last \
            activity (per admin: their newest change of any kind, whenever it was). Today starts \
            at midnight and the week on Monday, in the local time zone. --by unit lists every \
            unit in tree order; --by admin lists the admins (of --unit and its sub-units), the \
            most typed first, with every unit admin account of the scope.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: "unit or admin.")
    var by: Grouping = .unit

    @Option(name: .long, help: ArgumentHelp("The period's first day (default today).", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("The period's last day, included (default today).", valueName: "date"))
    var until: String?

    @Option(name: .long, help: "Output format: table (numbers as --lang writes them: 70,17 in Indonesian, 70.17 in English), json or csv (a decimal point, for programs), csv-id (a decimal comma, for Indonesian Excel).")
    var format: ListFormat = .table

    func validate() throws {
        if format == .xlsx { throw ValidationError("--format xlsx is for report units, missing, interventions and score.") }
    }

    private func day(_ text: String?, option: String, default today: LocalDate) throws -> LocalDate {
        guard let text else { return today }
        guard let day = LocalDate.parse(text) else {
            throw CLIError(
                Output.text(
                    id: "\(option) \(text): bukan tanggal (YYYY-MM-DD atau DD-MM-YYYY).",
                    en: "\(option) \(text): not a date (YYYY-MM-DD or DD-MM-YYYY)."))
        }
        return day
    }

    func run() throws {
        let store = try global.openStore()
        let context = global.context
        let now = context.now()
        let grouping: AdminActivity.Grouping = by == .unit ? .unit : .admin
        let first = try day(since, option: "--since", default: context.today)
        let last = try day(until, option: "--until", default: context.today)
        guard first <= last else {
            throw CLIError(
                Output.text(
                    id: "--since \(first.dayFirst) jatuh setelah --until \(last.dayFirst).",
                    en: "--since \(first.dayFirst) is after --until \(last.dayFirst)."))
        }
        let period = AdminActivity.range(since: first, until: last, timeZone: context.timeZone)
        let activity: AdminActivity
        do {
            activity = try AdminActivity.compute(store: store, from: period.from, until: period.until, by: grouping, unit: unit)
        } catch ReportError.unknownUnit(let kode) {
            throw CLIError(Output.text(id: "unit \(kode) tidak dikenal.", en: "unknown unit \(kode)."))
        }
        // Today and Week are the dashboard's "Input hari ini / minggu ini", computed once
        // (``UnitActivity``): saves typed new, typed changes and imports, an operator's imports apart.
        let input = try UnitActivity.compute(store: store, now: now, timeZone: context.timeZone)
        let byActor = Dictionary(input.byActor(unit: unit).map { ($0.actor, $0.counts) }, uniquingKeysWith: { a, _ in a })
        func inputOf(_ row: AdminActivity.Row) -> UnitActivity.Counts {
            grouping == .unit ? input.counts(unit: row.key) : byActor[row.key] ?? UnitActivity.Counts()
        }
        let verification = activity.rows.contains { $0.figures.verified != nil || $0.figures.rejected != nil }
        let stamp = ISO8601DateFormatter()
        stamp.timeZone = context.timeZone
        stamp.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate, .withSpaceBetweenDateAndTime]
        func lastOf(_ row: AdminActivity.Row) -> Date? { grouping == .admin ? row.lastActivity : row.figures.last }

        var keys = grouping == .unit ? ["kode", "name"] : ["actor"]
        keys += ["today", "week", "entered", "changed", "deleted", "imported", "demo"]
        if verification { keys += ["verified", "rejected"] }
        keys.append("last")
        let listing = Listing(
            keys: keys,
            rows: activity.rows.map { row in
                let f = row.figures
                var values: [Listing.Value] = grouping == .unit ? [.text(row.key), .text(row.name)] : [.text(row.key)]
                values += [
                    .int(inputOf(row).today), .int(inputOf(row).week), .int(f.entered), .int(f.changed), .int(f.deleted),
                    .int(f.imported), .int(f.demo),
                ]
                if verification { values += [f.verified.map(Listing.Value.int) ?? .null, f.rejected.map(Listing.Value.int) ?? .null] }
                values.append(lastOf(row).map { .text(stamp.string(from: $0)) } ?? .null)
                return values
            })
        guard !listing.write(format) else { return }
        // Fits 80 columns with the verification columns: short Indonesian titles (English with
        // --lang en), the last activity as "dd-mm hh:mm".
        let text = Output.text
        // The demo column only when the period has demo rows; the name takes what is left of 80.
        let t0 = activity.total
        let demo = t0.demo > 0
        var figures: [TextTable.Column] = [
            (text("Hari", "Day"), 4, .right), (text("Mgg", "Week"), 4, .right), (text("Ketik", "Typed"), 5, .right),
            (text("Ubah", "Chg"), 4, .right), (text("Hapus", "Del"), 5, .right), (text("Impor", "Import"), 6, .right),
        ]
        // As wide as the largest count (a city's demo is 204,252 rows: it was cut to "204…").
        let demoWidth = max(4, String(max(t0.demo, activity.rows.map(\.figures.demo).max() ?? 0)).count)
        if demo { figures.append(("Demo", demoWidth, .right)) }
        if verification { figures += [("Verif", 5, .right), (text("Tolak", "Rej"), 5, .right)] }
        figures.append((text("Terakhir", "Last"), 11, .left))
        // The admin's login gives up what a wide Demo column takes beyond 80.
        let loginWidth = max(9, 16 - max(0, TextTable.width([("Admin", 16, .left)] + figures) - 80))
        var specs: [TextTable.Column] = [(grouping == .unit ? "Unit" : "Admin", grouping == .unit ? 9 : loginWidth, .left)]
        if grouping == .unit {
            let left = 80 - TextTable.width(specs + figures) - 1
            specs.append((text("Nama", "Name"), max(6, left), .left))
        }
        specs += figures
        let columns = TextTable(specs)
        let short = DateFormatter()
        short.locale = Locale(identifier: "en_US_POSIX")
        short.timeZone = context.timeZone
        short.dateFormat = "dd-MM HH:mm"
        var out = StdoutWriter()
        out.line(columns.header)
        for row in activity.rows {
            let f = row.figures
            var cells = [String(repeating: " ", count: min(row.depth, 4)) + row.key]
            if grouping == .unit { cells.append(row.name) }
            cells += [
                String(inputOf(row).today), String(inputOf(row).week), String(f.entered), String(f.changed),
                String(f.deleted), String(f.imported),
            ]
            if demo { cells.append(String(f.demo)) }
            if verification { cells += [f.verified.map(String.init) ?? "", f.rejected.map(String.init) ?? ""] }
            cells.append(lastOf(row).map { short.string(from: $0) } ?? "-")
            out.line(columns.row(cells))
        }
        let t = activity.total
        let monday = String(stamp.string(from: input.startOfWeek).prefix(10))
        // The Day and Week columns' totals: the dashboard's "Input hari ini / minggu ini".
        let d = unit.map { input.counts(unit: $0) } ?? input.total
        let loads = input.operatorImports(unit: unit)
        out.line(
            text(
                "Input hari ini \(d.today), minggu ini \(d.week) (sejak Senin \(monday))",
                "Entered today \(d.today), this week \(d.week) (since Monday \(monday))"))
        if loads != UnitActivity.Counts() {
            out.line(
                text(
                    "Impor operator tidak dihitung: hari ini \(loads.today), minggu ini \(loads.week)",
                    "Operator imports not counted: today \(loads.today), this week \(loads.week)"))
        }
        out.line(
            text(
                "\(first.dayFirst)..\(last.dayFirst): diketik \(t.entered), diubah \(t.changed), dihapus \(t.deleted), "
                    + "diimpor \(t.imported), demo \(t.demo)",
                "\(first.dayFirst)..\(last.dayFirst): typed \(t.entered), changed \(t.changed), deleted \(t.deleted), "
                    + "imported \(t.imported), demo \(t.demo)"))
        out.flush()
    }
}
