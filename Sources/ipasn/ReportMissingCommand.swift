import ArgumentParser
import Foundation
import IPASNCore
import IPASNReportFiles
import IPASNReports
import IPASNStore

/// `ipasn report missing`: employees without an SKP, a pendidikan or a kompetensi record.
struct ReportMissingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "Active employees without an SKP, a pendidikan or a kompetensi record for the year.",
        discussion: """
            What a unit's admin still has to enter: every active employee of --unit (sub-units \
            included; the whole database without it) who has no education on record, no SKP \
            that counts for the year, or no diklat, course or seminar finished in the year. In \
            unit tree order, then by name.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Option(name: .long, help: ArgumentHelp("Only this unit and its sub-units.", valueName: "kode"))
    var unit: String?

    @OptionGroup var output: XLSXOutput

    static let keys = ["nip", "nama", "kode_unit", "pendidikan", "skp", "kompetensi"]

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        let report: MissingRecords
        do {
            report = try MissingRecords.compute(store: store, unit: unit, year: year, ruleset: try store.ruleset())
        } catch ReportError.unknownUnit(let kode) {
            throw CLIError(Output.text(id: "unit \(kode) tidak dikenal.", en: "unknown unit \(kode)."))
        }
        if let path = try output.xlsxPath() {
            try XLSXOutput.write(path) {
                try MissingReport.write(
                    report, instansi: ReportTitle.instansi(try store.units()), language: global.language, to: path)
            }
            return
        }
        let listing = Listing(
            keys: Self.keys,
            rows: report.entries.map { e in
                [.text(e.pegawai.nip), .text(e.pegawai.nama), .text(e.pegawai.kodeUnit)]
                    + MissingRecord.allCases.map { .bool(e.missing.contains($0)) }
            })
        guard !listing.write(output.format) else { return }
        let columns = TextTable([("NIP", 18, .left), ("Nama", 24, .left), ("Unit", 12, .left), ("Missing", 22, .left)])
        var out = StdoutWriter()
        out.line(columns.header)
        for e in report.entries {
            out.line(
                columns.row([e.pegawai.nip, e.pegawai.nama, e.pegawai.kodeUnit, e.missing.map(\.rawValue).joined(separator: ", ")]))
        }
        let percent = NumberText.wholePercent(report.complete, of: report.pegawai).map { "\($0)%" } ?? "-"
        let counts = Completeness.required.map { "\($0.rawValue) \(report.count($0))" }.joined(separator: ", ")
        out.line(
            Output.text(
                id: "\(report.incomplete) dari \(report.pegawai) pegawai aktif belum lengkap untuk \(year) (lengkap \(percent)): "
                    + counts + "; tanpa kompetensi tahun ini: \(report.count(.kompetensi))",
                en: "\(report.incomplete) of \(report.pegawai) active employees incomplete for \(year) (complete \(percent)): "
                    + counts + "; no kompetensi this year: \(report.count(.kompetensi))"))
        out.flush()
    }
}
