import Foundation

/// PG1's second reference (issue 12, branch pg3tail): psql loading the diklat CSV into
/// ipasn's REAL PostgreSQL schema, as a database administrator would by hand, the
/// counterpart of SQLite's ``SchemaLoad``. `\copy` into a temporary staging table, then ONE
/// `INSERT ... SELECT` into `diklat` in the same transaction with everything the real table
/// does on an insert: the foreign key to `pegawai` checked row by row, the three indexes
/// (primary key, the unique `(nip, dedup_key)`, the unsent-records index), the statement
/// trigger that keeps the per-unit pending counts, row-level security as the owner sees it,
/// a durable COMMIT; with the per-row `diklat_restored` trigger skipped through the setting
/// ipasn's own import uses (`ipasn.bulk_import`: it skips the same work there and does its
/// effect set-based). ipasn's import also writes ONE audit row (its summary), whose triggers
/// run once: left out here (one row against a million), as SQLite's shell load leaves it out.
/// A random 64-bit key stands for the duplicate hash psql cannot compute. No validation, no duplicate report, no score refresh: ipasn's import does
/// those too, so this is the floor of the same work in the same schema; the bare-table `\copy`
/// stays the reference.
struct PostgresSchemaLoad {
    let csvPath: String
    let work: String

    /// Runs the load into `database` (a fresh copy of the base database) on `conninfo`'s
    /// server; returns psql's wall time. Throws when psql fails or `diklat` does not hold
    /// `expectedRows` afterwards.
    func run(conninfo: String, cluster: PostgresCluster, database: String, expectedRows: Int) throws -> Double {
        let script = "\(work)/pg-schema-load.sql"
        try Self.script(csvPath).write(toFile: script, atomically: true, encoding: .utf8)
        let load = try PostgresCluster.psql(conninfo, ["-f", script])
        let stored = try cluster.scalar(database, "SELECT count(*) FROM diklat")
        guard stored == String(expectedRows) else {
            throw BenchError("psql's load into the PostgreSQL schema left \(stored) diklat rows; expected \(expectedRows)")
        }
        return load.seconds
    }

    /// The psql script; the CSV's columns are those of `ImportKind.diklat.columns` (ISO dates,
    /// the jenis as its number, `Y`/`N` for sesuai jabatan). COPY's CSV reads an unquoted empty
    /// field as NULL: the NOT NULL text columns take `''` for it, as ipasn stores them.
    static func script(_ csvPath: String) -> String {
        let path = csvPath.replacingOccurrences(of: "'", with: "''")
        return """
            BEGIN;
            CREATE TEMP TABLE staging(nip text, jenis text, tingkat text, nama text, penyelenggara text, mulai text,
                                      selesai text, jp text, sertifikat text, sesuai text) ON COMMIT DROP;
            \\copy staging FROM '\(path)' WITH (FORMAT csv, HEADER true)
            SELECT set_config('ipasn.bulk_import', 'on', true);
            INSERT INTO diklat(nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp,
                               nomor_sertifikat, sesuai_jabatan, dedup_key)
                SELECT nip, jenis::integer, NULLIF(tingkat, ''), coalesce(nama, ''), coalesce(penyelenggara, ''),
                       mulai::date, selesai::date, jp::integer, coalesce(sertifikat, ''),
                       CASE WHEN sesuai = 'Y' THEN 1 ELSE 0 END, (random() * 9e18)::bigint
                FROM staging;
            COMMIT;

            """
    }
}
