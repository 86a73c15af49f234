import GRDB

/// Per-unit score totals kept current (migration `2026-11-30-speed`, issue 14).
///
/// `unit_score_totals` holds, per cached year and unit, the sums over the unit's own employees
/// COUNTED in that year (active, or left after its 31 December) of their cached scores: the count, the complete count and the four dimensions in
/// millionths of a point (integers, so that adding and subtracting a score any number of times
/// never drifts from a fresh sum). `directUnitTotals` reads this table (301 rows at province
/// scale) instead of joining and grouping 50,000 score rows on every dashboard open.
///
/// **Why triggers.** The table is maintained in ONE place, the triggers below, so that every
/// write that can move a unit's figures keeps it exact in the writing transaction, whatever
/// code path does the write (a save, an undo, an import, a ruleset change, and the writes
/// other features add: verification statuses changing a score, a mutasi moving an employee,
/// an employee made inactive):
///
/// - a row of `employee_score` inserted, updated or deleted adds or removes that score at
///   the employee's unit when the employee is active;
/// - an employee inserted, deleted, moved to another unit or made (in)active moves all of
///   that employee's cached scores between units.
///
/// A score rewritten unchanged (a full recompute rewrites every row) fires nothing: the update
/// trigger runs only when a summed column changed.
///
/// Rows whose count falls to 0 stay (with all sums 0) and are left out by the readers.
enum UnitScoreTotals {
    /// Millionths of a point: exact for every score the rules give (at most three decimals).
    static let scale = 1_000_000

    /// SQL: employee `p` counts in the figures of year `year` (an SQL expression): active, or
    /// left after that year's 31 December (``Pegawai/counts(inYear:)``; the same rule as
    /// ``SQLiteStore/countedInYear``, with the year taken from the score row).
    static func counted(_ p: String, year: String) -> String {
        "(\(p).aktif = 1 OR \(p).keluar_tanggal > printf('%04d-12-31', \(year)))"
    }

    /// The scaled integer value of one dimension's score in SQL.
    private static func scaled(_ column: String) -> String { "CAST(round(\(column) * \(scale)) AS INTEGER)" }

    /// `INSERT ... SELECT` adding the scores `s` (a score row's alias: `new`, or `s` of
    /// `employee_score s`) at `unit` for every row of `source` that meets `condition`; one
    /// upsert per (year, unit).
    private static func add(_ s: String, from source: String, unit: String, where condition: String) -> String {
        """
        INSERT INTO unit_score_totals(year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin)
            SELECT \(s).year, \(unit), 1, \(s).complete, \(scaled("\(s).kualifikasi")), \(scaled("\(s).kompetensi")),
                   \(scaled("\(s).kinerja")), \(scaled("\(s).disiplin"))
            FROM \(source) WHERE \(condition)
            ON CONFLICT(year, kode_unit) DO UPDATE SET
                pegawai = pegawai + excluded.pegawai, complete = complete + excluded.complete,
                kualifikasi = kualifikasi + excluded.kualifikasi, kompetensi = kompetensi + excluded.kompetensi,
                kinerja = kinerja + excluded.kinerja, disiplin = disiplin + excluded.disiplin;
        """
    }

    /// `UPDATE ... FROM` subtracting the scores `s` from their (year, unit) row, for every row
    /// of `source` that meets `condition`.
    private static func subtract(_ s: String, from source: String, unit: String, where condition: String) -> String {
        """
        UPDATE unit_score_totals SET
                pegawai = unit_score_totals.pegawai - 1, complete = unit_score_totals.complete - \(s).complete,
                kualifikasi = unit_score_totals.kualifikasi - \(scaled("\(s).kualifikasi")),
                kompetensi = unit_score_totals.kompetensi - \(scaled("\(s).kompetensi")),
                kinerja = unit_score_totals.kinerja - \(scaled("\(s).kinerja")),
                disiplin = unit_score_totals.disiplin - \(scaled("\(s).disiplin"))
            FROM \(source)
            WHERE \(condition) AND unit_score_totals.year = \(s).year AND unit_score_totals.kode_unit = \(unit);
        """
    }

