import ArgumentParser
import Foundation
import IPASNPostgres
import IPASNReports
import IPASNStore

/// `ipasn migrate --to postgresql://...`: copies a whole SQLite database into an empty
/// PostgreSQL database (one transaction: all or nothing), then proves the copy. With `--join`
/// the target (PostgreSQL or another SQLite file) already holds other instansi's data: the
/// file joins it, history kept (``DatabaseJoin``), proved by ``JoinProof`` (`MigrateJoin`).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy the whole SQLite database into an empty PostgreSQL database, and prove the copy.",
        discussion: "The source is --db (or $IPASN_DB, or the default database); it is only read. The target "
            + "(postgresql://host/database, made by the server's administrator with createdb) must hold no ipasn "
            + "data: its tables are created when missing. The copy is one transaction (all or nothing). Then both "
            + "databases are compared through ipasn itself: row counts, every employee and record, every cached "
            + "year's scores and unit figures, accounts, progress marks, the audit log, and `ipasn check` on both. "
            + "With --join the target (postgresql://... or a SQLite file) already holds other instansi's data: the file's "
            + "units join it with their whole history (audit log, verdicts, progress marks, SIASN export batches, accounts), "
            + "in one transaction, refused with every clash named (unit codes, NIPs, accounts) when they do not fit.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The PostgreSQL database to copy into (with --join also a SQLite file).", valueName: "postgresql://..."))
    var to: String

    @Flag(name: .long, help: "Join a database that already holds other instansi's data (history kept).")
    var join = false

    @Option(
        name: .customLong("rename"), parsing: .singleValue,
        help: ArgumentHelp("With --join: the file's unit OLD lands as NEW in the target (repeatable).", valueName: "OLD=NEW"))
    var renames: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --join: every other unit of the file lands with this prefix before its code.", valueName: "prefix"))
    var renamePrefix: String?

    func run() throws {
        let language = global.language
        func say(_ id: String, _ en: String) -> String { language == .id ? id : en }
        if join { return try MigrateJoin(global: global, to: to, renames: renames, renamePrefix: renamePrefix).run() }
        guard renames.isEmpty && renamePrefix == nil else {
            throw CLIError.usage(say("--rename dan --rename-prefix hanya bersama --join.", "--rename and --rename-prefix go with --join only."))
        }
        guard StoreOpener.isServer(to) else {
            throw CLIError.usage(say("--to harus basis data PostgreSQL: postgresql://server/basisdata.",
                "--to must be a PostgreSQL database: postgresql://server/database."))
        }
        guard !StoreOpener.isServer(global.databasePath) else {
            throw CLIError.usage(say("migrate menyalin dari berkas SQLite (--db BERKAS).", "migrate copies from a SQLite file (--db FILE)."))
        }
        let source = try global.openDatabase(.read)
        guard let sqlite = source.store as? SQLiteStore else {
            throw CLIError.usage(say("migrate menyalin dari berkas SQLite (--db BERKAS).", "migrate copies from a SQLite file (--db FILE)."))
        }
        let name = PostgresStore.displayName(to)
        let report: PostgresCopy.Report
        do {
            let target = try PostgresCopy(to)
            try sqlite.exportTables(order: PostgresCopy.tableOrder) { try target.copy($0) }
            report = try target.finish()
        } catch let error as PostgresCopyError {
            throw CLIError(error.message(language))
        } catch let error as StoreError {
            throw CLIError(error.message(language))
        }
        for (table, rows) in report.tables { print("  \(table): \(rows)") }
        print(say("disalin ke \(name): \(report.tables.count) tabel", "copied into \(name): \(report.tables.count) tables"))
        // The proof, through ipasn itself on both engines.
        let target: any Store
        do {
            target = try PostgresStore(to, context: global.context, access: .read)
        } catch let error as StoreError {
            throw CLIError(error.message(language))
        }
        try Self.prove(
            try StoreComparison.differences(sqlite, target, years: report.cachedYears),
            checks: [("SQLite", try sqlite.check()), ("PostgreSQL", try target.check())]
        ) {
            say("salinan TIDAK sama dengan aslinya: \($0) perbedaan.", "the copy does NOT match the original: \($0) difference(s).")
        }
        let years = report.cachedYears.map(String.init).joined(separator: ", ")
        print(say(
            "terbukti sama: jumlah baris, pegawai dan riwayatnya, skor dan angka unit (tahun \(years)), akun, tanda selesai, log audit; ipasn check OK di keduanya",
            "proved identical: row counts, employees and their records, scores and unit figures (years \(years)), accounts, progress marks, audit log; ipasn check OK on both"))
    }

    /// A proof's differences and `ipasn check` of both databases: each listed on stderr, then
    /// `failure(count)` thrown; nothing when all agree.
    static func prove(_ differences: [String], checks: [(String, [String])], failure: (Int) -> String) throws {
        var problems = differences
        for (which, found) in checks { problems += found.map { "\(which): \($0)" } }
        guard problems.isEmpty else {
            for problem in problems { Output.stderrLine(problem) }
            throw CLIError(failure(problems.count))
        }
    }
}
