import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The workstation's leftovers from the fifth and sixth user tests (branch `ux7`).
@Suite struct UX7Tests {
    /// A diklat sheet: one course per line, as an admin's Excel saves it.
    static func courses(_ lines: [(nip: String, nama: String)]) -> Data {
        let header = "nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan\n"
        let rows = lines.map { "\($0.nip),9,,\($0.nama),BKPSDM,2024-06-10,2024-06-11,16,,Y\n" }.joined()
        return Data((header + rows).utf8)
    }

    /// DISDIK's admin imported a sheet with a bad line (an unknown NIP), chose "valid rows
    /// only", corrected the sheet and imported the whole of it again: the rows imported the
    /// first time were listed as duplicate problems and the earlier `.rejected.csv` was
    /// written over. They are now passed over as "sudah ada: dilewati", only the bad line is a
    /// problem, and the earlier rejected file stays beside a new one.
    @Test func reimportingACorrectedSheetPassesOverWhatIsThereAndKeepsTheEarlierRejectedFile() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let sheet = shared.dir.appendingPathComponent("diklat.csv")
        let unknown = "199912312020121001"
        try Self.courses([(ayuNIP, "Bimtek Kepegawaian"), (budiNIP, "Bimtek Kepegawaian"), (unknown, "Bimtek Kepegawaian")])
            .write(to: sheet)
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        ani.type("I")
        ani.type(sheet.path)
        ani.send(.enter)
        #expect(ani.text.contains("1 masalah pada 1 baris"), "\(ani.text)")
        ani.type("v")
        #expect(ani.text.contains("Impor selesai: 2 baris masuk"), "\(ani.text)")
        let first = shared.dir.appendingPathComponent("diklat.rejected.csv").path
        let earlier = try String(contentsOfFile: first, encoding: .utf8)
        #expect(earlier.contains(unknown))

        // The corrected sheet: the unknown NIP was a typo for Ayu's, and a new course for Budi
        // still has a bad line (a NIP nobody has).
        try Self.courses([
            (ayuNIP, "Bimtek Kepegawaian"), (budiNIP, "Bimtek Kepegawaian"), (ayuNIP, "Bimtek Arsip"),
            ("199912312020121009", "Bimtek Arsip"),
        ]).write(to: sheet)
        // The field starts at the sheet imported before (its last import path): Enter.
        ani.type("I")
        ani.send(.enter)
        let review = ani.text
        #expect(review.contains("1 masalah pada 1 baris"), "only the truly bad line: \(review)")
        #expect(review.contains("baris 5"), "\(review)")
        #expect(!review.contains("baris 2") && !review.contains("baris 3"), "\(review)")
        #expect(review.contains("2 baris sudah ada: dilewati"), "\(review)")
        #expect(review.contains("Berkas tolakan sebelumnya (diklat.rejected.csv) tetap ada"), "\(review)")
        #expect(review.contains("v: impor 1 baris yang valid saja"), "\(review)")
        #expect(review.contains("diklat.2.rejected.csv"), "\(review)")
        ani.type("v")
        #expect(ani.text.contains("Impor selesai: 1 baris masuk"), "\(ani.text)")
        #expect(ani.text.contains("2 baris sudah ada: dilewati"), "\(ani.text)")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == earlier, "the earlier file is as it was")
        let second = try String(contentsOfFile: shared.dir.appendingPathComponent("diklat.2.rejected.csv").path, encoding: .utf8)
        #expect(second.contains("199912312020121009") && !second.contains(unknown))
        let stored = try shared.open("ops", session: "check")
        #expect(try stored.records(nip: ayuNIP)?.diklat.map(\.value.nama).sorted()
            == ["Bimtek Arsip", "Bimtek Kepegawaian", "Diklat Fungsional Analis"])
        #expect(try stored.records(nip: budiNIP)?.diklat.count == 1)
    }

    /// An admin's rejected course of an event ("Enter untuk memperbaiki") asked "Buka
    /// kegiatannya?" with Enter = Ya: the habitual Enter Enter landed in the event. Enter now
    /// opens the record; the event is a separate, named key (`o`) the message line names.
    @Test func enterEnterOnARejectedRecordOfAnEventOpensTheRecord() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("ipasn.sqlite")
        let store = try makeStore(path: path)
        let course = { (nip: String) in
            Record.diklat(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(7)!, nama: "Sosialisasi SKP", penyelenggara: "BKPSDM",
                    tanggalMulai: day("2024-06-03"), tanggalSelesai: day("2024-06-03"), jp: 3))
        }
        let saved = try store.addBatch([course(ayuNIP), course(budiNIP)], label: "Sosialisasi SKP")
        try store.setVerification([saved.ids[0]], status: .tidak, reason: "Daftar hadir belum ada")
        try store.saveAccount(Account(login: "sari", role: .admin, units: ["BKPSDM.1"]))
        let sari = try SQLiteStore(path: path, context: TestClock.context(actor: "sari"))
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.verificationQueue, in: .units)
        screen.checkpoint { list in
            #expect(list.shows("Ditolak verifikator: Daftar hadir belum ada — Enter untuk memperbaiki;"), "\(list)")
        }
        screen.press(.open, in: .verification)
        screen.checkpoint { page in #expect(page.selection?.contains("Sosialisasi SKP") == true, "\(page)") }
        screen.press(.open, in: .employee)
        screen.checkpoint { form in
            #expect(form.shows("Diklat/Kursus"), "the record's form: \(form)")
            #expect(form.shows("Sosialisasi SKP"), "\(form)")
            #expect(!form.shows("Sosialisasi SKP — 2 peserta"), "not the event: \(form)")
            #expect(form.frame.text.contains("bagian dari kegiatan 'Sosialisasi SKP'"), "\(form)")
            #expect(form.frame.text.contains("Esc lalu o."), "the event's own key: \(form)")
        }
        screen.press(.back)
        screen.press(.openEvent, in: .employee)
        screen.checkpoint { event in #expect(event.shows("Sosialisasi SKP — 2 peserta"), "\(event)") }
        let station = try Workstation(store: sari, screen: screen, context: sari.context)
        try station.run()
        screen.expectEveryCheckpointReached()
    }
}

