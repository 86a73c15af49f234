import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

@Suite struct NavigationTests {
    @Test func unitTreeShowsMeansAndOpensEmployees() throws {
        let store = try makeStore()
        try run(store) { s in
            s.checkpoint { units in
                #expect(units.shows("Unit Kerja"))
                #expect(units.shows("  Bidang Pengembangan"), "sub-units are indented")
                #expect(units.selection?.contains("Badan Kepegawaian dan Pengembangan") == true, "the first unit is selected")
            }
            s.press(.open, in: .units)  // BKPSDM (with its bidang)
            s.checkpoint { list in
                #expect(list.shows("Pegawai — Badan Kepegawaian"))
                #expect(list.shows(ayuNIP) && list.shows("Ni Ketut Ayu Lestari"))
                // Ayu: 15 + 25 + 25 + 5 = 70; Budi has no SKP: marked incomplete with "!".
                let ayu = try #require(list.line(containing: "Ni Ketut Ayu"))
                #expect(ayu.contains("70"))
                let budi = try #require(list.line(containing: "Budi Santoso"))
                #expect(budi.hasPrefix("!"))
            }
        }
    }

    @Test func slashFindsAnEmployeeByNameAndOpensThePage() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.press(.search, in: .units)
            s.enqueue(text: "ayu")
            s.checkpoint { found in
                #expect(found.selection?.contains("Ni Ketut Ayu Lestari") == true)
                #expect(!found.shows("Budi Santoso"), "the search narrows the list")
            }
            s.press(.open, in: .search)
        }
        let page = screen.text
        #expect(page.contains("19860926 201505 1 001"), "NIP grouped for reading")
        #expect(page.contains("Kompetensi  25 / 40"))
        #expect(page.contains("Fungsional: 1 diklat, 15 dari 15"), "reasons in words, heading their group")
        #expect(page.contains("Total  70  Rendah"))
    }

    @Test func searchByNIPPrefix() throws {
        let store = try makeStore()
        let screen = try run(store) { s in s.enqueue(text: "/19700101") }
        #expect(screen.text.contains("Budi Santoso"))
        #expect(!screen.text.contains("Ni Ketut Ayu"))
    }

    @Test func sortByScoreThenName() throws {
        let store = try makeStore()
        func order(_ checkpoint: ScreenCheckpoint) -> [String] {
            checkpoint.lines.compactMap { line in ["Budi", "Ni Ketut", "Siti"].first { line.contains($0) } }
        }
        try run(store) { s in
            s.press(.open, in: .units)
            s.checkpoint { byName in
                #expect(order(byName) == ["Budi", "Ni Ketut", "Siti"])
                #expect(byName.selection?.contains("Budi Santoso") == true)
            }
            s.press(.sort, in: .employees)
            s.checkpoint { byScore in
                #expect(order(byScore).first == "Ni Ketut", "highest total first")
                #expect(byScore.shows("Urut: nilai tertinggi"))
            }
        }
    }
}

@Suite struct FormTests {
    /// Opens Ayu's diklat form and types a teknis course up to the JP field.
    func typeTeknis(_ s: VirtualScreen) {
        s.openAyu()
        s.enqueue(text: "k")
        s.enqueue(text: "Teknis\tPelatihan Analisis Jabatan\tBPSDM Bali\t01-03-2024\t2024-03-05\t")
    }

