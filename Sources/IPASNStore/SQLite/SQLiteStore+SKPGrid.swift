import Foundation
import IPASNCore

/// ``SKPGridStore`` on SQLite (`SQLStore+SKPGrid`): writers are serialised by the write
/// transaction, so a replaced row needs no lock of its own.
extension SQLiteStore {
    public func skp(year: Int, nips: [String]) throws -> [String: StoredRecord<SKP>] {
        try sqlSKP(year: year, nips: nips)
    }

    @discardableResult
    public func saveSKPGrid(_ changes: [SKPGridChange], label: String) throws -> BatchResult {
        try sqlSaveSKPGrid(changes, label: label, lockClause: "")
    }
}
