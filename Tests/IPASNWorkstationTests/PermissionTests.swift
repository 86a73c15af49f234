import Foundation
import IPASNCore
import IPASNTerminal
import Testing

@testable import IPASNStore
@testable import IPASNWorkstation

/// The workstation does no permission check of its own: the store refuses, the screen says why.
@Suite struct PermissionTests {
    @Test func anAdminsSaveIntoAnotherUnitIsRefusedWithTheRuleAndTheFormKept() throws {
        let store = try makeStore()
        try store.saveUnit(OrgUnit(kode: "DISDIK", nama: "Dinas Pendidikan"))
        try store.saveAccount(Account(login: "admin-disdik", role: .admin, units: ["DISDIK"]))
        let context = StoreContext(actor: "admin-disdik", now: testContext.now, timeZone: testContext.timeZone)
        let admin = try store.reopened(as: context)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.openAyu()
        screen.enqueue(text: "k")
        screen.enqueue(text: "Teknis\tPelatihan Analisis Jabatan\tBPSDM Bali\t01-03-2024\t2024-03-05\t20")
        screen.enqueue(.ctrl("s"))
        let station = try Workstation(store: admin, screen: screen, language: .id, context: context)
        try station.run()
        #expect(screen.everShowed("Unit BKPSDM.1 bukan unit Anda; data tidak disimpan."))
        #expect(screen.everShowed("Pelatihan Analisis Jabatan"))
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2)
    }
}
