import Foundation
import IPASNCore
import IPASNStore

/// The catalog of every user-visible string, Indonesian first, English second.
enum L {
    // MARK: App frame
    static let appName = Txt("IP ASN — Workstation Data", "IP ASN — Data Workstation")
    static func tooSmall(_ w: Int, _ h: Int) -> Txt {
        Txt(
            "Perbesar terminal (minimal 60x16). Sekarang \(w)x\(h). F10/Ctrl-C: keluar, isian disimpan sebagai draf.",
            "Enlarge the terminal (at least 60x16). Now \(w)x\(h). F10/Ctrl-C: quit, input kept as a draft.")
    }
    static let tooSmallShort = Txt("Perbesar terminal (minimal 60x16)", "Enlarge the terminal (at least 60x16)")
    static let yes = Txt("Ya", "Yes")
    static let no = Txt("Tidak", "No")
    static let confirmCancel = Txt("Batal", "Cancel")
    static let confirmHint = Txt("[Y] Ya   [T] Tidak   Esc batal", "[Y] Yes   [N] No   Esc cancel")
    static let quitUnsaved = Txt(
        "Ada isian yang belum disimpan. Keluar dan buang isian?", "There is unsaved input. Quit and discard it?")
    static let leaveUnsaved = Txt(
        "Isian formulir belum disimpan. Tinggalkan formulir dan buang isian?",
        "The form has unsaved input. Leave the form and discard it?")
    static func storeError(_ error: Error) -> Txt {
        if let error = error as? StoreError { return Txt(error.message(.id), error.message(.en)) }
        return Txt("Gagal: \(error)", "Failed: \(error)")
    }
    /// A save waiting for another admin's transaction (shown while it waits, then replaced).
    static func waitingForOtherImport(seconds: Int) -> Txt {
        Txt(
            "Menunggu impor lain selesai ... (\(seconds) dtk) Data akan tersimpan setelahnya; jangan tutup program.",
            "Waiting for another import to finish ... (\(seconds) s) Your data is saved right after; do not close the program.")
    }
    static let readOnlyDatabase = Txt(
        "Basis data ini hanya bisa dibaca (hak akses atau disk hanya-baca): data bisa dilihat, tetapi tidak bisa disimpan.",
        "This database can only be read (permissions or a read-only disk): you can browse, but nothing can be saved.")
    static let nothingToUndo = Txt("Tidak ada perubahan yang bisa dibatalkan.", "Nothing to undo.")
    static let recordNoun: [RecordKind: Txt] = [
        .pendidikan: Txt("pendidikan", "education"), .diklat: Txt("diklat", "course"),
        .skp: Txt("SKP", "SKP"), .disiplin: Txt("hukuman disiplin", "punishment"),
    ]
    static let notAvailableHere = Txt("Perintah ini tidak berlaku di layar ini.", "This command does not apply here.")

    // MARK: Draft
    static func draftOffer(_ form: String, _ name: String, _ at: String) -> Txt {
        Txt(
            "Ada isian \(form) untuk \(name) yang belum tersimpan (\(at)). Pulihkan?",
            "There is an unsaved \(form) form for \(name) (\(at)). Restore it?")
    }
    static let draftRestored = Txt("Isian dipulihkan. Periksa lalu simpan dengan Ctrl-S.", "Input restored. Check it, then save with Ctrl-S.")
    static let draftDiscarded = Txt("Isian lama dibuang.", "Old input discarded.")