    @Test func liveSubtotalFollowsTheJPField() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            typeTeknis(s)
            s.enqueue(text: "2")
            s.checkpoint { before in
                #expect(before.shows("Kompetensi  25 -> 25"), "19 JP and below earn nothing")
                #expect(before.lines.contains { $0.contains("Total") && $0.contains("70 -> 70") })
            }
            s.enqueue(text: "0")
            s.checkpoint { after in
                #expect(after.shows("Kompetensi  25 -> 40 (+15)"))
                #expect(after.shows("Total       70 -> 85 (+15)  Rendah -> Tinggi"))
                // The unit mean (BKPSDM.1: Ayu 70 + Siti 5 over 2) moves by 7,5.
                #expect(after.shows("Rata-rata unit 37,50 -> 45,00 (+7,50)"))
            }
            s.press(.save)
        }
        // Ctrl-S: saved in the store, back on the page with the new score.
        let records = try #require(try store.records(nip: ayuNIP))
        #expect(records.diklat.contains { $0.value.nama == "Pelatihan Analisis Jabatan" && $0.value.jp == 20 })
        #expect(screen.text.contains("Kompetensi  40 / 40"))
        #expect(screen.text.contains("Tersimpan"))
        #expect(try store.loadDrafts(owner: "test").isEmpty, "a saved form leaves no draft")
    }

    @Test func previewAtWideTerminalSitsBesideTheForm() throws {
        let store = try makeStore()
        let screen = try run(store, size: Size(width: 120, height: 30)) { s in
            typeTeknis(s)
            s.enqueue(text: "24")
        }
        let line = try #require(screen.line(containing: "Kompetensi  25 -> 40"))
        #expect(line.contains("Nama kegiatan"), "form and panel share the row")
    }

    @Test func badDateIsExplainedInIndonesianWhenLeavingTheField() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.openAyu()
            s.enqueue(text: "k")
            s.enqueue(text: "Seminar\tSeminar Kepegawaian\t\t31-02-2024\t")
        }
        let message = screen.frames.last!.line(21) + " " + screen.frames.last!.line(22)
        #expect(message.contains("Tanggal mulai \"31-02-2024\": tanggal itu tidak ada (bulannya hanya 29 hari)."))
        #expect(screen.text.contains("Tanggal mulai"))
    }

    @Test func saveWithMissingFieldsKeepsTheFormAndSaysWhy() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.openAyu()
            s.enqueue(text: "k")
            s.enqueue(text: "Teknis")
            s.enqueue(.ctrl("s"))
        }
        #expect(screen.text.contains("Belum bisa disimpan"))
        #expect(screen.text.contains("wajib diisi"))
        #expect(screen.text.contains("Tambah Diklat/Kursus"), "still on the form")
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2)
    }

    @Test func saveAndAddKeepsJenisAndPenyelenggara() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            typeTeknis(s)
            s.enqueue(text: "10")
            s.enqueue(.ctrl("n"))
            s.enqueue(text: "Pelatihan Kedua\t\t02-04-2024\t03-04-2024\t10")
            s.enqueue(.function(3))
        }
        let diklat = try #require(try store.records(nip: ayuNIP)).diklat.map(\.value)
        #expect(diklat.contains { $0.nama == "Pelatihan Analisis Jabatan" && $0.penyelenggara == "BPSDM Bali" })
        let second = try #require(diklat.first { $0.nama == "Pelatihan Kedua" })
        #expect(second.jenis.id == 3 && second.penyelenggara == "BPSDM Bali", "kept from the first record")
        let form = screen.lastFrame!.lines()
        #expect(form.contains { $0.contains("Jenis diklat") && $0.contains("Teknis") })
        #expect(form.contains { $0.contains("Penyelenggara") && $0.contains("BPSDM Bali") })
        #expect(!form.contains { $0.contains("Nama kegiatan") && $0.contains("Pelatihan Kedua") }, "the name is cleared")
        #expect(screen.text.contains("2 data beruntun"))
        // 10 + 10 JP in 2024 now count: the next preview starts from 40.
        #expect(form.contains { $0.contains("Kompetensi  40 -> 40") })
    }

    @Test func editingARecordReplacesIt() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            // Page order: pendidikan, then diklat by scoring group (fungsional, then seminar):
            // the seminar is the 3rd row.
            s.enqueue([.down, .down, .enter])
            s.enqueue([.tab, .ctrl("u")])  // Seminar: tingkat is skipped, the cursor is on nama
            s.enqueue(text: "Seminar Nasional ASN")
            s.enqueue(.ctrl("s"))
        }
        let diklat = try #require(try store.records(nip: ayuNIP)).diklat.map(\.value.nama)
        #expect(diklat.contains("Seminar Nasional ASN"))
        #expect(!diklat.contains("Seminar Manajemen ASN"))
        #expect(diklat.count == 2)
    }

    @Test func skpFormPickerAndPreview() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(text: "/budi\n")
            s.enqueue(text: "n")
            s.enqueue(.tab)
            s.enqueue(text: "sangat b")
        }
        #expect(screen.text.contains("Sangat Baik"), "type-ahead suggestion")
        #expect(screen.text.contains("Kinerja     0 -> 30 (+30)"), "the highlighted choice counts in the preview")
    }

    @Test func escapeWithUnsavedInputAsksFirst() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat)
            s.enqueue(text: "Teknis")
            s.press(.back)
            s.checkpoint { asked in #expect(asked.shows("belum disimpan")) }
            s.press(.confirmNo)  // Tidak: stay
            s.checkpoint { stayed in
                #expect(!stayed.shows("belum disimpan"))
                #expect(stayed.shows("Tambah Diklat/Kursus"), "answering Tidak keeps the form")
            }
        }
    }
}

