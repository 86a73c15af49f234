import Foundation
import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Findings of the third user test (three admins, a verifikator and a pimpinan on one
/// database at 80x24), each pressed by command name as the admin did it.
@Suite struct UserTest3Tests {
    /// An SKP given only as a number (PP 46/2011, before 2022) was named "2021  - (88,50)" in
    /// the queue and the employee page's messages, "Tersimpan: 2021 - (88,50)." after the save
    /// and "Memenuhi syarat: 2021 ." after the verifikator accepted it.
    @Test func anSKPWithOnlyAScoreIsNamedByItsScore() throws {
        let onlyScore = SKP(nip: budiNIP, tahun: 2021, nilai: 88.5)
        #expect(RecordLine.describe(.skp(onlyScore), .id) == "2021  nilai 88,50")
        #expect(RecordLine.describe(.skp(onlyScore), .en) == "2021  score 88.50")
        #expect(RecordLine.describe(.skp(SKP(nip: budiNIP, tahun: 2022, predikat: .baik, nilai: 88.7)), .id) == "2022  Baik (88,70)")
        #expect(RecordLine.describe(.skp(SKP(nip: budiNIP, tahun: 2024, predikat: .baik)), .id) == "2024  Baik")
        #expect(App.recordName(.skp(onlyScore), .id) == "SKP 2021 nilai 88,50")

        let store = try makeStore()  // the acting login "test" is the operator: it may verify
        try store.add(.skp(onlyScore))
        try run(store) { s in
            s.press(.verificationQueue, in: .units)
            // The kind filter: pendidikan, diklat, then SKP (Budi's 2021 is the newest).
            for _ in 0..<3 { s.press(.queueKind) }
            s.checkpoint { queue in
                #expect(queue.selection?.contains("SKP: 2021  nilai 88,") == true, "\(queue)")
                #expect(queue.shows("SKP: 2021 nilai 88,50"), "the record whole on the bottom line")
            }
            s.press(.acceptRecord)
            s.checkpoint { queue in
                #expect(queue.shows("Memenuhi syarat: SKP 2021 nilai 88,50."), "\(queue)")
            }
        }
    }

    /// Typed on the employee page: the saved message names the SKP as one.
    @Test func theSaveOfAnSKPByScoreSaysSKPAndTheScore() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.openAyu()
            s.press(.addSKP, in: .employee)
            s.enqueue(.ctrl("u"))  // the year field starts with the measurement year
            s.enqueue(text: "2021")
            s.press(.nextField, in: .form)
            s.press(.nextField, in: .form)  // no predikat: the score gives it
            s.enqueue(text: "88,5")
            s.press(.save, in: .form)
        }
        #expect(screen.everShowed("Tersimpan: SKP 2021 nilai 88,50."))
        let saved = try store.records(nip: ayuNIP)?.skp.map(\.value).first { $0.tahun == 2021 }
        #expect(saved?.nilai == 88.5 && saved?.predikat == nil)
    }

    /// A second SKP of a year (Ayu has "Baik" for 2024; the admin types "Sangat Baik" to correct
    /// it) was refused as "Data skp yang sama sudah ada ... Tidak perlu diisi lagi": it is not the
    /// same, and the admin needs to know to edit the stored one.
    @Test func aSecondSKPOfAYearSaysOnePerYearAndHowToChangeIt() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.openAyu()
            s.press(.addSKP, in: .employee)
            s.press(.nextField, in: .form)  // the year stays 2024
            s.enqueue(text: "Sangat Baik")
            s.press(.save, in: .form)
            s.checkpoint { form in
                let text = Self.words(form.frame.text)
                #expect(text.contains("SKP tahun itu sudah ada untuk pegawai ini (satu SKP per tahun)."), "\(form)")
                #expect(text.contains("Untuk mengganti predikat atau nilainya, ubah SKP yang tersimpan."))
                #expect(!text.contains("Tidak perlu diisi lagi"))
            }
        }
        _ = screen
        #expect(try store.records(nip: ayuNIP)?.skp.map(\.value.predikat) == [Predikat.baik])
        #expect(
            ValidationIssue(field: "nip", code: .duplicate(.skp)).message(.en)
                == "This employee already has an SKP for that year (one SKP per year). To change its rating or score, edit the stored SKP.")
    }

    /// A CSV as Excel saves it: `;`, d/m/Y dates, a line with a date that does not exist and a
    /// cleared row (`;;;;;;`). The problem screen offered "impor 3 baris yang valid" and then
    /// wrote 2: the cleared row was counted as a valid row.
    @Test func aClearedRowIsNotCountedAsAValidRow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ut3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("diklat.csv")
        let rows = [
            "NIP;Jenis Diklat;Nama Diklat;Penyelenggara;Tanggal Mulai;Tanggal Selesai;Jumlah JP",
            "\(ayuNIP);Teknis;Pelatihan Arsip Dinamis;ANRI;3/11/2024;7/11/2024;40",
            "\(budiNIP);Bimtek;Bimtek Aplikasi SIMPEG;BKPSDM;31/02/2024;1/03/2024;16",
            "\(budiNIP);Seminar;Seminar Gizi Seimbang;IDI;05/10/2024;05/10/2024;4",
            ";;;;;;",
        ]
        try Data((rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
        let store = try makeStore()
        try run(store) { s in
            s.press(.importFiles)
            s.enqueue(text: file.path)
            s.enqueue(.enter)
            s.checkpoint { c in
                #expect(c.frame.text.contains("baris 3"), "\(c)")
                #expect(c.frame.text.contains("v: impor 2 baris yang valid saja"), "\(c)")
            }
            s.press(.importValidRows)
            s.checkpoint { c in
                #expect(c.frame.text.contains("Impor selesai: 2 baris masuk dari 1 berkas."), "\(c)")
            }
        }
    }

    /// The screen's words with single spaces (a message wraps over rows).
    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The intervention list's panel said "Diklat teknis 20 JP untuk 3 dari 9 pegawai Badan
    /// Kepegawaian dan Pengembangan" at 80 columns: the unit's name cut without a sign.
    @Test func theInterventionPanelCutsWithAnEllipsis() throws {
        let store = try makeStore()
        // A unit with a long name and one pelaksana without any course: a 20 JP course raises
        // its mean by 22.5, the first row of the list by the unit mean.
        let name = "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana"
        try store.saveUnit(OrgUnit(kode: "DINKES", nama: name))
        try store.savePegawai(Pegawai(nip: "199505052020121001", nama: "Rudi Hartono", kodeUnit: "DINKES", jenisJabatan: .pelaksana))
        let screen = try run(store) { s in
            s.press(.interventions, in: .units)
            s.press(.sort, in: .interventions)  // units with their sub-units (the default is each unit's own employees)
            s.press(.sort, in: .interventions)  // by the unit mean: DINKES's +22,5 first
            s.press(.first, in: .interventions)
        }
        let frame = try #require(screen.frames.last { $0.text.contains("Potensi Intervensi") })
        let sentence = try #require(frame.lines().first { $0.contains("Diklat teknis 20 JP untuk 1 dari 1 pegawai") }, "\(frame.text)")
        #expect(DisplayWidth.width(of: sentence) <= 80)
        #expect(sentence.hasPrefix(" Diklat teknis 20 JP untuk 1 dari 1 pegawai Dinas Kesehatan, Pengendalian"), "\(sentence)")
        #expect(sentence.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "cut with a sign: \(sentence)")
    }
    /// The DINKES admin's cursor was on DISDIK's sub-unit: Enter, `*` (all 82 chosen), `k`, the
    /// whole course form and its review, and only the final Ctrl-S said "Unit DISDIK.01 bukan unit
    /// Anda". The data keys now say it at once, on the list and on an employee's page, and
    /// open no form; the admin's own unit (with its sub-units) is untouched by the check.
    @Test func aUnitAdminIsToldAtOnceOnAnotherUnitsScreens() throws {
        let store = try makeStore()
        try store.saveUnit(OrgUnit(kode: "DISDIK", nama: "Dinas Pendidikan"))
        try store.saveAccount(Account(login: "admin-disdik", role: .admin, units: ["DISDIK"]))
        try store.saveAccount(Account(login: "admin-bkpsdm", role: .admin, units: ["BKPSDM"]))
        let rule = "Unit BKPSDM.1 bukan unit Anda: data unit ini hanya dapat dibaca."
        let disdik = StoreContext(actor: "admin-disdik", now: testContext.now, timeZone: testContext.timeZone)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.openAyu()
        screen.press(.addDiklat, in: .employee)
        screen.checkpoint { page in
            #expect(page.shows(rule), "\(page)")
            #expect(page.frame.line(0).contains("Data Pegawai — Ni Ketut Ayu Lestari"), "no form opened")
        }
        screen.press(.addSKP, in: .employee)
        screen.checkpoint { page in
            #expect(page.shows(rule))
            #expect(!page.frame.text.contains("Tambah SKP"))
        }
        screen.press(.back)
        screen.press(.back)
        // Bidang Pengembangan (BKPSDM.1) in the unit list (the admin starts on DISDIK, their own
        // unit, since the fourth user test: Home, then Down): its employee list, all chosen, k.
        screen.press(.first, in: .units)
        screen.press(.moveDown, in: .units)
        screen.press(.open, in: .units)
        screen.press(.selectAll, in: .employees)
        screen.press(.addDiklat, in: .employees)
        screen.checkpoint { list in
            #expect(list.shows(rule), "\(list)")
            #expect(list.frame.line(0).contains("Pegawai — Bidang Pengembangan"), "\(list)")
        }
        try Workstation(store: try store.reopened(as: disdik), screen: screen, language: .id, context: disdik).run()
        screen.expectEveryCheckpointReached()

        // The admin of BKPSDM covers its sub-unit BKPSDM.1: the form opens.
        let bkpsdm = StoreContext(actor: "admin-bkpsdm", now: testContext.now, timeZone: testContext.timeZone)
        let own = VirtualScreen(size: Size(width: 80, height: 24))
        own.openAyu()
        own.press(.addDiklat, in: .employee)
        own.checkpoint { form in
            #expect(form.frame.line(0).contains("Tambah Diklat/Kursus — Ni Ketut Ayu Lestari"), "\(form)")
            #expect(!form.frame.text.contains("bukan unit Anda"))
        }
        try Workstation(store: try store.reopened(as: bkpsdm), screen: own, language: .id, context: bkpsdm).run()
        own.expectEveryCheckpointReached()
        #expect(App.covers(Account(login: "a", role: .admin, units: ["BKPSDM"]), unit: "BKPSDM.1", units: try store.units()))
        #expect(!App.covers(Account(login: "a", role: .admin, units: ["BKPSDM.1"]), unit: "BKPSDM", units: try store.units()))
    }
    /// The admin fixed a school's name, undid it and redid it: the redo question said "Ulangi
    /// perubahan pendidikan S-1 Universitas Brawijaya Malang" and the page then showed
    /// "Universitas Negeri Malang". Both questions now name the change from and to.
    @Test func undoAndRedoOfAnEditNameTheRecordBeforeAndAfter() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let typo = Pendidikan(nip: ayuNIP, tingkat: .s1, namaSekolah: "Universitas Brawijaya Malang", jurusan: "Matematika")
        let saved = try ani.store.add(.pendidikan(typo))
        var fixed = typo
        fixed.namaSekolah = "Universitas Negeri Malang"
        _ = try ani.store.update(saved.id, to: .pendidikan(fixed))
        let change = "perubahan pendidikan S-1 Universitas Brawijaya Malang -> Universitas Negeri Malang untuk Ni Ketut Ayu Lestari"
        ani.type("u")
        #expect(ani.question == "Batalkan \(change)?")
        ani.type("y")
        #expect(Self.words(ani.text).contains("Dibatalkan: \(change)."), "\(ani.text)")
        #expect(try ani.store.records(nip: ayuNIP)?.pendidikan.map(\.value.namaSekolah) == ["Universitas Brawijaya Malang"])
        ani.type("U")
        #expect(ani.question == "Ulangi \(change)?")
        // An edit that leaves the phrase as it was (an SKP's predikat) names the record once.
        #expect(L.changedPart("diklat 'Bimtek Arsip'", "diklat 'Bimtek Arsip Dinamis'") == "'Bimtek Arsip Dinamis'")
        #expect(L.changedPart("pendidikan S-1 A", "pendidikan S-2 A") == "S-2 A")
    }
    /// The SKP of 2021 was a number: the admin typed "88,5" into Predikat and read only
    /// "tidak ada dalam daftar". The message now says where a score goes (round 4b: it moves there).
    @Test func aScoreTypedIntoThePredikatSaysWhereItGoes() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addSKP, in: .employee)
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "2021")
            s.press(.nextField, in: .form)
            s.enqueue(text: "88,5")
            s.press(.nextField, in: .form)
            s.checkpoint { form in
                let text = Self.words(form.frame.text)
                // Since round 4b the form moves it to the empty Nilai, as the bulk grid does.
                #expect(text.contains("\"88,5\" adalah nilai angka: dipindah ke kolom Nilai."), "\(form)")
                #expect(!text.contains("tidak ada dalam daftar"))
            }
            // A word that is no predikat keeps the list's message.
            s.press(.previousField, in: .form)
            s.enqueue(text: "bagus")
            s.press(.nextField, in: .form)
            s.checkpoint { form in
                #expect(Self.words(form.frame.text).contains("\"bagus\" tidak ada dalam daftar"), "\(form)")
            }
        }
        #expect(try store.records(nip: ayuNIP)?.skp.count == 1, "nothing saved")
    }
    /// The "selesai diinput" dialog (`m`) said "1-4 atau Spasi/Enter: ubah tanda" while its key
    /// bar said "Enter Buka": the key bar now says what the dialog's keys do.
    @Test func theProgressDialogsKeyBarSaysWhatEnterDoes() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.markProgress, in: .units)
            s.checkpoint { dialog in
                let bar = dialog.frame.lines().last ?? ""
                #expect(bar.contains("1-4,Enter Ubah tanda"), "\(bar)")
                #expect(bar.contains("c Konfirmasi") && bar.contains("r Buka kembali") && bar.contains("Esc Tutup"), "\(bar)")
                #expect(!bar.contains("Buka  "), "\(bar)")
            }
            s.press(.reopenMark, in: .dialog)
            s.checkpoint { reason in
                let bar = reason.frame.lines().last ?? ""
                #expect(bar.contains("Enter Simpan alasan") && bar.contains("Esc Batal"), "\(bar)")
            }
        }
    }
    /// The pimpinan read "68,06 -> 74,72 (+6,67)" (a unit of 9: 612,5/9 -> 672,5/9): the rise
    /// did not add up. The rise shown is now the difference of the two means as shown.
    @Test func aMeanChangeAddsUpAsShown() {
        let before = 612.5 / 9  // 68,0556
        let after = 672.5 / 9  // 74,7222
        #expect(Language.id.mean(before) == "68,06" && Language.id.mean(after) == "74,72")
        #expect(Language.id.meanDelta(from: before, to: after) == "+6,66")
        #expect(Language.en.meanDelta(from: after, to: before) == "-6.66")
        #expect(Language.id.meanDelta(from: 71.224, to: 71.226) == "+0,01", "shown as 71,22 -> 71,23")
        #expect(Language.id.meanDelta(from: 71.221, to: 71.224) == "±0", "both shown as 71,22")
    }
}