    // MARK: Welcome
    static let welcomeTitle = Txt("Selamat datang di IP ASN", "Welcome to IP ASN")
    static let welcomeEmpty = Txt("Basis data masih kosong. Pilih cara memulai:", "The database is empty. Choose how to start:")
    static let welcomeImport = Txt("1  Impor berkas (CSV dari SIASN/Excel)", "1  Import files (CSV from SIASN/Excel)")
    static let welcomeDemo = Txt("2  Muat data contoh (demo)", "2  Load the demo sample")
    static let welcomeBlank = Txt("3  Mulai kosong: tambah unit dan pegawai pertama", "3  Start empty: add the first unit and employee")
    static let welcomeHint = Txt(
        "Tekan 1, 2 atau 3 (atau pilih dengan panah lalu Enter).", "Press 1, 2 or 3 (or pick with the arrows and Enter).")
    static let demoUnavailable = Txt("Data contoh tidak tersedia di instalasi ini.", "The demo sample is not available here.")
    static let demoLoaded = Txt("Data contoh dimuat.", "Demo sample loaded.")
    static let importUnavailable = Txt("Impor tidak tersedia di instalasi ini.", "Import is not available here.")
    static let importPrompt = Txt("Lokasi berkas atau folder yang diimpor:", "Path of the file or folder to import:")
    static let importTitle = Txt("Impor Berkas", "Import Files")
    static let importIntoData = Txt(
        "Data yang sudah ada tetap; tiap berkas masuk semua atau tidak sama sekali, masalahnya ditampilkan per baris.",
        "Existing data stays; each file goes in whole or not at all, its problems are listed by line.")
    static let importHint = Txt("Ketik lokasi lalu Enter. Esc kembali.", "Type the path, then Enter. Esc goes back.")
    static func importDone(_ n: Int, _ problems: Int) -> Txt {
        Txt("Impor selesai: \(n) baris masuk, \(problems) masalah.", "Import done: \(n) rows written, \(problems) problems.")
    }
    static func importLine(_ line: Int) -> Txt { Txt("baris \(line)", "line \(line)") }

    // MARK: Setup (first unit and employee)
    static let setupTitle = Txt("Tambah unit dan pegawai", "Add a unit and an employee")
    static let setupUnitSection = Txt("Unit kerja", "Work unit")
    static let setupPegawaiSection = Txt("Pegawai", "Employee")
    static let setupSaved = Txt("Unit dan pegawai tersimpan. Tekan k untuk mengisi diklat.", "Unit and employee saved. Press k to enter a course.")
    static let fieldKodeUnit = Txt("Kode unit", "Unit code")
    static let fieldNamaUnit = Txt("Nama unit", "Unit name")
    static let fieldInduk = Txt("Unit induk (boleh kosong)", "Parent unit (optional)")
    static let fieldNIP = Txt("NIP", "NIP")
    static let fieldNamaPegawai = Txt("Nama pegawai", "Employee name")
    static let fieldJenisJabatan = Txt("Jenis jabatan", "Post type")
    static let fieldJenjang = Txt("Jenjang/jabatan", "Level/post")
    static let fieldStatus = Txt("Status", "Status")

    // MARK: Units
    static let unitsTitle = Txt("Unit Kerja", "Work Units")
    static let colUnit = Txt("Unit kerja", "Work unit")
    static let colMean = Txt("Rata2", "Mean")
    static let colCategory = Txt("Kategori", "Category")
    static let colComplete = Txt("Lengkap", "Compl.")
    static let colDone = Txt("Selesai", "Done")
    static let colToday = Txt("Hari ini", "Today")
    static let colWeek = Txt("Minggu", "Week")
    static let colCompleteShort = Txt("Lkp", "Cmp")
    static let colDoneShort = Txt("Sls", "Done")
    static let colTodayShort = Txt("Hr ini", "Today")
    static let colWeekShort = Txt("Mg ini", "Week")
    static let colPegawai = Txt("Pgw", "Staff")
    static let noUnits = Txt("Belum ada unit. Tekan t untuk menambah.", "No units yet. Press t to add one.")
    static let progressLegend = Txt("Selesai: P=pendidikan K=kompetensi N=kinerja D=disiplin", "Done: P=education K=competence N=performance D=discipline")
    static let progressTitle = Txt("Tandai selesai diinput", "Mark as fully entered")
    static let progressHint = Txt("1-4 atau Spasi/Enter: ubah tanda. Esc: tutup.", "1-4 or Space/Enter: toggle. Esc: close.")
    static func progressSet(_ dim: String, _ unit: String, _ done: Bool) -> Txt {
        done
            ? Txt("\(dim) di \(unit) ditandai selesai diinput.", "\(dim) in \(unit) marked as fully entered.")
            : Txt("\(dim) di \(unit) dibuka kembali.", "\(dim) in \(unit) reopened.")
    }
    static func progressDimension(_ d: ProgressDimension) -> Txt {
        switch d {
        case .pendidikan: return Txt("Pendidikan", "Education")
        case .kompetensi: return Txt("Kompetensi (diklat)", "Competence (courses)")
        case .kinerja: return Txt("Kinerja (SKP)", "Performance (SKP)")
        case .disiplin: return Txt("Disiplin", "Discipline")
        }
    }
    static let doneMark = Txt("selesai", "done")
    static let openMark = Txt("belum", "open")

