import ArgumentParser
import Foundation
import IPASNFiles

/// The contract's exit codes.
enum ExitStatus {
    static let invalid: Int32 = 1
    static let usage: Int32 = 2
}

/// A user-facing failure: a clear English message and an exit code.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    init(_ message: String, code: Int32 = ExitStatus.invalid) {
        self.message = message
        self.code = code
    }

    static func usage(_ message: String) -> CLIError { CLIError(message, code: ExitStatus.usage) }

    var description: String { message }
}

/// Writing to stdout and stderr.
enum Output {
    /// One line on stderr, prefixed with `error: ` unless it already names its place.
    static func error(_ message: String) {
        let text = message.hasPrefix("error:") ? message : "error: " + message
        writeStderr(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Lines on stderr as they are.
    static func stderrLine(_ text: String) {
        writeStderr(text + "\n")
    }

    /// A system error in words, without Foundation's debugging dump.
    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain { return ns.localizedDescription }
        return String(describing: error)
    }

    static func writeStderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// The `--format` values of the listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
    /// CSV for Indonesian Excel: `;`, decimal comma, UTF-8 with a byte-order mark.
    case csvID = "csv-id"
    /// An .xlsx workbook laid out for print (`--out FILE.xlsx`; units, missing, interventions, score).
    case xlsx

    /// The CSV style, for the CSV formats.
    var csvStyle: CSVStyle? {
        switch self {
        case .csv: return .plain
        case .csvID: return .indonesian
        case .table, .json, .xlsx: return nil
        }
    }
}
