import ArgumentParser
import Foundation
import IPASNCore
import IPASNReports
import IPASNStore

/// `ipasn history NIP` / `ipasn history --unit KODE`: who changed what and when, with the old
/// and new values in words, newest first, one page at a time (`--before ID` pages on).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "An employee's or a unit's change history from the audit log, newest first.",
        discussion: """
            Each change with its moment, the login that made it, what it was and the fields it \
            changed (old -> new). A unit's history holds its employees' (sub-units included) and \
            the unit's own saves and progress marks; imports are one entry per file and are not \
            listed. Pages of --limit entries; the last line names the --before of the next page.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The employee's NIP (or use --unit).", valueName: "nip"))
    var nip: String?

    @Option(name: .long, help: ArgumentHelp("A unit (with its sub-units) instead of an employee.", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("Only changes older than this audit id (the next page).", valueName: "id"))
    var before: Int64?

    @Option(name: .long, help: "Entries per page.")
    var limit: Int = 20

    func validate() throws {
        if (nip == nil) == (unit == nil) { throw ValidationError("Give a NIP or --unit KODE (one of them).") }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let store = try global.openStore()
        let context = global.context
        let subject: HistorySubject
        var out = StdoutWriter()
        if var unit {
            if !(try store.units().contains(where: { $0.kode == unit })) {
                // A code renamed away (`ipasn units rename`): the unit's history under its code now.
                guard let now = try store.renamedUnit(unit) else {
                    throw CLIError(Output.text(id: "unit \(unit) tidak dikenal.", en: "unknown unit \(unit)."))
                }
                out.line(
                    Output.text(
                        id: "Unit \(unit) kini berkode \(now) (kodenya diganti): riwayat \(now), termasuk masa kode \(unit).",
                        en: "Unit \(unit) is now \(now) (its code was changed): the history of \(now), the time under \(unit) included."))
                unit = now
            }
            subject = .unit(unit)
        } else {
            let digits = nip!.filter(\.isNumber)
            guard try store.pegawai(nip: digits) != nil else {
                throw CLIError(Output.text(id: "NIP \(nip!) tidak dikenal.", en: "unknown NIP \(nip!)."))
            }
            subject = .pegawai(digits)
        }
        let page = try HistoryPage.compute(store: store, subject: subject, before: before, limit: limit, language: Output.language)
        let formatter = DateFormatter()
        formatter.timeZone = context.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        for line in page.lines {
            out.line("#\(line.id)  \(formatter.string(from: line.at))  \(TerminalSafe.escape(line.actor))  \(TerminalSafe.escape(line.what))")
            for detail in line.details { out.line("    \(TerminalSafe.escape(detail))") }
        }
        if page.lines.isEmpty { out.line(Output.text(id: "Belum ada perubahan yang tercatat.", en: "No change recorded yet.")) }
        if let next = page.nextBefore {
            out.line(Output.text(id: "Halaman berikut: --before \(next)", en: "Next page: --before \(next)"))
        }
        out.flush()
    }
}
