import IPASNCore
import IPASNTerminal

/// Where a key binding applies. Each view declares its context; the keymap resolves a key
/// to a command within it.
public enum KeyContext: String, CaseIterable, Sendable {
    case welcome
    case units
    case employees
    case employee
    case form
    case dashboard
    case interventions
    case missing
    case search
    case review
    case help
    case dialog
    case importReport
    case verification
    case history
    case activity
    case accounts
    case pending
    case reconcile
    case batches
    case batch
    case grid

    /// Contexts where printable keys are typed into a field and never become commands.
    var typesText: Bool { self == .form || self == .search || self == .grid }

    var label: Txt {
        switch self {
        case .welcome: return Txt("awal", "welcome")
        case .units: return Txt("unit", "units")
        case .employees: return Txt("daftar pegawai", "employee list")
        case .employee: return Txt("halaman pegawai", "employee page")
        case .form: return Txt("formulir", "form")
        case .dashboard: return Txt("dasbor", "dashboard")
        case .interventions: return Txt("intervensi", "interventions")
        case .missing: return Txt("belum lengkap", "missing records")
        case .search: return Txt("cari", "search")
        case .review: return Txt("tinjau input bersama", "bulk review")
        case .help: return Txt("bantuan", "help")
        case .dialog: return Txt("dialog", "dialog")
        case .importReport: return L.importReportContext
        case .verification: return L.verifyContext
        case .history: return L.historyContext
        case .activity: return L.activityContext
        case .accounts: return L.accountsContext
        case .pending: return Txt("belum dikirim ke SIASN", "not sent to SIASN")
        case .reconcile: return L.reconcileContext
        case .batches: return L.batchesContext
        case .batch: return L.batchContext
        case .grid: return L.gridContext
        }
    }
}

/// Every action the keyboard can trigger, by name. Keys are bound to commands in ``Keymap``;
/// the help screen, the key bar and `docs/keyboard.md` are generated from it.
public enum Command: String, CaseIterable, Sendable {
    case help
    case quit
    case back
    case open
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case first
    case last
    case search
    case sort
    case dashboard
    case interventions
    case missingRecords
    case pendingSIASN
    case exportPending
    case reconcile
    case exportReport
    case minimumSize
    case refresh
    case undo
    case redo
    case markProgress
    case editUnit
    case importFiles
    case addPegawai
    case toggleSelect
    case selectRange
    case selectAll
    case filter
    case filterLacking
    case addDiklat
    case addPendidikan
    case addSKP
    case addDisiplin
    case deleteRecord
    case nextField
    case previousField
    case save
    case saveAndAdd
    case chooseImport
    case chooseDemo
    case chooseBlank
    case importValidRows
    case confirmYes
    case confirmNo
    case editPegawai
    case toggleAktif
    case verificationQueue
    case acceptRecord
    case rejectRecord
    case acceptEvent
    case rejectEvent
    case toggleDocument
    case figuresAsEntered
    case history
    case activity
    case accounts
    case nextPeriod
    case toggleGrouping
    case confirmMark
    case reopenMark
    case addAccount
    case removeAccount
    case batches
    case addParticipants
    case removeParticipant
    case importSimilar
    case bulkSKP
    case bulkPendidikan
    case nextRow
    case previousRow
    case replaceExisting
    case keepExisting
    case queueKind
    case queueSince
    case queueBy
    case queueUnit
    case queueClear
    case openEvent
    case reloadStored
    /// The verifikator's queue: only the records SIASN refused (`S`, as the rows are marked).
    case queueRefused

    /// The stable id used in docs and configuration, e.g. `save-and-add`.
    public var id: String {
        rawValue.reduce(into: "") { result, c in
            if c.isUppercase { result += "-" + c.lowercased() } else { result.append(c) }
        }
    }

