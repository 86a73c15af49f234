import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// One admin's workstation, driven key by key (so that another admin can act in between).
final class AdminTerminal {
    let station: Workstation
    let store: SQLiteStore
    static let size = Size(width: 80, height: 24)

    /// A workstation on the shared file, as `ipasn` opens it: the store and the workstation
    /// share one context (login and session).
    init(_ shared: TwoAdminStation, actor: String, session: String) throws {
        store = try shared.open(actor, session: session)
        station = try Workstation(store: store, screen: VirtualScreen(size: AdminTerminal.size), context: store.context)
        try station.start()
    }

    /// A workstation on the shared file with a context of its own (a clock that moves).
    init(_ shared: TwoAdminStation, context: StoreContext) throws {
        store = try SQLiteStore(path: shared.path, context: context)
        station = try Workstation(store: store, screen: VirtualScreen(size: AdminTerminal.size), context: context)
        try station.start()
    }

    var app: App { station.app }
    var text: String { app.frame(size: AdminTerminal.size).text }
    /// The open Ya/Tidak question, whole (the screen wraps it).
    var question: String { (app.modal as? ConfirmDialog)?.question ?? "" }

    func send(_ key: Key) { _ = app.handle(.key(key)) }
    func type(_ text: String) {
        for c in text {
            switch c {
            case "\n": send(.enter)
            case "\t": send(.tab)
            default: send(.char(c))
            }
        }
    }
    func tick() { _ = app.handle(.tick) }
    func hangUp() { _ = app.handle(.signal(.hangup)) }
    func openAyu() {
        type("/Ayu")
        send(.enter)
    }
}

/// The fixture province on a file that two admins' processes share.
struct TwoAdminStation {
    let dir: URL
    let path: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent("shared.sqlite").path
        let setup = try open("ops", session: "setup")
        try setup.setMeasurementYear(2024)
        try setup.saveUnit(OrgUnit(kode: "BKPSDM", nama: "Badan Kepegawaian dan Pengembangan SDM"))
        try setup.saveUnit(OrgUnit(kode: "BKPSDM.1", nama: "Bidang Pengembangan", induk: "BKPSDM"))
        try setup.savePegawai(
            Pegawai(nip: ayuNIP, nama: "Ni Ketut Ayu Lestari", kodeUnit: "BKPSDM.1", jenisJabatan: .fungsional))
        try setup.savePegawai(Pegawai(nip: budiNIP, nama: "Budi Santoso", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
        try setup.add(
            .diklat(
                Diklat(
                    nip: ayuNIP, jenis: .fungsional, nama: "Diklat Fungsional Analis", tanggalMulai: day("2019-03-01"),
                    tanggalSelesai: day("2019-03-20"), jp: 60)))
        // "ops" (the first login) is the operator; the admins here may change anything too.
        for login in ["ani", "budi"] { try setup.saveAccount(Account(login: login, role: .operator)) }
    }

    func open(_ actor: String, session: String) throws -> SQLiteStore {
        try SQLiteStore(path: path, context: TestClock.context(actor: actor, session: session))
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

@Suite struct DraftsPerAdminTests {
    @Test func eachAdminIsOfferedOnlyTheirOwnDraft() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        ani.openAyu()
        ani.type("kTeknis\tPelatihan milik Ani")
        ani.tick()  // autosave
        let budi = try AdminTerminal(shared, actor: "budi", session: "budi-1")
        budi.openAyu()
        budi.type("n2024\tBaik")
        budi.tick()  // Budi's autosave must not replace Ani's draft
        ani.hangUp()

        let again = try AdminTerminal(shared, actor: "ani", session: "ani-2")
        #expect(again.text.contains("Ada isian Diklat/Kursus untuk Ni Ketut Ayu Lestari"), "Ani is offered her course")
        #expect(!again.text.contains("SKP"), "never Budi's SKP")
        again.type("y")
        #expect(again.text.contains("Pelatihan milik Ani"))
        // Declining (here: saving) Ani's never touches Budi's.
        let budiStore = try shared.open("budi", session: "check")
        #expect(try budiStore.loadDrafts(owner: "budi").map(\.form) == ["skp"])
    }

    @Test func decliningForgetsOnlyThatDraftAndOffersTheNext() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let store = try shared.open("ani", session: "setup-drafts")
        try store.saveDraft(Draft(form: "diklat", nip: ayuNIP, editing: nil, fields: ["nama": "satu"], savedAt: fixedNow), owner: "ani")
        try store.saveDraft(
            Draft(form: "skp", nip: budiNIP, editing: nil, fields: ["tahun": "2024"], savedAt: fixedNow.addingTimeInterval(60)),
            owner: "ani")
        try store.saveDraft(Draft(form: "diklat", nip: ayuNIP, editing: nil, fields: ["nama": "dua"], savedAt: fixedNow), owner: "budi")
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        #expect(ani.text.contains("Ada isian SKP untuk Budi Santoso"), "newest first")
        ani.type("t")
        #expect(ani.text.contains("Ada isian Diklat/Kursus untuk Ni Ketut Ayu Lestari"), "then the next one")
        ani.type("t")
        #expect(try store.loadDrafts(owner: "ani").isEmpty)
        #expect(try store.loadDrafts(owner: "budi").count == 1, "Budi's draft survives Ani's Tidak")
    }

    @Test func theSetupFormKeepsADraftToo() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let store = ani.store
        ani.type("t")
        #expect(ani.text.contains("Tambah unit dan pegawai"))
        ani.type("199001012019032003\tSiti Rahma")
        ani.hangUp()
        let draft = try #require(try store.loadDrafts(owner: "ani").first)
        #expect(draft.form == "setup" && draft.unit == "BKPSDM" && draft.fields["pegawai_nama"] == "Siti Rahma")
        let again = try AdminTerminal(shared, actor: "ani", session: "ani-2")
        #expect(again.text.contains("Ada isian tambah unit dan pegawai untuk Badan Kepegawaian"))
        again.type("y")
        #expect(again.text.contains("Siti Rahma"))
        // The cursor is back where Ani was typing (the name, ux7); Tab: jenis jabatan.
        again.type("\tpelaksana")
        again.send(.ctrl("s"))
        #expect(try store.pegawai(nip: "199001012019032003")?.nama == "Siti Rahma")
        #expect(try store.loadDrafts(owner: "ani").isEmpty, "saving forgets the draft")
    }
}

