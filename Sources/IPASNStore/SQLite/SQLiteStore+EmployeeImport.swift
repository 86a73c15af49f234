import Foundation
import IPASNCore

/// How an employee file's row changes an employee already on file (the rules of
/// `docs/store.md`, "Employees change", for imports).
enum EmployeeImport {
    /// The employee a file row makes of a stored one: the file's values, except that an import
    /// never reactivates (a row without a leaving status keeps a stored inactive employee as
    /// they are: reactivating is a deliberate act in the workstation or `ipasn pegawai`), an
    /// unchanged unit keeps its mutasi date and a row that says only "nonaktif" keeps the
    /// stored reason and date.
    static func merged(file: Pegawai, stored: Pegawai) -> Pegawai {
        var result = file
        if file.aktif && !stored.aktif || !file.aktif && file.keluar == nil && !stored.aktif {
            result.aktif = stored.aktif
            result.keluar = stored.keluar
        }
        if file.kodeUnit == stored.kodeUnit { result.tmtUnit = stored.tmtUnit }
        return result
    }

    /// What refuses the change (``EmployeeChangeRules``), but a mutasi by file needs no date
    /// (the file has none; the history shows the move without one).
    static func issues(old: Pegawai, new: Pegawai, today: LocalDate) -> [ValidationIssue] {
        EmployeeChangeRules.issues(old: old, new: new, unitExists: true, today: today).filter {
            !($0.field == "tmt_unit" && $0.code == .required)
        }
    }
}