    // MARK: Employees
    static func employeesTitle(_ unit: String) -> Txt { Txt("Pegawai — \(unit)", "Employees — \(unit)") }
    static let colNIP = Txt("NIP", "NIP")
    static let colUnitCode = Txt("Unit", "Unit")
    static let colMissing = Txt("Belum ada", "Missing")
    static func missingTitle(_ unit: String) -> Txt { Txt("Data Belum Lengkap — \(unit)", "Missing Records — \(unit)") }
    static let missingNone = Txt(
        "Semua pegawai aktif sudah punya pendidikan, SKP dan kompetensi tahun ini.",
        "Every active employee has an education, an SKP and a course this year.")
    static let colName = Txt("Nama", "Name")
    static let colJabatan = Txt("Jabatan", "Post")
    static let colJabatanShort = Txt("Jab", "Post")
    static let colTotal = Txt("Total", "Total")
    static let noEmployees = Txt("Belum ada pegawai di unit ini. Tekan t untuk menambah.", "No employees in this unit yet. Press t to add one.")
    static let sortedByName = Txt("Urut: nama", "Sorted: name")
    static let sortedByScore = Txt("Urut: nilai tertinggi", "Sorted: highest score")
    static let missingLegend = Txt("! = data belum lengkap", "! = data incomplete")
    static let missingAndJabatanLegend = Txt(
        "! = data belum lengkap   Jab: Str struktural, Fung fungsional, Pel pelaksana",
        "! = data incomplete   Post: Str struktural, Fung fungsional, Pel pelaksana")
    static let dimShort: [ScoreDimension: Txt] = [
        .kualifikasi: Txt("Kual", "Qual"), .kompetensi: Txt("Komp", "Comp"),
        .kinerja: Txt("Kin", "Perf"), .disiplin: Txt("Dis", "Disc"),
    ]

    // MARK: Employee page
    static let employeeTitle = Txt("Data Pegawai", "Employee")
    static func employeeGone(nip: String, name: String) -> Txt {
        Txt(
            "Pegawai \(nip) \(name) tidak ada lagi di basis data; halamannya ditutup.",
            "Employee \(nip) \(name) is no longer in the database; the page was closed.")
    }
    static let labelUnit = Txt("Unit", "Unit")
    static let labelJabatan = Txt("Jabatan", "Post")
    static let labelYear = Txt("Tahun", "Year")
    static let noRecords = Txt("(belum ada data)", "(no records)")
    static let recordsOf: [RecordKind: Txt] = [
        .pendidikan: Txt("Riwayat pendidikan", "Education history"),
        .diklat: Txt("Riwayat diklat/kursus", "Courses and training"),
        .skp: Txt("SKP", "SKP"),
        .disiplin: Txt("Hukuman disiplin", "Disciplinary punishments"),
    ]
    static let totalLabel = Txt("Total", "Total")
    static let incompleteLabel = Txt("Belum lengkap", "Incomplete")
    static let noRecordSelected = Txt("Pilih data dulu (panah atas/bawah).", "Select a record first (arrows).")
    static func confirmDelete(_ what: String) -> Txt { Txt("Hapus \(what)?", "Delete \(what)?") }
    static func deleted(_ what: String) -> Txt { Txt("Dihapus: \(Txt.sentence(what)) Tekan u untuk membatalkan.", "Deleted: \(Txt.sentence(what)) Press u to undo.") }
    static let employeeMissing = Txt("Pegawai tidak ditemukan.", "Employee not found.")