    /// What the command does, in a few words.
    var description: Txt {
        switch self {
        case .help: return Txt("Bantuan: daftar semua perintah", "Help: list every command")
        case .quit: return Txt("Keluar (bertanya bila ada isian)", "Quit (asks if input is unsaved)")
        case .back: return Txt("Kembali / batal", "Back / cancel")
        case .open: return Txt("Buka yang dipilih", "Open the selection")
        case .moveUp: return Txt("Naik satu baris", "Up one row")
        case .moveDown: return Txt("Turun satu baris", "Down one row")
        case .pageUp: return Txt("Satu halaman ke atas", "One page up")
        case .pageDown: return Txt("Satu halaman ke bawah", "One page down")
        case .first: return Txt("Ke baris pertama", "To the first row")
        case .last: return Txt("Ke baris terakhir", "To the last row")
        case .search: return Txt("Cari pegawai (nama/NIP)", "Find an employee (name/NIP)")
        case .sort: return Txt("Ganti urutan", "Change the sort order")
        case .dashboard: return Txt("Dasbor pimpinan", "Supervisor dashboard")
        case .interventions:
            return Txt("Potensi intervensi: diklat paling berdampak", "Training potential: where a course helps most")
        case .missingRecords:
            return Txt("Pegawai yang datanya belum lengkap tahun ini", "Employees whose records are missing this year")
        case .pendingSIASN:
            return Txt("Data yang belum dikirim ke SIASN, per unit", "Records not yet sent to SIASN, per unit")
        case .exportPending:
            return Txt("Ekspor yang belum dikirim ke berkas SIASN per jenis", "Export the unsent records to SIASN files, per kind")
        case .reconcile:
            return Txt("Rekonsiliasi dengan nilai IP ASN resmi BKN", "Reconcile with BKN's official IP ASN")
        case .exportReport:
            return Txt("Ekspor laporan ke berkas Excel (.xlsx) untuk dicetak", "Export the report to an Excel (.xlsx) file for print")
        case .minimumSize: return Txt("Saring unit kecil (min. 1/5/20 pegawai)", "Hide small units (min. 1/5/20 employees)")
        case .refresh: return Txt("Muat ulang dan gambar ulang", "Reload and redraw")
        case .undo: return Txt("Batalkan perubahan terakhir sesi ini (bertanya dulu)", "Undo this session's last change (asks first)")
        case .redo: return Txt("Ulangi perubahan yang baru dibatalkan", "Redo the change just undone")
        case .editUnit: return Txt("Ubah unit: nama dan induk (bertanya dulu)", "Edit a unit: name and parent (asks first)")
        case .importFiles: return Txt("Impor berkas atau folder ke data ini", "Import a file or folder into this data")
        case .markProgress: return Txt("Tandai dimensi unit selesai diinput", "Mark a unit's dimension as entered")
        case .addPegawai: return Txt("Tambah unit/pegawai", "Add a unit/employee")
        case .toggleSelect: return Txt("Pilih/lepas pegawai ini (untuk input bersama)", "Choose/unchoose this employee (for a bulk entry)")
        case .selectRange: return Txt("Pilih rentang: tekan di awal lalu di akhir", "Choose a run: press at its start, then at its end")
        case .selectAll: return Txt("Pilih semua yang tampil (lagi: lepas semua)", "Choose all shown (again: unchoose them)")
        case .filter: return Txt("Saring: nama, jabatan, jenis jabatan", "Filter: name, jabatan, jenis jabatan")
        case .filterLacking:
            return Txt("Saring: yang belum punya kursus yang diisi", "Filter: those without the course filled in")
        case .addDiklat: return Txt("Tambah diklat/kursus (untuk semua yang dipilih)", "Add a course (for everyone chosen)")
        case .addPendidikan: return Txt("Tambah pendidikan", "Add education")
        case .addSKP: return Txt("Tambah SKP", "Add an SKP")
        case .addDisiplin: return Txt("Tambah hukuman disiplin", "Add a punishment")
        case .deleteRecord: return Txt("Hapus data yang dipilih", "Delete the selected record")
        case .nextField: return Txt("Kolom berikutnya", "Next field")
        case .previousField: return Txt("Kolom sebelumnya", "Previous field")
        case .save: return Txt("Simpan", "Save")
        case .saveAndAdd: return Txt("Simpan & tambah lagi (jenis, penyelenggara tetap)", "Save & add another (kind, organiser kept)")
        case .chooseImport: return Txt("Impor berkas", "Import files")
        case .chooseDemo: return Txt("Muat data contoh", "Load the demo sample")
        case .chooseBlank: return Txt("Mulai kosong", "Start empty")
        case .importValidRows: return L.importValidRowsDescription
        case .confirmYes: return Txt("Jawab Ya", "Answer Yes")
        case .confirmNo: return Txt("Jawab Tidak", "Answer No")
        case .editPegawai:
            return Txt("Ubah pegawai: nama, unit (mutasi), jabatan", "Edit the employee: name, unit (transfer), post")
        case .toggleAktif:
            return Txt("Nonaktifkan (pensiun, pindah ...) / aktifkan kembali", "Set inactive (retired, moved ...) / reactivate")
        case .verificationQueue: return L.verifyCommandDescription
        case .acceptRecord: return L.acceptCommandDescription
        case .rejectRecord: return L.rejectCommandDescription
        case .acceptEvent: return L.acceptEventDescription
        case .rejectEvent: return L.rejectEventDescription
        case .toggleDocument: return L.documentCommandDescription
        case .queueKind, .queueSince, .queueBy, .queueUnit, .queueClear: return L.queueCommandDescription(self)
        case .queueRefused: return L.queueRefusedDescription
        case .figuresAsEntered: return L.asEnteredCommandDescription
        case .batches: return L.batchesDescription
        case .addParticipants: return L.addParticipantsDescription
        case .removeParticipant: return L.removeParticipantDescription
        case .importSimilar: return L.importSimilarDescription
        case .bulkSKP: return L.bulkSKPDescription
        case .bulkPendidikan: return L.bulkPendidikanDescription
        case .nextRow: return L.nextRowDescription
        case .previousRow: return L.previousRowDescription
        case .replaceExisting: return L.replaceExistingDescription
        case .keepExisting: return L.keepExistingDescription
        case .openEvent: return L.openEventDescription
        case .reloadStored: return L.reloadStoredDescription
        default: return L.teamCommandDescription(self)
        }
    }

