import Foundation

/// The checks of a change to an existing employee (an edit, a mutasi, an inactivation, a
/// reactivation), the same for the workstation, the CLI and an employee import.
public enum EmployeeChangeRules {
    /// What is wrong with changing `old` into `new` on `today`; empty when the change may be
    /// saved. `unitExists` says whether `new`'s unit exists.
    public static func issues(old: Pegawai, new: Pegawai, unitExists: Bool, today: LocalDate) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if new.nama.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue(field: "nama", code: .required)) }
        if new.jenisJabatan == .struktural && new.jenjangStruktural == nil {
            issues.append(
                ValidationIssue(field: "jenjang", code: new.jenjang.isEmpty ? .required : .unknownJenjangStruktural(new.jenjang)))
        }
        if !unitExists { issues.append(ValidationIssue(field: "kode_unit", code: .unknownUnit(new.kodeUnit))) }
        if new.kodeUnit != old.kodeUnit {
            if !old.aktif || !new.aktif {
                issues.append(
                    ValidationIssue(
                        field: "kode_unit",
                        code: .custom(
                            id: "Pegawai nonaktif tidak dapat dimutasi: aktifkan dulu (tombol a), lalu mutasi",
                            en: "An inactive employee cannot be transferred: reactivate first (key a), then transfer")))
            }
            if let tmt = new.tmtUnit {
                if tmt > today { issues.append(ValidationIssue(field: "tmt_unit", code: .dateInFuture(tmt, today: today))) }
                if let previous = old.tmtUnit, tmt < previous {
                    issues.append(
                        ValidationIssue(
                            field: "tmt_unit",
                            code: .custom(
                                id: "Tanggal mutasi \(tmt.dayFirst) sebelum mutasi sebelumnya (\(previous.dayFirst)): isi tanggal SK mutasi yang baru",
                                en: "Transfer date \(tmt.dayFirst) is before the previous transfer (\(previous.dayFirst)): enter the new transfer's date")))
                }
            } else {
                issues.append(ValidationIssue(field: "tmt_unit", code: .required))
            }
        } else if new.tmtUnit != old.tmtUnit, let tmt = new.tmtUnit, tmt > today {
            issues.append(ValidationIssue(field: "tmt_unit", code: .dateInFuture(tmt, today: today)))
        }
        if !new.aktif {
            if let keluar = new.keluar {
                if keluar.tanggal > today {
                    issues.append(ValidationIssue(field: "tanggal_keluar", code: .dateInFuture(keluar.tanggal, today: today)))
                }
                if let tmt = new.tmtUnit, keluar.tanggal < tmt {
                    issues.append(
                        ValidationIssue(
                            field: "tanggal_keluar",
                            code: .custom(
                                id: "Tanggal keluar \(keluar.tanggal.dayFirst) sebelum tanggal masuk unit (\(tmt.dayFirst))",
                                en: "Leaving date \(keluar.tanggal.dayFirst) is before the date the employee joined the unit (\(tmt.dayFirst))")))
                }
            } else if old.aktif || old.keluar != nil {
                // Setting inactive needs the reason and the date; an employee already inactive
                // without them (from before reasons were kept) may stay so.
                issues.append(ValidationIssue(field: "alasan_keluar", code: .required))
            }
        }
        return issues
    }
}