@Suite struct DraftTests {
    @Test func hangupKeepsTheFormAsADraftOfferedOnTheNextStart() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.enqueue(text: "kTeknis\tPelatihan Yang Terputus")
            s.enqueue(event: .signal(.hangup))
            s.enqueue(text: "this is never read")
        }
        let draft = try #require(try store.loadDrafts(owner: "test").first)
        #expect(draft.form == "diklat" && draft.nip == ayuNIP)
        #expect(draft.fields["nama"] == "Pelatihan Yang Terputus")

        try run(store) { s in
            s.checkpoint { offer in #expect(offer.shows("Pulihkan?")) }
            s.press(.confirmYes)
            s.checkpoint { restored in
                #expect(restored.shows("Pelatihan Yang Terputus"), "the form comes back as typed")
                #expect(restored.shows("Tambah Diklat/Kursus"))
            }
        }
    }

    @Test func refusingTheDraftClearsIt() throws {
        let store = try makeStore()
        try store.saveDraft(Draft(form: "diklat", nip: ayuNIP, editing: nil, fields: ["nama": "x"], savedAt: fixedNow), owner: "test")
        let screen = try run(store) { s in s.enqueue(text: "t") }
        #expect(try store.loadDrafts(owner: "test").isEmpty)
        #expect(screen.text.contains("Unit Kerja"))
    }
}

@Suite struct DeleteUndoTests {
    @Test func deleteAsksThenUndoBringsItBack() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.moveDown, in: .employee)
            s.checkpoint { page in
                // The first kompetensi group with a record is fungsional.
                #expect(page.selection?.contains("Diklat Fungsional Analis") == true, "the fungsional diklat (2019)")
            }
            s.press(.deleteRecord)
            s.checkpoint { asked in #expect(asked.shows("Hapus 20-03-2019 Fungsional Diklat Fungsional Analis")) }
            s.press(.confirmYes)
            s.checkpoint { deleted in #expect(deleted.shows("Kompetensi  10 / 40")) }
            s.press(.undo, in: .employee)
            s.checkpoint { asked in
                // The question names the change (wrapped in the dialog).
                #expect(asked.shows("Batalkan penghapusan diklat 'Diklat Fungsional Analis'"))
                #expect(asked.shows("Ni Ketut Ayu Lestari?"))
            }
            s.press(.confirmYes)
            s.checkpoint { undone in
                #expect(undone.shows("Kompetensi  25 / 40"), "undo restores the record")
                // Undo in words (the message wraps at 80 columns).
                #expect(undone.text.contains("Dibatalkan: penghapusan diklat 'Diklat Fungsional Analis' untuk Ni Ketut Ayu\nLestari."))
            }
        }
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2)
    }

    @Test func ctrlZUndoesTheLastSave() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.enqueue(text: "h")
            s.enqueue(text: "ringan\t01-06-2024\tteguran lisan")
            s.enqueue(.ctrl("s"))
            s.enqueue(.ctrl("z"))
            s.enqueue(text: "y")
        }
        #expect(try store.records(nip: ayuNIP)?.disiplin.isEmpty == true)
    }
}

@Suite struct ScreenTests {
    @Test func tooSmallTerminalSaysSoAndRecovers() throws {
        let store = try makeStore()
        try run(store) { s in
            s.enqueue(text: "/ayu\nkTeknis\tPelatihan Resize")
            s.resize(to: Size(width: 50, height: 12))
            s.checkpoint { small in
                #expect(small.frame.width == 50)
                #expect(small.shows("Perbesar terminal (minimal 60x16)"))
                #expect(!small.shows("Pelatihan Resize"))
            }
            s.resize(to: Size(width: 80, height: 24))
            s.checkpoint { restored in
                #expect(restored.frame.width == 80)
                #expect(restored.shows("Pelatihan Resize"), "the form survives the resize")
            }
        }
    }