@Suite struct SetupNeverChangesAUnitTests {
    @Test func unitFieldsAreLockedWhenAddingToAnExistingUnit() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let store = ani.store
        ani.type("t")
        // Shift-Tab up past the employee fields cannot reach the unit's.
        for _ in 0..<5 { ani.send(.backTab) }
        ani.type("199001012019032003\tSiti Rahma\tpelaksana")
        ani.send(.ctrl("s"))
        #expect(try store.pegawai(nip: "199001012019032003")?.kodeUnit == "BKPSDM")
        #expect(try store.units().first { $0.kode == "BKPSDM" }?.nama == "Badan Kepegawaian dan Pengembangan SDM")
        #expect(try store.auditLog(limit: 20).filter { $0.subject == .unit("BKPSDM") && $0.action == .update }.isEmpty)
    }

    @Test func aNewUnitWithAnExistingCodeIsRefusedNotOverwritten() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        // The first-steps form (a new unit), while another admin created BKPSDM meanwhile.
        ani.app.push(SetupView(app: ani.app, unit: nil))
        ani.type("BKPSDM\tNama Yang Salah\t\t199001012019032003\tSiti Rahma\tpelaksana")
        ani.send(.ctrl("s"))
        #expect(ani.text.contains("Unit BKPSDM sudah ada"))
        #expect(try ani.store.units().first { $0.kode == "BKPSDM" }?.nama == "Badan Kepegawaian dan Pengembangan SDM")
        #expect(try ani.store.pegawai(nip: "199001012019032003") == nil)
    }

    @Test func anExistingNIPIsNotOverwritten() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let store = ani.store
        ani.type("t\(budiNIP)\tNama Lain\tpelaksana")
        ani.send(.ctrl("s"))
        #expect(ani.text.contains("sudah terdaftar"))
        #expect(try store.pegawai(nip: budiNIP)?.nama == "Budi Santoso")
    }

    @Test func ubahUnitAsksThenSavesWithItsOwnAuditRowAndUndo() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let store = ani.store
        ani.type("e")
        #expect(ani.text.contains("Ubah unit BKPSDM"))
        ani.send(.ctrl("u"))
        ani.type("BKPSDM Kota")
        ani.send(.ctrl("s"))
        #expect(ani.question == "Ubah unit BKPSDM: nama \"Badan Kepegawaian dan Pengembangan SDM\" -> \"BKPSDM Kota\"?")
        #expect(try store.units().first { $0.kode == "BKPSDM" }?.nama != "BKPSDM Kota", "not before Ya")
        ani.type("y")
        #expect(try store.units().first { $0.kode == "BKPSDM" }?.nama == "BKPSDM Kota")
        let row = try #require(try store.auditLog(limit: 1).first)
        #expect(row.subject == .unit("BKPSDM") && row.action == .update && row.session == "ani-1")
        #expect(row.old == .unit(OrgUnit(kode: "BKPSDM", nama: "Badan Kepegawaian dan Pengembangan SDM")))
        #expect(row.new == .unit(OrgUnit(kode: "BKPSDM", nama: "BKPSDM Kota")))
        ani.type("u")
        #expect(ani.question == "Batalkan perubahan unit BKPSDM Kota (BKPSDM)?")
        ani.type("y")
        #expect(try store.units().first { $0.kode == "BKPSDM" }?.nama == "Badan Kepegawaian dan Pengembangan SDM")
    }
}

