extension PostgresSchema {
    /// The channel every data-changing transaction notifies (``PostgresStore`` listens on it).
    static let changeChannel = "ipasn_changes"

    /// Live refresh (migration `2026-11-30-pg-notify`): every audit row inserted notifies
    /// ``changeChannel`` in its own transaction, so the notification is delivered exactly when
    /// (and only if) the change commits. The payload is small: the newest audit id of the
    /// statement (the data generation) and the session that wrote it, `"<id> <session>"`.
    /// One notification per statement (a statement-level trigger over the inserted rows);
    /// PostgreSQL folds identical payloads of one transaction into one.
    static let changeNotify = """
        CREATE FUNCTION ipasn_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            newest bigint;
            who text;
        BEGIN
            SELECT n.id, COALESCE(n.session, '') INTO newest, who FROM new_audit n ORDER BY n.id DESC LIMIT 1;
            IF newest IS NOT NULL THEN
                PERFORM pg_notify('\(changeChannel)', newest::text || ' ' || left(who, 200));
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER audit_notify_change AFTER INSERT ON audit REFERENCING NEW TABLE AS new_audit
            FOR EACH STATEMENT EXECUTE FUNCTION ipasn_notify_change();
        """

    /// Per-unit totals kept current (migration `2026-11-30-pg-totals`; SQLite's
    /// `unit_score_totals`, `docs/store.md` "Per-unit totals kept current"): per cached year
    /// and unit, the count, complete count and four dimension sums (in millionths of a point,
    /// exact integers) over the unit's own employees counted in that year (active, or left
    /// after its 31 December). Kept by statement-level triggers on `employee_score` and
    /// `pegawai` over their transition tables (one grouped upsert per statement, so a
    /// recompute's 500-row upserts cost one totals statement each), in the writing
    /// transaction, whatever path writes. The trigger functions run as the schema's owner:
    /// nobody else may write the table (row-level security with a read policy only).
    static var unitTotals: String {
        func scaled(_ column: String) -> String { "round(\(column) * \(unitTotalsScale))::bigint" }
        func counted(_ p: String, year: String) -> String { "(\(p).aktif = 1 OR \(p).keluar_tanggal > make_date(\(year), 12, 31))" }
        /// Scores of `scores` (alias s) at the unit of `people` (alias p), signed.
        func sums(_ scores: String, _ people: String, sign: String) -> String {
            """
            SELECT s.year, p.kode_unit, \(sign) * COUNT(*), \(sign) * SUM(s.complete), \(sign) * SUM(\(scaled("s.kualifikasi"))),
                   \(sign) * SUM(\(scaled("s.kompetensi"))), \(sign) * SUM(\(scaled("s.kinerja"))), \(sign) * SUM(\(scaled("s.disiplin")))
            FROM \(scores) s JOIN \(people) p ON p.nip = s.nip WHERE \(counted("p", year: "s.year")) GROUP BY s.year, p.kode_unit
            """
        }
        func apply(_ deltas: String) -> String {
            """
            INSERT INTO unit_score_totals(year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin)
                SELECT d.year, d.kode_unit, SUM(d.n), SUM(d.c), SUM(d.q), SUM(d.k), SUM(d.ki), SUM(d.ds)
                FROM (\(deltas)) AS d(year, kode_unit, n, c, q, k, ki, ds) GROUP BY d.year, d.kode_unit
                ON CONFLICT (year, kode_unit) DO UPDATE SET
                    pegawai = unit_score_totals.pegawai + excluded.pegawai,
                    complete = unit_score_totals.complete + excluded.complete,
                    kualifikasi = unit_score_totals.kualifikasi + excluded.kualifikasi,
                    kompetensi = unit_score_totals.kompetensi + excluded.kompetensi,
                    kinerja = unit_score_totals.kinerja + excluded.kinerja,
                    disiplin = unit_score_totals.disiplin + excluded.disiplin;
            """
        }
        func function(_ name: String, _ body: String) -> String {
            """
            CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                \(body)
                RETURN NULL;
            END
            $$;
            """
        }
        return """
            CREATE TABLE unit_score_totals (
                year        INTEGER NOT NULL,
                kode_unit   TEXT COLLATE "C" NOT NULL,
                pegawai     BIGINT NOT NULL,
                complete    BIGINT NOT NULL,
                kualifikasi BIGINT NOT NULL,
                kompetensi  BIGINT NOT NULL,
                kinerja     BIGINT NOT NULL,
                disiplin    BIGINT NOT NULL,
                PRIMARY KEY (year, kode_unit)
            );
            ALTER TABLE unit_score_totals ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON unit_score_totals FOR SELECT USING (true);

            \(function("ipasn_totals_score_insert", apply(sums("new_scores", "pegawai", sign: "1"))))
            \(function("ipasn_totals_score_delete", apply(sums("old_scores", "pegawai", sign: "-1"))))
            \(function("ipasn_totals_score_update", apply(sums("new_scores", "pegawai", sign: "1") + " UNION ALL " + sums("old_scores", "pegawai", sign: "-1"))))
            \(function("ipasn_totals_pegawai_insert", apply(sums("employee_score", "new_people", sign: "1"))))
            \(function("ipasn_totals_pegawai_delete", apply(sums("employee_score", "old_people", sign: "-1"))))
            \(function("ipasn_totals_pegawai_update", apply(sums("employee_score", "new_people", sign: "1") + " UNION ALL " + sums("employee_score", "old_people", sign: "-1"))))
            CREATE TRIGGER unit_totals_score_insert AFTER INSERT ON employee_score REFERENCING NEW TABLE AS new_scores
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_totals_score_insert();
            CREATE TRIGGER unit_totals_score_delete AFTER DELETE ON employee_score REFERENCING OLD TABLE AS old_scores
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_totals_score_delete();
            CREATE TRIGGER unit_totals_score_update AFTER UPDATE ON employee_score
                REFERENCING OLD TABLE AS old_scores NEW TABLE AS new_scores
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_totals_score_update();
            CREATE TRIGGER unit_totals_pegawai_insert AFTER INSERT ON pegawai REFERENCING NEW TABLE AS new_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_totals_pegawai_insert();
            CREATE TRIGGER unit_totals_pegawai_delete AFTER DELETE ON pegawai REFERENCING OLD TABLE AS old_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_totals_pegawai_delete();
            CREATE TRIGGER unit_totals_pegawai_update AFTER UPDATE ON pegawai
                REFERENCING OLD TABLE AS old_people NEW TABLE AS new_people
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_totals_pegawai_update();

            INSERT INTO unit_score_totals(year, kode_unit, pegawai, complete, kualifikasi, kompetensi, kinerja, disiplin)
                \(freshUnitTotalsSQL);
            """
    }

