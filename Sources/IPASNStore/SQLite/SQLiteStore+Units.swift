import Foundation
import GRDB
import IPASNCore

/// What SQLite does its own way of units and employees (their prepared statements, the
/// decoder its recompute calls per employee); the rest is `SQLStore+Units`, shared with PostgreSQL.
extension SQLiteStore {
    // MARK: Units

    /// Every unit, ordered by kode.
    public func units() throws -> [OrgUnit] {
        try read { try units($0) }
    }

    func units(_ db: Database) throws -> [OrgUnit] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT kode, nama, induk FROM units ORDER BY kode")).map {
            OrgUnit(kode: $0[0], nama: $0[1], induk: $0[2])
        }
    }

    // MARK: Employees

    static func pegawai(_ row: Row, offset: Int = 0) throws -> Pegawai {
        guard let jabatan = JenisJabatan(rawValue: row[offset + 3]), let status = StatusPegawai(rawValue: row[offset + 5])
        else { throw StoreError.corrupt("pegawai \(row[offset] as String): jenis_jabatan or status") }
        var pegawai = Pegawai(
            nip: row[offset], nama: row[offset + 1], kodeUnit: row[offset + 2], jenisJabatan: jabatan,
            jenjang: row[offset + 4], status: status, aktif: row[offset + 6])
        try readChangeColumns(row, offset: offset + 7, into: &pegawai)
        return pegawai
    }

    func pegawai(nip: String, _ db: Database) throws -> Pegawai? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.pegawaiColumns) FROM pegawai WHERE nip = ?"), arguments: [nip])
            .map { try Self.pegawai($0) }
    }

    /// The SQL of "this unit and (optionally) its sub-units", a CTE named `sub(kode)`.
    /// `UNION` (not `UNION ALL`) keeps it finite even on a damaged tree with a cycle.
    static let subunitsCTE = """
        WITH RECURSIVE sub(kode) AS (
            SELECT ? UNION SELECT u.kode FROM units u JOIN sub ON u.induk = sub.kode)
        """

    /// The arguments of ``upsertPegawaiSQL``: the employee and the name's search key.
    static func arguments(_ p: Pegawai) -> StatementArguments {
        [
            p.nip, p.nama, p.kodeUnit, p.jenisJabatan.rawValue, p.jenjang, p.status.rawValue, p.aktif, SearchText.key(p.nama),
            p.keluar?.alasan.rawValue, p.keluar?.tanggal.iso, p.tmtUnit?.iso,
        ]
    }
}
