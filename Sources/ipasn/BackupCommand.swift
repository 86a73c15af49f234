import ArgumentParser
import Foundation
import IPASNStore

/// `ipasn backup FILE`: a consistent copy of the database while others keep working.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to FILE (SQLite's online backup: others may keep working). Never overwrites FILE.",
        discussion: "Restore: stop every ipasn, check the copy with `ipasn check --db FILE`, then put it in place of the "
            + "database (see docs/deployment.md).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The new backup file (must not exist).", valueName: "file"))
    var file: String

    func run() throws {
        let opened = try global.openDatabase()
        guard let backup = opened.backup else {
            throw CLIError(
                global.language == .id
                    ? "basis data PostgreSQL dicadangkan dengan alat server: pg_dump (lihat docs/deployment.md)."
                    : "a PostgreSQL database is backed up with the server's tools: pg_dump (see docs/deployment.md).")
        }
        let target = GlobalOptions.expandTilde(file)
        if FileManager.default.fileExists(atPath: target) {
            throw CLIError(
                global.language == .id
                    ? "\(target) sudah ada; pilih nama berkas baru (cadangan tidak pernah menimpa berkas)."
                    : "\(target) already exists; choose a new file name (a backup never overwrites a file).")
        }
        try backup(target)
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        print(global.language == .id ? "cadangan ditulis: \(target) (\(size) bita)" : "backup written: \(target) (\(size) bytes)")
    }
}
