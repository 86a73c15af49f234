import IPASNCore

/// The strings of the workstation's import: the problems screen and its outcome.
extension L {
    static func importProblemsTitle(_ file: String) -> Txt {
        Txt("Impor: masalah di \(file)", "Import: problems in \(file)")
    }
    static func importProblemsSummary(_ problems: Int, _ rows: Int) -> Txt {
        Txt(
            "\(problems) masalah pada \(rows) baris. Tidak ada baris dari berkas ini yang disimpan.",
            "\(problems) problems on \(rows) rows. Nothing from this file was written.")
    }
    static func importAlreadyDone(_ files: String, _ rows: Int) -> Txt {
        Txt("Sudah masuk: \(files) (\(rows) baris).", "Already imported: \(files) (\(rows) rows).")
    }
    static func importNotYet(_ files: String) -> Txt {
        Txt("Belum diimpor: \(files).", "Not imported yet: \(files).")
    }
    static func importChoice(_ valid: Int, _ rejected: String) -> Txt {
        Txt(
            "v: impor \(valid) baris yang valid saja; baris yang ditolak ditulis ke \(rejected). Esc: batal.",
            "v: import the \(valid) valid rows only; the refused rows go to \(rejected). Esc: cancel.")
    }
    static func importChoiceNoneValid(_ rejected: String) -> Txt {
        Txt(
            "Tidak ada baris yang valid. Perbaiki berkasnya (alasan per baris: v menulis \(rejected)). Esc: batal.",
            "No row is valid. Fix the file (v writes the reasons per row to \(rejected)). Esc: cancel.")
    }
    static func importFinished(_ rows: Int, _ files: Int) -> Txt {
        Txt("Impor selesai: \(rows) baris masuk dari \(files) berkas.", "Import done: \(rows) rows written from \(files) files.")
    }
    static func importRejectedWritten(_ paths: String) -> Txt {
        Txt("Baris yang ditolak (dengan alasan): \(paths)", "Refused rows (with the reasons): \(paths)")
    }
    static func importCancelled(_ file: String, _ rows: Int) -> Txt {
        Txt(
            "Impor dihentikan: \(file) dan berkas sesudahnya tidak diimpor. Sudah masuk dari berkas sebelumnya: \(rows) baris.",
            "Import stopped: \(file) and the files after it were not imported. Written from earlier files: \(rows) rows.")
    }
    static func importPegawaiChanged(_ n: Int, _ examples: String) -> Txt {
        Txt("\(n) pegawai yang sudah ada berubah: \(examples)", "\(n) existing employees changed: \(examples)")
    }
    static let importValidRowsDescription = Txt("Impor baris yang valid saja", "Import the valid rows only")
    static let importValidRowsShort = Txt("Yang valid saja", "Valid rows only")
    static let importReportContext = Txt("laporan impor", "import report")
}
