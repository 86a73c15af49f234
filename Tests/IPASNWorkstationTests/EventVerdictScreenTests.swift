import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// A verdict for a whole event in the verifikator's queue (`M` accepts, `T` rejects with a
/// reason, after a question naming the event and the count), taken back by one undo; and the
/// undo question naming the verdict it brings back or takes away.
@Suite struct EventVerdictScreenTests {
    static let sitiNIP = "199001012019032003"

    /// The fixture with one sosialisasi for its three employees saved as a batch (diklat 3-5),
    /// Ayu's (diklat 3) accepted already.
    func storeWithEvent() throws -> SQLiteStore {
        let store = try makeStore()
        let course = { (nip: String) in
            Record.diklat(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(9)!, nama: "Sosialisasi SKP 2025", penyelenggara: "BKPSDM",
                    tanggalMulai: day("2024-05-14"), tanggalSelesai: day("2024-05-15"), jp: 8))
        }
        try store.addBatch([course(ayuNIP), course(budiNIP), course(Self.sitiNIP)], label: "Sosialisasi SKP")
        try store.setVerification([RecordID(kind: .diklat, id: 3)], status: .memenuhi, reason: "")
        return store
    }

    static func words(_ text: String) -> String {
        text.replacingOccurrences(of: "║", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func mAcceptsTheWholeEventAfterAskingAndOneUndoTakesItBack() throws {
        let store = try storeWithEvent()
        try run(store, size: Size(width: 100, height: 30)) { s in
            s.press(.verificationQueue, in: .units)
            s.checkpoint { queue in #expect(queue.shows("7 dari 7 data belum diverifikasi"), "\(queue)") }
            s.press(.moveDown)
            s.press(.moveDown)  // past the two pendidikan: the newest diklat, of the event
            s.checkpoint { queue in #expect(queue.selection?.contains("Sosialisasi") == true, "\(queue.selection ?? "-")") }
            s.press(.acceptEvent)
            s.checkpoint { dialog in
                let text = Self.words(dialog.frame.text)
                #expect(text.contains("Terima 2 data diklat 'Sosialisasi SKP 2025' (14-15 Mei 2024)?"), "\(dialog)")
                #expect(text.contains("1 data lain sudah diverifikasi dan dibiarkan."), "\(dialog)")
            }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { queue in
                let text = Self.words(queue.frame.text)
                #expect(text.contains("Memenuhi syarat: 2 data diklat 'Sosialisasi SKP 2025' (14-15 Mei 2024); 1 dilewati"), "\(queue)")
                #expect(queue.shows("5 dari 5 data belum diverifikasi"), "\(queue)")
                #expect(!queue.shows("Diklat: 15-05-2024"), "the event left the queue")
            }
            s.press(.undo, in: .verification)
            s.checkpoint { dialog in
                let text = Self.words(dialog.frame.text)
                #expect(text.contains("Batalkan putusan memenuhi syarat untuk 2 data diklat 'Sosialisasi SKP 2025'?"), "\(dialog)")
                #expect(text.contains("2 data kehilangan putusannya (kembali belum diverifikasi)."), "\(dialog)")
            }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { queue in
                #expect(queue.shows("7 dari 7 data belum diverifikasi"), "\(queue)")
            }
        }
        #expect(try store.verification(of: RecordID(kind: .diklat, id: 4)) == .unverified)
        #expect(try store.verification(of: RecordID(kind: .diklat, id: 5)) == .unverified)
        #expect(try store.verification(of: RecordID(kind: .diklat, id: 3)).status == .memenuhi, "judged before: left alone")
    }

    @Test func tRejectsTheEventWithOneReasonAfterAsking() throws {
        let store = try storeWithEvent()
        try run(store, size: Size(width: 100, height: 30)) { s in
            s.press(.verificationQueue, in: .units)
            s.press(.moveDown)
            s.press(.moveDown)
            s.press(.rejectEvent)
            s.checkpoint { dialog in
                #expect(dialog.shows("Alasan (apa yang harus diperbaiki admin):"), "\(dialog)")
                #expect(Self.words(dialog.frame.text).contains("2 data diklat 'Sosialisasi SKP 2025' (14-15 Mei 2024)"), "\(dialog)")
            }
            s.enqueue(text: "Daftar hadir belum ada")
            s.enqueue(.enter)
            s.checkpoint { dialog in
                #expect(Self.words(dialog.frame.text).contains("Tolak 2 data diklat 'Sosialisasi SKP 2025' (14-15 Mei 2024)?"), "\(dialog)")
            }
            s.press(.confirmYes, in: .dialog)
            s.checkpoint { queue in
                #expect(Self.words(queue.frame.text).contains("Tidak memenuhi syarat: 2 data diklat"), "\(queue)")
                #expect(queue.shows("5 dari 5 data belum diverifikasi"), "\(queue)")
            }
        }
        let rejected = RecordVerification(status: .tidak, reason: "Daftar hadir belum ada", by: "test", at: TestClock.now)
        #expect(try store.verification(of: RecordID(kind: .diklat, id: 4)) == rejected)
        #expect(try store.verification(of: RecordID(kind: .diklat, id: 5)) == rejected)
    }

    @Test func aRecordOfNoEventSaysSo() throws {
        let store = try makeStore()
        try run(store, size: Size(width: 100, height: 30)) { s in
            s.press(.verificationQueue, in: .units)
            s.press(.acceptEvent)  // on a pendidikan
            s.checkpoint { queue in
                #expect(Self.words(queue.frame.text).contains("Data ini bukan bagian dari satu kegiatan"), "\(queue)")
                #expect(queue.shows("5 dari 5 data belum diverifikasi"))
            }
        }
    }

    /// The undo question of an admin's correction says the rejection comes back, and the redo
    /// question that it goes.
    @Test func theUndoQuestionNamesTheVerdictItBringsBack() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        try shared.open("ops", session: "accounts").saveAccount(Account(login: "vera", role: .verifikator))
        let vera = try shared.open("vera", session: "vera-1")
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let id = RecordID(kind: .diklat, id: 1)
        try vera.setVerification([id], status: .tidak, reason: "JP salah")
        var course = try #require(try ani.store.records(nip: ayuNIP)?.diklat.first { $0.id == 1 }?.value)
        course.jp = 40
        try ani.store.update(id, to: .diklat(course))
        ani.type("u")
        #expect(ani.question.hasSuffix("? Data ini kembali berstatus ditolak oleh vera."), "\(ani.question)")
        ani.type("y")
        #expect(try ani.store.verification(of: id).status == .tidak)
        ani.type("U")
        #expect(ani.question.hasSuffix("? Status ditolak oleh vera pada data ini hilang: kembali belum diverifikasi."), "\(ani.question)")
        ani.type("y")
        #expect(try ani.store.verification(of: id).status == .belum)
        // A change that touches no verdict: the question as before.
        _ = try ani.store.add(.skp(SKP(nip: budiNIP, tahun: 2023, predikat: .baik)))
        ani.type("u")
        #expect(ani.question.hasSuffix("Budi Santoso?"), "\(ani.question)")
    }

    /// A verifikator (a reading role elsewhere) undoes their event verdict in the queue.
    @Test func aVerifikatorUndoesTheirEventVerdictInTheQueue() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        try shared.open("ops", session: "accounts").saveAccount(Account(login: "vera", role: .verifikator))
        let vera = try AdminTerminal(shared, actor: "vera", session: "vera-1")
        let id = RecordID(kind: .diklat, id: 1)
        #expect(try vera.store.setEventVerdict(.record(id), status: .memenuhi, reason: "").judged == 1)
        vera.type("V")
        vera.type("u")
        #expect(vera.question == "Batalkan putusan memenuhi syarat untuk 1 data diklat 'Diklat Fungsional Analis'? Status diterima oleh vera pada data ini hilang: kembali belum diverifikasi.")
        vera.type("y")
        #expect(try vera.store.verification(of: id) == .unverified)
    }
}
