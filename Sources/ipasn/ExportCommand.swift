import ArgumentParser
import Foundation
import IPASNCore
import IPASNDemo
import IPASNStore

/// What `ipasn export` can write.
enum ExportKind: String, ExpressibleByArgument, CaseIterable {
    case units, pegawai, pendidikan, diklat, skp, disiplin
    case siasnKursus = "siasn-kursus"
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv
    case json
}

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

    static let siasnKursusKeys = [
        "nip", "jenisDiklatId", "namaKursus", "institusiPenyelenggara", "tanggalKursus", "tanggalSelesaiKursus",
        "jumlahJam", "nomorSertipikat", "tahunKursus",
    ]

    func run() throws {
        let store = try global.openStore()
        var sink = try ExportSink(path: out, format: format)
        let header: [String]
        switch kind {
        case .siasnKursus: header = Self.siasnKursusKeys
        default: header = ImportFormat.header(CSVFileKind(rawValue: kind.rawValue)!)
        }
        sink.begin(header)
        let units = try store.units()
        var count = 0
        if kind == .units {
            for unit in units {
                sink.row(ImportFormat.fields(unit), numeric: [])
                count += 1
            }
        } else {
            // Every employee once, unit by unit in tree order.
            for pegawai in try Self.allPegawai(store, units: units) {
                switch kind {
                case .pegawai:
                    sink.row(ImportFormat.fields(pegawai), numeric: [])
                    count += 1
                default:
                    guard let stored = try store.records(nip: pegawai.nip) else { continue }
                    for record in Self.records(stored.plain, kind) {
                        if kind == .siasnKursus {
                            guard case .diklat(let d) = record else { continue }
                            sink.row(Self.siasnKursus(d), numeric: [1, 6, 8])
                        } else {
                            sink.row(ImportFormat.fields(record), numeric: Self.numericColumns(kind))
                        }
                        count += 1
                    }
                }
            }
        }
        try sink.finish()
        if let out { Output.stderrLine("exported \(count) \(kind.rawValue) rows to \(out)") }
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

    static func records(_ r: EmployeeRecords, _ kind: ExportKind) -> [Record] {
        switch kind {
        case .pendidikan: return r.pendidikan.map(Record.pendidikan)
        case .diklat: return r.diklat.map(Record.diklat)
        case .skp: return r.skp.map(Record.skp)
        case .disiplin: return r.disiplin.map(Record.disiplin)
        case .siasnKursus: return r.diklat.filter { $0.jenis != .struktural }.map(Record.diklat)
        case .units, .pegawai: return []
        }
    }

    /// Column positions written as JSON numbers.
    static func numericColumns(_ kind: ExportKind) -> Set<Int> {
        switch kind {
        case .diklat: return [1, 7]
        case .skp: return [1, 3]
        default: return []
        }
    }

    static func siasnKursus(_ d: Diklat) -> [String] {
        [
            d.nip, String(d.jenis.id), d.nama, d.penyelenggara, d.tanggalMulai.dayFirst, d.tanggalSelesai.dayFirst,
            String(d.jp), d.nomorSertifikat, String(d.tanggalSelesai.year),
        ]
    }
}

/// Streams export rows as CSV or a JSON array to stdout or a file.
struct ExportSink {
    let format: ExportFormat
    let handle: FileHandle
    let closeAtEnd: Bool
    var keys: [String] = []
    var buffer = ""
    var rows = 0

    init(path: String?, format: ExportFormat) throws {
        self.format = format
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

    mutating func begin(_ keys: [String]) {
        self.keys = keys
        if format == .csv { buffer += CSVOut.line(keys) + "\n" }
    }

    mutating func row(_ fields: [String], numeric: Set<Int>) {
        switch format {
        case .csv:
            buffer += CSVOut.line(fields) + "\n"
        case .json:
            var pairs: [(String, JSONValue)] = []
            for (i, key) in keys.enumerated() {
                let value = i < fields.count ? fields[i] : ""
                if numeric.contains(i), let number = Double(value) {
                    pairs.append((key, .number(number)))
                } else if numeric.contains(i) && value.isEmpty {
                    pairs.append((key, .null))
                } else {
                    pairs.append((key, .string(value)))
                }
            }
            buffer += (rows == 0 ? "[\n  " : ",\n  ") + JSONValue.object(pairs).text
        }
        rows += 1
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    mutating func finish() throws {
        if format == .json { buffer += rows == 0 ? "[]\n" : "\n]\n" }
        flush()
        if closeAtEnd { try handle.close() }
    }
}
