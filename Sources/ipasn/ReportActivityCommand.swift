import ArgumentParser
import Foundation
import IPASNCore
import IPASNReports
import IPASNStore

/// `ipasn report activity`: records entered today and this week, per unit or by admin.
struct ReportActivityCommand: ParsableCommand {
    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case unit, actor
    }

    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Records entered today and this week, per unit (sub-units included) or by admin.",
        discussion: """
            Counted from the audit log as the dashboard counts them: each record typed in, \
            each row imported (an undone insert still counts). Today starts at midnight and the \
            week on Monday, in the local time zone. --by unit lists every unit in tree order; \
            --by actor lists who entered the records (of --unit and its sub-units), the most \
            this week first.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: "unit or actor.")
    var by: Grouping = .unit

    @Option(name: .long, help: ArgumentHelp("Also count what was entered since this day (a `since` column).", valueName: "date"))
    var since: String?

    @Option(name: .long, help: "Output format: table, json, csv or csv-id (for Indonesian Excel).")
    var format: ListFormat = .table

    func validate() throws {
        if format == .xlsx { throw ValidationError("--format xlsx is for report units, missing, interventions and score.") }
    }

    func run() throws {
        let store = try global.openStore()
        let context = global.context
        let activity = try UnitActivity.compute(store: store, now: context.now(), timeZone: context.timeZone)
        if let unit, !activity.tree.contains(unit) { throw CLIError("unknown unit \(unit)") }
        var sinceCounts: EntriesSince?
        if let since {
            guard let day = LocalDate.parse(since) else { throw CLIError("--since \(since): not a date (YYYY-MM-DD or DD-MM-YYYY).") }
            sinceCounts = try EntriesSince.compute(store: store, since: EntriesSince.start(of: day, timeZone: context.timeZone))
        }
        // Per row: the unit's kode or the actor, the name shown, the depth for indenting, the counts.
        var rows: [(key: String, name: String, depth: Int, counts: UnitActivity.Counts)] = []
        switch by {
        case .unit:
            let names = activity.tree.displayNames()
            let units = unit.map { Array(activity.tree.subtree(of: $0)) } ?? activity.tree.units
            for u in units {
                rows.append((u.kode, names[u.kode] ?? u.nama, activity.tree.depth(of: u.kode) ?? 0, activity.counts(unit: u.kode)))
            }
        case .actor:
            for a in activity.byActor(unit: unit) { rows.append((a.actor, a.actor, 0, a.counts)) }
        }
        func sinceCount(_ key: String) -> Int? {
            guard let sinceCounts else { return nil }
            return by == .unit ? sinceCounts.count(unit: key) : sinceCounts.count(actor: key, unit: unit)
        }
        let listing = Listing(
            keys: (by == .unit ? ["kode", "name", "today", "week"] : ["actor", "today", "week"]) + (since == nil ? [] : ["since"]),
            rows: rows.map { r in
                (by == .unit ? [.text(r.key), .text(r.name)] : [.text(r.key)]) + [.int(r.counts.today), .int(r.counts.week)]
                    + (sinceCount(r.key).map { [.int($0)] } ?? [])
            })
        guard !listing.write(format) else { return }
        var specs: [TextTable.Column] = [(by == .unit ? "Unit" : "Admin", 20, .left)]
        if by == .unit { specs.append(("Nama", 36, .left)) }
        specs += [("Today", 8, .right), ("Week", 8, .right)]
        if since != nil { specs.append(("Since", 8, .right)) }
        let columns = TextTable(specs)
        var out = StdoutWriter()
        out.line(columns.header)
        for r in rows {
            let counts = [String(r.counts.today), String(r.counts.week)] + (sinceCount(r.key).map { [String($0)] } ?? [])
            let first = String(repeating: " ", count: min(r.depth, 4)) + r.key
            out.line(columns.row(by == .unit ? [first, r.name] + counts : [first] + counts))
        }
        let total = unit.map { activity.counts(unit: $0) } ?? activity.total
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = context.timeZone
        formatter.formatOptions = [.withFullDate]
        out.line(
            "Entered today \(total.today), this week \(total.week) (since Monday \(formatter.string(from: activity.startOfWeek)))"
                + (sinceCounts.map { counts in
                    ", since \(since!) \(unit.map { counts.count(unit: $0) } ?? counts.total)"
                } ?? ""))
        out.flush()
    }
}
