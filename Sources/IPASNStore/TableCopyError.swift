import IPASNCore

/// Why a table copy (`ipasn migrate`) was refused; nothing was written.
public enum TableCopyError: Error, Equatable, CustomStringConvertible {
    /// The target already holds ipasn data (a copy never merges into existing data).
    case targetNotEmpty(database: String, table: String)
    /// The source has a table this version's schema does not know.
    case unknownTable(String)
    /// The source has a column this version's schema does not know.
    case unknownColumn(table: String, column: String)
    /// The target holds another number of rows than were sent (nothing is committed).
    case countMismatch(table: String, copied: Int, stored: Int)

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        let id = language == .id
        switch self {
        case .targetNotEmpty(let database, let table):
            return id
                ? "Basis data tujuan \(database) sudah berisi data ipasn (tabel \(table)); salinan hanya ke basis data kosong. Buat basis data baru (createdb) lalu ulangi, atau gabungkan berkas ini ke data yang sudah ada dengan `ipasn migrate --to ... --join` (riwayat ikut)."
                : "The target database \(database) already holds ipasn data (table \(table)); a copy goes only into an empty database. Create a new one (createdb) and try again, or join this file to the data already there with `ipasn migrate --to ... --join` (history kept)."
        case .unknownTable(let table):
            return id
                ? "Tabel \(table) tidak dikenal oleh skema versi ini; tidak ada yang disalin. Perbarui ipasn."
                : "Table \(table) is not known to this version's schema; nothing was copied. Update ipasn."
        case .unknownColumn(let table, let column):
            return id
                ? "Kolom \(table).\(column) tidak dikenal oleh skema versi ini; tidak ada yang disalin. Perbarui ipasn."
                : "Column \(table).\(column) is not known to this version's schema; nothing was copied. Update ipasn."
        case .countMismatch(let table, let copied, let stored):
            return id
                ? "Tabel \(table): \(copied) baris dikirim tetapi \(stored) tersimpan; tidak ada yang disalin."
                : "Table \(table): \(copied) rows sent but \(stored) stored; nothing was copied."
        }
    }
}
