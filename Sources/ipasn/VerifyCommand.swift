import ArgumentParser
import Foundation
import IPASNCore
import IPASNReports
import IPASNStore

/// `ipasn verify ...`: the verification of records (verdicts by verifikators and operators
/// only; the store decides).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "List records by verification status, accept or reject them, mark their documents.",
        subcommands: [VerifyListCommand.self, VerifyAcceptCommand.self, VerifyRejectCommand.self, VerifyDocumentCommand.self])
}

extension VerificationStatus: ExpressibleByArgument {}

/// A record id as the lists print it: `diklat#12` (or `diklat:12`).
struct RecordIDArgument: ExpressibleByArgument {
    var id: RecordID

    init?(argument: String) {
        let parts = argument.split(whereSeparator: { $0 == "#" || $0 == ":" }).map(String.init)
        guard parts.count == 2, let kind = RecordKind(rawValue: parts[0].lowercased()), let number = Int64(parts[1]), number > 0
        else { return nil }
        id = RecordID(kind: kind, id: number)
    }
}

enum VerifyText {
    static func status(_ v: RecordVerification, _ language: Language) -> String {
        v.status == .tidak ? "\(v.status.name(language)): \(v.reason)" : v.status.name(language)
    }

    static func document(_ v: RecordVerification, _ language: Language) -> String {
        guard v.documentInHand else { return language == .id ? "belum" : "no" }
        return v.documentPath.isEmpty ? (language == .id ? "ada" : "yes") : v.documentPath
    }
}

/// `ipasn verify list [--unit U] [--status belum|memenuhi|tidak] [--limit N]`.
struct VerifyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Records of a unit (with its sub-units) by status: the queue oldest first, or the verdicts given.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("A unit (with its sub-units); every unit when left out.", valueName: "kode"))
    var unit: String?
    @Option(name: .long, help: ArgumentHelp("belum (the queue, default), memenuhi or tidak.", valueName: "status"))
    var status: VerificationStatus = .belum
    @Option(name: .long, help: ArgumentHelp("At most this many records.", valueName: "n")) var limit = 200
    @Flag(name: .long, help: "The queue newest first (what came in last on top), with when and by whom; implied by --kind, --since, --by.")
    var newest = false
    @Option(name: .long, help: ArgumentHelp("Only this kind: pendidikan, diklat, skp or disiplin (the queue).", valueName: "kind"))
    var kind: RecordKind?
    @Option(name: .long, help: ArgumentHelp("Only records entered or changed on or after this day (the queue).", valueName: "day"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp("Only records entered or changed last by this login (the queue).", valueName: "login"))
    var by: String?

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if status != .belum && (newest || kind != nil || since != nil || by != nil) {
            throw ValidationError("--newest, --kind, --since and --by list the queue (--status belum).")
        }
    }

    func run() throws {
        let store = try global.openStore()
        let language = global.language
        if let unit, try !store.units().contains(where: { $0.kode == unit }) {
            throw CLIError(language == .id ? "Unit \(unit) tidak ada; lihat `ipasn report units`." : "There is no unit \(unit); see `ipasn report units`.")
        }
        if newest || kind != nil || since != nil || by != nil {
            try newestFirst(store, language)
            return
        }
        // One more than asked, to say that the list goes on.
        let items = try store.verificationQueue(unit: unit, status: status, limit: limit + 1)
        let id = language == .id
        let table = TextTable([
            ("ID", 13, .left), ("NIP", 18, .left), (id ? "Nama" : "Name", 18, .left), ("Unit", 8, .left),
            (id ? "Rincian" : "Details", 40, .left), (id ? "Dokumen" : "Document", 24, .left),
            ("Status", 100, .left),
        ])
        let shown = Array(items.prefix(limit))
        table.write(
            shown,
            footer: {
                let what = status.name(language)
                let more = items.count > limit ? (id ? " (masih ada lagi; naikkan --limit)" : " (more; raise --limit)") : ""
                return id ? "\(shown.count) data \(what)\(more)" : "\(shown.count) records \(what)\(more)"
            }
        ) { item in
            [
                item.id.description, item.pegawai.nip, item.pegawai.nama, item.pegawai.kodeUnit,
                RecordLine.kindName(item.id.kind, language) + ": " + RecordLine.describe(item.record, language),
                VerifyText.document(item.verification, language), VerifyText.status(item.verification, language),
            ]
        }
    }
}

