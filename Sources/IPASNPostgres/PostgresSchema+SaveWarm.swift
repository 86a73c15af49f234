extension PostgresSchema {
    /// Migration `2026-12-01-pgsave5` (issue 12): the per-row triggers of a save as thin
    /// wrappers around ordinary functions, so that a connection can ready them without a row.
    ///
    /// PL/pgSQL compiles a function and plans each of its statements the first time the
    /// session runs them. A save's per-row triggers (`<table>_restored` before its record's
    /// insert, the audit's entry marks and record touch after its audit row) only run on a
    /// row, so before this the first save of every connection paid for them inside its
    /// transaction. Their statements now live in three functions that take the row's values
    /// as arguments and touch no row when given values that match none:
    /// - `ipasn_take_export_deleted(kind, id)`: the export tracking of a record inserted under
    ///   the id of a deleted one it had sent (one `DELETE ... RETURNING` instead of a `SELECT`
    ///   then a `DELETE` of the same row);
    /// - `ipasn_mark_entries(kinds, at)`: the entry marks of the kinds listed (none: no row);
    /// - `ipasn_touch_record(kind, id, audit_id, at, actor)`: the record's newest audit row
    ///   (a NULL id: no row).
    /// The trigger functions keep their names, conditions and effects; only where their SQL is
    /// planned changes. The three functions are the owner's alone (`REVOKE ... FROM PUBLIC`:
    /// called directly they could write marks or touches for any record); what every account
    /// may run is `ipasn_warm_save_path()`, which calls each of them once with values that
    /// match no row, and the score check's scorer (`ipasn_server_scores_few`) for no employee:
    /// the check joins the scorer to the scores it is given, so the warm-up's
    /// `ipasn_put_scores` of empty arrays never ran it, and the first save planned its generic
    /// plan (about 9 ms of planning on the bench's province under load). It writes nothing
    /// (`PostgresStore.warmSavePath`).
    static let saveWarmTriggers = """
        CREATE FUNCTION ipasn_take_export_deleted(p_kind text, p_id bigint) RETURNS export_deleted
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        DECLARE
            d export_deleted%ROWTYPE;
        BEGIN
            DELETE FROM export_deleted e WHERE e.kind = p_kind AND e.record_id = p_id RETURNING e.* INTO d;
            RETURN d;
        END
        $$;
        CREATE OR REPLACE FUNCTION ipasn_restored() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE
            d export_deleted%ROWTYPE;
        BEGIN
            d := ipasn_take_export_deleted(TG_TABLE_NAME, NEW.id);
            \(restoredTakesBack)
        END
        $$;

        CREATE FUNCTION ipasn_mark_entries(p_kinds text[], p_at timestamptz) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            INSERT INTO entry_marks(kind, upto_id, at)
                SELECT k.kind, k.used, p_at FROM (
                    SELECT t.kind, pg_sequence_last_value(to_regclass('public.' || t.kind || '_id_seq')) AS used
                    FROM unnest(p_kinds) AS t(kind)) k
                WHERE k.used IS NOT NULL
                  AND k.used > COALESCE((SELECT MAX(m.upto_id) FROM entry_marks m WHERE m.kind = k.kind), 0);
        END
        $$;
        CREATE OR REPLACE FUNCTION ipasn_entry_marks() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public AS $$
        BEGIN
            PERFORM ipasn_mark_entries(ARRAY['pendidikan', 'diklat', 'skp', 'disiplin'], NEW.at);
            RETURN NULL;
        END
        $$;

        CREATE FUNCTION ipasn_touch_record(p_kind text, p_id bigint, p_audit bigint, p_at timestamptz, p_actor text) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            INSERT INTO record_touch AS t(kind, record_id, audit_id, at, actor)
                SELECT p_kind, p_id, p_audit, p_at, p_actor WHERE p_id IS NOT NULL
                ON CONFLICT (kind, record_id) DO UPDATE SET audit_id = excluded.audit_id, at = excluded.at, actor = excluded.actor
                WHERE t.audit_id < excluded.audit_id;
        END
        $$;
        CREATE OR REPLACE FUNCTION ipasn_audit_touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public AS $$
        DECLARE
            ids bigint[];
        BEGIN
            IF NEW.entity_id <> '' THEN
                IF NEW.action <> 'import' AND NEW.entity_id ~ '^[0-9]{1,18}$' THEN
                    PERFORM ipasn_touch_record(NEW.entity, NEW.entity_id::bigint, NEW.id, NEW.at, NEW.actor);
                END IF;
            \(touchRangesBranch)
            END IF;
            RETURN NULL;
        END
        $$;

        REVOKE EXECUTE ON FUNCTION ipasn_take_export_deleted(text, bigint), ipasn_mark_entries(text[], timestamptz),
            ipasn_touch_record(text, bigint, bigint, timestamptz, text) FROM PUBLIC;

        -- What a save runs on the server only for a row, planned for this session on none: the
        -- per-row triggers' statements (no kind is '', no entry mark for no kind, no touch for
        -- no id) and the score check's scorer (no employee, no year).
        CREATE FUNCTION ipasn_warm_save_path() RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        DECLARE
            no_nips text[] := '{}';
            no_years int4[] := '{}';
        BEGIN
            PERFORM ipasn_take_export_deleted('', 0);
            PERFORM ipasn_mark_entries('{}'::text[], now());
            PERFORM ipasn_touch_record('', NULL, 0, now(), '');
            PERFORM count(*) FROM ipasn_server_scores_few(no_nips, no_years, false);
        END
        $$;
        """

    /// The touch of an import's range of records by audit row `NEW` (``saveWarmTriggers``, `2026-12-05-pgsave10`).
    static let touchRangesBranch = """
        ELSIF NEW.action IN ('import', 'redo') THEN
                ids := ipasn_import_ids(NEW.new_value);
                IF ids IS NOT NULL THEN
                    INSERT INTO touch_ranges(audit_id, kind, first_id, last_id, at, actor)
                    VALUES (NEW.id, NEW.entity, ids[1], ids[2], NEW.at, NEW.actor)
                    ON CONFLICT (audit_id) DO NOTHING;
                END IF;
        """

    /// A record restored under a deleted one's id takes back its export tracking `d` (``saveWarmTriggers``, `2026-12-05-pgsave10`).
    static let restoredTakesBack = """
        IF d.record_id IS NOT NULL THEN
                NEW.change_no := d.change_no;
                NEW.sent_no := CASE WHEN d.reported IS NULL THEN d.sent_no END;
            END IF;
            RETURN NEW;
        """
}
