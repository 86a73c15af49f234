import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Findings of the fourth user test (three admins, a verifikator and a pimpinan on one city
/// database of 61 units at 80x24), each pressed by command name as the people did it.
@Suite struct UserTest4Tests {
    /// A unit admin's workstation opened on the province's root: DISDIK's admin pressed Down
    /// 19 times, KEC-UTARA's 50 times, before the first Enter of every session. The cursor now
    /// starts on the admin's own unit; others (operator, pimpinan) start at the top as before.
    @Test func aUnitAdminStartsOnTheirOwnUnit() throws {
        let store = try makeStore()
        try store.saveUnit(OrgUnit(kode: "DINKES", nama: "Dinas Kesehatan"))
        try store.saveUnit(OrgUnit(kode: "DISDIK", nama: "Dinas Pendidikan"))
        try store.saveUnit(OrgUnit(kode: "DISDIK.01", nama: "Sekretariat Dinas Pendidikan", induk: "DISDIK"))
        try store.saveAccount(Account(login: "admin-sekretariat", role: .admin, units: ["DISDIK.01"]))
        let admin = StoreContext(actor: "admin-sekretariat", now: testContext.now, timeZone: testContext.timeZone)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.checkpoint { units in
            #expect(units.selection?.contains("Sekretariat Dinas Pendidikan") == true, "\(units)")
        }
        screen.press(.open, in: .units)
        screen.checkpoint { list in
            #expect(list.frame.line(0).contains("Pegawai — Sekretariat Dinas Pendidikan"), "\(list)")
        }
        try Workstation(store: try store.reopened(as: admin), screen: screen, language: .id, context: admin).run()
        screen.expectEveryCheckpointReached()

        // The operator ("test", the first login) starts on the first unit.
        try run(store) { s in
            s.checkpoint { units in
                #expect(units.selection?.contains("Badan Kepegawaian") == true, "\(units)")
            }
        }
    }

    /// A score typed into the SKP form's Predikat: the form said to put it in Nilai (Esc, Tab,
    /// type again) where the bulk grid moves it. The form now moves it too (one rule,
    /// ``ScoreInPredikat``): the Predikat is left empty and unmarked, the Nilai holds the score.
    @Test func aScoreTypedInTheFormsPredikatMovesToTheEmptyNilai() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.search, in: .units)
            s.enqueue(text: "Budi")
            s.press(.open, in: .search)
            s.press(.addSKP, in: .employee)
            s.press(.nextField, in: .form)  // the year stays 2024
            s.enqueue(text: "88,5")
            s.press(.nextField, in: .form)
            s.checkpoint { form in
                #expect(form.shows("\"88,5\" adalah nilai angka: dipindah ke kolom Nilai."), "\(form)")
                #expect(form.line(containing: "Predikat")?.hasSuffix("!") == false, "not marked: \(form)")
                #expect(form.line(containing: "Predikat")?.contains("88,5") == false, "\(form)")
                #expect(form.line(containing: "Nilai (0-100)")?.contains("88,5") == true, "\(form)")
                #expect(!form.shows("Isi predikat atau nilai"), "\(form)")
            }
            s.press(.save, in: .form)
        }
        let saved = try store.records(nip: budiNIP)?.skp.map(\.value).first { $0.tahun == 2024 }
        #expect(saved?.nilai == 88.5)
        #expect(saved?.predikat == nil)
    }

    /// With a Nilai already typed, a score in the Predikat is not moved over it: the form says
    /// where it goes, as before.
    @Test func aScoreInThePredikatDoesNotOverwriteATypedNilai() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.search, in: .units)
            s.enqueue(text: "Budi")
            s.press(.open, in: .search)
            s.press(.addSKP, in: .employee)
            s.press(.nextField, in: .form)
            s.press(.nextField, in: .form)  // Predikat left empty
            s.enqueue(text: "90")
            s.press(.previousField, in: .form)
            s.enqueue(text: "88,5")
            s.press(.nextField, in: .form)
            s.checkpoint { form in
                #expect(form.shows("\"88,5\" adalah nilai angka"), "\(form)")
                #expect(!form.shows("dipindah ke kolom Nilai"), "\(form)")
            }
            s.press(.back)
            s.press(.confirmYes, in: .dialog)
        }
    }

    /// The bulk SKP grid's hint says "ketik predikat ... atau nilai", but `88,5` in the
    /// Predikat cell was refused as an unknown predikat. It moves to the row's Nilai cell.
    @Test func aScoreTypedInTheGridsPredikatMovesToNilai() throws {
        var grid = SKPGrid(year: 2021, employees: [Pegawai(nip: budiNIP, nama: "Budi", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana)], existing: [:])
        for c in "88,5" { grid.type(c) }
        let moved = grid.moveScoreToNilai()
        #expect(moved)
        #expect(grid.rows[0].predikat == "" && grid.rows[0].nilai == "88,5")
        for c in "12" { grid.type(c) }
        let filled = grid.moveScoreToNilai()
        #expect(!filled && grid.rows[0].nilai == "88,5", "a nilai already typed is not overwritten")
        let fresh = SKPGrid(year: 2021, employees: grid.rows.map(\.pegawai), existing: [:])
        for (text, moves) in [("baik", false), ("101", false), ("0", true), ("100", true), (" 76.25 ", true)] {
            var row = fresh
            for c in text { row.type(c) }
            #expect(row.moveScoreToNilai() == moves, "\(text)")
        }

        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.enqueue(text: "88.5")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.shows("\"88.5\" adalah nilai angka: dipindah ke kolom Nilai."), "\(grid)")
                #expect(grid.line(containing: "Budi Santoso")?.contains("88.5") == true, "\(grid)")
                #expect(!grid.shows("tidak dikenal"))
            }
        }
    }

    /// The queue's "Oleh" column was 8 wide: `uid 42401` (a login without a passwd entry,
    /// 9 characters) showed as `uid 424…`, so two admins could not be told apart.
    @Test func theQueueShowsAWholeNineCharacterLogin() throws {
        #expect(VerificationView.byWidth([]) == 8)
        #expect(VerificationView.byWidth(["ani", "uid 42401"]) == 9)
        #expect(VerificationView.byWidth([String(repeating: "x", count: 40)]) == 16)
        let store = try makeStore()
        try store.saveAccount(Account(login: "uid 42401", role: .operator))
        let other = StoreContext(actor: "uid 42401", now: testContext.now, timeZone: testContext.timeZone)
        try store.reopened(as: other).add(.skp(SKP(nip: budiNIP, tahun: 2023, predikat: .baik)))
        try run(store) { s in
            s.press(.verificationQueue, in: .units)
            s.checkpoint { queue in
                #expect(queue.shows("uid 42401"), "\(queue)")
                #expect(!queue.shows("uid 424…"))
            }
        }
    }
}
