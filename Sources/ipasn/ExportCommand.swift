import ArgumentParser
import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `ipasn export KIND [--format csv|json] [--out F]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records in the import format (or SIASN riwayat kursus with siasn-kursus).",
        discussion: """
            KIND is units, pegawai, pendidikan, diklat, skp, disiplin or siasn-kursus. CSV \
            output has the import columns and reads back with `ipasn import`; JSON is an array \
            of objects with the same keys. siasn-kursus lists every non-leadership course as \
            SIASN riwayat kursus (nip, jenisDiklatId, namaKursus, institusiPenyelenggara, \
            tanggalKursus, tanggalSelesaiKursus, jumlahJam, nomorSertipikat, tahunKursus; dates d-m-Y).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("units, pegawai, pendidikan, diklat, skp, disiplin or siasn-kursus.", valueName: "kind"))
    var kind: ExportKind

    @Option(name: .long, help: "csv or json.")
    var format: ExportFormat = .csv

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        let store = try global.openStore()
        let sink = try ExportSink(path: out)
        var writer = ExportWriter(format: format, kind: kind, output: sink.write)
        let units = try store.units()
        if kind == .units {
            for unit in units { try writer.row(ImportFormat.fields(unit)) }
        } else {
            // Every employee once, unit by unit in tree order.
            for pegawai in try Self.allPegawai(store, units: units) {
                if kind == .pegawai {
                    try writer.row(ImportFormat.fields(pegawai))
                } else if let stored = try store.records(nip: pegawai.nip) {
                    for row in kind.rows(stored.plain) { try writer.row(row) }
                }
            }
        }
        try writer.finish()
        try sink.close()
        if let out { Output.stderrLine("exported \(writer.rows) \(kind.rawValue) rows to \(out)") }
    }

    /// Every employee, each once, in unit tree order then by name.
    static func allPegawai(_ store: any Store, units: [OrgUnit]) throws -> [Pegawai] {
        var seen = Set<String>()
        var result: [Pegawai] = []
        for root in UnitTree(units).roots {
            for p in try store.pegawai(inUnit: root.kode, includeSubunits: true) where seen.insert(p.nip).inserted {
                result.append(p)
            }
        }
        return result
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
