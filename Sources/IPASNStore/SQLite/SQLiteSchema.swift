import Foundation
import GRDB

/// The versioned schema of an ipasn SQLite database.
///
/// Dates of records are ISO `YYYY-MM-DD` text; moments (audit, progress) are GRDB's UTC
/// `YYYY-MM-DD HH:MM:SS.SSS` text, which sorts and compares like the moments.
enum SQLiteSchema {
    /// All migrations, in order. Never edit a registered migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
        }
        // A descriptive name, so that a migration another branch adds meanwhile cannot share it.
        migrator.registerMigration("v3-drafts-sessions-ids") { db in
            try migrateV3(db)
        }
        migrator.registerMigration("pendidikan-identity-school-jurusan", migrate: rekeyPendidikan)
        migrator.registerMigration("pegawai-search-key", migrate: addPegawaiSearchKey)
        // Named, not numbered, so that a migration another branch adds cannot share the name.
        migrator.registerMigration("batches") { db in
            try db.execute(sql: batches)
        }
        migrator.registerMigration("accounts-and-roles") { db in
            try db.execute(sql: accountsAndRoles)
        }
        migrator.registerMigration("2026-11-30-employees") { db in
            try db.execute(sql: employees)
        }
        // Per-unit score totals kept current by triggers (issue 14): ``UnitScoreTotals``.
        migrator.registerMigration("2026-11-30-speed") { db in
            try db.execute(sql: UnitScoreTotals.migration)
        }
        migrator.registerMigration("2026-11-30-verify", migrate: addVerification)
        migrator.registerMigration("2026-11-30-team") { db in
            try db.execute(sql: team)
        }
        migrator.registerMigration("2026-11-30-tracking", migrate: migrateExportTracking)
        migrator.registerMigration("2026-11-30-batches", migrate: batchEdits)
        // Per-unit pending (not yet sent) counts kept current by triggers (issue 14): ``UnitPendingCounts``.
        migrator.registerMigration("2026-11-30-recompute2") { db in
            try db.execute(sql: UnitPendingCounts.migration)
        }
        // When each record was last entered or changed, and by whom: the verifikator's queue.
        migrator.registerMigration("2026-11-30-queue", migrate: migrateQueue)
        // SKP before 2022 is never pending (SIASN takes SKP from 2022 on): ``SKPSiasn``.
        migrator.registerMigration("2026-11-30-skp2022") { db in
            try db.execute(sql: UnitPendingCounts.skp2022Migration)
        }
        // Kept per-unit counts of the records waiting for verification: ``QueueWaitingSchema``.
        migrator.registerMigration("2026-11-30-pgqueue2") { db in
            try db.execute(sql: QueueWaitingSchema.migration)
        }
        // An employee import's changes beside its audit row: ``EmployeeImportChangesStore``.
        migrator.registerMigration("2026-11-30-pegawai") { db in
            try db.execute(sql: employeeImportChanges)
        }
        migrator.registerMigration("2026-12-03-ux9") { db in try db.execute(sql: keepTouchOnUndoneDelete) }
        migrator.registerMigration("2026-12-04-siasnback") { db in try db.execute(sql: siasnRefusals) }
        return migrator
    }

    /// v3: trust between admins.
    /// - Drafts are kept per owner (the acting login) and per form (``Draft/formKey``), in
    ///   `drafts`; the old single-row `draft` is carried over with no owner (offered once to
    ///   whoever starts next, as before) and dropped.
    /// - Audit rows carry the session that wrote them (undo and redo work per session).
    /// - Record ids are never reused: the record tables become `AUTOINCREMENT`, their
    ///   sequence starting above every id the table or the audit log has ever held.
    static func migrateV3(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE drafts (
                    owner    TEXT NOT NULL,
                    form_key TEXT NOT NULL,
                    saved_at TEXT NOT NULL,
                    json     TEXT NOT NULL,
                    PRIMARY KEY (owner, form_key)
                );
                ALTER TABLE audit ADD COLUMN session TEXT;
                CREATE INDEX audit_session ON audit(session, id) WHERE session IS NOT NULL;
                """)
        if let json = try String.fetchOne(db, sql: "SELECT json FROM draft WHERE id = 1"),
            let draft = try? JSONDecoder().decode(Draft.self, from: Data(json.utf8))
        {
            try db.execute(
                sql: "INSERT INTO drafts(owner, form_key, saved_at, json) VALUES ('', ?, ?, ?)",
                arguments: [draft.formKey, draft.savedAt, json])
        }
        try db.execute(sql: "DROP TABLE draft")
        for (table, columns) in recordTables {
            try db.execute(
                sql: """
                    CREATE TABLE \(table)_v3 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        \(columns)
                    );
                    INSERT INTO \(table)_v3 SELECT * FROM \(table);
                    DROP TABLE \(table);
                    ALTER TABLE \(table)_v3 RENAME TO \(table);
                    CREATE UNIQUE INDEX \(table)_dedup ON \(table)(nip, dedup_key);
                    INSERT INTO sqlite_sequence(name, seq)
                        SELECT '\(table)', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '\(table)');
                    UPDATE sqlite_sequence SET seq = MAX(seq,
                        COALESCE((SELECT MAX(CAST(entity_id AS INTEGER)) FROM audit WHERE entity = '\(table)'), 0))
                    WHERE name = '\(table)';
                    """)
        }
    }

    /// The record tables and their columns after `id`: v1 creates them with a plain
    /// `id INTEGER PRIMARY KEY`, v3 rebuilds them with `AUTOINCREMENT` and the same columns in
    /// the same order (so that `INSERT ... SELECT *` copies them).
    static let recordTables: [(String, String)] = [
        (
            "pendidikan",
            """
            nip           TEXT NOT NULL REFERENCES pegawai(nip),
            tingkat       TEXT NOT NULL,
            tanggal_lulus TEXT,
            nama_sekolah  TEXT NOT NULL DEFAULT '',
            jurusan       TEXT NOT NULL DEFAULT '',
            dedup_key     INTEGER NOT NULL
            """
        ),
        (
            "diklat",
            """
            nip               TEXT NOT NULL REFERENCES pegawai(nip),
            jenis             INTEGER NOT NULL,
            tingkat           TEXT,
            nama              TEXT NOT NULL,
            penyelenggara     TEXT NOT NULL DEFAULT '',
            tanggal_mulai     TEXT NOT NULL,
            tanggal_selesai   TEXT NOT NULL,
            jp                INTEGER NOT NULL,
            nomor_sertifikat  TEXT NOT NULL DEFAULT '',
            sesuai_jabatan    INTEGER NOT NULL DEFAULT 1,
            dedup_key         INTEGER NOT NULL
            """
        ),
        (
            "skp",
            """
            nip       TEXT NOT NULL REFERENCES pegawai(nip),
            tahun     INTEGER NOT NULL,
            predikat  TEXT,
            nilai     REAL,
            dedup_key INTEGER NOT NULL
            """
        ),
        (
            "disiplin",
            """
            nip       TEXT NOT NULL REFERENCES pegawai(nip),
            tingkat   TEXT NOT NULL,
            tmt       TEXT NOT NULL,
            jenis     TEXT NOT NULL DEFAULT '',
            dedup_key INTEGER NOT NULL
            """
        ),
    ]

    /// A covering index for the unit totals: the GROUP BY over the score cache finds each
    /// employee's unit and `aktif` in the index alone (the dashboard's query, 60 -> 30 ms at
    /// 50,000 employees).
    /// Accounts: an OS login's role and, for unit admins, their units (sub-units included).
    /// The first login to open an account-less database for writing becomes its operator.
    static let accountsAndRoles = """
        CREATE TABLE accounts (
            login TEXT PRIMARY KEY NOT NULL,
            role  TEXT NOT NULL CHECK (role IN ('operator', 'admin', 'verifikator', 'pimpinan'))
        );
        CREATE TABLE account_units (
            login TEXT NOT NULL REFERENCES accounts(login) ON DELETE CASCADE,
            unit  TEXT NOT NULL REFERENCES units(kode) DEFERRABLE INITIALLY DEFERRED,
            PRIMARY KEY (login, unit)
        ) WITHOUT ROWID;
        """

    static let v2 = """
        CREATE INDEX pegawai_nip_unit ON pegawai(nip, aktif, kode_unit);
        """

    /// Bulk entry: one event for many participants is one batch; each record's audit row
    /// names it.
    static let batches = """
        CREATE TABLE batches (
            id    INTEGER PRIMARY KEY AUTOINCREMENT,
            label TEXT NOT NULL,
            at    TEXT NOT NULL,
            actor TEXT NOT NULL,
            count INTEGER NOT NULL
        );
        ALTER TABLE audit ADD COLUMN batch INTEGER REFERENCES batches(id);
        CREATE INDEX audit_batch ON audit(batch) WHERE batch IS NOT NULL;
        """

    /// v1's record tables. dedup_key is DuplicateKey.hash (64 bits of the normalised key): the
    /// unique index on (nip, dedup_key) both refuses duplicates and serves every "records of
    /// this employee" query: one index per table, not two, which keeps a million-row import fast.
    static var v1RecordTables: String {
        recordTables.map { table, columns in
            """
            CREATE TABLE \(table) (
                id INTEGER PRIMARY KEY,
                \(columns)
            );
            CREATE UNIQUE INDEX \(table)_dedup ON \(table)(nip, dedup_key);

            """
        }.joined()
    }

    static let v1 = """
        CREATE TABLE units (
            kode  TEXT PRIMARY KEY NOT NULL,
            nama  TEXT NOT NULL,
            -- Deferred so that a unit file may list children before their parents.
            induk TEXT REFERENCES units(kode) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE INDEX units_induk ON units(induk);

        CREATE TABLE pegawai (
            nip           TEXT PRIMARY KEY NOT NULL,
            nama          TEXT NOT NULL,
            kode_unit     TEXT NOT NULL REFERENCES units(kode) DEFERRABLE INITIALLY DEFERRED,
            jenis_jabatan TEXT NOT NULL,
            jenjang       TEXT NOT NULL DEFAULT '',
            status        TEXT NOT NULL,
            aktif         INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX pegawai_unit ON pegawai(kode_unit, nama);
        CREATE INDEX pegawai_nama ON pegawai(nama);

        """ + v1RecordTables + """

        -- Cached per-employee scores, by (year, nip): the unit figures' GROUP BY reads it.
        CREATE TABLE employee_score (
            year        INTEGER NOT NULL,
            nip         TEXT NOT NULL REFERENCES pegawai(nip),
            kualifikasi REAL NOT NULL,
            kompetensi  REAL NOT NULL,
            kinerja     REAL NOT NULL,
            disiplin    REAL NOT NULL,
            complete    INTEGER NOT NULL,
            missing     TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (year, nip)
        ) WITHOUT ROWID;
        -- The years whose scores are cached (kept up to date on every change).
        CREATE TABLE score_year (year INTEGER PRIMARY KEY NOT NULL);

        CREATE TABLE config (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

        CREATE TABLE audit (
            id        INTEGER PRIMARY KEY,
            at        TEXT NOT NULL,
            actor     TEXT NOT NULL,
            action    TEXT NOT NULL,
            entity    TEXT NOT NULL,
            entity_id TEXT NOT NULL DEFAULT '',
            nip       TEXT,
            old_value TEXT,
            new_value TEXT,
            -- For an `undo` row: the audit row it reverted.
            undoes    INTEGER REFERENCES audit(id)
        );
        CREATE INDEX audit_at ON audit(at);
        CREATE INDEX audit_actor ON audit(actor, id);
        CREATE INDEX audit_undoes ON audit(undoes) WHERE undoes IS NOT NULL;

        CREATE TABLE progress (
            unit      TEXT NOT NULL REFERENCES units(kode),
            dimension TEXT NOT NULL,
            done      INTEGER NOT NULL,
            by        TEXT NOT NULL,
            at        TEXT NOT NULL,
            PRIMARY KEY (unit, dimension)
        );

        CREATE TABLE draft (
            id   INTEGER PRIMARY KEY CHECK (id = 1),
            json TEXT NOT NULL
        );
        """
}
