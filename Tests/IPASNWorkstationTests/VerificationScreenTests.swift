import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// The verifikator's queue (`V`), the reason dialog, the marks on the employee page, the
/// dashboard's "as entered" switch and the admin's rejected records, pressed by command name.
@Suite struct VerificationScreenTests {
    @Test func aVerifierAcceptsRejectsAndMovesOn() throws {
        let store = try makeStore()  // the acting login "test" is the operator: it may verify
        let pendidikanAyu = RecordID(kind: .pendidikan, id: 1)
        let fungsional = RecordID(kind: .diklat, id: 1)
        try run(store, size: Size(width: 100, height: 30)) { s in
            s.press(.verificationQueue, in: .units)
            s.checkpoint { queue in
                #expect(queue.shows("Verifikasi — Badan Kepegawaian"))
                #expect(queue.shows("5 dari 5 data belum diverifikasi, terbaru di atas"))
                // Newest first; all five were entered at one moment: kind order (pendidikan, diklat,
                // SKP), the newest id first.
                #expect(queue.selection?.contains("Budi Santoso") == true)
                #expect(queue.selection?.contains("Pendidikan: SLTA") == true)
            }
            s.press(.moveDown)
            s.checkpoint { queue in
                #expect(queue.selection?.contains("Pendidikan: S-1 30-08-2008") == true)
            }
            s.press(.acceptRecord)
            s.checkpoint { queue in
                #expect(queue.shows("Memenuhi syarat: S-1 Universitas Udayana."))
                #expect(queue.shows("4 dari 4 data belum diverifikasi"))
                #expect(queue.selection?.contains("10-05-2023") == true, "moved on to the next record (the seminar)")
            }
            s.press(.moveDown)
            s.press(.rejectRecord)
            s.checkpoint { dialog in
                #expect(dialog.shows("Alasan (apa yang harus diperbaiki admin):"))
            }
            s.enqueue(.enter)  // no reason: refused, the field named
            s.checkpoint { queue in
                #expect(queue.shows("Alasan wajib diisi"))
                #expect(queue.shows("4 dari 4 data belum diverifikasi"))
            }
            s.press(.rejectRecord)
            s.enqueue(text: "Sertifikat belum diunggah")
            s.enqueue(.enter)
            s.checkpoint { queue in
                #expect(queue.shows("Tidak memenuhi syarat: Diklat Fungsional Analis."))
                #expect(queue.shows("3 dari 3 data belum diverifikasi"))
                #expect(queue.selection?.contains("SKP: 2024") == true, "moved on to the next record")
            }
            s.press(.moveUp)
            s.checkpoint { queue in
                #expect(queue.selection?.contains("10-05-2023") == true)
                #expect(queue.shows("Seminar Manajemen ASN"), "the record whole on the bottom line")
            }
            s.press(.toggleDocument)
            s.checkpoint { queue in
                #expect(queue.shows("sertifikat diklat/kursus: ada."))
            }
            s.press(.open)
            s.checkpoint { page in
                // The page explains the score the store keeps: the rejected course is out (25 -> 10).
                #expect(page.shows("Kompetensi  10 / 40"))
                #expect(page.line(containing: "Diklat Fungsional Analis")?.contains(" ✗ ") == true, "\(page)")
                #expect(page.shows("✗ Alasan: Sertifikat belum diunggah"), "the reason on the line below")
                #expect(page.line(containing: "Universitas Udayana")?.contains(" ✓ ") == true)
                #expect(page.line(containing: "Seminar Manajemen ASN")?.contains("· D") == true)
            }
        }
        #expect(try store.verification(of: pendidikanAyu).status == .memenuhi)
        #expect(try store.verification(of: fungsional) == RecordVerification(
            status: .tidak, reason: "Sertifikat belum diunggah", by: "test", at: TestClock.now))
        #expect(try store.score(nip: ayuNIP, year: 2024)?.kompetensi == 10)
        #expect(try store.verification(of: RecordID(kind: .diklat, id: 2)).documentInHand)
    }

    @Test func theDashboardSwitchesBetweenVerifiedAndAsEntered() throws {
        let store = try makeStore()
        try store.setVerification([RecordID(kind: .diklat, id: 1)], status: .tidak, reason: "Ganda")
        try run(store, size: Size(width: 100, height: 30)) { s in
            s.press(.dashboard, in: .units)
            s.checkpoint { dash in
                #expect(dash.shows("terverifikasi"))
                // Ayu 55 (70 without her 15-point course) and Siti 5: 30 as verified, 37.5 as entered.
                #expect(dash.line(containing: "Bidang Pengembangan")?.contains("30,00") == true)
            }
            s.press(.figuresAsEntered)
            s.checkpoint { dash in
                #expect(dash.shows("sesuai input"))
                #expect(dash.line(containing: "Bidang Pengembangan")?.contains("37,50") == true)
            }
        }
    }

    @Test func anAdminSeesTheirRejectedRecordsWithReasons() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("ipasn.sqlite")
        let store = try makeStore(path: path)
        try store.saveAccount(Account(login: "sari", role: .admin, units: ["BKPSDM.1"]))
        try store.setVerification([RecordID(kind: .skp, id: 1)], status: .tidak, reason: "Dokumen SKP belum ditandatangani")
        let sariContext = TestClock.context(actor: "sari")
        let sari = try SQLiteStore(path: path, context: sariContext)
        let screen = VirtualScreen(size: Size(width: 100, height: 24))
        screen.checkpoint { units in
            #expect(units.shows("1 data Anda tidak memenuhi syarat: tekan V untuk melihat alasannya."))
        }
        screen.press(.verificationQueue, in: .units)
        screen.checkpoint { list in
            #expect(list.shows("Data Anda yang tidak memenuhi syarat"))
            #expect(list.selection?.contains("SKP: 2024  Baik") == true)
            #expect(list.shows("Dokumen SKP belum ditandatangani"))
        }
        // An admin cannot give verdicts: the keys are not on the list, the store would refuse.
        screen.press(.acceptRecord)
        screen.checkpoint { list in
            #expect(list.shows("Dokumen SKP belum ditandatangani"))
        }
        // Enter opens the page with the cursor on the rejected record (not on the first one).
        screen.press(.open, in: .verification)
        screen.checkpoint { page in
            #expect(page.shows("Data Pegawai"))
            #expect(page.shows("Pendidikan") || page.shows("pendidikan"))
            #expect(page.selection?.contains("2024") == true && page.selection?.contains("Baik") == true, "\(page.selection ?? "no selection")")
        }
        screen.press(.open, in: .employee)
        screen.checkpoint { form in #expect(form.shows("Ubah SKP")) }
        let station = try Workstation(store: sari, screen: screen, language: .id, context: sariContext)
        try station.run()
        screen.expectEveryCheckpointReached()
        #expect(try sari.verification(of: RecordID(kind: .skp, id: 1)).status == .tidak)
    }
}