@Suite struct SessionUndoWorkstationTests {
    @Test func undoNamesTheChangeAsksAndRedoes() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let store = ani.store
        ani.openAyu()
        ani.send(.down)
        ani.send(.down)
        ani.type("dy")  // deletes the fungsional diklat
        #expect(try store.records(nip: ayuNIP)?.diklat.isEmpty == true)
        // Budi, same login or not, adds a course meanwhile in his own session.
        let budi = try shared.open("ani", session: "other-terminal")
        try budi.add(
            .diklat(
                Diklat(
                    nip: budiNIP, jenis: JenisDiklat.withID(3)!, nama: "Kursus terminal lain", tanggalMulai: day("2024-03-01"),
                    tanggalSelesai: day("2024-03-02"), jp: 20)))
        ani.type("u")
        #expect(ani.question == "Batalkan penghapusan diklat 'Diklat Fungsional Analis' untuk Ni Ketut Ayu Lestari?")
        #expect(try store.records(nip: ayuNIP)?.diklat.isEmpty == true, "nothing before Ya")
        ani.type("y")
        #expect(ani.text.contains("Dibatalkan: penghapusan diklat 'Diklat Fungsional Analis'"))
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 1)
        #expect(try store.records(nip: budiNIP)?.diklat.count == 1, "the other session's course stays")
        ani.type("U")
        #expect(ani.question == "Ulangi penghapusan diklat 'Diklat Fungsional Analis' untuk Ni Ketut Ayu Lestari?")
        ani.type("y")
        #expect(try store.records(nip: ayuNIP)?.diklat.isEmpty == true)
        ani.type("u")
        ani.type("t")  // Tidak: nothing undone
        #expect(try store.records(nip: ayuNIP)?.diklat.isEmpty == true)
    }

    @Test func anImportOfThisSessionIsNamedAndUndoneWhole() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        func course(_ nip: String, _ nama: String) -> Record {
            .diklat(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(3)!, nama: nama, tanggalMulai: day("2024-03-01"),
                    tanggalSelesai: day("2024-03-02"), jp: 20))
        }
        // What the welcome screen's "impor berkas" does, in this session.
        var rows = ArrayRowSource(
            kind: .diklat, rows: [Line(2, .record(course(ayuNIP, "Impor 1"))), Line(3, .record(course(budiNIP, "Impor 2")))])
        #expect(try ani.store.importRows(&rows, skipInvalid: false).imported == 2)
        ani.type("u")
        #expect(ani.question == "Batalkan impor diklat (2 baris)?")
        ani.type("y")
        #expect(try ani.store.records(nip: budiNIP)?.diklat.isEmpty == true)
        #expect(try ani.store.records(nip: ayuNIP)?.diklat.map(\.value.nama) == ["Diklat Fungsional Analis"])
        ani.type("U")
        #expect(ani.question == "Ulangi impor diklat (2 baris)?")
        ani.type("y")
        #expect(try ani.store.records(nip: budiNIP)?.diklat.map(\.value.nama) == ["Impor 2"])
    }

    @Test func aNewSessionHasNothingToUndo() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ops = try AdminTerminal(shared, actor: "ops", session: "restarted")
        let store = ops.store
        ops.type("u")
        #expect(ops.text.contains("Tidak ada perubahan yang bisa dibatalkan."), "the setup session's saves are not this one's")
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 1)
    }

    @Test func undoRefusalSaysWhoChangedTheData() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let store = ani.store
        ani.openAyu()
        ani.type("hringan\t01-06-2024\tteguran lisan")
        ani.send(.ctrl("s"))
        let id = try #require(try store.records(nip: ayuNIP)?.disiplin.first?.id)
        let budi = try shared.open("budi", session: "b")
        try budi.update(
            RecordID(kind: .disiplin, id: id),
            to: .disiplin(HukumanDisiplin(nip: ayuNIP, tingkat: .sedang, tmt: day("2024-06-01"), jenis: "penundaan")))
        ani.type("uy")
        #expect(ani.text.contains("Tidak dibatalkan: data sudah diubah oleh budi."))
        #expect(try store.records(nip: ayuNIP)?.disiplin.first?.value.tingkat == .sedang)
    }
}

