import Foundation
import GRDB

extension SQLiteStore {
    /// Reads every table of the database in ONE snapshot, as text rows (``ExportedTable``),
    /// for copying the database to another engine (`ipasn migrate --to`): the tables named in
    /// `order` first, in that order (so that a target with foreign keys receives parents
    /// before children), then every other table by name. Each table's rows come in the
    /// order of its first column (audit rows by id, so a row's `undoes` comes after its
    /// target). Nothing is written. `select` may rewrite a table's values (one SQL expression
    /// per column, and a WHERE clause: ``JoinRemap``) or leave it out (nil).
    public func exportTables(
        order: [String], select: ((String, [String]) -> (expressions: [String], filter: String?)?)? = nil,
        _ body: (ExportedTable) throws -> Void
    ) throws {
        try read { db in
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")
            let ordered = order.filter(names.contains) + names.filter { !order.contains($0) }
            for name in ordered {
                let quoted = "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\""
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(quoted))").map { $0["name"] as String }
                var query = "SELECT * FROM \(quoted) ORDER BY 1"
                if let select {
                    guard let chosen = select(name, columns) else { continue }
                    query = "SELECT \(chosen.expressions.joined(separator: ", ")) FROM \(quoted)"
                        + (chosen.filter.map { " WHERE \($0)" } ?? "") + " ORDER BY 1"
                }
                let cursor = try Row.fetchCursor(db, sql: query)
                try body(
                    ExportedTable(name: name, columns: columns) {
                        guard let row = try cursor.next() else { return nil }
                        return row.databaseValues.map(Self.text)
                    })
            }
        }
    }

    /// A stored value as text (reals in Swift's shortest exact form).
    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case .int64(let n): return String(n)
        case .double(let d): return "\(d)"
        case .string(let s): return s
        case .blob(let data): return "\\x" + data.map { String(format: "%02x", $0) }.joined()
        }
    }
}
