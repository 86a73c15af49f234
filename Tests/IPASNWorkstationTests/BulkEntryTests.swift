import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// One course for everyone chosen: the form, the review, the one-transaction save.
@Suite struct BulkEntryTests {
    let sitiNIP = "199001012019032003"

    /// Types Ayu's seminar (Seminar, "Seminar Manajemen ASN", 10-05-2023, 8 JP) into the open
    /// bulk form; the end date follows the start date by itself.
    func typeAyusSeminar(_ s: VirtualScreen, name: String = "Seminar Manajemen ASN") {
        s.enqueue(text: "seminar")
        s.press(.nextField)  // tingkat is passed over: only for struktural
        s.enqueue(text: name)
        s.press(.nextField)
        s.press(.nextField)  // penyelenggara
        s.enqueue(text: "10-05-2023")
        s.press(.nextField)
        s.press(.nextField)  // tanggal selesai: filled in
        s.enqueue(text: "8")
    }

    @Test func reviewMarksDuplicatesAndUnchangedThenSavesInOneBatch() throws {
        let store = try makeStore()
        let before = try store.auditLog(limit: 100).count
        try run(store) { s in
            s.press(.open, in: .units)  // BKPSDM: Budi, Ayu, Siti
            s.press(.selectAll)
            s.press(.addDiklat, in: .employees)
            s.checkpoint { form in
                #expect(form.shows("Tambah Diklat/Kursus — 3 peserta"))
                #expect(form.shows("Budi Santoso, Ni Ketut Ayu Lestari, Siti Rahma"))
                #expect(form.shows("(lengkapi isian untuk melihat perubahan)"))
            }
            typeAyusSeminar(s)
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal selesai")?.contains("10-05-2023") == true, "a one-day event by default")
                // Budi and Siti (pelaksana, nothing yet) get the seminar row: 0 -> 17.5 each.
                // Ayu has this very seminar: a duplicate, not counted. Unit of 3: +35 / 3.
                #expect(form.shows("Nilai berubah untuk 2 dari 3 peserta."))
                #expect(form.shows("1 sudah punya kursus ini: tidak disimpan lagi."))
                #expect(form.shows("(+11,67)"))
            }
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Tinjau: Seminar Manajemen ASN — 3 peserta"))
                let budi = try #require(review.line(containing: "Budi Santoso"))
                #expect(budi.hasPrefix("+") && budi.contains("0→17,5"))
                let ayu = try #require(review.line(containing: "Ni Ketut Ayu"))
                #expect(ayu.hasPrefix("-") && ayu.contains("sudah ada"))
                #expect(review.shows("Ctrl-S menyimpan semua dalam satu transaksi"))
            }
            s.press(.moveDown, in: .review)
            s.checkpoint { review in #expect(review.shows("Ni Ketut Ayu Lestari sudah punya kursus ini: dilewati.")) }
            s.press(.save)
            s.checkpoint { list in
                #expect(list.shows("Pegawai — Badan Kepegawaian"))
                #expect(list.shows("Tersimpan: Seminar Manajemen ASN untuk 2 peserta. 1 sudah punya, dilewati."))
                #expect(!list.shows("dipilih"), "the choice is done with")
                #expect(list.line(containing: "Siti Rahma")?.contains("17,5") == true)
            }
        }
        #expect(try store.records(nip: budiNIP)?.diklat.map(\.value.nama) == ["Seminar Manajemen ASN"])
        #expect(try store.records(nip: sitiNIP)?.diklat.count == 1)
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2, "no second copy for Ayu")
        let log = try store.auditLog(limit: 100)
        #expect(log.count == before + 2)
        #expect(log[0].batch != nil && log[0].batch == log[1].batch, "one batch id on both audit rows")
    }

    @Test func undoOfTheBatchIsOneStepAndSoIsRedo() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.selectAll)
            s.press(.addDiklat, in: .employees)
            typeAyusSeminar(s)
            s.press(.save)
            s.press(.save)  // Budi and Siti; Ayu has it already
            s.press(.undo, in: .employees)
            s.checkpoint { list in #expect(list.shows("Batalkan penyimpanan diklat 'Seminar Manajemen ASN' untuk 2") && list.shows("peserta?")) }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { list in
                #expect(list.shows("Dibatalkan: penyimpanan diklat 'Seminar Manajemen ASN' untuk 2 peserta."))
                #expect(list.line(containing: "Siti Rahma")?.contains("17,5") == false, "the list shows the scores before")
            }
            s.press(.redo, in: .employees)
            s.checkpoint { list in #expect(list.shows("Ulangi penyimpanan diklat 'Seminar Manajemen ASN' untuk 2") && list.shows("peserta?")) }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { list in #expect(list.shows("Diulang: penyimpanan diklat 'Seminar Manajemen ASN' untuk 2 peserta.")) }
        }
        #expect(try store.records(nip: budiNIP)?.diklat.count == 1)
        #expect(try store.records(nip: sitiNIP)?.diklat.count == 1)
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2)
    }

    @Test func spaceOnTheReviewLeavesAParticipantOut() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.selectAll)
            s.press(.addDiklat, in: .employees)
            typeAyusSeminar(s)
            s.press(.save)
            s.press(.toggleSelect, in: .review)  // Budi did not come after all
            s.checkpoint { review in
                let budi = try #require(review.line(containing: "Budi Santoso"))
                #expect(budi.hasPrefix("-") && budi.contains("tidak ikut"))
                #expect(review.shows("1 tidak ikut (Spasi): tidak disimpan."))
                #expect(review.shows("Nilai berubah untuk 1 dari 3 peserta."))
                // Only Siti's 17.5 moves the unit of 3 now: 28,33 -> 34,17, shown as +5,84 so that
                // it adds up (17.5 / 3 = 5.8333 unrounded).
                #expect(review.shows("Rata-rata unit 28,33 -> 34,17 (+5,84)"))
            }
            s.press(.save)
            s.checkpoint { list in #expect(list.shows("Tersimpan: Seminar Manajemen ASN untuk 1 peserta.")) }
        }
        #expect(try store.records(nip: budiNIP)?.diklat.isEmpty == true)
        #expect(try store.records(nip: sitiNIP)?.diklat.count == 1)
    }

    @Test func unchangedAndSimilarAreMarked() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.moveDown, in: .units)
            s.press(.open, in: .units)  // Bidang Pengembangan: Ayu, Siti
            s.press(.selectAll)
            s.press(.addDiklat, in: .employees)
            // Ayu's seminar with one word more: similar, and it changes nothing for her
            // (her seminar row is full already).
            typeAyusSeminar(s, name: "Seminar Manajemen ASN Daerah")
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Nilai berubah untuk 1 dari 2 peserta."))
                #expect(review.shows("1 disimpan tanpa perubahan nilai."))
                #expect(review.line(containing: "Ni Ketut Ayu")?.contains("nilai tetap") == true)
                #expect(review.selection?.contains("Ni Ketut Ayu") == true)
                #expect(review.shows("Ni Ketut Ayu Lestari: mirip dengan \"Seminar Manajemen ASN\" (10-05-2023)"))
            }
        }
    }

    @Test func formChecksFieldsLikeTheSingleFormAndEscGoesBack() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.toggleSelect)
            s.press(.addDiklat, in: .employees)
            s.enqueue(text: "seminar")
            s.press(.save)
            s.checkpoint { form in
                #expect(form.shows("Belum bisa disimpan:"))
                #expect(form.shows("Tambah Diklat/Kursus — 1 peserta"), "still the form")
            }
            s.press(.back)
            s.checkpoint { form in #expect(form.shows("Tinggalkan formulir dan buang")) }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { list in
                #expect(list.shows("Pegawai — Badan Kepegawaian"))
                #expect(list.shows("1 dipilih"), "the choice survives leaving the form")
            }
        }
        #expect(try store.records(nip: budiNIP)?.diklat.isEmpty == true)
    }

    @Test func lackingFilterShowsWhoDoesNotHaveTheCourseYet() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.filterLacking)
            s.checkpoint { list in #expect(list.shows("Isi dulu kursusnya (k)")) }
            s.press(.toggleSelect)  // Budi
            s.press(.addDiklat, in: .employees)
            typeAyusSeminar(s)
            s.press(.save)
            s.press(.save)
            s.press(.filterLacking)
            s.checkpoint { list in
                // Ayu had it, Budi has it now: Siti is left.
                #expect(list.shows("belum punya \"Seminar Manajemen ASN\""))
                #expect(list.shows("1 dari 3"))
                #expect(list.shows("Siti Rahma") && !list.shows("Budi Santoso"))
            }
            s.press(.filterLacking)
            s.checkpoint { list in #expect(list.shows("Budi Santoso") && list.shows("Ni Ketut Ayu")) }
        }
    }

    @Test func reviewModelComputesEachParticipantOnceAndTheUnitMean() throws {
        let engine = ScoringEngine(ruleset: .bkn2019)
        let a = Pegawai(nip: ayuNIP, nama: "A", kodeUnit: "U", jenisJabatan: .pelaksana)
        let b = Pegawai(nip: budiNIP, nama: "B", kodeUnit: "U", jenisJabatan: .pelaksana, aktif: false)
        let course = Diklat(nip: "", jenis: JenisDiklat.withID(3)!, nama: "Bimtek Arsip", tanggalMulai: day("2024-03-01"), tanggalSelesai: day("2024-03-03"), jp: 20)
        var own = course
        own.nip = ayuNIP
        var withCourse = StoredEmployeeRecords(pegawai: a)
        withCourse.diklat = [StoredRecord(id: 1, value: own)]
        // A unit of 4 with 100 points in all (mean 25).
        let totals = ScoreTotals(pegawai: 4, completePegawai: 0, kualifikasi: 0, kompetensi: 0, kinerja: 80, disiplin: 20)
        let first = BulkReview(engine: engine, year: 2024, course: course, participants: [BulkParticipant(records: StoredEmployeeRecords(pegawai: a)), BulkParticipant(records: StoredEmployeeRecords(pegawai: b))], unitTotals: totals)
        #expect(first.lines.map(\.status) == [.changes, .changes])
        #expect(first.lines[0].before.kompetensi == 0 && first.lines[0].after.kompetensi == 22.5)
        // Only the active participant moves the unit: (100 + 22.5) / 4.
        #expect(first.unitBefore == 25 && first.unitAfter == 30.625)
        #expect(first.toSave.count == 2)
        var left = first
        left.excluded = [ayuNIP]
        #expect(left.toSave.map(\.nip) == [budiNIP])
        #expect(left.unitAfter == 25, "the inactive one left: the unit does not move")
        let again = BulkReview(engine: engine, year: 2024, course: course, participants: [BulkParticipant(records: withCourse)], unitTotals: totals)
        #expect(again.lines.map(\.status) == [.duplicate])
        #expect(again.toSave.isEmpty && again.unitAfter == 25)
    }
}