    /// Millionths of a point: exact for every score the rules give (at most three decimals).
    static let unitTotalsScale = 1_000_000

    /// The totals summed afresh from the score cache (the migration's fill; `check` compares).
    static let freshUnitTotalsSQL = """
        SELECT s.year, p.kode_unit, COUNT(*), SUM(s.complete), SUM(round(s.kualifikasi * 1000000)::bigint),
               SUM(round(s.kompetensi * 1000000)::bigint), SUM(round(s.kinerja * 1000000)::bigint),
               SUM(round(s.disiplin * 1000000)::bigint)
        FROM employee_score s JOIN pegawai p ON p.nip = s.nip
        WHERE (p.aktif = 1 OR p.keluar_tanggal > make_date(s.year, 12, 31))
        GROUP BY s.year, p.kode_unit
        """

    /// The last gaps of the roles in the database (migration `2026-11-30-pg-rls2`):
    ///
    /// - **The score cache** (`employee_score`, `employee_score_entered`) is written only for
    ///   employees of the account's units (`ipasn_may_write_nip`: an operator, or an admin
    ///   holding the employee's unit or one above it), and by a verifikator (a verdict
    ///   changes the score of a record of any unit). The cached years (`score_year`) are the
    ///   operators' (a new year is cached by an operator's `setMeasurementYear` or recompute;
    ///   another account asking for an uncached year gets it computed, not cached).
    /// - **A unit moved** (its parent changed) needs a new parent the account may write, as
    ///   the store's own check (`permit`) asks; an admin may still rename a unit in place, and
    ///   a top-level unit (no parent) is an operator's. A BEFORE UPDATE trigger checks it
    ///   with the old and the new row (a policy cannot see the old parent).
    static let rowSecurityScores = """
        DROP POLICY anyone ON employee_score;
        CREATE POLICY read ON employee_score FOR SELECT USING (true);
        CREATE POLICY add ON employee_score FOR INSERT WITH CHECK (ipasn_may_write_score(nip));
        CREATE POLICY change ON employee_score FOR UPDATE USING (ipasn_may_write_score(nip)) WITH CHECK (ipasn_may_write_score(nip));
        CREATE POLICY remove ON employee_score FOR DELETE USING (ipasn_may_write_score(nip));
        DROP POLICY anyone ON employee_score_entered;
        CREATE POLICY read ON employee_score_entered FOR SELECT USING (true);
        CREATE POLICY add ON employee_score_entered FOR INSERT WITH CHECK (ipasn_may_write_score(nip));
        CREATE POLICY change ON employee_score_entered FOR UPDATE USING (ipasn_may_write_score(nip))
            WITH CHECK (ipasn_may_write_score(nip));
        CREATE POLICY remove ON employee_score_entered FOR DELETE USING (ipasn_may_write_score(nip));
        DROP POLICY anyone ON score_year;
        CREATE POLICY read ON score_year FOR SELECT USING (true);
        CREATE POLICY operators ON score_year FOR ALL USING (ipasn_is_operator()) WITH CHECK (ipasn_is_operator());

        CREATE FUNCTION ipasn_unit_moved() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.induk IS DISTINCT FROM OLD.induk AND row_security_active('units') AND NOT ipasn_is_operator()
               AND (NEW.induk IS NULL OR NOT ipasn_may_write(NEW.induk)) THEN
                RAISE EXCEPTION 'unit % may not be moved under %', NEW.kode, COALESCE(NEW.induk, '(no parent)')
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER units_moved BEFORE UPDATE OF induk ON units FOR EACH ROW EXECUTE FUNCTION ipasn_unit_moved();
        """

    /// Defined before the policies that call it (see ``rowSecurityScores``).
    static let scoreWriterFunction = """
        CREATE FUNCTION ipasn_may_write_score(nip text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
            SELECT ipasn_is_operator() OR COALESCE(ipasn_role() = 'verifikator', false) OR ipasn_may_write_nip(nip)
        $$;
        """
}
