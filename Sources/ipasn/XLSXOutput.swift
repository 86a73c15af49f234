import ArgumentParser
import Foundation
import IPASNFiles

/// `--out FILE.xlsx` of the reports that can be written as a workbook (`--format xlsx`).
struct XLSXOutput: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("With --format xlsx: the .xlsx file to write.", valueName: "file"))
    var out: String?

    /// The file to write for `format`: nil for the other formats (which take no --out).
    func path(for format: ListFormat) throws -> String? {
        guard format == .xlsx else {
            if out != nil { throw CLIError.usage("--out is for --format xlsx; the other formats go to standard output.") }
            return nil
        }
        guard let out else { throw CLIError.usage("--format xlsx needs --out FILE.xlsx.") }
        guard out.lowercased().hasSuffix(".xlsx") else { throw CLIError("--out must name an .xlsx file: \(out)") }
        let directory = (out as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw CLIError("cannot write \(out): no such directory \(directory).")
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
        print("wrote \(path)")
    }
}