    static let migration = """
        CREATE TABLE unit_score_totals (
            year        INTEGER NOT NULL,
            kode_unit   TEXT NOT NULL,
            pegawai     INTEGER NOT NULL,
            complete    INTEGER NOT NULL,
            kualifikasi INTEGER NOT NULL,
            kompetensi  INTEGER NOT NULL,
            kinerja     INTEGER NOT NULL,
            disiplin    INTEGER NOT NULL,
            PRIMARY KEY (year, kode_unit)
        ) WITHOUT ROWID;

        CREATE TRIGGER unit_totals_score_insert AFTER INSERT ON employee_score BEGIN
            \(add("new", from: "pegawai p", unit: "p.kode_unit", where: "p.nip = new.nip AND \(counted("p", year: "new.year"))"))
        END;
        CREATE TRIGGER unit_totals_score_delete AFTER DELETE ON employee_score BEGIN
            \(subtract("old", from: "pegawai p", unit: "p.kode_unit", where: "p.nip = old.nip AND \(counted("p", year: "old.year"))"))
        END;
        CREATE TRIGGER unit_totals_score_update AFTER UPDATE ON employee_score
            WHEN old.year IS NOT new.year OR old.nip IS NOT new.nip OR old.complete IS NOT new.complete
              OR old.kualifikasi IS NOT new.kualifikasi OR old.kompetensi IS NOT new.kompetensi
              OR old.kinerja IS NOT new.kinerja OR old.disiplin IS NOT new.disiplin BEGIN
            \(subtract("old", from: "pegawai p", unit: "p.kode_unit", where: "p.nip = old.nip AND \(counted("p", year: "old.year"))"))
            \(add("new", from: "pegawai p", unit: "p.kode_unit", where: "p.nip = new.nip AND \(counted("p", year: "new.year"))"))
        END;

        CREATE TRIGGER unit_totals_pegawai_insert AFTER INSERT ON pegawai BEGIN
            \(add("s", from: "employee_score s", unit: "new.kode_unit", where: "s.nip = new.nip AND \(counted("new", year: "s.year"))"))
        END;
        CREATE TRIGGER unit_totals_pegawai_delete AFTER DELETE ON pegawai BEGIN
            \(subtract("s", from: "employee_score s", unit: "old.kode_unit", where: "s.nip = old.nip AND \(counted("old", year: "s.year"))"))
        END;
        CREATE TRIGGER unit_totals_pegawai_update AFTER UPDATE OF nip, kode_unit, aktif, keluar_tanggal ON pegawai
            WHEN old.nip IS NOT new.nip OR old.kode_unit IS NOT new.kode_unit OR old.aktif IS NOT new.aktif
              OR old.keluar_tanggal IS NOT new.keluar_tanggal BEGIN
            \(subtract("s", from: "employee_score s", unit: "old.kode_unit", where: "s.nip = old.nip AND \(counted("old", year: "s.year"))"))
            \(add("s", from: "employee_score s", unit: "new.kode_unit", where: "s.nip = new.nip AND \(counted("new", year: "s.year"))"))
        END;

        \(rebuild)
        """

    /// Recomputes the whole table from the score cache (the migration's first fill, and
    /// what ``SQLiteStore/check()`` compares the table with).
    static let freshTotalsSQL = """
        SELECT s.year, p.kode_unit, COUNT(*), SUM(s.complete), SUM(\(scaled("s.kualifikasi"))),
               SUM(\(scaled("s.kompetensi"))), SUM(\(scaled("s.kinerja"))), SUM(\(scaled("s.disiplin")))
        FROM employee_score s JOIN pegawai p ON p.nip = s.nip
        WHERE \(counted("p", year: "s.year"))
        GROUP BY s.year, p.kode_unit
        """

    static let rebuild = """
        DELETE FROM unit_score_totals;
        INSERT INTO unit_score_totals(year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin)
            \(freshTotalsSQL);
        """
}
