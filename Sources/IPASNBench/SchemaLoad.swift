import Foundation

/// The import's fair floor (issue 14): the sqlite3 shell loading the diklat CSV into ipasn's
/// real schema, as a database administrator would by hand. `.import` into a staging table,
/// then ONE `INSERT ... SELECT` into `diklat` with everything the real table enforces: the
/// foreign key to `pegawai` (checked, `foreign_keys = ON`), the unique `(nip, dedup_key)`
/// index (a random 64-bit key stands for the duplicate hash the shell cannot compute), WAL and
/// `synchronous = FULL`, in one transaction. It validates nothing and refreshes no score, so
/// ipasn (which does both) being no slower than this is a fair target.
struct SchemaLoad {
    let csvPath: String
    let work: String

    /// Runs the load into `database` (a copy of the import's base database); returns its
    /// wall time. Throws when the shell fails or the table does not hold `expectedRows` after.
    func run(database: String, expectedRows: Int) throws -> Double {
        let script = "\(work)/schema-load.sql"
        try Self.script(csvPath).write(toFile: script, atomically: true, encoding: .utf8)
        let shell = try ChildProcess.run("sqlite3", [database], stdinPath: script)
        guard shell.status == 0, shell.stderr.isEmpty else {
            throw BenchError("the sqlite3 shell's load into the schema failed: \(shell.stderr.prefix(2000))")
        }
        let stored = try SQLiteShell.scalar(database, "SELECT COUNT(*) FROM diklat")
        guard stored == String(expectedRows) else {
            throw BenchError("the shell's load into the schema left \(stored) diklat rows; expected \(expectedRows)")
        }
        return shell.seconds
    }

    /// The shell script; the CSV's columns are those of `ImportKind.diklat.columns`.
    static func script(_ csvPath: String) -> String {
        """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = ON;
        CREATE TEMP TABLE staging(nip, jenis, tingkat, nama, penyelenggara, mulai, selesai, jp, sertifikat, sesuai);
        .import --csv --skip 1 '\(csvPath.replacingOccurrences(of: "'", with: "''"))' staging
        BEGIN;
        INSERT INTO diklat(nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp,
                           nomor_sertifikat, sesuai_jabatan, dedup_key)
            SELECT nip, CAST(jenis AS INTEGER), NULLIF(tingkat, ''), nama, penyelenggara, mulai, selesai,
                   CAST(jp AS INTEGER), sertifikat, sesuai = 'Y', random()
            FROM staging;
        COMMIT;

        """
    }
}