    /// The short label for the key bar.
    var shortLabel: Txt {
        switch self {
        case .help: return Txt("Bantuan", "Help")
        case .quit: return Txt("Keluar", "Quit")
        case .back: return Txt("Kembali", "Back")
        case .open: return Txt("Buka", "Open")
        case .moveUp: return Txt("Naik", "Up")
        case .moveDown: return Txt("Turun", "Down")
        case .pageUp: return Txt("Hal.atas", "PgUp")
        case .pageDown: return Txt("Hal.bawah", "PgDn")
        case .first: return Txt("Awal", "First")
        case .last: return Txt("Akhir", "Last")
        case .search: return Txt("Cari", "Find")
        case .sort: return Txt("Urut", "Sort")
        case .dashboard: return Txt("Dasbor", "Dashboard")
        case .interventions: return Txt("Intervensi", "Training")
        case .missingRecords: return Txt("Blm lengkap", "Missing")
        case .pendingSIASN: return Txt("Blm kirim", "Unsent")
        case .exportPending: return Txt("Kirim", "Send")
        case .reconcile: return Txt("Rekonsiliasi", "Reconcile")
        case .exportReport: return Txt("Ekspor", "Export")
        case .minimumSize: return Txt("Min.unit", "Min.unit")
        case .refresh: return Txt("Muat ulang", "Reload")
        case .undo: return Txt("Batalkan", "Undo")
        case .redo: return Txt("Ulangi", "Redo")
        case .editUnit: return Txt("Ubah unit", "Edit unit")
        case .importFiles: return Txt("Impor", "Import")
        case .markProgress: return Txt("Tandai", "Mark")
        case .addPegawai: return Txt("Tambah", "Add")
        case .toggleSelect: return Txt("Pilih", "Choose")
        case .selectRange: return Txt("Rentang", "Run")
        case .selectAll: return Txt("Semua", "All")
        case .filter: return Txt("Saring", "Filter")
        case .filterLacking: return Txt("Belum punya", "Lacking")
        case .addDiklat: return Txt("Diklat", "Course")
        case .addPendidikan: return Txt("Pendidikan", "Education")
        case .addSKP: return Txt("SKP", "SKP")
        case .addDisiplin: return Txt("Hukuman", "Punishment")
        case .deleteRecord: return Txt("Hapus", "Delete")
        case .nextField: return Txt("Berikut", "Next")
        case .previousField: return Txt("Sebelum", "Previous")
        case .save: return Txt("Simpan", "Save")
        case .saveAndAdd: return Txt("Simpan+lagi", "Save+next")
        case .chooseImport: return Txt("Impor", "Import")
        case .chooseDemo: return Txt("Contoh", "Demo")
        case .chooseBlank: return Txt("Kosong", "Empty")
        case .importValidRows: return L.importValidRowsShort
        case .confirmYes: return Txt("Ya", "Yes")
        case .confirmNo: return Txt("Tidak", "No")
        case .editPegawai: return Txt("Ubah", "Edit")
        case .toggleAktif: return Txt("Aktif/non", "Active")
        case .verificationQueue: return L.verifyCommand
        case .acceptRecord: return L.acceptCommand
        case .rejectRecord: return L.rejectCommand
        case .acceptEvent: return L.acceptEventCommand
        case .rejectEvent: return L.rejectEventCommand
        case .toggleDocument: return L.documentCommand
        case .queueKind, .queueSince, .queueBy, .queueUnit, .queueClear: return L.queueCommandLabel(self)
        case .queueRefused: return L.queueRefusedLabel
        case .figuresAsEntered: return L.asEnteredCommand
        case .batches: return L.batchesShort
        case .addParticipants: return L.addParticipantsShort
        case .removeParticipant: return L.removeParticipantShort
        case .importSimilar: return L.importSimilarShort
        case .bulkSKP: return L.bulkSKPShort
        case .bulkPendidikan: return L.bulkPendidikanShort
        case .nextRow: return L.nextRowShort
        case .previousRow: return L.previousRowShort
        case .replaceExisting: return L.replaceExistingShort
        case .keepExisting: return L.keepExistingShort
        case .openEvent: return L.openEventShort
        case .reloadStored: return L.reloadStoredShort
        default: return L.teamCommandLabel(self)
        }
    }
}
