import Foundation
import IPASNCore

/// ``SKPSentChangeStore`` once for both engines: the SKP rows before 2022 whose sent version
/// (`sent_no`, set by a SIASN batch) is not their version (`change_no`).
extension SQLStore {
    public func skpHeldBySIASN(unit: String?) throws -> [SKPHeldBySIASN] {
        try sqlRead { db in
            let cte = unit == nil ? "" : dialect.subunits
            let within = unit == nil ? "" : "AND p.kode_unit IN (SELECT kode FROM sub)"
            let rows = try db.fetchAll(
                sql: """
                    \(cte) SELECT r.id, p.kode_unit,
                        (SELECT MAX(i.batch) FROM export_items i JOIN export_batches b ON b.id = i.batch
                         WHERE i.kind = 'skp' AND i.record_id = r.id AND b.marks_sent = 1 AND i.deleted = 0)
                    FROM skp r JOIN pegawai p ON p.nip = r.nip
                    WHERE r.tahun < \(SKPSiasn.firstYear) AND r.sent_no IS NOT NULL AND r.sent_no <> r.change_no \(within)
                    ORDER BY r.nip, r.tahun, r.id
                    """, arguments: unit.map { [$0] } ?? [])
            return try rows.compactMap { row -> SKPHeldBySIASN? in
                let id: Int64 = row[0]
                guard case .skp(let skp)? = try sqlRecord(RecordID(kind: .skp, id: id), db) else { return nil }
                let batch: Int64? = row.isNull(2) ? nil : row[2]
                return SKPHeldBySIASN(id: id, skp: skp, unit: row[1], batch: batch ?? 0)
            }
        }
    }
}
