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
        fits(file).first { $0.missing == 0 }?.kind
    }

    /// How a kind's columns fit a header: `missing` required columns it lacks (0: it fits);
    /// `misspelt`: every one it lacks is what a header of the file seems to misspell (`Tangal
    /// Mulai`: `tanggal_mulai`).
    public struct Fit: Hashable, Sendable {
        public var kind: ImportKind
        public var missing: Int
        public var misspelt = false
    }

    /// Each kind, in ``order``, whose columns the header holds or lacks only some of (a kind
    /// the file cannot be read as at all, or an unreadable file, is left out).
    public static func fits(_ file: String) -> [Fit] {
        // Only the header is read; the date is what rows would be checked against, unused here.
        let anyDay = LocalDate.endOfYear(2000)
        let isWorkbook = file.lowercased().hasSuffix(".xlsx")
        var fits: [Fit] = []
        for kind in order {
            do {
                if isWorkbook {
                    _ = try XLSXImportSource(kind: kind, path: file, today: anyDay)
                } else {
                    _ = try CSVImportSource(kind: kind, path: file, today: anyDay)
                }
                fits.append(Fit(kind: kind, missing: 0))
            } catch ImportFileError.missingColumns(_, let missing, _) {
                fits.append(Fit(kind: kind, missing: max(1, missing.count)))
            } catch ImportFileError.unknownColumns(_, let unknown, let missing) {
                // A typo as the import names one: a header within the typo limit of a column it lacks.
                let typos = Set(
                    unknown.compactMap { item -> String? in
                        guard let nearest = HeaderAliases.nearest(to: item.header, kind: kind),
                            nearest.distance <= ColumnMap.typoLimit(HeaderAliases.key(item.header))
                        else { return nil }
                        return nearest.column
                    })
                fits.append(Fit(kind: kind, missing: max(1, missing.count), misspelt: !missing.isEmpty && missing.allSatisfy(typos.contains)))
            } catch {
                continue
            }
        }
        return fits
    }
}
