import IPASNStore

extension PostgresSchema {
    /// Migration `2026-12-06-unitrename` (PostgreSQL only): a unit's code changes only through
    /// `ipasn_rename_unit(old, new)`, the schema owner's function that runs ``UnitRename``'s
    /// statements (the same ones SQLite runs in its own transaction).
    ///
    /// Why a function and not `ON UPDATE CASCADE`: the rename is an operator's alone, also from
    /// `psql`, while a unit admin may update their units' rows (the name); a cascade would let
    /// the row policy decide, leave the kept per-unit figures (no foreign key) behind and run
    /// the raw-write audit for every employee row. The function refuses any account but an
    /// operator (or the owner), and refuses to run unless the rename's audit row (action
    /// `rename`, entity `units`, the new code, the old code in its old value) was written in
    /// the same transaction: a rename is never unaudited. A raw `UPDATE units SET kode` by any
    /// account is refused by `units_code` (`42501`); inside the owner's function row security
    /// is off and the trigger lets it through (it is never reached: the function inserts the
    /// new code and deletes the old).
    static var unitRename: String {
        """
        CREATE FUNCTION ipasn_rename_unit(p_old text, p_new text) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            IF NOT (\(ownerOrOperator)) THEN
                RAISE EXCEPTION 'permission denied: only an operator changes a unit''s code (ipasn units rename)'
                    USING ERRCODE = '42501';
            END IF;
            IF NOT EXISTS (
                SELECT 1 FROM audit a
                WHERE a.action = 'rename' AND a.entity = 'units' AND a.entity_id = p_new
                  AND a.old_value::jsonb ->> 'kode' = p_old AND a.xmin = pg_current_xact_id()::xid
            ) THEN
                RAISE EXCEPTION 'no audit row of the rename of unit % to % in this transaction', p_old, p_new
                    USING ERRCODE = '42501';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM units WHERE kode = p_old) THEN
                RAISE EXCEPTION 'no unit %', p_old USING ERRCODE = '23503';
            END IF;
            IF EXISTS (SELECT 1 FROM units WHERE kode = p_new) THEN
                RAISE EXCEPTION 'unit code % is already used', p_new USING ERRCODE = '23505';
            END IF;
        \(UnitRename.plpgsql)
        END
        $$;

        CREATE FUNCTION ipasn_unit_code_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
            IF NEW.kode IS DISTINCT FROM OLD.kode AND row_security_active('units') THEN
                RAISE EXCEPTION 'permission denied: a unit''s code is changed only by an operator (ipasn units rename)'
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER units_code BEFORE UPDATE OF kode ON units FOR EACH ROW EXECUTE FUNCTION ipasn_unit_code_guard();
        """
    }
}