/// The SKP grid (`n` in an employee list) on rows typed exactly as stored.
@Suite struct UX7GridTests {
    let sitiNIP = "199001012019032003"

    func says(_ frame: ScreenCheckpoint, _ text: String) -> Bool {
        frame.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains(text)
    }

    /// C typed the predikat of twelve people, seven of them the one stored, and was asked F3
    /// on each (24 of 55 keys). A row typed as stored (Ayu: Baik over Baik; Siti: Cukup over
    /// Cukup 70, no nilai typed) now needs no choice and writes nothing; only Budi's new SKP
    /// is saved (one audit row) and the two stored SKP keep their ids.
    @Test func aRowTypedAsStoredNeedsNoChoiceAndIsNotWritten() throws {
        let store = try makeStore()
        try store.add(.skp(SKP(nip: sitiNIP, tahun: 2024, predikat: .cukup, nilai: 70)))
        let before = Set((try store.records(nip: ayuNIP)?.skp ?? []) + (try store.records(nip: sitiNIP)?.skp ?? []))
        let audit = try store.auditLog(limit: 100).count
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.enqueue(text: "sb")
            s.press(.nextRow)
            s.enqueue(text: "b")
            s.checkpoint { grid in
                #expect(grid.line(containing: "Ni Ketut Ayu")?.hasSuffix("sama") == true, "\(grid)")
                #expect(says(grid, "Ni Ketut Ayu Lestari: SKP 2024 sama dengan yang tersimpan (Baik); tidak perlu disimpan."), "\(grid)")
                #expect(!says(grid, "F3 ganti"), "no choice asked: \(grid)")
            }
            s.press(.nextRow)
            s.enqueue(text: "c")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.line(containing: "Siti Rahma")?.hasSuffix("sama") == true, "\(grid)")
                #expect(!grid.lines.contains { $0.hasSuffix("pilih!") }, "\(grid)")
            }
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Baru 1, ganti 0, biarkan 0, sama 2, belum dipilih 0 (tidak disimpan)."), "\(review)")
                #expect(review.line(containing: "Ni Ketut Ayu")?.contains("sama: Baik") == true, "\(review)")
                #expect(review.shows("Ctrl-S: 1 SKP disimpan"), "\(review)")
            }
            s.press(.save, in: .review)
            s.checkpoint { list in #expect(says(list, "Tersimpan: SKP 2024 untuk 1 pegawai."), "\(list)") }
        }
        let after = Set((try store.records(nip: ayuNIP)?.skp ?? []) + (try store.records(nip: sitiNIP)?.skp ?? []))
        #expect(after == before, "the stored SKP as they were, under their ids")
        #expect(try store.records(nip: budiNIP)?.skp.map(\.value.predikat) == [.sangatBaik])
        #expect(try store.auditLog(limit: 100).count == audit + 1, "one write: Budi's new SKP")
    }
}

