import Foundation
import IPASNCore

extension SQLStore {
    /// ``SKPSiasnStore/skpNeedingPredikat(unit:)`` for both engines: the pending SKP whose
    /// predikat SIASN's shape cannot carry, on the partial index `skp_pending` (only pending
    /// rows, which are from 2022 on).
    package func sqlSKPNeedingPredikat(unit: String?) throws -> [SKPNeedingPredikat] {
        try sqlRead { db in
            var arguments: [(any SQLBindable)?] = []
            var prefix = ""
            var filter = ""
            if let unit {
                prefix = dialect.subunits
                arguments.append(unit)
                filter = " AND p.kode_unit IN (SELECT kode FROM sub)"
            }
            var found: [SKPNeedingPredikat] = []
            try db.forEachRow(
                sql: """
                    \(prefix) SELECT r.id, r.nip, r.tahun, r.predikat, r.nilai, p.kode_unit FROM skp r JOIN pegawai p ON p.nip = r.nip
                    WHERE \(sqlPendingCondition("r", .skp))
                      AND (r.predikat IS NULL OR r.predikat NOT IN (\(SKPSiasn.siasnPredikatSQLList)))\(filter)
                    ORDER BY r.nip, r.tahun, r.id
                    """, arguments: SQLArguments(arguments)
            ) { row in
                let predikat: String? = row[3]
                found.append(
                    SKPNeedingPredikat(
                        id: row[0], skp: SKP(nip: row[1], tahun: row[2], predikat: predikat.flatMap(Predikat.init(rawValue:)), nilai: row[4]),
                        unit: row[5]))
            }
            return found
        }
    }
}
