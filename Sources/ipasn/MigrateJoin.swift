import Foundation
import IPASNCore
import IPASNReports
import IPASNStore

/// `ipasn migrate --to TARGET --join`: the SQLite file (`--db`, only read) joins a database
/// that already holds other instansi's data (``DatabaseJoin``), then the join is proved
/// (``JoinProof``, `ipasn check` on both).
struct MigrateJoin {
    let global: GlobalOptions
    let to: String
    var renames: [String] = []
    var renamePrefix: String?

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
        guard let original = source.store as? SQLiteStore else {
            throw CLIError.usage(say("migrate menyalin dari berkas SQLite (--db BERKAS).", "migrate copies from a SQLite file (--db FILE)."))
        }
        let rename: JoinRenames
        switch JoinRenames.parse(renames, prefix: renamePrefix) {
        case .success(let parsed): rename = parsed
        case .failure(let bad):
            throw CLIError.usage(say("--rename \(bad.text): tulis LAMA=BARU, misalnya --rename DISDIK=KOTA-DISDIK.",
                "--rename \(bad.text): write OLD=NEW, for example --rename DISDIK=KOTA-DISDIK."))
        }
        // Renames are made in a copy of the file (the file itself is only read), then the copy joins.
        let workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-join-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workDirectory) }
        let file = try rename.isEmpty ? original : renamedCopy(original, rename, in: workDirectory)
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
            checks: [("berkas", try original.check()), ("tujuan", try target.check())]
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

    /// A copy of the file in `directory` with the renames made (each audited under the caller),
    /// proved to read as the file under the new codes (``UnitRenameProof``); prints each rename.
    private func renamedCopy(_ original: SQLiteStore, _ rename: JoinRenames, in directory: URL) throws -> SQLiteStore {
        func say(_ id: String, _ en: String) -> String { global.language == .id ? id : en }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let proof = try UnitRenameProof(before: original, years: try original.cachedScoreYears())
        let copy: SQLiteStore
        let made: [JoinRenames.Pair]
        do {
            (copy, made) = try rename.renamedCopy(of: original, at: directory.appendingPathComponent("berkas.sqlite").path, context: global.context)
        } catch let failure as ValidationFailure {
            throw CLIError(say("Penggabungan ditolak; tidak ada yang disalin: ", "The join is refused; nothing was copied: ") + failure.message(global.language))
        } catch let error as StoreError {
            throw CLIError(say("Penggabungan ditolak; tidak ada yang disalin: ", "The join is refused; nothing was copied: ") + error.message(global.language))
        }
        let mapping = Dictionary(made.map { ($0.old, $0.new) }, uniquingKeysWith: { _, b in b })
        try MigrateCommand.prove(try proof.differences(after: copy, renames: mapping), checks: [("salinan", try copy.check())]) {
            say("salinan berganti kode TIDAK sama dengan berkasnya: \($0) perbedaan.", "the renamed copy does NOT match the file: \($0) difference(s).")
        }
        for pair in made { print(say("  kode unit \(pair.old) -> \(pair.new)", "  unit code \(pair.old) -> \(pair.new)")) }
        print(say(
            "\(made.count) kode unit diganti di salinan berkas (berkas sendiri tidak diubah; angka unit, skor, data tertunda, akun dan tanda selesai terbukti sama dengan kode baru)",
            "\(made.count) unit code(s) changed in a copy of the file (the file itself unchanged; unit figures, scores, pending counts, accounts and progress marks proved the same under the new codes)"))
        return copy
    }
}
