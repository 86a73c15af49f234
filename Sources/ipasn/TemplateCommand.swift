import ArgumentParser
import Foundation
import IPASNFiles
import IPASNStore

/// `ipasn template KIND [--out FILE.xlsx]`: an Excel template to fill in and import.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an Excel (.xlsx) template for an import kind.",
        discussion: """
            The first sheet has the columns `ipasn import KIND` reads, with drop-down lists \
            (jenis, tingkat, predikat, status, Y/N), NIP cells formatted as text and dates as \
            dd-mm-yyyy; the sheet Petunjuk explains each column in Indonesian. Fill it in and \
            import it with `ipasn import KIND FILE.xlsx`.
            """)

    @Argument(help: ArgumentHelp("units, pegawai, pendidikan, diklat, skp or disiplin.", valueName: "kind"))
    var kind: ImportKind

    @Option(name: .long, help: ArgumentHelp("The file to write (default: template-KIND.xlsx).", valueName: "file"))
    var out: String?

    func run() throws {
        let path = out ?? "template-\(kind.rawValue).xlsx"
        guard path.lowercased().hasSuffix(".xlsx") else { throw CLIError(Output.text(id: "--out harus berkas .xlsx: \(path)", en: "--out must name an .xlsx file: \(path)")) }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw CLIError(
                Output.text(
                    id: "tidak bisa menulis \(path): folder \(directory) tidak ada.", en: "cannot write \(path): no such directory \(directory)."))
        }
        do {
            try ImportTemplate.write(kind: kind, to: path)
        } catch let error as XLSXWriteError {
            throw CLIError(error.description)
        }
        Output.print(
            Output.text(
                id: "templat \(kind.rawValue) ditulis ke \(path)", en: "wrote the \(kind.rawValue) template to \(path)"))
    }
}
