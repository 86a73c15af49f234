import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

extension ImportKind: ExpressibleByArgument {}

/// `ipasn import KIND FILE [--skip-invalid]`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file of units, pegawai, pendidikan, diklat, skp or disiplin.",
        discussion: """
            Without --skip-invalid the file is imported whole or not at all: any invalid row \
            stops the import, every problem is listed on stderr as `line N, column C: message`, \
            and the exit code is 1. With --skip-invalid the valid rows are imported and the \
            rejected ones are written, with an `alasan` (reason) column, to FILE.rejected.csv \
            next to the input (its name is printed). A pegawai file that changes employees             already on file says how many and lists the first changes (every one with             --dry-run); their old values are kept in the audit log. With --dry-run the file is             checked and reported exactly as an import would be, and nothing is written.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("units, pegawai, pendidikan, diklat, skp or disiplin.", valueName: "kind"))
    var kind: ImportKind

    @Argument(help: ArgumentHelp("The CSV file (, or ; separated, UTF-8 or Windows-1252).", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Import the valid rows and write the rejected ones, with the reason, to a file.")
    var skipInvalid = false

    @Flag(name: .long, help: "Check the file and report what an import would do (every change); write nothing.")
    var dryRun = false

    /// How many changed employees the summary lists when not a dry run.
    static let changesListed = 10

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CLIError("cannot read \(file): no such file.")
        }
        if isDirectory.boolValue { throw CLIError("cannot import \(file): it is a directory, not a CSV file.") }
        let store = try global.openStore()
        let importer = Importer(store: store)
        let report: ImportReport
        do {
            report = try importer.importFile(
                kind: kind, path: file, skipInvalid: skipInvalid, today: global.context.today, dryRun: dryRun)
        } catch let error as ImportFileError {
            throw CLIError("\(file): \(error.message(.en))")
        }
        let errors = report.issues.filter { $0.issue.severity == .error }
        for message in report.messages(.en) { Output.stderrLine(message) }
        if !skipInvalid && !errors.isEmpty {
            throw CLIError(
                "\(file): \(errors.count) problem\(errors.count == 1 ? "" : "s") found; nothing was imported.")
        }
        for line in Self.summary(report, kind: kind) { print(line) }
    }

    /// What the import did (or, in a dry run, would do), as stdout lines.
    static func summary(_ report: ImportReport, kind: ImportKind) -> [String] {
        func rows(_ n: Int) -> String { "\(n) \(kind.rawValue) row\(n == 1 ? "" : "s")" }
        var lines: [String] = []
        lines.append(report.dryRun ? "dry run: would import \(rows(report.imported))" : "imported \(rows(report.imported))")
        if kind == .pegawai {
            let verb = report.dryRun ? "would add" : "added"
            let unchanged = report.imported - report.added - report.changes.count
            lines.append(
                "\(verb) \(report.added) new pegawai, \(report.dryRun ? "would change" : "changed") \(report.changes.count)"
                    + " existing, \(unchanged) unchanged")
            let shown = report.dryRun ? report.changes : Array(report.changes.prefix(changesListed))
            for change in shown { lines.append("  line \(change.line), " + change.summary) }
            if shown.count < report.changes.count {
                lines.append(
                    "  ... and \(report.changes.count - shown.count) more (ipasn import --dry-run lists every change;"
                        + " the old values are kept in the audit log)")
            }
        }
        let refused = Set(report.issues.filter { $0.issue.severity == .error }.map(\.line)).count
        if let rejected = report.rejectedPath {
            lines.append("rejected \(refused) row\(refused == 1 ? "" : "s"), written with the reason to \(rejected)")
        } else if report.dryRun && refused > 0 {
            lines.append("would reject \(refused) row\(refused == 1 ? "" : "s")")
        }
        if report.dryRun { lines.append("nothing was written (dry run)") }
        return lines
    }
}
