import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// A clock the test moves (``StoreContext/now``): a window's autosave heartbeat.
final class MovingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment = TestClock.now

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return moment
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        moment = moment.addingTimeInterval(seconds)
        lock.unlock()
    }

    func context(actor: String, session: String) -> StoreContext {
        StoreContext(actor: actor, session: session, now: { self.now }, timeZone: TestClock.timeZone)
    }
}

/// The eighth user test's leftovers (branch ux9), each as the admins met it at 80x24.
@Suite struct UX9Tests {
    /// Round 8: Tab into the pegawai form's jenjang left the cursor at the end of "Pengelola
    /// Keuangan", and "Analis Keuangan" typed there became "Pengelola KeuanganAnalis
    /// Keuangan" (only the confirmation showed it). Entering any field holding text selects
    /// it (drawn selected); the first character typed replaces it.
    @Test func aJenjangTypedAfterTabInThePegawaiFormReplacesTheOldOne() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let setup = try shared.open("ops", session: "setup-2")
        try setup.savePegawai(
            Pegawai(nip: "199203032015031004", nama: "Cici Lestari", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana, jenjang: "Pengelola Keuangan"))
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        ani.type("/Cici")
        ani.send(.enter)
        ani.type("e")
        let form = try #require(ani.app.top as? PegawaiEditView)
        #expect(form.fields[form.focus].key == "nama" && form.fields[form.focus].selected, "the name too is selected on entry")
        ani.type("\t\t\t\t")  // unit, tanggal mutasi, jenis jabatan, jenjang
        #expect(form.fields[form.focus].key == "jenjang")
        #expect(form.fields[form.focus].selected)
        let frame = ani.app.frame(size: AdminTerminal.size)
        let row = try #require(frame.lines().firstIndex { $0.contains("Pengelola Keuangan") })
        let selected = (0..<frame.width).filter { frame[row, $0].style == .selected }.map { frame[row, $0].grapheme }.joined()
        #expect(selected == "Pengelola Keuangan", "drawn selected: \(frame.text)")
        ani.type("Analis Keuangan")
        #expect(form.fields[form.focus].text == "Analis Keuangan", "replaced, not appended")
        ani.send(.ctrl("s"))
        #expect(ani.question.contains("\"Pengelola Keuangan\" -> \"Analis Keuangan\""), "\(ani.question)")
        ani.type("y")
        #expect(try shared.open("check", session: "c").pegawai(nip: "199203032015031004")?.jenjang == "Analis Keuangan")
    }

    /// Round 8: a second window of the same login was offered the first window's open form as
    /// a draft (its idle autosave); restored and saved there, the first window's save was
    /// refused as a duplicate. A draft now belongs to its window: while that window is open
    /// (its autosave says so every 30 s) no other window is offered it; once it is closed, or
    /// silent for 90 s (killed), the next start offers it.
    @Test func aSecondWindowIsNotOfferedTheFirstWindowsOpenFormUntilThatWindowIsGone() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let clock = MovingClock()
        let first = try AdminTerminal(shared, context: clock.context(actor: "ani", session: "ani-1"))
        first.openAyu()
        first.type("kTeknis\tPelatihan jendela satu")
        first.tick()  // autosave
        let second = try AdminTerminal(shared, context: clock.context(actor: "ani", session: "ani-2"))
        #expect(!second.text.contains("Ada isian"), "the first window is open: \(second.text)")
        // The same form in the second window keeps a draft of its own.
        second.openAyu()
        second.type("kTeknis\tPelatihan jendela dua")
        second.tick()
        #expect(try shared.open("check", session: "c").loadDrafts(owner: "ani").count == 2)
        // A minute on, the first window's autosave says it is still there (nothing typed).
        clock.advance(60)
        first.tick()
        clock.advance(40)  // 100 s after the first window's form was written, 40 s after its heartbeat
        let third = try AdminTerminal(shared, context: clock.context(actor: "ani", session: "ani-3"))
        #expect(third.text.contains("Ada isian"), "the second window fell silent 100 s ago: \(third.text)")
        #expect(third.question.contains("Ni Ketut Ayu Lestari"))
        third.type("y")
        let restored = try #require(third.app.top as? RecordFormView)
        #expect(restored.form.texts["nama"] == "Pelatihan jendela dua", "the silent window's, not the open one's")
        #expect(third.app.modal == nil, "the first window's form is not offered: it is still open")
        // Adopted: the third window's draft replaces the second's, the first's stays.
        let kept = try shared.open("check", session: "c").loadDrafts(owner: "ani")
        #expect(Set(kept.compactMap(\.session)) == ["ani-1", "ani-3"])
        // The first window's terminal is closed: its draft is offered at once.
        first.hangUp()
        let fourth = try AdminTerminal(shared, context: clock.context(actor: "ani", session: "ani-4"))
        #expect(fourth.question.contains("Ada isian"), "\(fourth.text)")
        fourth.type("y")
        #expect((fourth.app.top as? RecordFormView)?.form.texts["nama"] == "Pelatihan jendela satu")
    }

    /// Round 8: the form opened on a rejected record named a similar course on its message
    /// row, not the verifikator's reason. Row 1 now says who rejected it, when and why, and
    /// stays while the admin types.
    @Test func theFormOfARejectedRecordShowsTheReasonWhoAndWhen() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let setup = try shared.open("ops", session: "setup-2")
        try setup.saveAccount(Account(login: "verif", role: .verifikator))
        let course = try #require(try setup.records(nip: ayuNIP)?.diklat.first)
        let verif = try SQLiteStore(path: shared.path, context: TestClock.context(actor: "verif", session: "v", at: TestClock.now))
        #expect(try verif.setVerification([RecordID(kind: .diklat, id: course.id)], status: .tidak, reason: "Sertifikat tidak terbaca") == 1)
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        ani.openAyu()
        ani.send(.down)
        ani.send(.down)
        ani.send(.enter)
        #expect(ani.app.top is RecordFormView)
        let reason = "✗ Ditolak verif 10-01 09:00: Sertifikat tidak terbaca"
        #expect(ani.app.frame(size: AdminTerminal.size).lines()[1].hasPrefix(" " + reason), "\(ani.text)")
        ani.type("\t\t")
        ani.send(.end)
        ani.type(" Lanjut\t")  // the organiser's message row, the line stays
        #expect(ani.app.frame(size: AdminTerminal.size).lines()[1].hasPrefix(" " + reason), "\(ani.text)")
    }

    /// ux8's leftover: after a picker's Tab with "sos" (two choices) the message "belum
    /// dipilih" was replaced at the next Tab and only the `!` stayed. It stays on the message
    /// row while the picker is marked and nothing more urgent is said.
    @Test func aPassedOverPickersMessageStaysAfterTheNextTab() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        ani.openAyu()
        ani.type("ksosial\t")
        #expect(ani.text.contains("\"sosial\" belum dipilih"), "\(ani.text)")
        ani.type("Sosialisasi Kinerja\tBKPSDM\t")
        #expect(ani.text.contains("\"sosial\" belum dipilih"), "still said two fields on: \(ani.text)")
        ani.send(.ctrl("s"))  // the save sends the cursor back to the picker
        ani.type("isasi\t")
        #expect(!ani.text.contains("belum dipilih"), "chosen: \(ani.text)")
    }

    /// ux8's leftover: the verifikator's queue showed the unit code only. The Unit column
    /// shows a sub-unit's short name (`Bid. Peng…`, Bidang Pengembangan: BKPSDM.1), a unit
    /// whose code is an acronym by it (`BKPSDM`), within 80 columns (10 wide, the record keeps
    /// its 21).
    @Test func theQueuesUnitColumnShowsAShortName() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.verificationQueue, in: .units)
            s.checkpoint { queue in
                #expect(queue.line(containing: "Budi Santoso")?.contains("BKPSDM ") == true, "\(queue)")
                #expect(queue.line(containing: "Ni Ketut Ayu")?.contains("Bid. Peng… ") == true, "\(queue)")
                #expect(queue.shows("Unit kerja"), "\(queue)")
            }
        }
        #expect(UnitShortName.short("Bidang PAUD dan Pendidikan Nonformal") == "Bid. PAUD & Pendidikan Nonformal")
        #expect(UnitShortName.short("DISDIK › Sekretariat") == "DISDIK Sekr.")
        #expect(
            UnitShortName.cells(["A", "B"], names: ["A": "Bid. Pembinaan SD", "B": "Bid. Pembinaan SMP"], width: 10)
                == ["Bid. Pe…SD", "Bid. P…SMP"])
        #expect(
            UnitShortName.cells(["DISDIK", "DISDIK.01"], names: ["DISDIK": "DISDIK", "DISDIK.01": "DISDIK Sekr."], width: 10)
                == ["DISDIK", "DISDIK Se…"], "a unit and its sub-unit: a plain cut")
    }
}
