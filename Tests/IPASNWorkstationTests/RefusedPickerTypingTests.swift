import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Fourth user test: `sosi` fits Sosial Kultural and Sosialisasi, Tab was refused, and the
/// name, organiser and dates an admin typed on by touch went into the jenis field. The fix
/// then (round 4) refused those characters, and in round 7 a touch typist lost 60 of them, one
/// by one, without looking at the message row. Now (branch ux8) Tab on a text fitting several
/// choices moves on as the touch typist expects: what is typed next lands in the next fields,
/// the picker stays marked unchosen ("sosi", `!`), and the save sends the cursor back to it to
/// choose: nothing is saved that the admin did not choose.
@Suite struct RefusedPickerTypingTests {
    @Test func typingOnAfterATabOnSeveralChoicesLandsInTheNextFieldsAndTheSaveAsksForTheChoice() throws {
        let store = try makeStore()
        let before = try store.records(nip: ayuNIP)?.diklat.count ?? 0
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat, in: .employee)
            s.enqueue(text: "sosi")
            s.press(.nextField, in: .form)  // fits two: passed over, marked
            s.enqueue(text: "Sosialisasi SKP")  // the name, typed on by touch
            s.checkpoint { form in
                #expect(form.shows("Jenis diklat \"sosi\" belum dipilih (6 Sosial Kultural, 7 Sosialisasi)"), "\(form)")
            }
            s.press(.nextField, in: .form)
            s.enqueue(text: "BKPSDM")
            s.press(.nextField, in: .form)
            s.enqueue(text: "03-01-2025")
            s.press(.nextField, in: .form)
            s.enqueue(text: "03-01-2025")
            s.press(.nextField, in: .form)
            s.enqueue(text: "4")
            s.checkpoint { form in
                #expect(form.line(containing: "Jenis diklat")?.contains("sosi ") == true, "kept as typed: \(form)")
                #expect(form.line(containing: "Jenis diklat")?.hasSuffix("!") == true, "marked: \(form)")
                #expect(form.line(containing: "Nama kegiatan")?.contains("Sosialisasi SKP") == true, "\(form)")
                #expect(form.line(containing: "Penyelenggara")?.contains("BKPSDM") == true, "\(form)")
                #expect(form.line(containing: "JP (jam")?.hasSuffix(" 4") == true, "\(form)")
            }
            s.press(.save, in: .form)  // not saved: the cursor goes back to the picker
            s.checkpoint { form in
                #expect(form.shows("\"sosi\" cocok dengan 2 pilihan"), "\(form)")
                #expect(form.shows("Sosial Kultural") && form.shows("Sosialisasi "), "the list is open: \(form)")
            }
            // A character that fits no choice is still refused here, and named.
            s.enqueue(text: "x")
            s.checkpoint { form in
                #expect(form.line(containing: "Jenis diklat")?.contains("sosix") == false, "\(form)")
                #expect(form.shows("\"x\" tidak diketik"), "\(form)")
            }
            // The admin chooses the second candidate and saves.
            s.enqueue(.down)
            s.enqueue(.down)
            s.press(.nextField, in: .form)
            s.press(.save, in: .form)
        }
        let diklat = try #require(store.records(nip: ayuNIP)?.diklat.map(\.value))
        #expect(diklat.count == before + 1)
        let saved = try #require(diklat.first { $0.nama == "Sosialisasi SKP" })
        #expect(saved.jenis.nama == "Sosialisasi")
        #expect(saved.penyelenggara == "BKPSDM")
        #expect(saved.jp == 4)
    }

    /// Back in the marked picker (the save sent the cursor there), a character that narrows the
    /// choice goes in: `sosi` Tab, Ctrl-S, then `al k` fits Sosial Kultural only.
    @Test func aCharacterThatNarrowsTheChoiceIsTaken() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat, in: .employee)
            s.enqueue(text: "sosi")
            s.press(.nextField, in: .form)
            s.press(.save, in: .form)
            s.enqueue(text: "al k")
            s.press(.nextField, in: .form)
            s.checkpoint { form in
                #expect(form.line(containing: "Jenis diklat")?.contains("Sosial Kultural") == true, "\(form)")
                #expect(!form.shows("tidak diketik"), "\(form)")
            }
            s.press(.back)
            s.press(.confirmYes, in: .dialog)
        }
    }
}
