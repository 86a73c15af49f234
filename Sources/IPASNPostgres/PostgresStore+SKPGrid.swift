import Foundation
import IPASNCore
import IPASNStore

/// ``SKPGridStore`` on PostgreSQL (`SQLStore+SKPGrid`): a replaced row is read `FOR UPDATE`,
/// so a concurrent edit of it waits for the grid's commit (or the grid for the edit's) and
/// the comparison sees the committed row.
extension PostgresStore {
    public func skp(year: Int, nips: [String]) throws -> [String: StoredRecord<SKP>] {
        try sqlSKP(year: year, nips: nips)
    }

    @discardableResult
    public func saveSKPGrid(_ changes: [SKPGridChange], label: String) throws -> BatchResult {
        try sqlSaveSKPGrid(changes, label: label, lockClause: " FOR UPDATE")
    }
}
