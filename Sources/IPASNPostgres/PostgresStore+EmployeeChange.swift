import Foundation
import IPASNCore
import IPASNStore

/// ``EmployeeChangeStore`` on PostgreSQL: the change is `SQLStore+EmployeeChange`, shared with
/// SQLite; here the history, read in one pipelined round trip.
extension PostgresStore: EmployeeChangeStore {
    /// The employee's saves still in effect, oldest first (undone ones left out).
    public func pegawaiHistory(nip: String) throws -> [PegawaiHistory.Step] {
        // One round trip with the snapshot's BEGIN and COMMIT.
        let result = try readPipelined([Self.historyStatement(nip: nip)])[0]
        return try translatingErrors { try Self.decodeHistory(result) }
    }

    /// The statement of ``pegawaiHistory(nip:)``, to send with others.
    static func historyStatement(nip: String) -> (sql: String, arguments: PGArguments) {
        ("SELECT \(PGAuditRows.columns) FROM audit a WHERE a.entity = 'pegawai' AND a.entity_id = ? ORDER BY a.id", [nip])
    }

    /// The result of ``historyStatement(nip:)``.
    static func decodeHistory(_ result: PGResult) throws -> [PegawaiHistory.Step] {
        try PegawaiHistory.steps((0..<result.count).map { try PGAuditRows.entry(PGRow(result: result, index: $0)) })
    }
}
