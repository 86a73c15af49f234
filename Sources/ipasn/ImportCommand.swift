import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

extension ImportKind: ExpressibleByArgument {}

/// `ipasn import KIND FILE [--sheet NAME] [--skip-invalid]`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV or Excel (.xlsx) file of units, pegawai, pendidikan, diklat, skp or disiplin.",
        discussion: """
            Without --skip-invalid the file is imported whole or not at all: any invalid row \
            stops the import, every problem is listed on stderr as `line N, column C: message`, \
            and the exit code is 1. With --skip-invalid the valid rows are imported and the \
            rejected ones are written, with an `alasan` (reason) column, to FILE.rejected.csv \
            next to the input (its name is printed). An .xlsx file is read from its first sheet \
            (or --sheet NAME); its line numbers are the spreadsheet's row numbers. \
            `ipasn template KIND --out FILE.xlsx` writes a template to fill in. SIASN's shapes             (what `ipasn export siasn-KIND` writes, with SIASN's codes) import as their kind,             and SIASN's "Export Data ASN" file as pegawai (with each employee's education as             pendidikan). With --skip-existing, always for a SIASN file, rows the database             holds already are passed over and counted as already present.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("units, pegawai, pendidikan, diklat, skp or disiplin.", valueName: "kind"))
    var kind: ImportKind

    @Argument(
        help: ArgumentHelp(
            "The CSV file (, or ; separated, UTF-8 or Windows-1252) or Excel workbook (.xlsx).", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The sheet of an .xlsx file to read (default: the first).", valueName: "name"))
    var sheet: String?

    @Flag(name: .long, help: "Import the valid rows and write the rejected ones, with the reason, to a file.")
    var skipInvalid = false

    @Flag(name: .long, help: "Pass over rows the database holds already (always on for a file in SIASN's shape).")
    var skipExisting = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CLIError("cannot read \(file): no such file.")
        }
        if isDirectory.boolValue { throw CLIError("cannot import \(file): it is a directory, not a CSV or .xlsx file.") }
        if sheet != nil && !Importer.isXLSX(file) { throw CLIError("--sheet is for .xlsx files; \(file) is read as CSV.") }
        let store = try global.openStore(.create)
        let importer = Importer(store: store)
        try show(
            read {
                try importer.importFile(
                    kind: kind, path: file, sheet: sheet, skipInvalid: skipInvalid, today: global.context.today,
                    skipExisting: skipExisting)
            })
        if kind == .pegawai, try SIASNEmployeeFile.carriesPendidikan(header: header()) {
            try show(
                read {
                    try importer.importEmployeeFileEducation(
                        path: file, sheet: sheet, skipInvalid: skipInvalid, today: global.context.today)
                })
        }
    }

    /// The header of the file (the first line, or the sheet's header row).
    private func header() throws -> [String] {
        if Importer.isXLSX(file) {
            return try XLSXImportSource(kind: kind, path: file, sheet: sheet, today: global.context.today).header
        }
        return try CSVImportSource(kind: kind, path: file, today: global.context.today).header
    }

    private func read(_ body: () throws -> ImportReport) throws -> ImportReport {
        do {
            return try body()
        } catch let error as ImportFileError {
            throw CLIError("\(file): \(error.message(.en))")
        } catch let error as XLSXError {
            throw CLIError(error.message(.en))
        }
    }

    private func show(_ report: ImportReport) throws {
        let kind = report.kind
        let errors = report.issues.filter { $0.issue.severity == .error }
        for message in report.messages(.en) { Output.stderrLine(message) }
        if !skipInvalid && !errors.isEmpty {
            throw CLIError(
                "\(file): \(errors.count) problem\(errors.count == 1 ? "" : "s") found; nothing was imported.")
        }
        print("imported \(report.imported) \(kind.rawValue) row\(report.imported == 1 ? "" : "s")")
        let present = report.alreadyPresentLines.count
        if present > 0 {
            print("\(present) \(kind.rawValue) row\(present == 1 ? " was" : "s were") already present, not imported again")
        }
        if let rejected = report.rejectedPath {
            let rows = Set(errors.map(\.line)).count
            print("rejected \(rows) row\(rows == 1 ? "" : "s"), written with the reason to \(rejected)")
        }
    }
}
