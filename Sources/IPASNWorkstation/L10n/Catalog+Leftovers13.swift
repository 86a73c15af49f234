import IPASNStore

/// Messages of branch `leftovers13`: the queue's columns under `S`, the import's kind chosen
/// from the header, keys refused on another unit's page, a unit renamed under an open form.
extension L {
    // MARK: The queue under `S`

    /// The "Masuk" column under `S`: when SIASN's refusal was recorded.
    static let colQueueRefusedAt = Txt("Ditolak", "Refused")
    /// The "Oleh" column under `S`: the SIASN batch refused.
    static let colQueueRefusedBatch = Txt("Batch", "Batch")
}

extension L {
    // MARK: A unit renamed under an open employee form

    static func unitRenamedUnderForm(old: String, new: String, actor: String) -> Txt {
        Txt(
            "Kode unit \(old) diganti menjadi \(new) oleh \(actor): Unit kerja kini \(new); isian lain tetap.",
            "Unit code \(old) was changed to \(new) by \(actor): Unit kerja is now \(new); your other input stays.")
    }
}

extension L {
    // MARK: The import's kind, asked when the header fits several

    static func importKindQuestion(_ file: String) -> Txt {
        Txt(
            "Kepala kolom \(file) cocok untuk beberapa jenis data. Berkas ini berisi:",
            "The header of \(file) fits several kinds of data. This file holds:")
    }

    static func importKindName(_ kind: ImportKind) -> Txt {
        switch kind {
        case .units: return Txt("units (daftar unit)", "units (the unit list)")
        case .pegawai: return Txt("pegawai (daftar pegawai)", "pegawai (the employees)")
        case .pendidikan: return Txt("pendidikan (riwayat pendidikan)", "pendidikan (education)")
        case .diklat: return Txt("diklat (diklat, kursus, seminar)", "diklat (courses, seminars)")
        case .skp: return Txt("skp (penilaian kinerja)", "skp (performance ratings)")
        case .disiplin: return Txt("disiplin (hukuman disiplin)", "disiplin (punishments)")
        }
    }

    static let importKindHint = Txt(
        "Enter: impor sebagai jenis ini. Esc: lewati berkas ini (tidak diimpor).",
        "Enter: import as this kind. Esc: skip this file (not imported).")
    static let importKindMove = Txt("Pilih", "Choose")
    static let importKindTake = Txt("Impor", "Import")
    static let importKindSkip = Txt("Lewati", "Skip")

    /// A file the admin left out when asked its kind.
    static func importKindSkipped(_ file: String) -> Txt {
        Txt("\(file) tidak diimpor: jenisnya tidak dipilih.", "\(file) was not imported: no kind was chosen.")
    }
}
