import Foundation
import IPASNStore

/// 1. `ipasn import diklat` (the real binary, the real Importer with full validation) of a
/// large CSV into a database holding the employees, against two references run after run in
/// the same process: the sqlite3 shell's `.import` of the same file into a bare table, and
/// the shell's own load of the file into ipasn's real schema (``SchemaLoad``: the fair floor).
struct ImportBench {
    let options: BenchOptions
    let csvPath: String
    let expectedRows: Int
    /// A database with the units, employees and their other records, but no diklat.
    let baseDatabase: String
    /// Names this import's files (several imports share the work directory).
    var label = "import"

    struct Result {
        var ours: [Double] = []
        var shell: [Double] = []
        /// The shell loading the file into a copy of the same base database (``SchemaLoad``).
        var schemaLoad: [Double] = []
        var peakRSS: [Int] = []
        var fileBytes = 0
        /// The database of the last run: the complete province database.
        var database = ""
    }

    func run(runs: Int, log: (String) -> Void) throws -> Result {
        var result = Result()
        result.fileBytes = try FileSystem.size(csvPath)
        let lines = try FileSystem.countLines(csvPath)
        guard lines == expectedRows + 1 else {
            throw BenchError("\(csvPath) has \(lines) lines; expected \(expectedRows) rows and a header")
        }
        let work = options.workDirectory
        for run in 0..<runs {
            // Ours: a fresh copy of the base database each run.
            let db = "\(work)/\(label)-\(run).sqlite"
            try FileSystem.removeDatabase(db)
            try FileSystem.copy(baseDatabase, to: db)
            let child = try ProbedRun.run(
                executable: options.executable, arguments: ["import", "diklat", csvPath, "--db", db, "--lang", "en"],
                work: work)
            guard child.status == 0 else {
                throw BenchError("ipasn import diklat failed (status \(child.status)): \(child.stderr.prefix(2000))")
            }
            guard child.stdout.contains("imported \(expectedRows) diklat") else {
                throw BenchError("ipasn import diklat said \(child.stdout.trimmingCharacters(in: .newlines)); expected \(expectedRows) rows")
            }
            let stored = try SQLiteShell.scalar(db, "SELECT COUNT(*) FROM diklat")
            guard stored == String(expectedRows) else {
                throw BenchError("after the import the database holds \(stored) diklat rows; expected \(expectedRows)")
            }
            result.ours.append(child.seconds)
            result.peakRSS.append(child.peakRSS)

            // The shell: `.import` into a table it creates from the header.
            let bare = "\(work)/shell-\(label)-\(run).sqlite"
            try FileSystem.removeDatabase(bare)
            let shell = try ChildProcess.run("sqlite3", [bare, "-cmd", ".mode csv", ".import \(csvPath) t"])
            guard shell.status == 0 else { throw BenchError("sqlite3 .import failed: \(shell.stderr.prefix(2000))") }
            let shellRows = try SQLiteShell.scalar(bare, "SELECT COUNT(*) FROM t")
            guard shellRows == String(expectedRows) else {
                throw BenchError("the shell imported \(shellRows) rows; expected \(expectedRows)")
            }
            result.shell.append(shell.seconds)
            try FileSystem.removeDatabase(bare)

            // The shell into the same schema: a copy of the same base database.
            let same = "\(work)/shell-schema-\(label)-\(run).sqlite"
            try FileSystem.removeDatabase(same)
            try FileSystem.copy(baseDatabase, to: same)
            let load = try SchemaLoad(csvPath: csvPath, work: work).run(database: same, expectedRows: expectedRows)
            result.schemaLoad.append(load)
            try FileSystem.removeDatabase(same)
            log(
                "  import run \(run + 1)/\(runs): ipasn \(Fmt.seconds(child.seconds)) (peak \(Fmt.mb(child.peakRSS))), "
                    + "sqlite3 shell \(Fmt.seconds(shell.seconds)), shell into the same schema \(Fmt.seconds(load))")
            if run < runs - 1 {
                try FileSystem.removeDatabase(db)
            } else {
                result.database = db
            }
        }
        return result
    }
}
