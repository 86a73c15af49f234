import ArgumentParser
import Foundation
import IPASNFiles

/// `--format` and `--out FILE.xlsx` of the reports that can be written as a workbook
/// (`--format xlsx`) as well as listed.
struct XLSXOutput: ParsableArguments {
    @Option(name: .long, help: "Output format: table (numbers as --lang writes them: 70,17 in Indonesian, 70.17 in English), json or csv (a decimal point, for programs), csv-id (a decimal comma, for Indonesian Excel) or xlsx (with --out).")
    var format: ListFormat = .table

    @Option(name: .long, help: ArgumentHelp("With --format xlsx: the .xlsx file to write.", valueName: "file"))
    var out: String?

    /// The file to write with `--format xlsx`: nil for the other formats (which take no --out).
    func xlsxPath() throws -> String? {
        guard format == .xlsx else {
            if out != nil { throw CLIError.usage(
                    Output.text(
                        id: "--out hanya untuk --format xlsx; format lain ditulis ke keluaran standar.",
                        en: "--out is for --format xlsx; the other formats go to standard output.")) }
            return nil
        }
        guard let out else { throw CLIError.usage(Output.text(id: "--format xlsx perlu --out BERKAS.xlsx.", en: "--format xlsx needs --out FILE.xlsx.")) }
        guard out.lowercased().hasSuffix(".xlsx") else { throw CLIError(Output.text(id: "--out harus berkas .xlsx: \(out)", en: "--out must name an .xlsx file: \(out)")) }
        let directory = (out as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw CLIError(
                Output.text(
                    id: "tidak bisa menulis \(out): folder \(directory) tidak ada.", en: "cannot write \(out): no such directory \(directory)."))
        }
        return out
    }

    /// Writes with `body`, turning a write error into the CLI's message, and names the file.
    static func write(_ path: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as XLSXWriteError {
            throw CLIError(error.description)
        }
        Output.print(Output.text(id: "ditulis: \(path)", en: "wrote \(path)"))
    }
}
