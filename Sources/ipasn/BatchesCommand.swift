import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn batches`: the export batches, newest first.
struct BatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batches",
        abstract: "List the export batches (number, when, who, kind, rows, file), newest first.",
        discussion: """
            Every `ipasn export` of records is a numbered batch, kept once its file is completely \
            written. A batch in SIASN's shapes (siasn-KIND) marks its records sent.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "At most this many batches.")
    var limit: Int = 50

    @Option(name: .long, help: "Output format: table, json, csv or csv-id.")
    var format: ListFormat = .table

    static let keys = ["batch", "waktu", "oleh", "jenis", "format", "baris", "dihapus", "siasn", "pending", "unit", "sejak", "file"]

    func run() throws {
        guard format != .xlsx else {
            throw CLIError.usage(Output.text(id: "batches tidak punya format xlsx.", en: "batches has no xlsx format."))
        }
        let store = try global.openStore()
        let batches = try store.exportBatches(limit: max(limit, 0))
        let time = DateFormatter()
        time.locale = Locale(identifier: "en_US_POSIX")
        time.timeZone = global.context.timeZone
        time.dateFormat = "yyyy-MM-dd HH:mm"
        let listing = Listing(
            keys: Self.keys,
            rows: batches.map { b in
                [
                    .int(Int(b.number)), .text(time.string(from: b.at)), .text(b.actor), .text(b.kind), .text(b.format),
                    .int(b.rows), .int(b.deletions), .bool(b.marksSent), .bool(b.pendingOnly),
                    b.unit.map(Listing.Value.text) ?? .null, b.since.map { .text($0.iso) } ?? .null, .text(b.file),
                ]
            })
        guard !listing.write(format) else { return }
        var out = StdoutWriter()
        guard !batches.isEmpty else {
            out.line(Output.text(id: "Belum ada batch ekspor.", en: "No export batch yet."))
            out.flush()
            return
        }
        let columns = TextTable([
            ("No", 5, .right), (Output.text(id: "Waktu", en: "When"), 16, .left), (Output.text(id: "Oleh", en: "By"), 10, .left),
            (Output.text(id: "Jenis", en: "Kind"), 23, .left), (Output.text(id: "Baris", en: "Rows"), 7, .right),
            (Output.text(id: "Hapus", en: "Del"), 5, .right), ("File", 30, .left),
        ])
        out.line(columns.header)
        for b in batches {
            out.line(
                columns.row([
                    "#\(b.number)", time.string(from: b.at), b.actor, b.kind + (b.pendingOnly ? " --pending" : ""), String(b.rows),
                    String(b.deletions), b.file,
                ]))
        }
        out.flush()
    }
}
