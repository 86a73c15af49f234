import Foundation
import IPASNCore
import IPASNTerminal
import Testing

@testable import IPASNStore
@testable import IPASNWorkstation

/// The workstation does no permission check of its own: the store refuses, the screen says why.
@Suite struct PermissionTests {
    /// The form opens for an employee of the admin's unit; the operator then hands the unit to
    /// another admin (the account now has DISDIK only): the save is refused by the store.
    /// (Opening a form on another unit's employee is refused at once: UserTest3Tests.)
    @Test func anAdminsSaveIntoAnotherUnitIsRefusedWithTheRuleAndTheFormKept() throws {
        let store = try makeStore()
        try store.saveUnit(OrgUnit(kode: "DISDIK", nama: "Dinas Pendidikan"))
        try store.saveAccount(Account(login: "test", role: .operator))
        try store.saveAccount(Account(login: "admin-disdik", role: .admin, units: ["BKPSDM.1"]))
        let context = StoreContext(actor: "admin-disdik", now: testContext.now, timeZone: testContext.timeZone)
        let admin = try store.reopened(as: context)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.openAyu()
        screen.enqueue(text: "k")
        screen.enqueue(text: "Teknis\tPelatihan Analisis Jabatan\tBPSDM Bali\t01-03-2024\t2024-03-05\t20")
        screen.enqueue(action: { _ in
            #expect(throws: Never.self) { try store.saveAccount(Account(login: "admin-disdik", role: .admin, units: ["DISDIK"])) }
        })
        screen.enqueue(.ctrl("s"))
        let station = try Workstation(store: admin, screen: screen, language: .id, context: context)
        try station.run()
        #expect(screen.everShowed("Unit BKPSDM.1 bukan unit Anda; data tidak disimpan."))
        #expect(screen.everShowed("Pelatihan Analisis Jabatan"))
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2)
    }

    /// A pimpinan only reads: the units screen's key bar offers no key that enters data, and
    /// pressing one (t: add a unit or employee; u: undo) says the store's rule at once,
    /// opening no form. A verifikator keeps the progress dialog (m), where marks are confirmed.
    @Test func aReadOnlyRoleIsToldAtOnceAndSeesNoKeysThatEnterData() throws {
        let store = try makeStore()
        try store.saveAccount(Account(login: "kepala", role: .pimpinan, units: []))
        try store.saveAccount(Account(login: "vera", role: .verifikator, units: []))
        for (login, role) in [("kepala", "pimpinan"), ("vera", "verifikator")] {
            let context = StoreContext(actor: login, now: testContext.now, timeZone: testContext.timeZone)
            let reader = try store.reopened(as: context)
            let screen = VirtualScreen(size: Size(width: 80, height: 24))
            var keyBar = ""
            screen.enqueue(action: { keyBar = $0.text.split(separator: "\n").last.map(String.init) ?? "" })
            screen.enqueue(text: "t")
            var afterT = ""
            screen.enqueue(action: { afterT = $0.text })
            screen.enqueue(text: "u")
            let station = try Workstation(store: reader, screen: screen, language: .id, context: context)
            try station.run()
            #expect(!keyBar.isEmpty)
            #expect(!keyBar.contains("Tambah") && !keyBar.contains("Batalkan"), "\(login): \(keyBar)")
            #expect(keyBar.contains("Tandai") == (role == "verifikator"))
            #expect(afterT.contains("Peran \(role) hanya dapat membaca"), "\(login): \(afterT)")
            #expect(afterT.contains("Daftar unit") || afterT.contains("Unit"), "still on the units screen")
        }
        let admin = try store.reopened(as: testContext)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        var keyBar = ""
        screen.enqueue(action: { keyBar = $0.text.split(separator: "\n").last.map(String.init) ?? "" })
        try Workstation(store: admin, screen: screen, language: .id, context: testContext).run()
        #expect(keyBar.contains("Tambah"), "an operator keeps the keys: \(keyBar)")
    }
}