/// The dashboard's "Input hari ini" and the activity screen's summary (`w`).
@Suite struct UX7ActivityTests {
    /// C replaced 12 SKP and edited records; the dashboard said 57 after 69 saves, counting new
    /// records only, while the activity screen counted the edits as "Ubah". Both now count the
    /// same saves: the fixture's 5 records typed today, Ayu's SKP replaced (Baik -> Sangat
    /// Baik) and Budi's SLTA edited: 5 + 2 = 7 today, the activity screen's Ketik 5 + Ubah 2.
    @Test func theDashboardCountsTodaysSavesAsTheActivityScreenDoes() throws {
        let store = try makeStore()
        let records = try #require(try store.records(nip: ayuNIP))
        let skp = try #require(records.skp.first)
        try store.update(RecordID(kind: .skp, id: skp.id), to: .skp(SKP(nip: ayuNIP, tahun: 2024, predikat: .sangatBaik)))
        let slta = try #require(try store.records(nip: budiNIP)?.pendidikan.first)
        try store.update(
            RecordID(kind: .pendidikan, id: slta.id), to: .pendidikan(Pendidikan(nip: budiNIP, tingkat: .slta, namaSekolah: "SMA Negeri 1")))
        try run(store, size: Size(width: 100, height: 24)) { s in
            s.press(.dashboard, in: .units)
            s.checkpoint { frame in #expect(frame.text.contains("Input hari ini 7, minggu ini 7"), "\(frame)") }
            s.press(.activity, in: .dashboard)
            s.checkpoint { frame in #expect(frame.text.contains("Diketik 5, diubah 2, dihapus 0; impor 0, contoh 0"), "\(frame)") }
        }
    }

    /// The summary line was cut at 80 columns ("... contoh 153820 (tanpa yang dibatalk"):
    /// counts are written with thousands separators and the line takes a second row when it
    /// does not fit (here at 60 columns, the smallest terminal), the table below it.
    @Test func theSummaryLineIsWholeOnANarrowTerminal() throws {
        let store = try makeStore()
        try run(store, size: Size(width: 60, height: 20)) { s in
            s.press(.dashboard, in: .units)
            s.press(.activity, in: .dashboard)
            s.checkpoint { frame in
                let lines = frame.lines
                let first = try #require(lines.firstIndex { $0.contains("Diketik 5, diubah 0") })
                #expect(lines[first + 1].contains("yang dibatalkan)."), "\(frame)")
                #expect(lines[first + 2].contains("Admin"), "the table's header below: \(frame)")
            }
        }
        #expect(NumberText.count(153_820, .id) == "153.820")
        #expect(NumberText.count(204_252, .en) == "204,252")
        #expect(NumberText.count(999, .id) == "999")
        #expect(NumberText.count(1_000_000, .id) == "1.000.000")
    }
}

/// A full disk, said for what was refused.
@Suite struct UX7DiskFullTests {
    /// On a full disk the verifikator's `m` said "isian tetap ada ... simpan lagi", the forms'
    /// sentence, where there is no input. The store's one `diskFull` is now said for the action
    /// the screen attempted: a verdict was not saved and the record still waits; a rejection's
    /// typed reason stays in its box; an import's file was not imported; a form keeps its input.
    /// (The refusal is thrown here: SQLite's page limit leaves room in the verdict tables' pages,
    /// so a verdict cannot be made to meet a full disk deterministically.)
    @Test func theDiskFullSentenceFitsTheActionRefused() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        try shared.open("ops", session: "accounts").saveAccount(Account(login: "vera", role: .verifikator))
        let vera = try AdminTerminal(shared, actor: "vera", session: "vera-1")
        vera.type("V")  // the queue, where `m` and `t` give verdicts
        #expect(!vera.app.attempt(.verdict) { throw StoreError.diskFull })
        let said = vera.text
        #expect(said.contains("Disk penuh: keputusan BELUM tersimpan; data tetap menunggu di antrean."), "\(said)")
        #expect(!said.contains("isian tetap ada"), "\(said)")
        #expect(!vera.app.attempt(.verdictWithReason) { throw StoreError.diskFull })
        #expect(vera.text.contains("alasan yang diketik tetap di kotak."), "\(vera.text)")
        #expect(!vera.app.attempt(.importFile) { throw StoreError.diskFull })
        #expect(vera.text.contains("Disk penuh: berkas ini TIDAK diimpor"), "\(vera.text)")
        #expect(!vera.app.attempt { throw StoreError.diskFull })
        #expect(vera.text.contains("isian tetap ada"), "a form keeps its sentence: \(vera.text)")
        // Other refusals are said as the store says them, whatever the action.
        #expect(!vera.app.attempt(.verdict) { throw StoreError.recordNotFound(RecordID(kind: .diklat, id: 1)) })
        #expect(vera.text.contains("Data itu sudah tidak ada"), "\(vera.text)")
    }
}