    @Test func helpListsEveryCommand() throws {
        let store = try makeStore()
        let screen = try run(store, size: Size(width: 100, height: 120)) { s in s.enqueue(.function(1)) }
        for command in Command.allCases where !Keymap.standard.keys(for: command).isEmpty {
            #expect(screen.text.contains(command.description.id), "help shows \(command)")
        }
        #expect(screen.text.contains("Ctrl-S,F2"))
    }

    @Test func correctingAFieldClearsItsMarkAndGoingBackDoesNotNag() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.enqueue(text: "k3\t")  // jenis Teknis, past tingkat (skipped), on nama
            s.press(.nextField)  // leaves nama empty going forward: required
            s.checkpoint { leftEmpty in
                #expect(leftEmpty.shows("wajib diisi"))
                #expect(leftEmpty.line(containing: "Nama kegiatan")?.hasSuffix("!") == true)
            }
            s.press(.previousField)  // back up past the empty penyelenggara: no complaint
            s.enqueue(text: "Pelatihan")
            s.checkpoint { corrected in
                #expect(!corrected.shows("wajib diisi"), "typing in the field clears its finding")
                let nama = corrected.line(containing: "Nama kegiatan") ?? ""
                #expect(!nama.hasSuffix("!"))
                #expect(nama.contains("Pelatihan"))
            }
        }
    }

    @Test func employeePageKeyBarShowsDeleteAndUndoAt80() throws {
        let store = try makeStore()
        let screen = try run(store) { s in s.openAyu() }
        let bar = screen.lastFrame!.line(23)
        #expect(bar.hasPrefix("F1,? Bantuan  k,F7 Diklat"))
        #expect(bar.contains("d Hapus") && bar.contains("u Batalkan"))
    }

    @Test func keyBarComesFromTheKeymap() throws {
        let store = try makeStore()
        let screen = try run(store) { s in s.openAyu(); s.enqueue(text: "k") }
        let bar = screen.lastFrame!.line(23)
        #expect(bar.hasPrefix("Ctrl-S,F2 Simpan"))
        #expect(bar.contains("Ctrl-N,F3 Simpan+lagi"))
    }

    @Test func englishOption() throws {
        let store = try makeStore()
        let screen = try run(store, language: .en) { s in s.enqueue(text: "/ayu\n") }
        #expect(screen.text.contains("Competence  25 / 40"))
        #expect(screen.everShowed("Find employee"))
    }

    @Test func employeeListShowsJabatanShortAt80AndInWordsWhenWide() throws {
        let narrow = try run(try makeStore()) { s in s.enqueue(.enter) }
        #expect(narrow.line(containing: "Ni Ketut Ayu")?.contains(" Fung ") == true)
        #expect(narrow.line(containing: "Budi Santoso")?.contains(" Pel ") == true)
        #expect(narrow.line(containing: "Budi Santoso")?.contains("S.Rendah") == true, "category abbreviated at 80")
        #expect(narrow.text.contains("Pel pelaksana"), "the legend explains the abbreviations")
        let wide = try run(try makeStore(), size: Size(width: 130, height: 24)) { s in s.enqueue(.enter) }
        let ayu = try #require(wide.line(containing: "Ni Ketut Ayu Lestari"))
        #expect(ayu.contains("Analis SDM Aparatur Ahli Muda"))
        #expect(wide.line(containing: "Budi Santoso")?.contains("Sangat Rendah") == true)
        for line in narrow.lastFrame!.lines() { #expect(DisplayWidth.width(of: line) <= 80) }
    }

    @Test func unicodeNamesKeepColumnsAligned() throws {
        let store = try makeStore()
        try store.savePegawai(Pegawai(nip: "198001012005011004", nama: "Zhāng 张伟 Wibowo", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
        let screen = try run(store) { s in s.enqueue(.enter) }
        let grid = screen.lastFrame!
        let row = try #require(grid.lines().firstIndex { $0.contains("Wibowo") })
        let plain = try #require(grid.lines().firstIndex { $0.contains("Budi Santoso") })
        // The category column (`S.Rendah` at 80 columns) starts at the same cell on both rows.
        func categoryColumn(_ r: Int) -> Int? {
            (0..<grid.width - 3).last { c in grid[r, c].grapheme == "R" && grid[r, c + 1].grapheme == "e" && grid[r, c + 2].grapheme == "n" }
        }
        #expect(categoryColumn(row) != nil)
        #expect(categoryColumn(row) == categoryColumn(plain))
    }
}

@Suite struct DashboardAndProgressTests {
    @Test func dashboardRanksUnitsAndCountsTodaysEntries() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(.function(5))  // Bidang Pengembangan (37,50) ranks first
        }
        let text = screen.text
        #expect(text.contains("Dasbor Pimpinan"))
        #expect(text.contains("Rata-rata per dimensi"))
        #expect(text.contains("Sebaran kategori"))
        // Five records were added "today" (the fixed clock), all for this unit tree.
        let bidang = try #require(screen.line(containing: "Bidang Pengembangan"))
        #expect(bidang.contains("37,50"))
        #expect(bidang.hasSuffix("4      4"), "4 of Ayu's records entered today and this week")
        #expect(text.contains("Rendah") || text.contains("Sangat Rendah"))
        let distribution = try #require(screen.lastFrame!.lines().first { $0.contains("Sangat Rendah") && $0.contains("█") })
        #expect(distribution.contains(" 1 "), "Siti is Sangat Rendah")
    }

    @Test func dashboardShowsTheFourDimensionBarsOnEveryRow() throws {
        for width in [80, 140] {
            let store = try makeStore()
            let screen = try run(store, size: Size(width: width, height: 24)) { s in s.enqueue(.function(5)) }
            let grid = screen.lastFrame!
            let header = try #require(grid.lines().first { $0.contains("Rata2") })
            #expect(header.contains(width == 80 ? "Ku Ko Ki Di" : "Kual"), "bar headers at \(width)")
            // Both units have means in all four dimensions: a bar in each of the four slots.
            let layout = DashboardView.Layout(width: width)
            let barCol = 1 + 4 + layout.name + 1 + 7 + layout.category + 1
            for unit in ["Badan Kepegawaian", "Bidang Pengembangan"] {
                let row = try #require(grid.lines().firstIndex { $0.contains(unit) && $0.contains(",") })
                for slot in 0..<4 {
                    let first = grid[row, barCol + slot * (layout.bar + 1)].grapheme
                    #expect("█▏▎▍▌▋▊▉".contains(first), "\(unit) bar \(slot) at \(width)")
                }
            }
        }
        #expect(DashboardView.Layout(width: 80).name >= 20, "names stay readable at 80 columns")
        #expect(DashboardView.Layout(width: 140).bar > DashboardView.Layout(width: 80).bar, "wider screens get longer bars")
    }

    @Test func dashboardSortsByEachDimension() throws {
        let store = try makeStore()
        // Bidang (kualifikasi mean 7,50) is above BKPSDM (6,67) by the mean and by kualifikasi;
        // by disiplin both have 5 and the name decides.
        func order(_ checkpoint: ScreenCheckpoint) -> [String] {
            checkpoint.lines.filter { $0.contains("Badan Kepegawaian ") || $0.contains("Bidang Pengembangan ") }
        }
        try run(store) { s in
            s.press(.dashboard)
            s.press(.sort, in: .dashboard)
            s.checkpoint { byKualifikasi in
                #expect(byKualifikasi.shows("Urut: kualifikasi"))
                #expect(order(byKualifikasi).first?.contains("Bidang") == true)
            }
            for _ in 0..<3 { s.press(.sort, in: .dashboard) }
            s.checkpoint { byDisiplin in
                #expect(byDisiplin.shows("Urut: disiplin"))
                #expect(order(byDisiplin).first?.contains("Badan") == true, "a tie in disiplin: by name")
            }
        }
    }

    @Test func sameNamedUnitsCarryTheirParentOnTheDashboard() {
        let parent = OrgUnit(kode: "A", nama: "Dinas A")
        let names = UnitTree([
            parent, OrgUnit(kode: "B", nama: "Dinas B"),
            OrgUnit(kode: "A.1", nama: "Sekretariat", induk: "A"), OrgUnit(kode: "B.1", nama: "Sekretariat", induk: "B"),
            OrgUnit(kode: "A.1.1", nama: "Seksi", induk: "A.1"), OrgUnit(kode: "B.1.1", nama: "Seksi", induk: "B.1"),
        ]).displayNames()
        #expect(names["A.1"] == "A › Sekretariat")
        #expect(names["B.1"] == "B › Sekretariat")
        #expect(names["A.1.1"] == "A › Seksi", "skips the ancestor whose name is shared too")
        #expect(names["A"] == "Dinas A")
    }

    @Test func dashboardDrillsDownToEmployees() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(text: "b")
            s.enqueue(.enter)
            s.enqueue(.enter)
        }
        #expect(screen.text.contains("Data Pegawai —"))
    }

    /// A parent is done only when its sub-units are: BKPSDM is refused while Bidang
    /// Pengembangan is open, and accepted once it is marked.
    @Test func markProgressFromTheUnitList() throws {
        let store = try makeStore()
        let refused = try run(store) { s in
            s.enqueue(text: "m2")
            s.enqueue(.escape)
        }
        #expect(try store.progressMarks().isEmpty)
        #expect(refused.everShowed("Sub-unit belum selesai diinput: Bidang Pengembangan (BKPSDM.1)."))
        let screen = try run(store) { s in
            s.enqueue(.down)
            s.enqueue(text: "m2")
            s.enqueue(.escape)
            s.enqueue(.up)
            s.enqueue(text: "m2")
            s.enqueue(.escape)
        }
        let marks = try store.progressMarks()
        #expect(marks.contains { $0.unit == "BKPSDM" && $0.dimension == .kompetensi && $0.done })
        #expect(marks.contains { $0.unit == "BKPSDM.1" && $0.dimension == .kompetensi && $0.done })
        #expect(screen.line(containing: "Badan Kepegawaian")?.hasSuffix("·K··") == true)
    }

    /// Marking kinerja done while Siti has no SKP for 2024 asks first and names her; "t"
    /// leaves the unit open, "y" marks it.
    @Test func markingKinerjaDoneWithMissingSKPAsksAndShowsWho() throws {
        let store = try makeStore()
        let declined = try run(store) { s in
            s.enqueue(.down)
            s.enqueue(text: "m3")
            s.enqueue(text: "t")
        }
        #expect(try store.progressMarks().isEmpty)
        let asked = try #require(declined.frames.first { $0.text.contains("Tetap tandai selesai?") }?.text)
        #expect(asked.contains("1 pegawai belum"))
        #expect(asked.contains("Siti Rahma"))
        #expect(!asked.contains("Ni Ketut Ayu"))
        try run(store) { s in
            s.enqueue(.down)
            s.enqueue(text: "m3")
            s.enqueue(text: "y")
        }
        #expect(try store.progressMarks().map(\.unit) == ["BKPSDM.1"])
    }
}

