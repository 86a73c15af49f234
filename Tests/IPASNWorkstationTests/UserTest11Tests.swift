import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The eleventh user test (a province's team on one PostgreSQL server; branch usertest11):
/// SIASN's refusals shown where the unit's admin works, and a save refused because another
/// admin saved meanwhile reloaded with the admin's input kept. On SQLite files here; the
/// reload's scenario runs on PostgreSQL too (``ConflictReloadScenario``).
@Suite struct UserTest11Tests {
    static let size = Size(width: 80, height: 24)

    /// A workstation on `store`, driven by keys.
    static func driver(_ store: SQLiteStore, size: Size = size) throws -> (ScreenDriver, App) {
        let station = try Workstation(store: store, screen: VirtualScreen(size: size), context: store.context)
        try station.start()
        let app = station.app
        return (ScreenDriver(press: { _ = app.handle(.key($0)) }, text: { app.frame(size: size).text }), app)
    }

    /// Opens the shared file as `login` (its own session).
    static func opener(_ path: String) -> (String) throws -> SQLiteStore {
        { login in try SQLiteStore(path: path, context: TestClock.context(actor: login, session: login)) }
    }

    static var keys: ConflictReloadScenario.Keys {
        let keymap = Keymap.standard
        return ConflictReloadScenario.Keys(
            reload: keymap.keys(for: .reloadStored, in: .form)[0], save: keymap.keys(for: .save, in: .form)[0],
            reloadName: keymap.keyText(for: .reloadStored, in: .form))
    }

    @Test func aRefusedRecordSaveReloadsTheOtherAdminsChangeKeepingTheInput() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut11")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        var stations: [App] = []
        try ConflictReloadScenario.run(
            open: { login in
                let (driver, app) = try Self.driver(try store(login))
                stations.append(app)
                return driver
            }, store: { try store($0) }, keys: Self.keys)
    }

    /// The employee form (`e`) refused because the operator renamed the employee meanwhile:
    /// the reload takes the new name and keeps the jenjang the admin typed.
    @Test func aRefusedEmployeeSaveReloadsTheNewNameKeepingTheTypedJenjang() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut11")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: "ani", role: .admin, units: ["ROOT"]))
        let (ani, app) = try Self.driver(try store("ani"))
        ani.type("/Budi\n")
        ani.type("e")
        #expect(app.top is PegawaiEditView)
        // Nama, Unit kerja, Tanggal mutasi, Jenis jabatan: four Tabs to Jenjang.
        ani.type("\t\t\t\tAnalis Kepegawaian")
        let shown = try #require(try ops.pegawai(nip: SmallProvince.nipB))
        var renamed = shown
        renamed.nama = "Budi Santoso"
        try ops.changePegawai(renamed, expecting: shown)
        ani.press(.ctrl("s"))
        ani.type("y")
        #expect(ani.flat.contains("Tidak disimpan: data ini sudah diubah atau dihapus oleh ops"), "\(ani.text())")
        #expect(ani.flat.contains("Ctrl-R,F5: muat data terbaru dengan isian Anda"))
        #expect(app.top is PegawaiEditView, "the form stays")
        ani.press(.ctrl("r"))
        let lines = ani.text().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.contains("Budi Santoso") && $0.hasSuffix("*") }, "the new name, marked: \(ani.text())")
        #expect(lines.contains { $0.contains("Analis Kepegawaian") && !$0.hasSuffix("*") })
        #expect(ani.flat.contains("Diubah oleh ops (tanda *): Nama pegawai. Isian Anda tetap: Jenjang/jabatan."), "\(ani.text())")
        #expect(try ops.pegawai(nip: SmallProvince.nipB)?.jenjang == "", "nothing saved by the reload")
        ani.press(.ctrl("s"))
        ani.type("y")
        let saved = try #require(try ops.pegawai(nip: SmallProvince.nipB))
        #expect(saved.nama == "Budi Santoso" && saved.jenjang == "Analis Kepegawaian", "\(ani.text())")
        // An untouched form follows another session's save by itself (the live refresh).
        ani.type("e")
        var moved = saved
        moved.jenjang = "Analis SDM Aparatur"
        try ops.changePegawai(moved, expecting: saved)
        _ = app.handle(.tick)
        #expect(app.top is PegawaiEditView)
        #expect(ani.text().split(separator: "\n").contains { $0.contains("Jenjang/jabatan") && $0.contains("Analis SDM Aparatur") }, "\(ani.text())")
        #expect(ani.flat.contains("Data diubah oleh ops: layar dimuat ulang."))
        ani.press(.ctrl("s"))
        #expect(ani.flat.contains("Tidak ada yang berubah; tidak disimpan."), "nothing to save over: \(ani.text())")
    }

    /// A course of Budi's (SUB) sent in SIASN batch #1 and refused by SIASN: the unit's admin
    /// sees it on the page (the SIASN column, a line with the reason, the message row), in the
    /// form (row 1 and what to do) and in `V`; once corrected the page says so, and the
    /// verifikator's queue marks it `S` with the reason.
    @Test func aSIASNRefusalIsShownOnThePageTheFormAndBothQueues() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut11")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        let course = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Bimtek Arsip")).id
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        try ops.saveAccount(Account(login: "sari", role: .admin, units: ["SUB"]))
        let vera = try store("vera")
        let batch = try SIASNLiveScenario.sendCourses(vera)
        try vera.markSIASNRefusals(batch: batch.number, [NewSIASNRefusal(id: course, reason: "Sertifikat tidak terbaca", line: 2)])

        // The admin's `V`: her rejected records, SIASN's refusal among them.
        let (list, _) = try Self.driver(try store("sari"))
        list.type("V")
        #expect(list.flat.contains("0 ditolak verifikator, 1 ditolak SIASN (tanda S); perbaiki lalu simpan."), "\(list.text())")
        #expect(list.text().split(separator: "\n").contains { $0.contains("S Budi") }, "\(list.text())")
        #expect(list.flat.contains("Ditolak SIASN (batch #1): Sertifikat tidak terbaca — Enter untuk memperbaiki"))

        let (sari, app) = try Self.driver(try store("sari"))
        sari.type("/Budi\n")
        let page = sari.text()
        #expect(page.contains("S#1"), "the SIASN column (round 12: one character): \(page)")
        #expect(page.contains("✗ Ditolak SIASN: Sertifikat tidak terbaca"))
        #expect(sari.flat.contains("Ditolak SIASN (batch #1): Sertifikat tidak terbaca — Enter untuk memperbaiki; setelah disimpan"))
        sari.press(.enter)
        #expect(app.top is RecordFormView)
        #expect(sari.text().contains("✗ Ditolak SIASN (batch #1): Sertifikat tidak terbaca"), "row 1 of the form")
        #expect(sari.flat.contains("perbaiki isian lalu simpan; data kembali ke verifikator dan ikut batch SIASN berikutnya"))
        // The certificate number SIASN could not read: six Tabs (Tingkat skipped), then Ctrl-S.
        sari.type("\t\t\t\t\t\tNS/2024/017")
        sari.press(.ctrl("s"))
        #expect(sari.flat.contains("Tersimpan"), "\(sari.text())")
        #expect(sari.text().contains("s#1"), "\(sari.text())")
        #expect(sari.text().contains("✗ Diperbaiki, ikut batch berikutnya (ditolak SIASN: Sertifikat"))
        #expect(try ops.siasnRefusals([course])[course]?.corrected == true)

        // The pending screen counts it until a batch sends it again.
        let (pending, _) = try Self.driver(vera)
        pending.type("P")
        #expect(pending.flat.contains("1 data ditolak SIASN (1 sudah diperbaiki); admin unit melihatnya dengan V."), "\(pending.text())")
        // The verifikator's queue: the corrected record marked S, the refusal on the message row.
        let (queue, _) = try Self.driver(vera)
        queue.type("V")
        #expect(queue.text().split(separator: "\n").contains { $0.contains("S Budi") }, "\(queue.text())")
        #expect(queue.flat.contains("Ditolak SIASN (batch #1): Sertifikat tidak terbaca — sudah diperbaiki"), "\(queue.text())")
        // The admin's list no longer holds it: corrected, it waits for the next batch.
        let (after, _) = try Self.driver(try store("sari"))
        after.type("V")
        #expect(!after.flat.contains("ditolak SIASN"), "\(after.text())")
    }
}
