import IPASNCore

extension PostgresSchema {
    /// Migration `2026-12-06-pgsave11` (issue 12, row PG3, PostgreSQL only): the one-trip
    /// save's digest (`ipasn_save_digest`) from a per-employee version number, one index probe,
    /// instead of a hash of every row of the employee's four record tables and their verdicts.
    ///
    /// - `save_version(nip, v, prev_v, xid)`: one row per employee ever changed, `v` raised by
    ///   one (the row inserted at 1) by every statement that inserts, updates or deletes one of
    ///   the employee's records (`pendidikan`, `diklat`, `skp`, `disiplin`), a verdict of one
    ///   of them (`verification`), or updates or deletes the employee's row (`pegawai`):
    ///   statement triggers over their transition tables, one upsert a statement whatever the
    ///   rows (an import's thousands included), the NIPs in order. A new employee's row needs
    ///   none: nothing was decided on an employee that did not exist (a page or a save of
    ///   nobody keeps no basis). `prev_v` is `v` as it stood before the first raise by the
    ///   transaction `xid` (`txid_current()`), so the digest "before this transaction's own
    ///   writes" is known inside it; the raise locks the row, so no other writer's change comes
    ///   between a one-trip save's insert and its COMMIT. Rows are never deleted (a missing row
    ///   is version 0): no number comes back.
    /// - The row `''` is the epoch of every employee: raised by a `TRUNCATE` of any of those
    ///   six tables and by an import's first load (``FirstLoadTriggers``, whose COPY runs with
    ///   the record table's insert triggers, this one among them, dropped):
    ///   `ipasn_save_epoch_bump()`, one statement.
    /// - `ipasn_save_digest(nip, table, id)` keeps its signature and callers (the one-trip
    ///   guard, the two-exchange save's basis, the warm-up): the measurement year, the ruleset's
    ///   `md5`, the cached years, the epoch and the employee's version; `before` with this
    ///   transaction's own raises left out (`prev_v`), `after` with them. The measurement year,
    ///   the ruleset and the cached years are read as before (any change of them changes it).
    ///   `table` and `id` are no longer needed (kept for the callers).
    ///
    /// The table is read by every account (as `record_touch`: a version number tells nothing a
    /// page does not) and written only by the owner's trigger functions.
    static var saveVersions: String {
        let tables = RecordKind.allCases.map { PGRecordRows.table($0) }
        let recordTriggers = (tables + ["pegawai"]).map { table in
            (table == "pegawai"
                ? ""
                : """
                CREATE TRIGGER \(table)_save_version_insert AFTER INSERT ON \(table) REFERENCING NEW TABLE AS came
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_save_version_rows();

                """)
                + """
                CREATE TRIGGER \(table)_save_version_update AFTER UPDATE ON \(table) REFERENCING OLD TABLE AS gone NEW TABLE AS came
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_save_version_rows();
                CREATE TRIGGER \(table)_save_version_delete AFTER DELETE ON \(table) REFERENCING OLD TABLE AS gone
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_save_version_rows();
                CREATE TRIGGER \(table)_save_version_truncate AFTER TRUNCATE ON \(table)
                    FOR EACH STATEMENT EXECUTE FUNCTION ipasn_save_version_truncated();
                """
        }.joined(separator: "\n")
        let verdictNIPs = { (verdicts: String) in
            tables.map { "SELECT r.nip FROM \(verdicts) c JOIN \($0) r ON c.kind = '\($0)' AND r.id = c.record_id" }
                .joined(separator: " UNION ALL ")
        }
        return """
            CREATE TABLE save_version (
                nip    TEXT COLLATE "C" PRIMARY KEY,
                v      BIGINT NOT NULL,
                prev_v BIGINT NOT NULL,
                xid    BIGINT NOT NULL
            );
            ALTER TABLE save_version ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON save_version FOR SELECT USING (true);

            CREATE FUNCTION ipasn_save_version_rows() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    \(saveVersionRaise("SELECT nip FROM came"))
                ELSIF TG_OP = 'UPDATE' THEN
                    \(saveVersionRaise("SELECT nip FROM came UNION ALL SELECT nip FROM gone"))
                ELSE
                    \(saveVersionRaise("SELECT nip FROM gone"))
                END IF;
                RETURN NULL;
            END
            $$;

            CREATE FUNCTION ipasn_save_version_verdicts() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    \(saveVersionRaise(verdictNIPs("came")))
                ELSIF TG_OP = 'UPDATE' THEN
                    \(saveVersionRaise(verdictNIPs("(SELECT kind, record_id FROM came UNION SELECT kind, record_id FROM gone)")))
                ELSE
                    \(saveVersionRaise(verdictNIPs("gone")))
                END IF;
                RETURN NULL;
            END
            $$;

            CREATE FUNCTION ipasn_save_epoch_bump() RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            BEGIN
                \(saveVersionRaise("SELECT ''::text AS nip"))
            END
            $$;
            REVOKE EXECUTE ON FUNCTION ipasn_save_epoch_bump() FROM PUBLIC;

            CREATE FUNCTION ipasn_save_version_truncated() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            BEGIN
                PERFORM ipasn_save_epoch_bump();
                RETURN NULL;
            END
            $$;

            \(recordTriggers)
            CREATE TRIGGER verification_save_version_insert AFTER INSERT ON verification REFERENCING NEW TABLE AS came
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_save_version_verdicts();
            CREATE TRIGGER verification_save_version_update AFTER UPDATE ON verification REFERENCING OLD TABLE AS gone NEW TABLE AS came
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_save_version_verdicts();
            CREATE TRIGGER verification_save_version_delete AFTER DELETE ON verification REFERENCING OLD TABLE AS gone
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_save_version_verdicts();
            CREATE TRIGGER verification_save_version_truncate AFTER TRUNCATE ON verification
                FOR EACH STATEMENT EXECUTE FUNCTION ipasn_save_version_truncated();

            CREATE OR REPLACE FUNCTION ipasn_save_digest(p_nip text, p_table text, p_id bigint, OUT before text, OUT after text)
            LANGUAGE plpgsql STABLE SET search_path = public, pg_temp SET plan_cache_mode = force_generic_plan AS $$
            DECLARE
                head text;
                mine bigint := txid_current_if_assigned();
                eb bigint;
                ea bigint;
                vb bigint;
                va bigint;
            BEGIN
                SELECT concat_ws('|', \(saveDigestSettings)) INTO head;
                SELECT CASE WHEN s.xid = mine THEN s.prev_v ELSE s.v END, s.v INTO vb, va FROM save_version s WHERE s.nip = p_nip;
                SELECT CASE WHEN s.xid = mine THEN s.prev_v ELSE s.v END, s.v INTO eb, ea FROM save_version s WHERE s.nip = '';
                before := concat_ws('|', head, coalesce(eb, 0), coalesce(vb, 0));
                after := concat_ws('|', head, coalesce(ea, 0), coalesce(va, 0));
            END
            $$;
            """ + revokeWrites(on: ["save_version"], writePrivileges)
    }

    /// The upsert raising the version of every NIP `nips` (a query of a column `nip`) gives,
    /// each once, in order (``saveVersions``).
    static func saveVersionRaise(_ nips: String) -> String {
        """
        INSERT INTO save_version AS s (nip, v, prev_v, xid)
                        SELECT n.nip, 1, 0, txid_current() FROM (SELECT DISTINCT x.nip FROM (\(nips)) x WHERE x.nip IS NOT NULL ORDER BY 1) n
                        ON CONFLICT (nip) DO UPDATE
                        SET prev_v = CASE WHEN s.xid = excluded.xid THEN s.prev_v ELSE s.v END, v = s.v + 1, xid = excluded.xid;
        """
    }
}