@Suite struct WelcomeTests {
    @Test func emptyDatabaseOffersThreeWaysAndBlankStartAddsAUnitAndEmployee() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        try store.setMeasurementYear(2024)
        let screen = try run(store) { s in
            s.checkpoint { welcome in
                #expect(welcome.shows("Selamat datang"))
                #expect(welcome.shows("Muat data contoh"))
            }
            s.press(.chooseBlank)
            s.enqueue(text: "DINKES\tDinas Kesehatan\t\t200012312024121001\tDewi Anggraini\tfung\tPerawat Ahli Pertama\t")
            s.press(.save)
        }
        #expect(try store.units().map(\.kode) == ["DINKES"])
        let dewi = try #require(try store.pegawai(nip: "200012312024121001"))
        #expect(dewi.jenisJabatan == .fungsional)
        #expect(screen.text.contains("Dewi Anggraini"))
    }

    @Test func demoClosureIsCalled() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        let screen = VirtualScreen()
        screen.enqueue(text: "2")
        let station = try Workstation(store: store, screen: screen, context: testContext, loadDemo: {
            try store.saveUnit(OrgUnit(kode: "DEMO", nama: "Unit Demo"))
        })
        try station.run()
        #expect(screen.text.contains("Unit Demo"))
        #expect(screen.text.contains("Data contoh dimuat"))
    }

    /// A folder with a bad pegawai file: the units go in (a valid file), the pegawai file
    /// stops the import with nothing of it written and its problems listed by line; "v"
    /// imports its valid rows only and names the rejected-rows file.
    @Test func importIsAllOrNothingUntilTheAdminChoosesValidRowsOnly() throws {
        let dir = try importFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore.inMemory(context: testContext)
        let screen = try run(store) { s in
            s.enqueue(text: "1")
            s.enqueue(text: dir.path + "\n")
        }
        #expect(try store.countPegawai() == 0, "nothing of the bad file is written")
        #expect(try store.units().map(\.kode) == ["DISDIK"])
        let shown = try #require(screen.lastFrame?.text)
        #expect(shown.contains("Impor: masalah di pegawai.csv"))
        #expect(shown.contains("2 masalah pada 2 baris. Tidak ada baris dari berkas ini yang disimpan."))
        #expect(shown.contains("• baris 3, kolom nip:"))
        #expect(shown.contains("• baris 4, kolom kode_unit:"))
        #expect(shown.contains("v: impor 1 baris yang valid saja"))
        #expect(shown.contains("pegawai.rejected.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pegawai.rejected.csv").path))

        let fresh = try SQLiteStore.inMemory(context: testContext)
        let chosen = try run(fresh) { s in
            s.enqueue(text: "1")
            s.enqueue(text: dir.path + "\n")
            s.enqueue(text: "v")
        }
        #expect(try fresh.countPegawai() == 1)
        let rejected = dir.appendingPathComponent("pegawai.rejected.csv").path
        #expect(FileManager.default.fileExists(atPath: rejected))
        #expect(chosen.text.contains("Baris yang ditolak (dengan alasan):"))
        #expect(chosen.text.contains("Dinas Pendidikan"))
    }

    @Test func escapeStopsTheImportAndSaysWhatWasWritten() throws {
        let dir = try importFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore.inMemory(context: testContext)
        let screen = try run(store, language: .en) { s in
            s.enqueue(text: "1")
            s.enqueue(text: dir.path + "\n")
            s.enqueue(.escape)
        }
        #expect(try store.countPegawai() == 0)
        let message = try #require(screen.lastFrame).lines().suffix(3).joined(separator: " ")
        #expect(message.contains("Import stopped: pegawai.csv and the files after it were not imported. Written from earlier"))
        #expect(message.contains("files: 1 rows."))
    }

    /// A file that cannot be read as its kind stops the run with a sentence in Indonesian
    /// naming it; the units before it are in.
    @Test func anEmptyFileStopsTheImportAndSaysWhy() throws {
        let dir = try importFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "".write(to: dir.appendingPathComponent("pegawai.csv"), atomically: true, encoding: .utf8)
        let store = try SQLiteStore.inMemory(context: testContext)
        let screen = try run(store) { s in
            s.enqueue(text: "1")
            s.enqueue(text: dir.path + "\n")
        }
        let message = try #require(screen.lastFrame).lines().suffix(5).joined(separator: " ")
        #expect(message.contains("kosong (tidak ada baris judul). Impor dihentikan: pegawai.csv"), "\(message)")
        #expect(!message.contains("Gagal"))
        #expect(try store.units().map(\.kode) == ["DISDIK"])
    }

    /// The problems scroll: 30 bad rows at 80x24, the last one reachable with End.
    @Test func manyProblemsScroll() throws {
        let dir = try importFolder(badRows: 30)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore.inMemory(context: testContext)
        let screen = try run(store) { s in
            s.enqueue(text: "1")
            s.enqueue(text: dir.path + "\n")
            s.enqueue(.end)
        }
        let before = screen.frames[screen.frames.count - 2].text
        #expect(before.contains("baris 3, kolom nip") && !before.contains("baris 33, kolom kode_unit"))
        #expect(screen.lastFrame!.text.contains("baris 32, kolom nip"))
        #expect(screen.lastFrame!.text.contains("baris 33, kolom kode_unit"))
    }

    /// units.csv (valid) and pegawai.csv: one good row, then `badRows` rows with a bad NIP and
    /// one with an unknown unit.
    func importFolder(badRows: Int = 1) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "kode;nama;induk\r\nDISDIK;Dinas Pendidikan;\r\n".write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        var pegawai = "nip;nama;kode_unit;jenis_jabatan\r\n200012312024121001;Made Wirawan;DISDIK;pelaksana\r\n"
        for n in 0..<badRows { pegawai += "12\(n);Salah \(n);DISDIK;pelaksana\r\n" }
        pegawai += "199001012019032003;Siti;NOPE;pelaksana\r\n"
        try pegawai.write(to: dir.appendingPathComponent("pegawai.csv"), atomically: true, encoding: .utf8)
        return dir
    }
}