    // MARK: Forms
    static let formTitle: [RecordKind: Txt] = [
        .pendidikan: Txt("Pendidikan", "Education"),
        .diklat: Txt("Diklat/Kursus", "Course/Training"),
        .skp: Txt("SKP", "SKP"),
        .disiplin: Txt("Hukuman Disiplin", "Disciplinary Punishment"),
    ]
    static let formNew = Txt("Tambah", "New")
    static let formEdit = Txt("Ubah", "Edit")
    static func saved(_ what: String) -> Txt { Txt("Tersimpan: \(Txt.sentence(what))", "Saved: \(Txt.sentence(what))") }
    static func savedAgain(_ what: String, _ n: Int) -> Txt {
        Txt("Tersimpan: \(what) (\(n) data beruntun). Isi data berikutnya.", "Saved: \(what) (\(n) in a row). Enter the next one.")
    }
    static let formHasErrors = Txt("Belum bisa disimpan:", "Cannot save yet:")
    static let pickerHint = Txt("↑↓ pilih, Tab/Enter ambil", "↑↓ choose, Tab/Enter take")
    static let noMatch = Txt("(tidak ada yang cocok)", "(no match)")
    static func pickerNoMatch(_ text: String) -> Txt {
        Txt(
            "\"\(text)\" tidak ada dalam daftar: Esc mengosongkan, lalu ketik yang lain.",
            "\"\(text)\" is not in the list: Esc clears it, then type another.")
    }
    static func pasteLeftOver(_ count: Int) -> Txt {
        Txt(
            "\(count) nilai terakhir dari tempelan tidak dimasukkan: isian formulir sudah habis.",
            "The last \(count) pasted values were not entered: the form has no more fields.")
    }
    static let dateHint = Txt("HH-BB-TTTT", "DD-MM-YYYY")
    static let fieldLabel: [String: Txt] = [
        "jenis": Txt("Jenis diklat", "Course kind"),
        "tingkat_diklat": Txt("Tingkat (Struktural)", "Level (leadership)"),
        "nama": Txt("Nama kegiatan", "Course name"),
        "penyelenggara": Txt("Penyelenggara", "Organiser"),
        "tanggal_mulai": Txt("Tanggal mulai", "Start date"),
        "tanggal_selesai": Txt("Tanggal selesai", "End date"),
        "jp": Txt("JP (jam pelajaran)", "JP (lesson hours)"),
        "nomor_sertifikat": Txt("Nomor sertifikat", "Certificate no."),
        "sesuai_jabatan": Txt("Sesuai jabatan", "Matches post"),
        "tingkat_pendidikan": Txt("Tingkat pendidikan", "Education level"),
        "tanggal_lulus": Txt("Tanggal lulus", "Graduation date"),
        "nama_sekolah": Txt("Nama sekolah/PT", "School/university"),
        "jurusan": Txt("Jurusan", "Major"),
        "tahun": Txt("Tahun SKP", "SKP year"),
        "predikat": Txt("Predikat", "Rating"),
        "nilai": Txt("Nilai (0-100)", "Score (0-100)"),
        "tingkat_hukuman": Txt("Tingkat hukuman", "Punishment level"),
        "tmt": Txt("TMT hukuman", "Effective date"),
        "jenis_hukuman": Txt("Jenis hukuman", "Punishment"),
        "unit_kode": Txt("Kode unit", "Unit code"),
        "unit_nama": Txt("Nama unit", "Unit name"),
        "unit_induk": Txt("Kode unit induk", "Parent unit code"),
        "nip": Txt("NIP (18 angka)", "NIP (18 digits)"),
        "pegawai_nama": Txt("Nama pegawai", "Employee name"),
        "jenis_jabatan": Txt("Jenis jabatan", "Post type"),
        "jenjang": Txt("Jenjang/jabatan", "Level/post"),
        "status": Txt("Status (PNS/PPPK)", "Status (PNS/PPPK)"),
    ]

