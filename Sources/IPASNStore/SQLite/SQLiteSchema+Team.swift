extension SQLiteSchema {
    /// Migration `2026-11-30-team`: the history screens read the audit log by employee and by
    /// entity with keyset paging (`id < ?` newest first) on an index each, and a verifikator's
    /// confirmation or reopening of a "selesai diinput" mark is kept in `progress_review`
    /// (one row per unit and dimension; it stands while the mark is the one it was about:
    /// `mark_by`/`mark_at` equal the `progress` row's `by`/`at`).
    static let team = """
        CREATE INDEX audit_nip ON audit(nip, id);
        -- entity_id first: an index led by `entity` would be chosen for `entity IN (kinds)`
        -- over `audit_at` by the activity counts, scanning every record row of the log.
        CREATE INDEX audit_entity ON audit(entity_id, entity, id);
        CREATE TABLE progress_review (
            unit      TEXT NOT NULL REFERENCES units(kode),
            dimension TEXT NOT NULL,
            confirmed INTEGER NOT NULL,
            by        TEXT NOT NULL,
            at        TEXT NOT NULL,
            reason    TEXT,
            mark_by   TEXT NOT NULL,
            mark_at   TEXT NOT NULL,
            PRIMARY KEY (unit, dimension)
        );
        """
}
