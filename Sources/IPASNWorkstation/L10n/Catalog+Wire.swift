import IPASNCore

/// The strings of the SIASN export from the pending screens (`x`).
extension L {
    static func exportPendingTitle(_ scope: String) -> Txt {
        Txt("Ekspor ke SIASN — \(scope)", "Export to SIASN — \(scope)")
    }
    static let exportPendingAll = Txt("semua unit", "every unit")
    static let exportPendingIntro = Txt(
        "Data yang belum dikirim ditulis dalam bentuk SIASN, satu berkas CSV per jenis (siasn-pendidikan, siasn-kursus, siasn-diklat-struktural, siasn-skp, siasn-disiplin), lalu ditandai terkirim setelah berkasnya tersimpan utuh.",
        "The unsent records are written in SIASN's shapes, one CSV file per kind (siasn-pendidikan, siasn-kursus, siasn-diklat-struktural, siasn-skp, siasn-disiplin), then marked sent once the files are complete on disk.")
    static let exportPendingPrompt = Txt("Folder tujuan:", "Destination folder:")
    static let exportPendingHint = Txt("Enter: ekspor   Esc: batal", "Enter: export   Esc: cancel")
    static let exportPendingNothing = Txt(
        "Tidak ada data yang belum dikirim ke SIASN: tidak ada berkas yang ditulis.",
        "Nothing is waiting to be sent to SIASN: no file written.")
    static func exportPendingDone(_ rows: Int, _ files: Int, _ folder: String) -> Txt {
        Txt(
            "\(rows) data diekspor ke \(files) berkas di \(folder) dan ditandai terkirim.",
            "\(rows) records exported to \(files) file\(files == 1 ? "" : "s") in \(folder) and marked sent.")
    }
    static func exportPendingDeletions(_ n: Int) -> Txt {
        Txt(
            "\(n) data terkirim lalu dihapus di ipasn: hapus juga di SIASN.",
            "\(n) sent record\(n == 1 ? " was" : "s were") deleted in ipasn: delete \(n == 1 ? "it" : "them") in SIASN too.")
    }
    static func exportPendingLeft(_ n: Int) -> Txt {
        Txt(
            "\(n) SKP 2022 ke atas tetap belum dikirim: predikatnya PP 46/2011 (pilih predikat PermenPANRB 6/2022).",
            "\(n) SKP from 2022 on stay\(n == 1 ? "s" : "") unsent: PP 46/2011 predikat (choose a PermenPANRB 6/2022 predikat).")
    }
}
