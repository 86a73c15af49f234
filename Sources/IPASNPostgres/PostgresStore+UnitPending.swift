import IPASNCore
import IPASNStore

extension PostgresStore: UnitPendingStore {
    /// From `unit_pending_counts` (``PostgresSchema/unitPending``: kept by triggers).
    public func unitPendingCounts() throws -> [String: [RecordKind: Int]] {
        // One round trip (BEGIN, the query and COMMIT pipelined): the dashboard reads it on every open.
        let result = try readPipelined([("SELECT kode_unit, kind, pending FROM unit_pending_counts WHERE pending <> 0", [])])[0]
        var counts: [String: [RecordKind: Int]] = [:]
        for index in 0..<result.count {
            let row = PGRow(result: result, index: index)
            guard let kind = RecordKind(rawValue: row[1]) else { throw StoreError.corrupt("unit_pending_counts kind \(row[1] as String)") }
            counts[row[0], default: [:]][kind] = Int(row[2] as Int64)
        }
        return counts
    }
}
