import Foundation
import GRDB
import IPASNCore

extension SQLiteSchema {
    /// Employees change (`2026-11-30-employees`): why and since when an employee left
    /// (`keluar_alasan`, `keluar_tanggal`, ISO), since when they are in their unit
    /// (`tmt_unit`, the last mutasi); a covering index for the unit totals that also holds the
    /// leaving date (an inactive employee still counts in the years before they left); and
    /// the employee's audit rows by NIP (their history: mutasi, status).
    static let employees = """
        ALTER TABLE pegawai ADD COLUMN keluar_alasan TEXT;
        ALTER TABLE pegawai ADD COLUMN keluar_tanggal TEXT;
        ALTER TABLE pegawai ADD COLUMN tmt_unit TEXT;
        CREATE INDEX pegawai_nip_unit_keluar ON pegawai(nip, aktif, kode_unit, keluar_tanggal);
        CREATE INDEX audit_pegawai ON audit(entity_id, id) WHERE entity = 'pegawai';
        """
}

extension SQLiteStore {
    /// The SQL condition "employee `p` counts in the year whose 31 December is the bound
    /// argument (ISO)": active, or left after that day (``Pegawai/counts(inYear:)``). The unit
    /// totals name the covering index `pegawai_nip_unit_keluar` (INDEXED BY): left to itself the
    /// planner looks every employee up in the table through its primary key.
    static let countedInYear = "(p.aktif = 1 OR p.keluar_tanggal > ?)"

    /// Reads `keluar_alasan, keluar_tanggal, tmt_unit` (from `offset`) into `pegawai`.
    static func readChangeColumns(_ row: Row, offset: Int, into pegawai: inout Pegawai) throws {
        let alasan: String? = row[offset]
        let tanggal: String? = row[offset + 1]
        let tmt: String? = row[offset + 2]
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
    }
}
