import Foundation
import IPASNStore
import IPASNCore

/// What PostgreSQL does its own way of units and employees (`units()` pipelined, the decoder
/// its recompute calls per employee, the typed sub-units CTE); the rest is `SQLStore+Units`,
/// shared with SQLite.
extension PostgresStore {
    // MARK: Units

    /// Every unit, ordered by kode.
    public func units() throws -> [OrgUnit] {
        // One round trip (BEGIN, the query and COMMIT pipelined): the dashboard reads it twice an open.
        let result = try readPipelined([("SELECT kode, nama, induk FROM units ORDER BY kode", [])])[0]
        return (0..<result.count).map { index in
            let row = PGRow(result: result, index: index)
            return OrgUnit(kode: row[0], nama: row[1], induk: row[2])
        }
    }

    func units(_ db: PGConnection) throws -> [OrgUnit] {
        try PGRow.fetchAll(db, sql: "SELECT kode, nama, induk FROM units ORDER BY kode").map {
            OrgUnit(kode: $0[0], nama: $0[1], induk: $0[2])
        }
    }

    // MARK: Employees

    static func pegawai(_ row: PGRow, offset: Int = 0) throws -> Pegawai {
        guard let jabatan = JenisJabatan(rawValue: row[offset + 3]), let status = StatusPegawai(rawValue: row[offset + 5])
        else { throw StoreError.corrupt("pegawai \(row[offset] as String): jenis_jabatan or status") }
        var pegawai = Pegawai(
            nip: row[offset], nama: row[offset + 1], kodeUnit: row[offset + 2], jenisJabatan: jabatan,
            jenjang: row[offset + 4], status: status, aktif: row[offset + 6])
        let alasan: String? = row[offset + 7]
        let tanggal: String? = row[offset + 8]
        let tmt: String? = row[offset + 9]
        if let alasan, let tanggal {
            guard let reason = AlasanKeluar(rawValue: alasan), let date = LocalDate(iso: tanggal) else {
                throw StoreError.corrupt("pegawai \(pegawai.nip): keluar_alasan or keluar_tanggal")
            }
            pegawai.keluar = PegawaiKeluar(alasan: reason, tanggal: date)
        }
        if let tmt {
            guard let date = LocalDate(iso: tmt) else { throw StoreError.corrupt("pegawai \(pegawai.nip): tmt_unit") }
            pegawai.tmtUnit = date
        }
        return pegawai
    }

    func pegawai(nip: String, _ db: PGConnection) throws -> Pegawai? {
        try PGRow.fetchOne(db, sql: "SELECT \(Self.pegawaiColumns) FROM pegawai WHERE nip = ?", arguments: [nip])
            .map { try Self.pegawai($0) }
    }

    /// The SQL of "this unit and (optionally) its sub-units", a CTE named `sub(kode)`.
    /// `UNION` (not `UNION ALL`) keeps it finite even on a damaged tree with a cycle.
    static let subunitsCTE = """
        WITH RECURSIVE sub(kode) AS (
            SELECT ?::text COLLATE "C" UNION SELECT u.kode FROM units u JOIN sub ON u.induk = sub.kode)
        """

    /// The arguments of ``upsertPegawaiSQL``: the employee and the name's search key.
    static func arguments(_ p: Pegawai) -> PGArguments {
        [
            p.nip, p.nama, p.kodeUnit, p.jenisJabatan.rawValue, p.jenjang, p.status.rawValue, p.aktif, SearchText.key(p.nama),
            p.keluar?.alasan.rawValue, p.keluar?.tanggal.iso, p.tmtUnit?.iso,
        ]
    }
}
