import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// "Employees change" in the workstation: `e` (ubah pegawai: name, unit = mutasi, jabatan)
/// and `a` (nonaktif with reason and date / aktifkan kembali) on the employee page and list.
@Suite struct EmployeeChangeTests {
    @Test func editingTheNameFromThePageAsksThenSavesOneAuditedChange() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.editPegawai, in: .employee)
            s.checkpoint { form in
                #expect(form.shows("Ubah pegawai — Ni Ketut Ayu Lestari"))
                #expect(form.line(containing: "Unit kerja")?.contains("BKPSDM.1") == true)
            }
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "Ni Ketut Ayu Lestari, S.Psi.")
            s.press(.save, in: .form)
            s.checkpoint { dialog in
                #expect(dialog.shows("Simpan perubahan Ni Ketut Ayu Lestari?"))
                #expect(dialog.shows("Lestari\" -> \"Ni Ketut Ayu Lestari, S.Psi.\""))
            }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { page in
                #expect(page.shows("Ni Ketut Ayu Lestari, S.Psi."))
                #expect(page.shows("disimpan (u membatalkan)"))
            }
        }
        #expect(try store.pegawai(nip: ayuNIP)?.nama == "Ni Ketut Ayu Lestari, S.Psi.")
        let entry = try #require(try store.auditLog(limit: 1).first)
        #expect(entry.action == .update)
        #expect(entry.subject == .pegawai(ayuNIP))
    }

    @Test func aMutasiNeedsItsDateAndThenShowsInTheHistory() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.openAyu()
            s.press(.editPegawai, in: .employee)
            s.press(.nextField, in: .form)
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "BKPSDM")
            s.press(.save, in: .form)
            s.checkpoint { refused in
                // Refused on the form, before any question about a move that cannot be saved.
                #expect(refused.shows("Tanggal mutasi"), "the date is required for a move")
                #expect(!refused.shows("Mutasi Ni Ketut"))
            }
            s.press(.nextField, in: .form)  // from the unit to the date
            s.enqueue(text: "02-01-2025")
            s.press(.save, in: .form)
            s.checkpoint { dialog in
                // The employee and both units by name, the codes in brackets, the date.
                #expect(dialog.shows("Mutasi Ni Ketut Ayu Lestari (19860926 201505 1 001)?"))
                #expect(dialog.shows("Dari: Bidang Pengembangan (BKPSDM.1)"))
                #expect(dialog.shows("Ke: Badan Kepegawaian dan Pengembangan SDM (BKPSDM)"))
                #expect(!dialog.shows("wajib diisi"), "the earlier refusal is gone")
                #expect(dialog.shows("Tanggal mutasi 02-01-2025. Angka unitnya ikut pindah."))
                #expect(!dialog.shows("Juga:"), "nothing else changed")
                #expect(!dialog.shows("kode_unit"))
                #expect(!dialog.shows("tmt_unit"))
            }
            s.press(.confirmYes, in: .dialog)
            s.press(.last, in: .employee)
            s.checkpoint { page in
                #expect(page.shows("Unit: Badan Kepegawaian dan Pengembangan SDM (sejak 02-01-2025)"))
                #expect(page.shows("Riwayat mutasi"))
                #expect(page.shows("02-01-2025  Bidang Pengembangan → Badan Kepegawaian dan Pengembangan SDM"))
            }
        }
        #expect(screen.everShowed("Ubah pegawai"))
        let ayu = try #require(try store.pegawai(nip: ayuNIP))
        #expect(ayu.kodeUnit == "BKPSDM")
        #expect(ayu.tmtUnit == day("2025-01-02"))
        // Her figures moved: BKPSDM's own employees are Budi and Ayu now.
        #expect(try store.directUnitTotals(year: 2024)["BKPSDM"]?.pegawai == 2)
        #expect(try store.directUnitTotals(year: 2024)["BKPSDM.1"]?.pegawai == 1)
    }

    @Test func theConfirmationNamesTheChangedFieldsByTheirLabels() throws {
        let store = try makeStore()
        let ayu = try #require(try store.pegawai(nip: ayuNIP))
        var moved = ayu
        moved.nama = "Ayu Lestari"
        moved.kodeUnit = "BKPSDM"
        moved.tmtUnit = day("2025-01-02")
        let form = PegawaiEditView.formFields(ayu, units: [])
        let change = PegawaiChange(line: 0, old: ayu, new: moved)
        #expect(
            PegawaiEditView.changeList(change, labels: form, .id)
                == "Nama pegawai \"Ni Ketut Ayu Lestari\" -> \"Ayu Lestari\"; Unit kerja BKPSDM.1 -> BKPSDM; Tanggal mutasi (belum diisi) -> 02-01-2025")
        #expect(
            PegawaiEditView.changeList(change, labels: form, .en)
                == "Employee name \"Ni Ketut Ayu Lestari\" -> \"Ayu Lestari\"; Unit BKPSDM.1 -> BKPSDM; Transfer date (not set) -> 02-01-2025")
        // An empty jenjang is said in words too, never as empty quotes.
        var promoted = ayu
        promoted.jenjang = ""
        var named = promoted
        named.jenjang = "Analis"
        #expect(
            PegawaiEditView.changeList(PegawaiChange(line: 0, old: promoted, new: named), labels: form, .id).hasSuffix(
                "(belum diisi) -> \"Analis\""))
    }

    @Test func inactivatingAsksReasonAndDateMarksThePageAndSearchAndReactivatingAsks() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.toggleAktif, in: .employee)
            s.checkpoint { form in
                #expect(form.shows("Nonaktifkan pegawai — Ni Ketut Ayu Lestari"))
                // The hint says what the question will: from the year, records kept, undoable.
                #expect(form.shows("angka unit mulai tahun tanggal keluar."))
                #expect(form.shows("tetap disimpan."))
                #expect(form.shows("diaktifkan kembali (a)."))
                #expect(form.shows("Meninggal"))  // the reasons are listed
            }
            s.enqueue(text: "pens")
            s.press(.nextField, in: .form)
            s.enqueue(text: "30-06-2024")
            s.press(.save, in: .form)
            s.checkpoint { dialog in
                #expect(dialog.shows("Nonaktifkan Ni Ketut Ayu Lestari: Pensiun sejak 30-06-2024?"))
                // The question says what the form's hint said: the same facts, with the year.
                #expect(dialog.shows("Ia tidak dihitung lagi dalam angka unit mulai tahun 2024."))
                #expect(dialog.shows("Riwayat dan nilainya tetap disimpan."))
                #expect(dialog.shows("Bisa dibatalkan (u) atau diaktifkan kembali (a)."))
            }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { page in
                #expect(page.line(containing: "Unit:")?.contains("NONAKTIF: Pensiun sejak 30-06-2024") == true)
            }
            s.press(.back)
            s.press(.search, in: .units)
            s.enqueue(text: "Ayu")
            s.checkpoint { search in
                #expect(search.line(containing: "Ni Ketut Ayu")?.contains("[nonaktif] Bidang") == true)
            }
            s.press(.open, in: .search)
            s.press(.toggleAktif, in: .employee)
            s.checkpoint { dialog in
                #expect(dialog.shows("Aktifkan kembali Ni Ketut Ayu Lestari (Pensiun sejak"))
            }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { page in
                #expect(!page.shows("NONAKTIF"))
                #expect(page.shows("aktif kembali"))
            }
        }
        let ayu = try #require(try store.pegawai(nip: ayuNIP))
        #expect(ayu.aktif)
        #expect(ayu.keluar == nil)
        #expect(try store.auditLog(limit: 2).map(\.action) == [.update, .update])
    }

    @Test func theEmployeeListOpensBothFormsForTheSelectedEmployee() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)  // BKPSDM: Budi, with the sub-unit's Ayu and Siti
            s.checkpoint { list in #expect(list.selection?.contains("Budi Santoso") == true) }
            s.press(.toggleAktif, in: .employees)
            s.checkpoint { form in #expect(form.shows("Nonaktifkan pegawai — Budi Santoso")) }
            s.press(.back)
            s.press(.moveDown, in: .employees)
            s.press(.editPegawai, in: .employees)
            s.checkpoint { form in #expect(form.shows("Ubah pegawai — Ni Ketut Ayu Lestari")) }
        }
    }

    @Test func inAPickerUpAndDownMoveInTheListAndEscClearsTextThatFitsNoChoice() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat, in: .employee)
            s.enqueue(text: "sos")
            s.press(.save, in: .form)  // not saved: the picker needs a choice (Tab would pass over it, branch ux8)
            s.checkpoint { form in
                #expect(form.shows("\"sos\" cocok dengan 2 pilihan: 6 Sosial Kultural, 7 Sosialisasi (↑↓ lalu Tab)."), "\(form)")
            }
            s.enqueue(.down)
            s.enqueue(.down)
            s.checkpoint { form in
                // Still in Jenis diklat: the second match is highlighted, no other field was entered.
                #expect(form.line(containing: "Jenis diklat")?.contains("sos") == true)
                #expect(form.selection?.contains("Sosialisasi") == true)
            }
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "xyz")
            s.press(.nextField, in: .form)
            s.checkpoint { form in #expect(form.shows("\"xyz\" tidak ada dalam daftar: Esc mengosongkan")) }
            s.enqueue(.escape)
            s.checkpoint { form in
                #expect(form.shows("Tambah Diklat"), "the first Esc clears the text, the form stays")
                #expect(form.line(containing: "Jenis diklat")?.contains("xyz") == false)
            }
            s.enqueue(.escape)
            s.checkpoint { page in #expect(!page.shows("Tambah Diklat")) }
        }
    }

    @Test func theJenisHukumanPickerSetsTheTingkatAndTheSIASNKindAgrees() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDisiplin, in: .employee)
            s.press(.nextField, in: .form)  // tingkat left empty
            s.enqueue(text: "01-06-2024")
            s.press(.nextField, in: .form)
            s.enqueue(text: "9 bulan")
            s.press(.nextField, in: .form)
            s.checkpoint { form in
                #expect(form.line(containing: "Tingkat hukuman")?.contains("Sedang") == true)
                #expect(form.line(containing: "Jenis hukuman")?.contains("Pemotongan tunjangan kinerja 25%") == true)
            }
            s.press(.save, in: .form)
        }
        let records = try #require(try store.records(nip: ayuNIP))
        #expect(records.disiplin.map(\.value.tingkat) == [.sedang])
        #expect(records.disiplin.map(\.value.jenis) == ["Pemotongan tunjangan kinerja 25% selama 9 bulan"])
        #expect(try store.score(nip: ayuNIP, year: 2024)?.disiplin == 2)
    }

    @Test func everyJenisHukumanChoiceIsItsSIASNKindAtItsLevel() {
        for option in Pickers.jenisHukuman {
            let tingkat = Pickers.tingkat(ofJenisHukuman: option.value)
            #expect(tingkat != nil, "\(option.value)")
            let kind = tingkat.flatMap { SIASNCodes.jenisHukuman(text: option.value, tingkat: $0) }
            #expect(kind?.nama == option.value, "\(option.value)")
        }
        #expect(Pickers.jenisHukuman.count == 10)
        #expect(PickerMatch.resolve(Pickers.jenisHukuman, "lisan")?.value == "Teguran lisan")
        #expect(PickerMatch.resolve(Pickers.jenisHukuman, "teguran") == nil, "lisan or tertulis: the admin chooses")
    }

    @Test func everyJenisHukumanIsListedWholeAndApartIn39Columns() {
        // The form's list is 39 columns wide at 80x24: every choice fits with its level, so the
        // three tukin cuts (6, 9, 12 months) can be told apart.
        let listed = Pickers.jenisHukuman.map(\.listed)
        #expect(listed.allSatisfy { $0.count <= 39 }, "\(listed.filter { $0.count > 39 })")
        #expect(Set(listed).count == 10)
        #expect(listed[3] == "4 Potong tukin 25%, 6 bulan · Sedang")
        #expect(listed[5] == "6 Potong tukin 25%, 12 bulan · Sedang")
        #expect(PickerMatch.resolve(Pickers.jenisHukuman, "selama 9 bulan")?.value
            == "Pemotongan tunjangan kinerja 25% selama 9 bulan")
        #expect(PickerMatch.resolve(Pickers.jenisHukuman, "5")?.value == "Pemotongan tunjangan kinerja 25% selama 9 bulan")
    }

    @Test func eAndAAreBoundOnTheListAndThePage() {
        for context in [KeyContext.employees, .employee] {
            #expect(Keymap.standard.command(for: .char("e"), in: context) == .editPegawai)
            #expect(Keymap.standard.command(for: .char("a"), in: context) == .toggleAktif)
        }
    }
}

