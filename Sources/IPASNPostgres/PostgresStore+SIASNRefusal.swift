import Foundation
import IPASNCore
import IPASNStore

/// PostgreSQL's writes of ``SIASNRefusalStore``: each refusal through the owner's function
/// `ipasn_siasn_refuse` (migration `2026-12-04-siasnback`), which checks the row and the
/// account again; the checks and the reads are `SQLStore+SIASNRefusal`, shared with SQLite.
extension PostgresStore: SIASNRefusalStore {
    @discardableResult
    public func markSIASNRefusals(batch: Int64, _ refusals: [NewSIASNRefusal]) throws -> SIASNRefusalOutcome {
        try sqlMarkRefusals(batch: batch, refusals) { db, refusal, _, _, at in
            try db.fetchValue(
                Bool.self, sql: "SELECT ipasn_siasn_refuse(?, ?, ?, ?::smallint, ?, ?, ?, ?)",
                arguments: [batch, refusal.id.kind.rawValue, refusal.id.id, refusal.deleted ? 1 : 0, refusal.line, refusal.reason, at, context.actor]
            ) ?? false
        }
    }
}
