import IPASNCore
import IPASNStore

extension PostgresStore: SKPSiasnStore {
    /// On the partial index `skp_pending` (only pending rows, which are from 2022 on).
    public func skpNeedingPredikat(unit: String?) throws -> [SKPNeedingPredikat] {
        try read { db in
            var arguments: PGArguments = []
            var prefix = ""
            var filter = ""
            if let unit {
                prefix = Self.subunitsCTE
                arguments += [unit]
                filter = " AND p.kode_unit IN (SELECT kode FROM sub)"
            }
            return try PGRow.fetchAll(
                db,
                sql: """
                    \(prefix) SELECT r.id, r.nip, r.tahun, r.predikat, r.nilai, p.kode_unit FROM skp r JOIN pegawai p ON p.nip = r.nip
                    WHERE \(Self.pendingCondition("r", .skp))
                      AND (r.predikat IS NULL OR r.predikat NOT IN (\(SKPSiasn.siasnPredikatSQLList)))\(filter)
                    ORDER BY r.nip, r.tahun, r.id
                    """, arguments: arguments
            ).map { row in
                let predikat: String? = row[3]
                return SKPNeedingPredikat(
                    id: row[0], skp: SKP(nip: row[1], tahun: row[2], predikat: predikat.flatMap(Predikat.init(rawValue:)), nilai: row[4]),
                    unit: row[5])
            }
        }
    }
}
