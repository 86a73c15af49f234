import Foundation
import IPASNStore

/// The sqlite3 command-line shell.
enum SQLiteShell {
    /// The first column of the first row of `sql`, as text.
    static func scalar(_ db: String, _ sql: String) throws -> String {
        let r = try ChildProcess.check("sqlite3", [db, sql])
        return r.stdout.split(separator: "\n").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
    }
}