@Suite struct SKPEditTests {
    /// Enter on an SKP row of the employee page edits it in place, like the other kinds.
    @Test func enterOnAnSKPRowEditsItInPlace() throws {
        let store = try makeStore()
        let id = try #require(try store.records(nip: ayuNIP)?.skp.first?.id)
        let screen = try run(store) { s in
            s.openAyu()
            s.press(.last, in: .employee)
            s.checkpoint { page in #expect(page.selection?.contains("2024") == true) }
            s.press(.open, in: .employee)
            s.checkpoint { form in
                #expect(form.line(containing: "Predikat")?.contains("Baik") == true)
            }
            s.press(.nextField, in: .form)
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "sangat baik")
            s.press(.save, in: .form)
        }
        let skp = try #require(try store.records(nip: ayuNIP)?.skp)
        #expect(skp.map(\.id) == [id], "edited in place, not added: \(screen.lastFrame?.text ?? "")")
        #expect(skp.map(\.value.predikat) == [.sangatBaik])
    }
}

extension SKPEditTests {
    /// An SKP given as a number (PP 46/2011 scale, `85,5`) comes back into the form and saves.
    @Test func anSKPWithANilaiEditsInPlace() throws {
        let store = try makeStore()
        try store.add(.skp(SKP(nip: budiNIP, tahun: 2024, nilai: 85.5)))
        let id = try #require(try store.records(nip: budiNIP)?.skp.first?.id)
        let screen = try run(store) { s in
            s.press(.search, in: .units)
            s.enqueue(text: "Budi")
            s.press(.open, in: .search)
            s.press(.last, in: .employee)
            s.press(.open, in: .employee)
            s.checkpoint { form in #expect(form.line(containing: "Nilai")?.contains("85,5") == true) }
            s.press(.nextField, in: .form)
            s.press(.nextField, in: .form)
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "92")
            s.press(.save, in: .form)
        }
        let skp = try #require(try store.records(nip: budiNIP)?.skp)
        #expect(skp.map(\.id) == [id], "\(screen.lastFrame?.text ?? "")")
        #expect(skp.map(\.value.nilai) == [92])
    }
}

extension EmployeeChangeTests {
    /// Left on 5 January 2025: still counted in 2024's list (marked), not in 2025's.
    @Test func anEmployeeWhoLeftAfterTheYearIsListedMarked() throws {
        let store = try makeStore()
        var budi = try #require(try store.pegawai(nip: budiNIP))
        budi.aktif = false
        budi.keluar = PegawaiKeluar(alasan: .pindahKeluar, tanggal: day("2025-01-05"))
        try store.changePegawai(budi)
        try run(store) { s in
            s.press(.open, in: .units)
            s.checkpoint { list in #expect(list.shows("[nonaktif] Budi")) }
        }
        #expect(try store.scores(year: 2025, unit: "BKPSDM").map(\.pegawai.nip).contains(budiNIP) == false)
    }
}