/// Near-duplicates in the one-employee form: named while typing, saved only when confirmed.
@Suite struct NearDuplicateFormTests {
    @Test func similarCourseIsNamedAndAskedBeforeSaving() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat, in: .employee)
            // Ayu has "Seminar Manajemen ASN" (Seminar, 10-05-2023): the same with a dot.
            s.enqueue(text: "seminar")
            s.press(.nextField)  // tingkat is skipped for a seminar
            s.enqueue(text: "Seminar Manajemen A.S.N")
            s.press(.nextField)
            s.press(.nextField)
            s.enqueue(text: "10-05-2023")
            s.press(.nextField)
            s.enqueue(text: "10-05-2023")
            s.press(.nextField)
            s.enqueue(text: "8")
            s.checkpoint { form in #expect(form.shows("Mirip dengan \"Seminar Manajemen ASN\" (10-05-2023) yang sudah ada.")) }
            s.press(.save)
            s.checkpoint { form in #expect(form.shows("Tetap simpan sebagai kursus")) }
            s.press(.confirmNo, in: .dialog)
            s.checkpoint { form in #expect(form.shows("Tambah Diklat/Kursus"), "not saved: still the form") }
            s.press(.save)
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { page in #expect(page.shows("Tersimpan:")) }
        }
        #expect(try store.records(nip: ayuNIP)?.diklat.map(\.value.nama).contains("Seminar Manajemen A.S.N") == true)
    }
}

/// A bulk course form survives a dropped session like every form.
@Suite struct BulkDraftTests {
    @Test func hangupKeepsTheBulkFormWithItsParticipants() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.toggleSelect)  // Budi
            s.press(.toggleSelect)  // Ayu
            s.press(.addDiklat, in: .employees)
            s.enqueue(text: "seminar")
            s.press(.nextField)
            s.enqueue(text: "Sosialisasi Yang Terputus")
            s.enqueue(event: .signal(.hangup))
        }
        let draft = try #require(try store.loadDrafts(owner: "test").first)
        #expect(draft.form == "bulk-diklat" && draft.unit == "BKPSDM")
        #expect(draft.fields["peserta"] == "\(budiNIP),\(ayuNIP)")
        #expect(draft.fields["nama"] == "Sosialisasi Yang Terputus")

        try run(store) { s in
            s.checkpoint { offer in #expect(offer.shows("Ada isian Diklat/Kursus untuk 2 peserta")) }
            s.press(.confirmYes)
            s.checkpoint { restored in
                #expect(restored.shows("Tambah Diklat/Kursus — 2 peserta"))
                #expect(restored.shows("Sosialisasi Yang Terputus"))
                #expect(restored.shows("Budi Santoso, Ni Ketut Ayu Lestari"))
            }
            s.press(.back)
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { list in #expect(list.shows("2 dipilih"), "back in the unit's list with the two chosen") }
        }
        #expect(try store.loadDrafts(owner: "test").isEmpty, "leaving the form discards its draft")
    }
}

@Suite struct BulkLimitTests {
    @Test func moreThanFiveHundredParticipantsIsRefusedWithAWord() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        try store.setMeasurementYear(2024)
        try store.saveUnit(OrgUnit(kode: "BIG", nama: "Dinas Besar"))
        for i in 0...BulkCourseView.maximumParticipants {
            try store.savePegawai(Pegawai(nip: String(format: "1990010120190310%02d", i % 100) + String(i / 100), nama: "Pegawai \(i)", kodeUnit: "BIG", jenisJabatan: .pelaksana))
        }
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.selectAll)
            s.checkpoint { list in #expect(list.shows("501 dipilih")) }
            s.press(.addDiklat, in: .employees)
            s.checkpoint { list in
                #expect(list.shows("501 pegawai dipilih: satu kegiatan paling banyak 500 peserta."))
                #expect(list.shows("Pegawai — Dinas Besar"), "no form opened")
            }
        }
    }
}