@Suite struct LiveRefreshTests {
    @Test func anotherAdminsSaveShowsUpOnTheNextIdleTick() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "a")
        ani.openAyu()
        ani.tick()
        #expect(!ani.text.contains("Data diubah oleh"), "nothing changed: nothing said")
        let budi = try shared.open("budi", session: "b")
        try budi.add(
            .diklat(
                Diklat(
                    nip: ayuNIP, jenis: JenisDiklat.withID(3)!, nama: "Kursus dari Budi", tanggalMulai: day("2024-03-01"),
                    tanggalSelesai: day("2024-03-02"), jp: 20)))
        #expect(!ani.text.contains("Kursus dari Budi"))
        ani.tick()
        #expect(ani.text.contains("Kursus dari Budi"), "the page reloaded")
        #expect(ani.text.contains("Data diubah oleh budi: layar dimuat ulang."))
    }

    @Test func theWelcomeScreenMakesWayWhenAnotherAdminFillsTheDatabase() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("empty.sqlite").path
        let context = TestClock.context(actor: "ani", session: "a")
        let store = try SQLiteStore(path: path, context: context)
        let station = try Workstation(store: store, screen: VirtualScreen(size: AdminTerminal.size), context: context)
        try station.start()
        #expect(station.app.top is WelcomeView)
        try store.saveAccount(Account(login: "budi", role: .operator))
        let budi = try SQLiteStore(path: path, context: TestClock.context(actor: "budi", session: "b"))
        try budi.saveUnit(OrgUnit(kode: "BKPSDM", nama: "Badan Kepegawaian"))
        _ = station.app.handle(.tick)
        let text = station.app.frame(size: AdminTerminal.size).text
        #expect(station.app.top is UnitListView)
        #expect(text.contains("Badan Kepegawaian") && text.contains("Data diubah oleh budi"))
    }

    @Test func anOpenFormKeepsItsInputAndIsTold() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "a")
        ani.openAyu()
        ani.type("kTeknis\tPelatihan Ani")
        let budi = try shared.open("budi", session: "b")
        try budi.savePegawai(Pegawai(nip: budiNIP, nama: "Budi S.", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
        ani.tick()
        #expect(ani.text.contains("Data diubah oleh budi. Isian Anda tetap"))
        #expect(ani.text.contains("Pelatihan Ani"))
    }

    @Test func ownSavesAreNotAnnouncedAsSomeoneElses() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "a")
        ani.openAyu()
        ani.type("hringan\t01-06-2024\tteguran lisan")
        ani.send(.ctrl("s"))
        ani.tick()
        #expect(!ani.text.contains("Data diubah oleh"))
        #expect(ani.text.contains("Tersimpan"))
    }
}
