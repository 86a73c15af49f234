import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Finding 16: three units share "Sekretariat"; the missing list and the `m` dialog name the
/// one meant as lists do (`DISDIK › Sekretariat`), and the missing list groups NIPs.
@Suite struct SharedUnitNameTests {
    func storeWithTwoSekretariats() throws -> SQLiteStore {
        let store = try makeStore()
        try store.saveUnit(OrgUnit(kode: "DINKES", nama: "Dinas Kesehatan"))
        try store.saveUnit(OrgUnit(kode: "DINKES.1", nama: "Sekretariat", induk: "DINKES"))
        try store.saveUnit(OrgUnit(kode: "DISDIK", nama: "Dinas Pendidikan"))
        try store.saveUnit(OrgUnit(kode: "DISDIK.1", nama: "Sekretariat", induk: "DISDIK"))
        try store.savePegawai(Pegawai(nip: "199203152020122001", nama: "Dewi Lestari", kodeUnit: "DISDIK.1", jenisJabatan: .pelaksana))
        return store
    }

    /// Tree order: BKPSDM, BKPSDM.1, DINKES, DINKES.1, DISDIK, DISDIK.1 (the sixth row).
    @Test func missingListAndMarkDialogNameTheUnitUniquely() throws {
        let store = try storeWithTwoSekretariats()
        _ = try run(store) { s in
            for _ in 0..<5 { s.press(.moveDown) }
            s.checkpoint { c in #expect(c.selection?.contains("Sekretariat") == true) }
            s.press(.missingRecords)
            s.checkpoint { c in
                #expect(c.frame.line(0).contains("Data Belum Lengkap — DISDIK › Sekretariat"))
                #expect(c.shows("19920315 202012 2 001 Dewi Lestari"), "\(c)")
            }
            s.press(.back)
            s.press(.markProgress, in: .units)
            s.checkpoint { c in
                #expect(c.shows("DISDIK › Sekretariat"), "\(c)")
            }
        }
    }
    /// User test 3: the employee list's title and the employee page's unit line said only
    /// "Sekretariat" (a DINKES admin was in DISDIK's without seeing it).
    @Test func theEmployeeListAndPageNameTheUnitUniquely() throws {
        let store = try storeWithTwoSekretariats()
        _ = try run(store) { s in
            for _ in 0..<5 { s.press(.moveDown) }
            s.press(.open, in: .units)
            s.checkpoint { c in
                #expect(c.frame.line(0).contains("Pegawai — DISDIK › Sekretariat"), "\(c)")
            }
            s.press(.open, in: .employees)
            s.checkpoint { c in
                #expect(c.frame.line(0).contains("Data Pegawai — Dewi Lestari"), "\(c)")
                #expect(c.shows("Unit: DISDIK › Sekretariat"), "\(c)")
            }
        }
    }
}
