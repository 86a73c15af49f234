import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// What an account's own PostgreSQL role can do with raw SQL (issue 12, branch pgrls,
/// migration `2026-12-03-pgrls`): the sweep an attacker with `psql` would make, kept true.
///
/// The first test reads the catalog AS the admin's role (and as a pimpinan's): every table it
/// may `INSERT`, `UPDATE`, `DELETE` or `TRUNCATE`, and for each an attempt on another unit's
/// (or another login's) rows, which must be refused (`42501`) or touch no row. A table added
/// later that such a role can write, and that ``Self/others`` does not know, fails it: say whose
/// rows are whose there, and give the table its policy. The other tests pin each hole the
/// sweep found, with the error the server gives now, and the store's own paths through them.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PostgresRawSQLSweepTests {
    static let admin = "ipasn_sweep_admin"
    static let other = "ipasn_sweep_other"
    static let reader = "ipasn_sweep_pimpinan"
    static let verifier = "ipasn_sweep_vera"
    static let andi = SmallProvince.nipA  // ROOT: not the admin's
    static let budi = SmallProvince.nipB  // SUB: the admin's
    static let dewi = "197001012000032001"  // LAIN: another instansi (another top-level unit)

    /// For every table an account's role may write: the rows that are not the admin's (of
    /// another unit, another instansi, another login), and, when copying one of them is not the
    /// way to forge one (a row the role cannot read), the INSERT that tries.
    static let others: [String: (rows: String, insert: String?)] = [
        "units": ("kode IN ('ROOT', 'LAIN')", "INSERT INTO units (kode, nama, induk) VALUES ('LAIN.01', 'Cabang', 'LAIN')"),
        "pegawai": ("nip IN ('\(andi)', '\(dewi)')", nil),
        "pendidikan": ("nip IN ('\(andi)', '\(dewi)')", nil),
        "diklat": ("nip IN ('\(andi)', '\(dewi)')", nil),
        "skp": ("nip IN ('\(andi)', '\(dewi)')", nil),
        "disiplin": ("nip IN ('\(andi)', '\(dewi)')", nil),
        "verification": ("record_id IN (SELECT id FROM diklat WHERE nip IN ('\(andi)', '\(dewi)'))", nil),
        "progress": ("unit IN ('ROOT', 'LAIN')", nil),
        "progress_review": ("unit IN ('ROOT', 'LAIN')", nil),
        "audit": ("actor <> session_user", nil),
        "batches": ("actor <> session_user", nil),
        "drafts": (
            "owner <> session_user",
            "INSERT INTO drafts (owner, form_key, saved_at, json) VALUES ('ops', 'lain', now(), '{}')"
        ),
        "config": ("true", nil),
        "accounts": ("login <> session_user", nil),
        "account_units": ("login <> session_user", nil),
        "export_batches": ("actor <> session_user", nil),
        "export_items": ("batch IN (SELECT id FROM export_batches WHERE actor <> session_user)", nil),
        "export_deleted": ("nip IN ('\(andi)', '\(dewi)')", nil),
        "import_pegawai_changes": ("new_unit IN ('ROOT', 'LAIN')", nil),
        "schema_migrations": ("true", nil),
    ]

    /// A database with a row of another unit or login in every table an account may write.
    static func seeded(_ databases: TestDatabases) throws -> AdminRole {
        let role = try AdminRole(
            databases, login: admin,
            others: [
                Account(login: other, role: .admin, units: ["ROOT"]), Account(login: reader, role: .pimpinan),
                Account(login: verifier, role: .verifikator),
            ])
        let ops = role.ops
        try ops.saveUnit(OrgUnit(kode: "LAIN", nama: "Pemerintah Kabupaten Lain"))
        try ops.savePegawai(Pegawai(nip: dewi, nama: "Dewi", kodeUnit: "LAIN", jenisJabatan: .pelaksana))
        for nip in [andi, dewi, budi] {
            try ops.add(SmallProvince.teknis(nip))
            try ops.add(SmallProvince.teknis(nip, "Bimtek Dua", end: "2024-03-04"))
            try ops.add(.pendidikan(Pendidikan(nip: nip, tingkat: .s1, tanggalLulus: TestClock.date("2008-08-30"))))
            try ops.add(.skp(SKP(nip: nip, tahun: 2024, predikat: .baik)))
            try ops.add(.disiplin(HukumanDisiplin(nip: nip, tingkat: .ringan, tmt: TestClock.date("2024-02-01"), jenis: "teguran lisan")))
        }
        let diklat = try courses(ops, andi)
        try ops.setVerification([diklat[0]], status: .tidak, reason: "Sertifikat tidak terbaca")
        // A SIASN batch of Andi's courses, then one of them deleted: a deletion still to report.
        try ops.saveExportBatch(
            NewExportBatch(
                kind: "siasn-kursus", format: "csv", file: "/tmp/kursus.csv", marksSent: true,
                records: diklat.map { RecordVersion(id: $0, version: 0) }))
        try ops.delete(diklat[1])
        for unit in ["SUB", "ROOT", "LAIN"] { try ops.setProgress(unit: unit, dimension: .kompetensi, done: true) }
        let vera = try PostgresStore(role.conninfo + " user=\(verifier)", context: TestClock.context(actor: verifier))
        try vera.confirmProgress(unit: "ROOT", dimension: .kompetensi)
        try ops.saveDraft(Draft(form: "diklat", nip: andi, editing: nil, fields: ["nama": "Bimtek"], savedAt: TestClock.now), owner: "ops")
        // An employee import's change of Andi and a batch of the operator's (written by the
        // owner: rows of the shapes the store keeps).
        let owner = try PGConnection(conninfo: role.conninfo)
        try owner.execute(sql: "INSERT INTO batches (label, at, actor, record_count) VALUES ('Bimtek', now(), 'ops', 0)")
        try owner.execute(
            sql: """
                INSERT INTO import_pegawai_changes (import_id, seq, line, nip, old_unit, new_unit, old_value, new_value)
                VALUES ((SELECT MAX(id) FROM audit), 1, 2, '\(andi)', 'ROOT', 'ROOT', NULL, '{}')
                """)
        return role
    }

    /// An employee's courses, by id.
    static func courses(_ store: PostgresStore, _ nip: String) throws -> [RecordID] {
        try store.records(nip: nip)!.diklat.map { RecordID(kind: .diklat, id: $0.id) }
    }

    /// Runs `sql` in a transaction that is rolled back: the rows it touched, or the SQLSTATE
    /// that refused it.
    static func attempt(_ sql: String, _ raw: PGConnection) -> Result<Int, PGError> {
        defer { _ = try? raw.execute(sql: "ROLLBACK") }
        do {
            try raw.execute(sql: "BEGIN")
            return .success(try raw.execute(sql: sql))
        } catch let error as PGError {
            return .failure(error)
        } catch {
            return .failure(PGError(sqlState: "?", message: "\(error)"))
        }
    }

    @Test func everyTableAnAccountsRoleMayWriteRefusesAnotherUnitsRows() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try Self.seeded(databases)
        let owner = try PGConnection(conninfo: role.conninfo)
        for login in [Self.admin, Self.reader] {
            let raw = try PGConnection(conninfo: role.conninfo + " user=\(login)")
            // The catalog as that role sees it: every table of the schema and what it may do.
            let tables = try PGRow.fetchAll(
                raw,
                sql: """
                    SELECT c.relname, has_table_privilege(c.oid, 'INSERT'), has_table_privilege(c.oid, 'UPDATE'),
                           has_table_privilege(c.oid, 'DELETE'), has_table_privilege(c.oid, 'TRUNCATE'),
                           (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = 1)
                    FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                    ORDER BY c.relname
                    """)
            var tried = 0
            for table in tables {
                let (name, insert, update, delete, truncate): (String, Bool, Bool, Bool, Bool) = (
                    table[0], table[1], table[2], table[3], table[4]
                )
                let column: String = table[5]
                guard insert || update || delete || truncate else { continue }
                guard let other = Self.others[name] else {
                    Issue.record("\(name): \(login)'s role may write it, and this sweep does not know whose rows are whose there")
                    continue
                }
                // The rows the attempts aim at exist (as the owner sees them), so no attempt is idle.
                let aimed = try Int.fetchOne(owner, sql: "SELECT COUNT(*) FROM \(name) WHERE \(other.rows.replacingOccurrences(of: "session_user", with: "'\(login)'"))") ?? 0
                #expect(aimed > 0, "\(name): no row of another unit to aim at")
                var attempts: [(String, String)] = []
                if insert {
                    attempts.append(("INSERT", other.insert ?? "INSERT INTO \(name) SELECT * FROM \(name) WHERE \(other.rows) LIMIT 1"))
                }
                if update { attempts.append(("UPDATE", "UPDATE \(name) SET \(column) = \(column) WHERE \(other.rows)")) }
                if delete { attempts.append(("DELETE", "DELETE FROM \(name) WHERE \(other.rows)")) }
                if truncate { attempts.append(("TRUNCATE", "TRUNCATE \(name) CASCADE")) }
                for (verb, sql) in attempts {
                    tried += 1
                    switch Self.attempt(sql, raw) {
                    case .success(let rows):
                        // An INSERT ... SELECT of a row the role cannot read inserts nothing; an
                        // UPDATE or DELETE may find no row it may touch. Anything else is a hole.
                        #expect(rows == 0, "\(login): \(verb) of another unit's \(name) went through (\(rows) rows): \(sql)")
                    case .failure(let error):
                        #expect(error.sqlState == "42501", "\(login): \(verb) \(name) failed otherwise: \(error)")
                    }
                }
            }
            #expect(tried >= 20, "the sweep tried \(tried) writes as \(login)")
        }
    }

    /// Every function that runs as its owner, or with a search path of its own, searches the
    /// session's temporary schema last: a table created there cannot shadow one it reads.
    @Test func everyDefinerFunctionSearchesTheTemporarySchemaLast() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(databases, login: Self.admin)
        let loose = try String.fetchAll(
            role.raw,
            sql: """
                SELECT p.oid::regprocedure::text FROM pg_proc p
                WHERE p.pronamespace = 'public'::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                  AND (p.prosecdef OR p.proname IN ('ipasn_verdict_guard', 'ipasn_unit_moved')
                       OR EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\\_path=%'))
                  AND NOT COALESCE('search_path=public, pg_temp' = ANY (p.proconfig), false)
                ORDER BY 1
                """)
        #expect(loose == [], "functions whose search path lacks pg_temp last: \(loose)")
        let definers = try Int.fetchOne(
            role.raw, sql: "SELECT COUNT(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef") ?? 0
        #expect(definers > 50)
    }

    /// The hole: a temporary table shadowing `accounts` made `ipasn_role()` answer operator, so
    /// an admin's role could make its own account an operator's; `units` shadowed the move guard,
    /// `verification` the verdict guard.
    @Test func aTemporaryTableNoLongerShadowsWhatThePoliciesRead() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try Self.seeded(databases)
        let raw = role.raw
        try raw.execute(sql: "CREATE TEMP TABLE accounts (login text, role text)")
        try raw.execute(sql: "INSERT INTO accounts VALUES (session_user, 'operator')")
        try raw.execute(sql: "CREATE TEMP TABLE account_units (login text, unit text)")
        try raw.execute(sql: "INSERT INTO account_units VALUES (session_user, 'ROOT'), (session_user, 'LAIN')")
        #expect(try String.fetchOne(raw, sql: "SELECT ipasn_role()") == "admin")
        #expect(try Bool.fetchOne(raw, sql: "SELECT ipasn_is_operator()") == false)
        #expect(try raw.execute(sql: "UPDATE public.accounts SET role = 'operator' WHERE login = session_user") == 0)
        #expect(try raw.execute(sql: "UPDATE pegawai SET nama = 'Diubah' WHERE nip = '\(Self.andi)'") == 0)
        #expect(try role.ops.account(login: Self.admin)?.role == .admin)

        // The unit-move guard reads `units` as the caller: a temporary one no longer hides the move.
        try role.ops.saveUnit(OrgUnit(kode: "SUB2", nama: "Subbidang", induk: "SUB"))
        try raw.execute(sql: "CREATE TEMP TABLE units (kode text, nama text, induk text)")
        let move = Self.attempt("UPDATE public.units SET induk = 'ROOT' WHERE kode = 'SUB2'", raw)
        #expect(move.refusal?.sqlState == "42501")
        #expect(move.refusal?.message.contains("unit SUB2 may not be moved under ROOT") == true)

        // The verdict guard's lookup: a temporary `verification` holding the verdict wanted.
        let budiCourse = try Self.courses(role.ops, Self.budi)[0]
        try raw.execute(sql: "CREATE TEMP TABLE verification AS SELECT * FROM public.verification WHERE false")
        try raw.execute(sql: "INSERT INTO verification (kind, record_id, status, verified_by, at, since, document, document_path, reason) VALUES ('diklat', \(budiCourse.id), 'memenuhi', 'ops', now(), 0, 0, '', '')")
        let verdict = Self.attempt(
            "INSERT INTO public.verification (kind, record_id, status, verified_by, at) VALUES ('diklat', \(budiCourse.id), 'memenuhi', 'ops', now())",
            raw)
        #expect(verdict.refusal?.sqlState == "42501")
        #expect(verdict.refusal?.message.contains("only a verifikator or an operator gives or clears verdicts (diklat \(budiCourse.id))") == true)
        #expect(try role.ops.verification(of: budiCourse).status == .belum)
    }

    /// The hole: `SET ROLE ipasn_users` (every account is a member of the group, and PostgreSQL
    /// 15 lets a member become it) made `current_user <> session_user`, which the verdict guard
    /// and the verification audit took for "inside the owner's function": an admin gave their
    /// own unit's record a verdict under a verifikator's name, with no audit row.
    @Test func becomingTheGroupRoleSkipsNeitherTheVerdictGuardNorTheAudit() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try Self.seeded(databases)
        let (raw, ops) = (role.raw, role.ops)
        let budiCourses = try Self.courses(ops, Self.budi)
        try raw.execute(sql: "SET ROLE ipasn_users")
        #expect(try String.fetchOne(raw, sql: "SELECT current_user") == "ipasn_users")
        let verdict = Self.attempt(
            "INSERT INTO verification (kind, record_id, status, verified_by, at) VALUES ('diklat', \(budiCourses[0].id), 'memenuhi', '\(Self.verifier)', now())",
            raw)
        #expect(verdict.refusal?.sqlState == "42501")
        #expect(verdict.refusal?.message.hasPrefix("permission denied: only a verifikator or an operator gives or clears verdicts") == true)
        // A document mark as the group role: allowed (their unit), and audited under their login.
        let before = try ops.auditLog(limit: 1000).count
        #expect(try raw.execute(sql: "INSERT INTO verification (kind, record_id, document) VALUES ('diklat', \(budiCourses[1].id), 1)") == 1)
        let log = try ops.auditLog(limit: 1000)
        #expect(log.count == before + 1)
        #expect(log.first?.action == .verify)
        #expect(log.first?.actor == Self.admin)
        #expect(log.first?.subject == .record(budiCourses[1]))
        #expect(try ops.verification(of: budiCourses[0]).status == .belum)
    }

    /// The version table, the audit log's id sequence: a denial of service for everyone.
    @Test func theSchemaVersionsAndTheAuditSequenceAreTheOwners() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try AdminRole(databases, login: Self.admin)
        let raw = role.raw
        for sql in [
            "INSERT INTO schema_migrations (name) VALUES ('2099-01-01-future')", "DELETE FROM schema_migrations",
        ] {
            let refused = Self.attempt(sql, raw).refusal
            #expect(refused?.sqlState == "42501")
            #expect(refused?.message == "permission denied for table schema_migrations")
        }
        for sequence in ["audit_id_seq", "batches_id_seq", "export_batches_id_seq"] {
            let refused = Self.attempt("SELECT setval('\(sequence)', 1)", raw).refusal
            #expect(refused?.sqlState == "42501")
            #expect(refused?.message == "permission denied for sequence \(sequence)")
        }
        // The store still opens it, and an admin's save still numbers its audit row.
        let admin = try PostgresStore(role.own, context: TestClock.context(actor: Self.admin))
        let saved = try admin.add(SmallProvince.teknis(Self.budi))
        #expect(try admin.auditLog(limit: 1).first?.subject == .record(saved.id))
    }

    /// Export tracking: another login's batches and items, another unit's reported deletions.
    @Test func anotherAdminsExportsAndAnotherUnitsDeletionsAreOutOfReach() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try Self.seeded(databases)
        let raw = role.raw
        #expect(Self.attempt("DELETE FROM export_items", raw).refusal?.message == "permission denied for table export_items")
        #expect(Self.attempt("UPDATE export_batches SET actor = session_user", raw).refusal?.message == "permission denied for table export_batches")
        #expect(Self.attempt("DELETE FROM export_deleted", raw).rows == 0)
        #expect(Self.attempt("UPDATE export_deleted SET reported = 1", raw).rows == 0)
        let forged = Self.attempt(
            "INSERT INTO export_deleted (kind, record_id, nip, what, change_no, sent_no) VALUES ('diklat', 999, '\(Self.budi)', 'x', 0, 0)", raw)
        #expect(forged.refusal?.message == "permission denied for table export_deleted")
        let opsBatch = try Int64.fetchOne(raw, sql: "SELECT MIN(id) FROM export_batches")!
        let item = Self.attempt("INSERT INTO export_items (batch, kind, record_id, version) VALUES (\(opsBatch), 'diklat', 1, 0)", raw)
        #expect(item.refusal?.message == "new row violates row-level security policy for table \"export_items\"")
        // Their own batch opened by hand (migration `2026-12-03-exportitems`): its items may name
        // only their units' records, so no other unit's record reads as sent to SIASN.
        let ownBatch = try Int64.fetchOne(
            raw,
            sql: """
                INSERT INTO export_batches (at, actor, kind, format, file, pending_only, marks_sent, rows, deletions)
                VALUES (now(), session_user, 'siasn-kursus', 'csv', 'x', 0, 1, 0, 0) RETURNING id
                """)!
        let owner = try PGConnection(conninfo: role.conninfo)
        for nip in [Self.andi, Self.dewi] {
            let theirs = try Int64.fetchOne(owner, sql: "SELECT MIN(id) FROM diklat WHERE nip = '\(nip)'")!
            let forgedItem = Self.attempt(
                "INSERT INTO export_items (batch, kind, record_id, version) VALUES (\(ownBatch), 'diklat', \(theirs), 0)", raw)
            #expect(forgedItem.refusal?.message == "new row violates row-level security policy for table \"export_items\"")
        }
        let deletedOfAndi = try Int64.fetchOne(owner, sql: "SELECT record_id FROM export_deleted WHERE nip = '\(Self.andi)'")!
        let forgedDeletion = Self.attempt(
            "INSERT INTO export_items (batch, kind, record_id, version, deleted) VALUES (\(ownBatch), 'diklat', \(deletedOfAndi), 0, 1)", raw)
        #expect(forgedDeletion.refusal?.message == "new row violates row-level security policy for table \"export_items\"")
        let budis = try Int64.fetchOne(owner, sql: "SELECT MIN(id) FROM diklat WHERE nip = '\(Self.budi)'")!
        #expect(Self.attempt("INSERT INTO export_items (batch, kind, record_id, version) VALUES (\(ownBatch), 'diklat', \(budis), 0)", raw).rows == 1)
        // A pimpinan exports nothing (the store refuses them too); a verifikator does since
        // migration `2026-12-04-siasnback` (PostgresSIASNRefusalTests).
        let vera = try PGConnection(conninfo: role.conninfo + " user=\(Self.reader)")
        let batch = Self.attempt(
            """
            INSERT INTO export_batches (at, actor, kind, format, file, pending_only, marks_sent, rows, deletions)
            VALUES (now(), session_user, 'siasn-kursus', 'csv', 'x', 0, 1, 0, 0)
            """, vera)
        #expect(batch.refusal?.message == "new row violates row-level security policy for table \"export_batches\"")

        // The admin's own SIASN batch through the store: their records marked sent, one batch.
        let admin = try PostgresStore(role.own, context: TestClock.context(actor: Self.admin))
        let own = try admin.recordVersions(kind: .diklat, unit: "SUB", pendingOnly: true)
            .map { RecordVersion(id: RecordID(kind: .diklat, id: $0.key), version: $0.value) }
        #expect(own.count == 2)
        let saved = try admin.saveExportBatch(
            NewExportBatch(kind: "siasn-kursus", format: "csv", file: "/tmp/sub.csv", unit: "SUB", marksSent: true, records: own))
        #expect(saved.rows == 2)
        #expect(try admin.recordVersions(kind: .diklat, unit: "SUB", pendingOnly: true).isEmpty)
        #expect(try Int.fetchOne(raw, sql: "SELECT COUNT(*) FROM export_items WHERE batch = \(saved.number)") == 2)
    }

    /// Verification rows: another unit's are out of reach; on their own unit's records an admin
    /// changes only the document mark (no verdict given, cleared or deleted by hand).
    @Test func anAdminsRoleWritesOnlyItsOwnUnitsDocumentMarks() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try Self.seeded(databases)
        let (raw, ops) = (role.raw, role.ops)
        let andiCourse = try Self.courses(ops, Self.andi)[0]
        let budiCourses = try Self.courses(ops, Self.budi)
        #expect(budiCourses.count == 2)
        // Another unit's: invisible to change, refused to insert.
        #expect(Self.attempt("UPDATE verification SET document = 1 WHERE record_id = \(andiCourse.id)", raw).rows == 0)
        #expect(Self.attempt("DELETE FROM verification", raw).rows == 0)
        let other = Self.attempt(
            "INSERT INTO verification (kind, record_id, document) VALUES ('diklat', \(andiCourse.id + 100), 1)", raw)
        #expect(other.refusal?.message == "new row violates row-level security policy for table \"verification\"")
        #expect(try ops.verification(of: andiCourse).status == .tidak)

        // Their own unit's rejected course: the verdict is the verifikator's to clear.
        try ops.setVerification([budiCourses[0]], status: .tidak, reason: "JP salah")
        let cleared = Self.attempt(
            "UPDATE verification SET status = 'belum', reason = '', verified_by = NULL, at = NULL WHERE record_id = \(budiCourses[0].id)", raw)
        #expect(cleared.refusal?.sqlState == "42501")
        #expect(cleared.refusal?.message.hasPrefix("permission denied: only a verifikator or an operator gives or clears verdicts") == true)
        #expect(Self.attempt("DELETE FROM verification WHERE record_id = \(budiCourses[0].id)", raw).rows == 0)
        let forged = Self.attempt(
            "INSERT INTO verification (kind, record_id, status, verified_by) VALUES ('diklat', \(budiCourses[1].id), 'belum', 'ops')", raw)
        #expect(forged.refusal?.sqlState == "42501")
        #expect(try ops.verification(of: budiCourses[0]).status == .tidak)

        // The document mark, by hand and through the store, is theirs (audited).
        #expect(try raw.execute(sql: "UPDATE verification SET document = 1 WHERE record_id = \(budiCourses[0].id)") == 1)
        #expect(try raw.execute(sql: "INSERT INTO verification (kind, record_id, document) VALUES ('diklat', \(budiCourses[1].id), 1)") == 1)
        let admin = try PostgresStore(role.own, context: TestClock.context(actor: Self.admin))
        try admin.setDocument(budiCourses[1], inHand: true, path: "/arsip/b.pdf")
        #expect(try ops.verification(of: budiCourses[1]).documentPath == "/arsip/b.pdf")
        #expect(try ops.verification(of: budiCourses[0]).status == .tidak)
        #expect(try ops.check() == [])
    }

    /// A verifikator reopens marks (as not done) in any unit, and marks none done.
    @Test func aVerifikatorWritesAMarkOnlyAsReopened() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let role = try Self.seeded(databases)
        let vera = try PGConnection(conninfo: role.conninfo + " user=\(Self.verifier)")
        let done = Self.attempt(
            "INSERT INTO progress (unit, dimension, done, marked_by, at) VALUES ('SUB', 'kinerja', 1, session_user, now())", vera)
        #expect(done.refusal?.message == "new row violates row-level security policy for table \"progress\"")
        let store = try PostgresStore(role.conninfo + " user=\(Self.verifier)", context: TestClock.context(actor: Self.verifier))
        try store.reopenProgress(unit: "ROOT", dimension: .kompetensi, reason: "Data diklat belum lengkap")
        #expect(try role.ops.progressMarks().first { $0.unit == "ROOT" && $0.dimension == .kompetensi }?.done == false)
    }
}

extension Result {
    /// The error, or nil on success.
    var refusal: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }

    /// The value (the rows a statement touched), or nil when it failed.
    var rows: Success? { try? get() }
}
