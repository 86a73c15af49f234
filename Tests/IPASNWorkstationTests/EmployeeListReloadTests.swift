import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// The unit's list drops its old rows before it reads them again (the province's list is
/// never held twice): coming back from an employee's page, the cursor is still on that
/// employee and the list is whole and in order.
@Suite struct EmployeeListReloadTests {
    @Test func backFromAPageTheCursorStaysOnTheEmployee() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)  // BKPSDM with its bidang: Budi, Ayu, Siti by name
            s.press(.moveDown, in: .employees)
            s.press(.moveDown, in: .employees)
            s.checkpoint { list in #expect(list.selection?.contains("Siti Rahma") == true) }
            s.press(.open, in: .employees)
            s.checkpoint { page in
                #expect(page.shows("Siti Rahma") && !page.shows("Budi Santoso"))
                // Meanwhile an employee is added who sorts first: Siti moves from the third
                // row to the fourth, so only the kept NIP (not the row number) finds her.
                #expect(throws: Never.self) {
                    try store.savePegawai(Pegawai(nip: "199505052020121001", nama: "Andi Wijaya", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
                }
            }
            s.press(.back)
            s.checkpoint { list in
                #expect(list.selection?.contains("Siti Rahma") == true)
                let names = ["Andi Wijaya", "Budi Santoso", "Ni Ketut Ayu Lestari", "Siti Rahma"]
                let lines = names.compactMap { name in list.lines.firstIndex { $0.contains(name) } }
                #expect(lines.count == 4 && lines == lines.sorted())
            }
        }
    }
}