extension VerifyListCommand {
    /// The queue newest first (``VerificationQueue``), with when and by whom each record came in.
    func newestFirst(_ store: any Store, _ language: Language) throws {
        let context = global.context
        var queue = VerificationQueue(scope: unit, kind: kind, by: by)
        queue.sinceDay = try since.map { try SinceOption.day($0, today: context.today) }
        let page = try queue.page(store, now: context.now(), timeZone: context.timeZone, limit: limit)
        let id = language == .id
        let table = TextTable([
            ("ID", 13, .left), ("NIP", 18, .left), (id ? "Nama" : "Name", 18, .left), ("Unit", 8, .left),
            (id ? "Rincian" : "Details", 40, .left), (id ? "Masuk" : "Entered", 16, .left), (id ? "Oleh" : "By", 12, .left),
            (id ? "Dokumen" : "Document", 24, .left),
        ])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        table.write(
            page.entries,
            footer: {
                id
                    ? "\(page.entries.count) dari \(page.matchingText(.id)) data yang cocok; \(page.total) belum diverifikasi; terbaru di atas"
                    : "\(page.entries.count) of \(page.matchingText(.en)) matching records; \(page.total) not verified; newest first"
            }
        ) { entry in
            let item = entry.item
            let at = entry.touchedAt.map { moment -> String in
                let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
                return String(format: "%02d-%02d-%04d %02d:%02d", p.day!, p.month!, p.year!, p.hour!, p.minute!)
            }
            return [
                item.id.description, item.pegawai.nip, item.pegawai.nama, item.pegawai.kodeUnit,
                RecordLine.kindName(item.id.kind, language) + ": " + RecordLine.describe(item.record, language),
                at ?? "-", entry.touchedBy ?? "-", VerifyText.document(item.verification, language),
            ]
        }
    }
}

extension RecordKind: ExpressibleByArgument {}

/// Gives one verdict to records, in one transaction.
private func verdict(_ ids: [RecordIDArgument], _ status: VerificationStatus, reason: String, _ global: GlobalOptions) throws {
    guard !ids.isEmpty else { throw CLIError(global.language == .id ? "Sebutkan ID data, --batch atau --event." : "Give record ids, --batch or --event.") }
    let store = try global.openStore(.write)
    let language = global.language
    let changed: Int
    do {
        changed = try store.setVerification(ids.map(\.id), status: status, reason: reason)
    } catch let failure as ValidationFailure {
        throw CLIError(failure.message(language))
    }
    let unchanged = Set(ids.map(\.id)).count - changed
    var line = language == .id ? "\(changed) data \(status.name(.id))" : "\(changed) records \(status.name(.en))"
    if unchanged > 0 { line += language == .id ? " (\(unchanged) sudah begitu)" : " (\(unchanged) already so)" }
    print(line)
}

/// `ipasn verify accept ID...`.
struct VerifyAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Mark records memenuhi syarat (verifikators and operators only).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Record ids as `verify list` prints them (diklat#12).", valueName: "id"))
    var ids: [RecordIDArgument] = []
    @OptionGroup var event: EventOptions

    func run() throws {
        if try event.judge(.memenuhi, reason: "", ids: ids, global) { return }
        try verdict(ids, .memenuhi, reason: "", global)
    }
}

/// `ipasn verify reject ID... --reason TEXT`.
struct VerifyRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Mark records tidak memenuhi syarat, with the reason the admin will see.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Record ids as `verify list` prints them (diklat#12).", valueName: "id"))
    var ids: [RecordIDArgument] = []
    @Option(name: .long, help: ArgumentHelp("What is wrong and what to correct (required).", valueName: "text"))
    var reason: String = ""
    @OptionGroup var event: EventOptions

    func run() throws {
        if try event.judge(.tidak, reason: reason, ids: ids, global) { return }
        try verdict(ids, .tidak, reason: reason, global)
    }
}

/// `ipasn verify document ID [--path P] [--remove]`.
struct VerifyDocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Mark a record's document (ijazah, sertifikat, dokumen SKP, SK hukuman) as in hand, or not.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A record id (diklat#12).", valueName: "id")) var id: RecordIDArgument
    @Option(name: .long, help: ArgumentHelp("Where the document is kept (optional).", valueName: "path")) var path: String = ""
    @Flag(name: .long, help: "The document is not in hand (any path is forgotten).") var remove = false

    func run() throws {
        let store = try global.openStore(.write)
        let language = global.language
        try store.setDocument(id.id, inHand: !remove, path: path)
        let document = RecordLine.documentName(id.id.kind, language)
        if remove {
            print(language == .id ? "\(id.id): \(document) belum ada" : "\(id.id): \(document) not in hand")
        } else {
            print(language == .id ? "\(id.id): \(document) ada" : "\(id.id): \(document) in hand")
        }
    }
}
