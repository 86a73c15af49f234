import Foundation
import IPASNCore

/// For hand measurement of the full recompute (`ipasn bench --only pg-recompute`, issue 12):
/// the server process serving this store, and the recompute path before issue 12's fast path.
extension PostgresStore {
    /// The process id of the PostgreSQL backend serving this store's connection (its CPU
    /// time is readable in `/proc` when the server runs on this machine).
    package var serverProcessID: Int32 {
        (try? read { $0.backendPID }) ?? 0
    }

    /// ``recomputeAll(year:)`` as it was before issue 12 (diklat through a cursor in NIP order,
    /// the year's rows deleted and every score upserted 500 at a time), for before/after
    /// figures on the same binary and data. The year must be cached; as the schema's owner or
    /// an operator.
    package func recomputeAllPlain(year: Int) throws {
        try transaction { db in
            try ensureCached(year: year, db)
            try recompute(years: [year], only: nil, replaceAll: true, plain: true, db)
        }
    }
}
