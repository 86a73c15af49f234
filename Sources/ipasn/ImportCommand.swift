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
            next to the input (its name is printed).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("units, pegawai, pendidikan, diklat, skp or disiplin.", valueName: "kind"))
    var kind: ImportKind

    @Argument(help: ArgumentHelp("The CSV file (, or ; separated, UTF-8 or Windows-1252).", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Import the valid rows and write the rejected ones, with the reason, to a file.")
    var skipInvalid = false

    func run() throws {
        let language = global.language
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CLIError(Output.text(id: "tidak bisa membaca \(file): berkas tidak ada.", en: "cannot read \(file): no such file."))
        }
        if isDirectory.boolValue {
            throw CLIError(
                Output.text(
                    id: "tidak bisa mengimpor \(file): itu folder, bukan berkas CSV.",
                    en: "cannot import \(file): it is a directory, not a CSV file."))
        }
        let store = try global.openStore()
        let importer = Importer(store: store)
        let report: ImportReport
        let nothing = Output.text(id: "Tidak ada yang diimpor.", en: "Nothing was imported.")
        do {
            report = try importer.importFile(
                kind: kind, path: file, skipInvalid: skipInvalid, today: global.context.today)
        } catch let error as ImportFileError {
            throw CLIError("\(file): \(error.message(language))")
        } catch let error as CSVReadError {
            throw CLIError("\(file): \(error.message(language)) \(nothing)")
        } catch let error as CocoaError {
            throw CLIError(
                Output.text(id: "impor \(file) gagal: \(Output.describe(error))", en: "importing \(file) failed: \(Output.describe(error))"))
        }
        let errors = report.issues.filter { $0.issue.severity == .error }
        // Only the shown lines are formatted for the screen; the whole list goes to a file.
        let lines = report.issues.map { ImportReport.message($0, language) }
        ProblemList.report(lines, listPath: ProblemList.listPath(for: file))
        if !skipInvalid && !errors.isEmpty {
            throw CLIError(
                Output.text(
                    id: "\(file): \(errors.count) masalah ditemukan; tidak ada yang diimpor.",
                    en: "\(file): \(errors.count) problem\(errors.count == 1 ? "" : "s") found; nothing was imported."))
        }
        let encoding = report.windows1252 ? Output.text(id: " (dibaca sebagai Windows-1252)", en: " (read as Windows-1252)") : ""
        Output.print(
            Output.text(
                id: "\(report.imported) baris \(kind.rawValue) diimpor\(encoding)",
                en: "imported \(report.imported) \(kind.rawValue) row\(report.imported == 1 ? "" : "s")\(encoding)"))
        if let rejected = report.rejectedPath {
            let rows = Set(errors.map(\.line)).count
            Output.print(
                Output.text(
                    id: "\(rows) baris ditolak; alasannya ditulis ke \(rejected)",
                    en: "rejected \(rows) row\(rows == 1 ? "" : "s"), written with the reason to \(rejected)"))
        }
    }
}
