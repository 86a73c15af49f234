import Foundation
import IPASNCore
import IPASNStore

/// The texts of "employees change": the ubah pegawai form, aktif/nonaktif, the page's status
/// and mutasi history, the search mark.
extension L {
    static let pegawaiEditTitle = Txt("Ubah pegawai", "Edit employee")
    static let pegawaiKeluarTitle = Txt("Nonaktifkan pegawai", "Set employee inactive")
    static let pegawaiEditHint = Txt(
        "Unit lain = mutasi: isi tanggal mutasi. Ctrl-S simpan (bertanya dulu), Esc batal.",
        "Another unit is a transfer: fill in its date. Ctrl-S saves (asks first), Esc cancels.")
    static let pegawaiUnchanged = Txt("Tidak ada yang berubah; tidak disimpan.", "Nothing changed; nothing saved.")
    static func confirmPegawaiChange(_ nama: String, _ changes: String) -> Txt {
        Txt("Simpan perubahan \(nama)? \(changes)", "Save the changes to \(nama)? \(changes)")
    }
    static func pegawaiSaved(_ nama: String) -> Txt { Txt("Data \(nama) disimpan (u membatalkan).", "\(nama) saved (u undoes).") }
    static func keluarSaved(_ nama: String) -> Txt {
        Txt("\(nama) dinonaktifkan (u membatalkan).", "\(nama) set inactive (u undoes).")
    }
    static func confirmAktifkan(_ nama: String, _ status: String) -> Txt {
        Txt(
            "Aktifkan kembali \(nama) (\(status))? Ia kembali dihitung dalam angka unit.",
            "Reactivate \(nama) (\(status))? They count in the unit figures again.")
    }
    static func aktifkanSaved(_ nama: String) -> Txt { Txt("\(nama) aktif kembali (u membatalkan).", "\(nama) is active again (u undoes).") }
    static let noEmployeeSelected = Txt("Tidak ada pegawai yang dipilih.", "No employee selected.")

    /// `Pensiun sejak 30-06-2024`, `Nonaktif` for one set inactive without a reason.
    static func keluarStatus(_ p: Pegawai) -> Txt {
        guard let keluar = p.keluar else { return Txt("Nonaktif", "Inactive") }
        return Txt(
            "\(keluar.alasan.name(.id)) sejak \(keluar.tanggal.dayFirst)",
            "\(keluar.alasan.name(.en)) since \(keluar.tanggal.dayFirst)")
    }
    /// The mark before an inactive employee's unit in the search results (the page says why).
    static let searchInactiveMark = Txt("[nonaktif] ", "[inactive] ")
    /// Before the name of an inactive employee still counted in the year's list.
    static let listInactiveMark = Txt("[nonaktif] ", "[inactive] ")
    static let labelNonaktif = Txt("NONAKTIF", "INACTIVE")
    static let mutasiHistoryTitle = Txt("Riwayat mutasi", "Transfer history")
    static func mutasiLine(_ m: PegawaiHistory.Mutasi, dari: String, ke: String) -> Txt {
        let tanggal = m.tanggal?.dayFirst ?? "-"
        return Txt("  \(tanggal)  \(dari) → \(ke)  (oleh \(m.actor))", "  \(tanggal)  \(dari) → \(ke)  (by \(m.actor))")
    }
    static func sinceInUnit(_ date: LocalDate) -> Txt { Txt("sejak \(date.dayFirst)", "since \(date.dayFirst)") }

    static let fieldLabelsEmployees: [String: Txt] = [
        "peg_unit": Txt("Unit kerja", "Unit"),
        "tmt_unit": Txt("Tanggal mutasi", "Transfer date"),
        "alasan_keluar": Txt("Alasan nonaktif", "Reason"),
        "tanggal_keluar": Txt("Tanggal keluar", "Leaving date"),
    ]
}
