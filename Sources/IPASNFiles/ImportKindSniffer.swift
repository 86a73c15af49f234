import Foundation
import IPASNCore
import IPASNStore

/// The kind of a file whose name does not tell it (`Peserta Bimtek Modul Ajar.csv`, the name an
/// admin's Excel sheet had), read from its header: the one kind whose columns the header
/// holds (``ColumnMap``, with ``HeaderAliases``: `Nama Kursus`, `Jumlah JP`, `Tanggal Mulai`
/// make a diklat file). Several kinds can fit one header (an employee list with `Kode Unit` and
/// `Nama` also reads as units): the first in ``order`` is taken, records before employees
/// before units, as a file of records names the employees and an employee file their units.
/// Nil when no kind fits or the file cannot be read: the workstation's import then says how
/// to name it, as before.
public enum ImportKindSniffer {
    /// The kinds tried, in this order.
    static let order: [ImportKind] = [.diklat, .pendidikan, .skp, .disiplin, .pegawai, .units]

    public static func kind(of file: String) -> ImportKind? {
        // Only the header is read; the date is what rows would be checked against, unused here.
        let anyDay = LocalDate.endOfYear(2000)
        let isWorkbook = file.lowercased().hasSuffix(".xlsx")
        for kind in order {
            do {
                if isWorkbook {
                    _ = try XLSXImportSource(kind: kind, path: file, today: anyDay)
                } else {
                    _ = try CSVImportSource(kind: kind, path: file, today: anyDay)
                }
                return kind
            } catch {
                continue
            }
        }
        return nil
    }
}