    // MARK: Preview
    static let previewTitle = Txt("Nilai jika disimpan", "Score if saved")
    static let unitMean = Txt("Rata-rata unit", "Unit mean")
    static let previewWaiting = Txt("(lengkapi isian untuk melihat perubahan)", "(complete the fields to see the change)")

    // MARK: Search
    static let searchTitle = Txt("Cari pegawai", "Find employee")
    static let searchPrompt = Txt("Nama atau NIP: ", "Name or NIP: ")
    static let searchHint = Txt("Ketik nama atau awal NIP. Enter buka, Esc kembali.", "Type a name or the start of a NIP. Enter opens, Esc goes back.")
    static let searchNone = Txt("Tidak ada pegawai yang cocok.", "No matching employee.")

    // MARK: Dashboard
    static let dashboardTitle = Txt("Dasbor Pimpinan", "Supervisor Dashboard")
    static let dashSortMean = Txt("Urut: rata-rata", "Sorted: mean")
    static let dashSortName = Txt("Urut: nama", "Sorted: name")
    static let dashSortComplete = Txt("Urut: kelengkapan", "Sorted: completeness")
    static let dashSortActivity = Txt("Urut: input minggu ini", "Sorted: entered this week")
    static func dashSortDimension(_ d: ScoreDimension) -> Txt {
        Txt("Urut: \(d.displayName(.id).lowercased())", "Sorted: \(d.displayName(.en).lowercased())")
    }
    static let dashLegend = Txt(
        "Ku Ko Ki Di: rata-rata dimensi  Lkp: % pegawai lengkap  Sls: selesai diinput",
        "Qu Co Pe Di: dimension means  Cmp: % complete  Done: marked as entered")
    static let dimTiny: [ScoreDimension: Txt] = [
        .kualifikasi: Txt("Ku", "Qu"), .kompetensi: Txt("Ko", "Co"),
        .kinerja: Txt("Ki", "Pe"), .disiplin: Txt("Di", "Di"),
    ]
    static let dashDimensions = Txt("Rata-rata per dimensi", "Mean per dimension")
    static let dashDistribution = Txt("Sebaran kategori", "Category distribution")
    /// `Input minggu ini oleh: ani 5, budi 1, +2 lainnya`.
    static func dashByWhom(_ actors: [(String, Int)], others: Int) -> Txt {
        let list = actors.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return Txt(
            "Input minggu ini oleh: \(list)" + (others > 0 ? ", +\(others) lainnya" : ""),
            "Entered this week by: \(list)" + (others > 0 ? ", +\(others) others" : ""))
    }
    static func dashSummary(_ units: Int, _ inProgress: Int, _ today: Int, _ week: Int) -> Txt {
        Txt(
            "\(units) unit, \(inProgress) masih dalam proses penginputan. Input hari ini \(today), minggu ini \(week).",
            "\(units) units, \(inProgress) still entering data. Entered today \(today), this week \(week).")
    }

