import IPASNStore

extension PostgresSchema {
    /// Migration `2026-12-07-leftovers13` (PostgreSQL only): the rename's audit row is the record
    /// of every row `ipasn_rename_unit` moves. The function (``unitRename``'s, redefined) now
    /// drops, at its end, the commit-time audit's pending rows (`audit_pending`, branch pgaudit3)
    /// that its own statements noted for `pegawai`, `units` and `progress`: the server wrote an
    /// `update` row per moved employee (and the unit's rows, each moved mark) and refreshed those
    /// employees' scores at COMMIT, besides the one `rename` row. Pending rows of the
    /// transaction's earlier statements (a raw write before the call) are kept: only those
    /// noted after the function started go, so nothing else written in the transaction is left
    /// unaudited. The new unit's row needs nothing: the rename row (entity `units`, the new code,
    /// its value) covers its insert as any audited save does.
    static var unitRenameFolded: String {
        // The shipped definition, unchanged but for the three marked lines (one source for both).
        let shipped = unitRename
        guard let end = shipped.range(of: "$$;") else { return shipped }
        return String(shipped[..<end.upperBound])
            .replacingOccurrences(of: "CREATE FUNCTION ipasn_rename_unit", with: "CREATE OR REPLACE FUNCTION ipasn_rename_unit")
            .replacingOccurrences(
                of: "AS $$\nBEGIN\n",
                with: "AS $$\nDECLARE\n    earlier tid[] := ARRAY(SELECT p.ctid FROM audit_pending p WHERE p.xact = pg_current_xact_id());\nBEGIN\n")
            .replacingOccurrences(
                of: "\nEND\n$$;",
                with: """

                    DELETE FROM audit_pending p
                    WHERE p.xact = pg_current_xact_id() AND p.entity IN ('pegawai', 'units', 'progress') AND NOT (p.ctid = ANY(earlier));
                END
                $$;
                """)
    }
}
