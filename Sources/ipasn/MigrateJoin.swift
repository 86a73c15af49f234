import Foundation
import IPASNReports
import IPASNStore

/// `ipasn migrate --to TARGET --join`: the SQLite file (`--db`, only read) joins a database
/// that already holds other instansi's data (``DatabaseJoin``), then the join is proved
/// (``JoinProof``, `ipasn check` on both).
struct MigrateJoin {
    let global: GlobalOptions
    let to: String

    func run() throws {
        let language = global.language
        func say(_ id: String, _ en: String) -> String { language == .id ? id : en }
        guard !StoreOpener.isServer(global.databasePath) else {
            throw CLIError.usage(say("migrate menyalin dari berkas SQLite (--db BERKAS).", "migrate copies from a SQLite file (--db FILE)."))
        }
        if !StoreOpener.isServer(to) {
            guard FileManager.default.fileExists(atPath: to) else {
                throw CLIError.usage(say(
                    "--join menggabungkan ke basis data yang sudah ada; \(to) tidak ada (salin berkasnya saja bila tujuan belum ada).",
                    "--join joins an existing database; \(to) does not exist (just copy the file when there is no target yet)."))
            }
            guard URL(fileURLWithPath: to).standardizedFileURL.resolvingSymlinksInPath()
                != URL(fileURLWithPath: global.databasePath).standardizedFileURL.resolvingSymlinksInPath()
            else { throw CLIError.usage(say("--to sama dengan --db.", "--to is the --db file itself.")) }
        }
        let source = try global.openDatabase(.read)
        guard let file = source.store as? SQLiteStore else {
            throw CLIError.usage(say("migrate menyalin dari berkas SQLite (--db BERKAS).", "migrate copies from a SQLite file (--db FILE)."))
        }
        let opened: OpenedDatabase
        do {
            opened = try StoreOpener.open(to, context: global.context, access: .write)
        } catch let error as StoreError {
            throw CLIError(error.message(language))
        }
        let target = opened.store
        let login = global.context.actor
        let result: DatabaseJoin.Result
        let proof: JoinProof
        do {
            let refusal = try DatabaseJoin.refusals(source: file, target: target, login: login)
            guard refusal.isEmpty else { throw refusal }
            let targetYears = try target.cachedScoreYears()
            let years = try file.cachedScoreYears().filter { targetYears.isEmpty || targetYears.contains($0) }
            proof = try JoinProof(before: target, years: years)
            result = try DatabaseJoin.join(source: file, into: target, login: login)
        } catch let refusal as DatabaseJoin.Refusal {
            throw CLIError(refusal.message(language))
        } catch let error as TableCopyError {
            throw CLIError(error.message(language))
        } catch let error as StoreError {
            throw CLIError(error.message(language))
        }
        for (table, rows) in result.report.tables { print("  \(table): \(rows)") }
        print(say(
            "digabungkan ke \(opened.name): \(result.report.tables.count) tabel; id data mulai di atas \(result.used.records), id log audit di atas \(result.used.audit)",
            "joined into \(opened.name): \(result.report.tables.count) tables; record ids continue above \(result.used.records), audit ids above \(result.used.audit)"))
        try MigrateCommand.prove(
            try proof.differences(source: file, target: target, used: result.used),
            checks: [("berkas", try file.check()), ("tujuan", try target.check())]
        ) {
            say("gabungan TIDAK sama dengan berkasnya: \($0) perbedaan.", "the join does NOT match the file: \($0) difference(s).")
        }
        let years = proof.years.map(String.init).joined(separator: ", ")
        print(say(
            "terbukti sama: unit berkas di tujuan sama dengan berkasnya (pegawai dan riwayatnya, skor dan angka unit tahun \(years), data tertunda, antrean verifikasi, akun, tanda selesai, log audit); instansi lain di tujuan tidak berubah; ipasn check OK di keduanya",
            "proved: the file's units read the same in the target (employees and their records, scores and unit figures of \(years), pending counts, the verification queue, accounts, progress marks, audit log); the target's other instansi are unchanged; ipasn check OK on both"))
        // As `migrate`: the accounts come without PostgreSQL roles; `users set` makes each.
        if opened.provisionLogin != nil, !result.copiedAccounts.isEmpty {
            let commands = result.copiedAccounts.map { account in
                "ipasn users set \(account.login) --role \(account.role.rawValue)" + account.units.map { " --unit \($0)" }.joined()
            }
            print(say(
                "\(commands.count) akun disalin tanpa peran PostgreSQL; buat perannya (untuk akun yang tetap dipakai):",
                "\(commands.count) account(s) copied without PostgreSQL roles; make their roles (for the accounts that stay):"))
            for command in commands { print("  " + command) }
        }
    }
}
