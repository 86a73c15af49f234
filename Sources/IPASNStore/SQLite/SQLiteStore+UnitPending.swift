import GRDB
import IPASNCore

extension SQLiteStore: UnitPendingStore {
    /// From `unit_pending_counts` (``UnitPendingCounts``: kept by triggers).
    public func unitPendingCounts() throws -> [String: [RecordKind: Int]] {
        try read { db in
            var counts: [String: [RecordKind: Int]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT kode_unit, kind, pending FROM unit_pending_counts WHERE pending <> 0")
            while let row = try rows.next() {
                guard let kind = RecordKind(rawValue: row[1]) else { throw StoreError.corrupt("unit_pending_counts kind \(row[1] as String)") }
                counts[row[0], default: [:]][kind] = row[2]
            }
            return counts
        }
    }
}
