extension PostgresSchema {
    /// A `DO` block revoking `privileges` on each of `tables` from every grantee but the
    /// table's owner (the `ipasn_users` group, `PUBLIC`, any role granted directly), whoever
    /// was granted them: the one form of "written only by the owner's functions" that
    /// `2026-11-30-pgsecure`, `2026-11-30-pgqueue` and `2026-11-30-pgqueue2` share.
    static func revokeWrites(on tables: [String], _ privileges: [String]) -> String {
        let list = tables.map { "'\($0)'" }.joined(separator: ", ")
        let wanted = privileges.map { "'\($0)'" }.joined(separator: ", ")
        return """
            DO $$
            DECLARE
                t text;
                g record;
            BEGIN
                FOREACH t IN ARRAY ARRAY[\(list)] LOOP
                    FOR g IN
                        SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                        WHERE c.oid = ('public.' || t)::regclass AND a.grantee <> c.relowner
                          AND a.privilege_type IN (\(wanted))
                    LOOP
                        EXECUTE format('REVOKE \(privileges.joined(separator: ", ")) ON public.%I FROM %s', t,
                            CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);
                    END LOOP;
                END LOOP;
            END
            $$;
            """
    }

    /// Every write privilege of a table (what derived tables keep for their owner alone).
    static let writePrivileges = ["INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"]
}
