import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles

/// The contract's exit codes.
enum ExitStatus {
    static let invalid: Int32 = 1
    static let usage: Int32 = 2
}

/// A user-facing failure: a clear message in the admin's language (see ``Output/text(id:en:)``)
/// and an exit code.
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
    /// The language of the command line's messages: --lang, else $IPASN_LANG, else Indonesian.
    /// Read from the arguments themselves, so that even a parse error speaks it.
    static var language: Language {
        GlobalOptions.languageOfArguments(Array(CommandLine.arguments.dropFirst()))
    }

    /// `id` or `en` text, by ``language``.
    static func text(id: String, en: String) -> String { language == .id ? id : en }

    /// One line on stderr, prefixed with `kesalahan: ` (`error: `) once, however the message began.
    static func error(_ message: String) {
        var text = message
        // "error: Error: ..." is never doubled: any prefix the message brings is dropped.
        while let range = text.range(of: #"^\s*(error|Error|ERROR|kesalahan)\s*:\s*"#, options: .regularExpression) {
            text.removeSubrange(range)
        }
        text = (language == .id ? "kesalahan: " : "error: ") + text
        writeStderr(TerminalSafe.escape(text.hasSuffix("\n") ? String(text.dropLast()) : text, keepingLineBreaks: true) + "\n")
    }

    /// Lines on stderr, with control characters from data escaped.
    static func stderrLine(_ text: String) {
        writeStderr(TerminalSafe.escape(text, keepingLineBreaks: true) + "\n")
    }

    /// Lines on stdout for a person (not JSON or CSV), with control characters from data escaped.
    static func print(_ text: String) {
        Swift.print(TerminalText.forTerminal(TerminalSafe.escape(text, keepingLineBreaks: true)))
    }

    /// A system error as a sentence in the admin's language, never Foundation's debugging
    /// dump (`Error Domain=NSCocoaErrorDomain Code=4 ...`).
    static func describe(_ error: any Error) -> String {
        let id = language == .id
        let ns = error as NSError
        if let sentence = Self.sentence(for: ns, id: id) { return sentence }
        let text = String(describing: error)
        if text.contains("Error Domain=") || text.isEmpty || ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain {
            return id
                ? "sistem menolak operasi berkas (kode \(ns.code)). Periksa nama, izin dan ruang disk."
                : "the system refused the file operation (code \(ns.code)). Check the name, permissions and disk space."
        }
        return text
    }

    private static func sentence(for ns: NSError, id: Bool) -> String? {
        var code = ns.code
        var posix = ns.domain == NSPOSIXErrorDomain
        if ns.domain == NSCocoaErrorDomain, let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            code = underlying.code
            posix = true
        }
        if posix {
            switch Int32(code) {
            case ENOENT: return id ? "berkas atau folder tidak ada." : "no such file or folder."
            case EACCES, EPERM: return id ? "tidak ada izin untuk berkas itu." : "no permission for that file."
            case ENOSPC, EDQUOT: return id ? "disk penuh; kosongkan ruang lalu coba lagi." : "the disk is full; free some space and try again."
            case EROFS: return id ? "disk hanya-baca; tidak bisa menulis di situ." : "the disk is read-only; nothing can be written there."
            case EISDIR: return id ? "itu sebuah folder, bukan berkas." : "that is a folder, not a file."
            case ENOTDIR: return id ? "salah satu bagian jalurnya bukan folder." : "a part of the path is not a folder."
            default: return nil
            }
        }
        guard ns.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return id ? "berkas atau folder tidak ada." : "no such file or folder."
        case .fileReadNoPermission, .fileWriteNoPermission: return id ? "tidak ada izin untuk berkas itu." : "no permission for that file."
        case .fileWriteOutOfSpace: return id ? "disk penuh; kosongkan ruang lalu coba lagi." : "the disk is full; free some space and try again."
        case .fileWriteVolumeReadOnly:
            return id ? "disk hanya-baca; tidak bisa menulis di situ." : "the disk is read-only; nothing can be written there."
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding:
            return id ? "isi berkas tidak bisa dibaca (bukan teks yang dikenal)." : "the file's content cannot be read (not recognisable text)."
        case .fileWriteFileExists: return id ? "berkas itu sudah ada." : "that file already exists."
        default: return nil
        }
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
