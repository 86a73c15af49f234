import Foundation

/// The statements that move a unit's code from `$OLD` to `$NEW` (``UnitRenameStore``), once
/// for both engines: SQLite runs them in the store's write transaction
/// (``sqlite(old:new:)``); PostgreSQL runs the same text inside the schema owner's
/// `ipasn_rename_unit` (migration `2026-12-06-unitrename`, ``plpgsql``), so an account's
/// role needs no right to change any of these tables itself.
///
/// The new unit is written first and the old one deleted last, so that every foreign key
/// (deferred or not) holds after each statement. Moving the employees fires the kept per-unit
/// figures' triggers (score totals, pending and waiting counts), which move them to the new
/// code; the old code's rows they leave (all zero) are then deleted. Audit rows and an employee
/// import's change list are history and keep the code they were written with.
public enum UnitRename {
    /// In order; `$OLD` and `$NEW` stand for the two codes.
    public static let statements = [
        "INSERT INTO units(kode, nama, induk) SELECT $NEW, nama, induk FROM units WHERE kode = $OLD",
        "UPDATE units SET induk = $NEW WHERE induk = $OLD",
        "UPDATE pegawai SET kode_unit = $NEW WHERE kode_unit = $OLD",
        "UPDATE account_units SET unit = $NEW WHERE unit = $OLD",
        "UPDATE progress SET unit = $NEW WHERE unit = $OLD",
        "UPDATE progress_review SET unit = $NEW WHERE unit = $OLD",
        "UPDATE export_batches SET unit = $NEW WHERE unit = $OLD",
        "DELETE FROM unit_score_totals WHERE kode_unit = $OLD",
        "DELETE FROM unit_pending_counts WHERE kode_unit = $OLD",
        "DELETE FROM queue_waiting WHERE kode_unit = $OLD",
        "DELETE FROM units WHERE kode = $OLD",
    ]

    /// The statements with `?` placeholders and their arguments, in order.
    public static func sqlite(old: String, new: String) -> [(sql: String, arguments: SQLArguments)] {
        statements.map { statement in
            var arguments: [String] = []
            var sql = ""
            var rest = Substring(statement)
            while let dollar = rest.firstIndex(of: "$") {
                sql += rest[..<dollar]
                let name = rest[dollar...].prefix(4)
                arguments.append(name == "$OLD" ? old : new)
                sql += "?"
                rest = rest[rest.index(dollar, offsetBy: 4)...]
            }
            sql += rest
            return (sql, SQLArguments(arguments.map { $0 as (any SQLBindable)? }))
        }
    }

    /// The statements as PL/pgSQL over the function's parameters `p_old` and `p_new`.
    public static var plpgsql: String {
        statements.map {
            "    " + $0.replacingOccurrences(of: "$OLD", with: "p_old").replacingOccurrences(of: "$NEW", with: "p_new") + ";"
        }.joined(separator: "\n")
    }
}
