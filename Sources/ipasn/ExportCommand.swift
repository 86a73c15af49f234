import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `ipasn export KIND [--format csv|csv-id|json] [--unit KODE] [--since DATE] [--out F]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records in the import format, or in SIASN's shapes (siasn-KIND).",
        discussion: """
            KIND is units, pegawai, pendidikan, diklat, skp, disiplin, or one of SIASN's shapes: \
            siasn-kursus, siasn-diklat-struktural, siasn-pendidikan, siasn-skp, siasn-disiplin \
            (SIASN's field names and codes, dates d-m-Y; docs/data-formats.md). CSV output \
            reads back with `ipasn import` (a siasn- file as its record kind); JSON is an array \
            of objects with the same keys. --unit takes one unit with its sub-units; --since the \
            records dated on or after DATE (a diklat by its end, an SKP by its year).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("units, pegawai, pendidikan, diklat, skp, disiplin or siasn-KIND.", valueName: "kind"))
    var kind: ExportKind

    @Option(name: .long, help: "csv, csv-id (for Indonesian Excel) or json.")
    var format: ExportFormat = .csv

    @Option(name: .long, help: ArgumentHelp("Only this unit's employees (with its sub-units).", valueName: "kode"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("Only records dated on or after this day.", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        let store = try global.openStore()
        var selection = ExportSelection(unit: unit)
        if let since {
            guard let day = LocalDate.parse(since) else { throw CLIError("--since \(since): not a date (YYYY-MM-DD or DD-MM-YYYY).") }
            selection.since = day
        }
        let sink = try ExportSink(path: out)
        var writer = ExportWriter(format: format, kind: kind, output: sink.write)
        let result: Exporter.Result
        do {
            result = try Exporter(store: store).export(kind, selection: selection, into: &writer)
        } catch let error as ExportError {
            throw CLIError(error.message(.en))
        }
        try writer.finish()
        try sink.close()
        if let out { Output.stderrLine("exported \(result.rows) \(kind.rawValue) rows to \(out)") }
        if result.left > 0 {
            Output.stderrLine(
                "\(result.left) SKP record\(result.left == 1 ? " is" : "s are") not in SIASN's 2022 shape "
                    + "(a year before 2022, or no PermenPANRB 6/2022 predikat) and left out")
        }
    }
}

/// Where an export goes: a file (created or emptied) or standard output.
struct ExportSink {
    let handle: FileHandle
    let closeAtEnd: Bool

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            else { throw CLIError("cannot write \(path).") }
            self.handle = handle
            closeAtEnd = true
        } else {
            handle = FileHandle.standardOutput
            closeAtEnd = false
        }
    }

    func write(_ data: Data) { handle.write(data) }

    func close() throws {
        if closeAtEnd { try handle.close() }
    }
}
