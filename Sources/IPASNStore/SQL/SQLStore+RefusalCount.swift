import Foundation
import IPASNCore

/// ``RefusalCountStore`` once for both engines: one `COUNT(*)` over the refusals in force
/// (``SQLStore/refusalsInForceSQL(_:)``, the statement the refusals are listed by) whose record
/// has no verdict but *belum*.
extension SQLStore {
    public func waitingRefusalCount(unit: String?, kind: RecordKind?) throws -> Int {
        try sqlRead { db in
            guard try sqlHasTable("siasn_refusals", db) else { return 0 }  // a database opened read-only before the migration
            var conditions: [String] = []
            var arguments: SQLArguments = []
            if let unit {
                conditions.append("s.nip IN (SELECT nip FROM pegawai WHERE kode_unit IN (SELECT kode FROM sub))")
                arguments += SQLArguments([unit])
            }
            if let kind {
                conditions.append("s.kind = ?")
                arguments += SQLArguments([kind.rawValue])
            }
            let inForce = Self.refusalsInForceSQL(conditions.isEmpty ? nil : conditions.joined(separator: " AND "))
            let count = try db.fetchValue(
                Int.self,
                sql: """
                    \(unit == nil ? "" : dialect.subunits) SELECT COUNT(*) FROM (\(inForce)) x
                    WHERE x.deleted = 0
                      AND NOT EXISTS (SELECT 1 FROM verification v
                                      WHERE v.kind = x.kind AND v.record_id = x.record_id AND v.status <> 'belum')
                    """, arguments: arguments)
            return count ?? 0
        }
    }
}
