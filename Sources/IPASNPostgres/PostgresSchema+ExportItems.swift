extension PostgresSchema {
    /// Migration `2026-12-03-exportitems` (PostgreSQL only): an export batch's items name only
    /// records of the account's units.
    ///
    /// After `2026-12-03-pgrls` an admin's role could insert items only into its own batch, but
    /// the items themselves were not checked: from `psql`, an admin could open a batch of its
    /// own and list another unit's (or another instansi's) records in it, so that those records
    /// read as sent to SIASN though nobody of their unit sent them (user test 9). Now an item is
    /// inserted only for a record the account may write (`ipasn_may_write_record`), or, for a
    /// deletion being reported, a kept deletion of an employee of its units; an operator any.
    /// The store's own export checks the same before it writes (``StoreError``'s refusal of
    /// another unit's export), so its paths are unchanged; the check costs an admin's export a
    /// record lookup per item (by primary key).
    static let exportItemsOfOwnUnits = """
        CREATE FUNCTION ipasn_may_export_item(p_kind text, p_id bigint, p_deleted smallint) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT COALESCE(ipasn_is_operator(), false) OR CASE WHEN p_deleted <> 0 THEN
                EXISTS (SELECT 1 FROM export_deleted d
                        WHERE d.kind = p_kind AND d.record_id = p_id AND ipasn_may_write_nip(d.nip))
            ELSE ipasn_may_write_record(p_kind, p_id) END
        $$;
        DROP POLICY add ON export_items;
        CREATE POLICY add ON export_items FOR INSERT
            WITH CHECK (EXISTS (SELECT 1 FROM export_batches b WHERE b.id = batch AND b.actor = session_user)
                        AND ipasn_may_export_item(kind, record_id, deleted));
        """
}
