import Foundation
import IPASNCore

extension PostgresSchema {
    /// The transaction-local setting the bulk import turns on around its one `INSERT ... SELECT`
    /// (`set_config(..., true)`): while it is `on`, the record tables' `<table>_restored`
    /// trigger does not fire and the import does its effect set-based over its id range
    /// (`PostgresStore+BulkImport.swift`).
    static let bulkImportSetting = "ipasn.bulk_import"

    /// Migration `2026-11-30-pg-import` (issue 12, the bulk import): each record table's
    /// `<table>_restored` (BEFORE INSERT, export tracking: a record inserted under the id of
    /// one deleted after it was sent takes back its versions) gets a `WHEN` that skips it while
    /// ``bulkImportSetting`` is on. The condition is evaluated by the executor without entering
    /// PL/pgSQL, so a million-row INSERT no longer runs the function and its lookup once per
    /// row. The setting grants nothing: whoever sets it only skips bookkeeping of rows they may
    /// write anyway (and `export_deleted` is writable by the same accounts); the trigger and its
    /// function are otherwise unchanged, and every other insert path fires it as before.
    static var bulkImport: String {
        recordTables.map { table, _ in
            """
            DROP TRIGGER \(table)_restored ON \(table);
            CREATE TRIGGER \(table)_restored BEFORE INSERT ON \(table) FOR EACH ROW
                WHEN (current_setting('\(bulkImportSetting)', true) IS DISTINCT FROM 'on')
                EXECUTE FUNCTION ipasn_restored();

            """
        }.joined()
    }
}