    // MARK: Interventions
    static let interventionsTitle = Txt("Potensi Intervensi", "Training Potential")
    static let interventionsComputing = Txt("Menghitung potensi intervensi…", "Computing the training potential…")
    static let interventionsComputingHint = Txt(
        "Setiap pegawai dinilai ulang dengan diklat tambahan; di tingkat provinsi perlu satu-dua detik.",
        "Every employee is rescored with the added course; at province scale this takes a second or two.")
    /// `Diklat teknis 20 JP`: the intervention's name (the technical course with its JP).
    static func interventionName(_ intervention: Intervention, jp: Int) -> Txt {
        switch intervention {
        case .teknis: return Txt("Diklat teknis \(jp) JP", "Technical course \(jp) JP")
        case .seminar: return Txt("Seminar/workshop", "Seminar/workshop")
        case .kepemimpinan: return Txt("Diklat kepemimpinan", "Leadership course")
        case .fungsional: return Txt("Diklat fungsional", "Functional course")
        }
    }
    /// `Teknis 20 JP`: the name in a narrow column.
    static func interventionShort(_ intervention: Intervention, jp: Int) -> Txt {
        switch intervention {
        case .teknis: return Txt("Teknis \(jp) JP", "Technical \(jp) JP")
        case .seminar: return Txt("Seminar", "Seminar")
        case .kepemimpinan: return Txt("Kepemimpinan", "Leadership")
        case .fungsional: return Txt("Fungsional", "Functional")
        }
    }
    static func gainersOf(_ gain: Int, _ all: Int) -> Txt {
        Txt("\(gain) dari \(all) pegawai", "\(gain) of \(all) employees")
    }
    static let colIntervention = Txt("Intervensi", "Intervention")
    static let colGainers = Txt("Naik", "Gain")
    static let colGainersFull = Txt("Pegawai yang naik", "Employees gaining")
    static let colUnitMean = Txt("Rata-rata unit", "Unit mean")
    static let colNewCategory = Txt("Kat.baru", "New cat.")
    static let colCategoryChange = Txt("Kategori unit", "Unit category")
    static let interventionsNone = Txt(
        "Tidak ada diklat yang akan menaikkan nilai pegawai.", "No course would raise any employee's score.")
    static func interventionsNoneFiltered(_ n: Int) -> Txt {
        Txt(
            "Tidak ada unit dengan minimal \(n) pegawai yang akan naik. Tekan f untuk semua unit.",
            "No unit of \(n)+ employees would gain. Press f for every unit.")
    }
    /// The selected row in words: `Diklat teknis 20 JP untuk 12 dari 34 pegawai Dinas X`.
    static func interventionFor(_ name: String, _ gainers: String, _ unit: String) -> Txt {
        Txt("\(name) untuk \(gainers) \(unit)", "\(name) for \(gainers) of \(unit)")
    }
    static func minimumSizeSet(_ n: Int) -> Txt {
        n <= 1
            ? Txt("Semua unit ditampilkan.", "Every unit is shown.")
            : Txt("Hanya unit dengan minimal \(n) pegawai.", "Only units with at least \(n) employees.")
    }
    static func gainersTitle(_ intervention: String, _ unit: String) -> Txt {
        Txt("\(intervention) — \(unit)", "\(intervention) — \(unit)")
    }
    static let colTotalChange = Txt("Total -> sesudah", "Total -> after")
    static let gainersNone = Txt("Tidak ada pegawai yang naik.", "No employee would gain.")
    static let gainersLegend = Txt(
        "Pegawai yang nilainya naik bila mengikuti diklat ini. Enter: halaman pegawai",
        "Employees whose score rises with this course. Enter: employee page")

    // MARK: Help
    static let helpTitle = Txt("Bantuan: semua perintah", "Help: every command")
    static let helpColKeys = Txt("Tombol", "Keys")
    static let helpColCommand = Txt("Perintah", "Command")
    static let helpColWhere = Txt("Berlaku di", "Where")
    static let helpNote = Txt(
        "Di formulir dan kolom cari, huruf menjadi isian: pakai tombol F atau Ctrl.",
        "In forms and the search field letters are typed as text: use F or Ctrl keys.")
    static let everywhere = Txt("semua layar", "every screen")
}
