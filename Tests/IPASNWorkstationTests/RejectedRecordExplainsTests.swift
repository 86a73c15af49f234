import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// A record the verifikator rejected explains itself wherever the admin meets it (the
/// rejected list, the employee page, the record's form), for the four kinds alike: the
/// reason and what to do (correct, save: it is verified again).
@Suite struct RejectedRecordExplainsTests {
    @Test func everyKindShowsItsReasonAndWhatToDo() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("ipasn.sqlite")
        let store = try makeStore(path: path)
        try store.saveAccount(Account(login: "sari", role: .admin, units: ["BKPSDM.1"]))
        let hukuman = try store.add(.disiplin(HukumanDisiplin(nip: ayuNIP, tingkat: .ringan, tmt: TestClock.date("2024-02-05"), jenis: "Teguran lisan"))).id
        try store.setVerification([RecordID(kind: .pendidikan, id: 1)], status: .tidak, reason: "Ijazah S-1 belum dilegalisir")
        try store.setVerification([RecordID(kind: .diklat, id: 1)], status: .tidak, reason: "Sertifikat tidak terbaca")
        try store.setVerification([RecordID(kind: .skp, id: 1)], status: .tidak, reason: "SKP belum ditandatangani")
        try store.setVerification([hukuman], status: .tidak, reason: "Nomor SK tidak sesuai")
        let context = TestClock.context(actor: "sari")
        let sari = try SQLiteStore(path: path, context: context)
        // 80 columns; 40 rows so that the employee page shows its four dimensions at once.
        let screen = VirtualScreen(size: Size(width: 80, height: 40))
        screen.checkpoint { units in
            #expect(units.shows("4 data Anda tidak memenuhi syarat: tekan V untuk melihat alasannya."))
        }
        screen.press(.verificationQueue, in: .units)
        screen.checkpoint { list in
            // Verdicts given at the same moment: by kind. The reason and what to do on the message row.
            #expect(list.selection?.contains("Diklat: 20-03-2019") == true, "\(list)")
            #expect(list.shows("Ditolak verifikator: Sertifikat tidak terbaca — Enter untuk memperbaiki;"), "\(list)")
        }
        screen.press(.moveDown, in: .verification)
        screen.checkpoint { list in
            #expect(list.selection?.contains("Hukuman: 05-02-2024") == true, "\(list)")
            #expect(list.shows("Ditolak verifikator: Nomor SK tidak sesuai — Enter untuk memperbaiki;"))
        }
        screen.press(.moveDown, in: .verification)
        screen.checkpoint { list in
            #expect(list.selection?.contains("Pendidikan: S-1") == true, "\(list)")
            #expect(list.shows("Ditolak verifikator: Ijazah S-1 belum dilegalisir — Enter untuk memperbaiki;"))
        }
        screen.press(.moveDown, in: .verification)
        screen.checkpoint { list in
            #expect(list.selection?.contains("SKP: 2024") == true, "\(list)")
            #expect(list.shows("Ditolak verifikator: SKP belum ditandatangani — Enter untuk memperbaiki;"))
        }
        screen.press(.moveUp, in: .verification)
        screen.press(.open, in: .verification)
        screen.checkpoint { page in
            // Each of the four dimensions says its rejected record is not counted, and what to do
            // (the explanation above it reads as if the record were missing).
            let notes = page.lines.filter { $0.contains("1 data ditolak verifikator, tidak dihitung: perbaiki (Enter) lalu simpan.") }
            #expect(notes.count == 4, "\(page)")
            #expect(page.selection?.contains("Universitas Udayana") == true, "\(page)")
            #expect(page.shows("Ditolak verifikator: Ijazah S-1 belum dilegalisir — Enter untuk memperbaiki;"))
            #expect(page.shows("setelah disimpan data diverifikasi ulang."))
        }
        screen.press(.open, in: .employee)
        screen.checkpoint { form in
            #expect(form.shows("Ubah Pendidikan"))
            #expect(form.shows("Ditolak verifikator: Ijazah S-1 belum dilegalisir — perbaiki isian lalu simpan;"), "\(form)")
        }
        screen.press(.back, in: .form)
        screen.press(.moveDown, in: .employee)  // the rejected fungsional course: its group comes before the seminar's
        screen.press(.open, in: .employee)
        screen.checkpoint { form in
            #expect(form.shows("Ubah Diklat/Kursus"), "\(form)")
            #expect(form.shows("Diklat Fungsional Analis"))
            #expect(form.shows("Ditolak verifikator: Sertifikat tidak terbaca — perbaiki isian lalu simpan;"), "\(form)")
        }
        let station = try Workstation(store: sari, screen: screen, language: .id, context: context)
        try station.run()
        screen.expectEveryCheckpointReached()
    }

    @Test func anAcceptedRecordsFormSaysNothingOfARejection() throws {
        let store = try makeStore()
        try store.setVerification([RecordID(kind: .pendidikan, id: 1)], status: .memenuhi, reason: "")
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.press(.search, in: .units)
        screen.enqueue(text: ayuNIP)
        screen.enqueue(.enter)
        screen.checkpoint { page in
            #expect(page.shows("Data Pegawai"), "\(page)")
            #expect(!page.shows("ditolak verifikator"))
        }
        screen.press(.open, in: .employee)
        screen.checkpoint { form in
            #expect(form.shows("Ubah Pendidikan"), "\(form)")
            #expect(!form.shows("Ditolak verifikator"))
        }
        let station = try Workstation(store: store, screen: screen, language: .id, context: TestClock.context())
        try station.run()
        screen.expectEveryCheckpointReached()
    }
}
