import IPASNCore

extension PostgresSchema {
    /// The tables of the verifikator's queue (migration `2026-11-30-pgqueue`): read by every
    /// account, written only by the schema owner's trigger function.
    static let queueTables = ["record_touch", "touch_ranges"]

    /// Migration `2026-11-30-pgqueue` (issue 12): the verifikator's queue, newest first
    /// (``VerificationQueueStore``), on an index of the audit log instead of the whole log,
    /// as SQLite's `2026-11-30-queue`:
    /// - `record_touch(kind, record_id, audit_id, at, actor)`: per record, the newest audit
    ///   row that entered or changed its content (`insert`, `update`, `undo`, `redo` of the
    ///   record; never a verdict or a document mark), indexed by (kind, at) and
    ///   (kind, actor, at) for "newest first", "since" and "by whom". `audit_id` keeps the
    ///   newest row whatever order rows arrive in (a `COPY` of a whole log by
    ///   `ipasn migrate --to`).
    /// - `touch_ranges(audit_id, kind, first_id, last_id, at, actor)`: one row per record
    ///   import (or redo of one): its id range. A record's touch is its `record_touch` row,
    ///   else the newest range holding it.
    ///
    /// Kept by one row trigger on `audit` (`AFTER INSERT`, in the writing transaction, so a
    /// save, an import, an undo and a verification need no statement of their own): its `WHEN`
    /// lets every other audit row (verdicts, settings, employees) through without calling the
    /// function; a record's save costs one upsert. A bulk import writes one audit row, hence
    /// one range row, whatever its size. A deleted record's row stays (every read joins the
    /// record table; ids are never reused), so deletes cost nothing. Existing audit rows are
    /// read once, set-based, by the migration.
    ///
    /// Security as `2026-11-30-pgsecure`'s derived tables: everyone reads (row-level security
    /// with a read policy), nobody but the schema's owner holds a write privilege (revoked from
    /// `ipasn_users`, `PUBLIC` and any direct grantee); the trigger function is `SECURITY
    /// DEFINER`, owned by the owner, with a fixed search path.
    static var queue: String {
        let kinds = RecordKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return """
            CREATE TABLE record_touch (
                kind      TEXT COLLATE "C" NOT NULL,
                record_id BIGINT NOT NULL,
                audit_id  BIGINT NOT NULL,
                at        TIMESTAMPTZ NOT NULL,
                actor     TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (kind, record_id)
            );
            CREATE INDEX record_touch_at ON record_touch(kind, at, record_id);
            CREATE INDEX record_touch_actor ON record_touch(kind, actor, at, record_id);
            CREATE TABLE touch_ranges (
                audit_id BIGINT PRIMARY KEY,
                kind     TEXT COLLATE "C" NOT NULL,
                first_id BIGINT NOT NULL,
                last_id  BIGINT NOT NULL,
                at       TIMESTAMPTZ NOT NULL,
                actor    TEXT COLLATE "C" NOT NULL
            );
            CREATE INDEX touch_ranges_kind ON touch_ranges(kind, audit_id);
            -- An import summary's id range (its JSON's ids.first, ids.last), null when it has none
            -- or is not JSON (never an error: an audit row is never refused for it).
            CREATE FUNCTION ipasn_import_ids(summary text) RETURNS bigint[] LANGUAGE plpgsql IMMUTABLE AS $$
            DECLARE
                j jsonb;
            BEGIN
                IF summary IS NULL OR position('"ids"' in summary) = 0 THEN
                    RETURN NULL;
                END IF;
                j := summary::jsonb -> 'ids';
                IF jsonb_typeof(j) = 'object' AND jsonb_typeof(j -> 'first') = 'number' AND jsonb_typeof(j -> 'last') = 'number' THEN
                    RETURN ARRAY[(j ->> 'first')::bigint, (j ->> 'last')::bigint];
                END IF;
                RETURN NULL;
            EXCEPTION WHEN others THEN
                RETURN NULL;
            END
            $$;
            CREATE FUNCTION ipasn_audit_touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public AS $$
            DECLARE
                ids bigint[];
            BEGIN
                IF NEW.entity_id <> '' THEN
                    IF NEW.action <> 'import' AND NEW.entity_id ~ '^[0-9]{1,18}$' THEN
                        INSERT INTO record_touch AS t(kind, record_id, audit_id, at, actor)
                        VALUES (NEW.entity, NEW.entity_id::bigint, NEW.id, NEW.at, NEW.actor)
                        ON CONFLICT (kind, record_id) DO UPDATE SET audit_id = excluded.audit_id, at = excluded.at, actor = excluded.actor
                        WHERE t.audit_id < excluded.audit_id;
                    END IF;
                ELSIF NEW.action IN ('import', 'redo') THEN
                    ids := ipasn_import_ids(NEW.new_value);
                    IF ids IS NOT NULL THEN
                        INSERT INTO touch_ranges(audit_id, kind, first_id, last_id, at, actor)
                        VALUES (NEW.id, NEW.entity, ids[1], ids[2], NEW.at, NEW.actor)
                        ON CONFLICT (audit_id) DO NOTHING;
                    END IF;
                END IF;
                RETURN NULL;
            END
            $$;
            CREATE TRIGGER audit_record_touch AFTER INSERT ON audit FOR EACH ROW
                WHEN (NEW.entity IN (\(kinds)) AND NEW.action IN ('insert', 'update', 'undo', 'redo', 'import'))
                EXECUTE FUNCTION ipasn_audit_touch();
            -- The audit log so far, once, set-based.
            INSERT INTO record_touch(kind, record_id, audit_id, at, actor)
                SELECT DISTINCT ON (a.entity, a.entity_id::bigint) a.entity, a.entity_id::bigint, a.id, a.at, a.actor
                FROM audit a
                WHERE a.entity IN (\(kinds)) AND a.action IN ('insert', 'update', 'undo', 'redo') AND a.entity_id ~ '^[0-9]{1,18}$'
                ORDER BY a.entity, a.entity_id::bigint, a.id DESC;
            INSERT INTO touch_ranges(audit_id, kind, first_id, last_id, at, actor)
                SELECT x.id, x.entity, x.ids[1], x.ids[2], x.at, x.actor FROM (
                    SELECT a.id, a.entity, a.at, a.actor, ipasn_import_ids(a.new_value) AS ids FROM audit a
                    WHERE a.entity IN (\(kinds)) AND a.entity_id = '' AND a.action IN ('import', 'redo')) x
                WHERE x.ids IS NOT NULL;
            ALTER TABLE record_touch ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON record_touch FOR SELECT USING (true);
            ALTER TABLE touch_ranges ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON touch_ranges FOR SELECT USING (true);
            """ + revokeWrites(on: queueTables, writePrivileges)
    }
}
