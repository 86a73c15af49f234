import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// "Simpan & tambah lagi" (Ctrl-N) no longer reads the employee's page again after each save
/// (issue 14, branch save7): the page, hidden under the form, reloads when it is shown again.
/// What it shows then is what a fresh open shows, cell for cell; the form's draft goes with
/// the save, in the save's own transaction.
@Suite struct SaveAndAddPageTests {
    /// The frames a script captured at its checkpoints.
    final class Frames { var grids: [CellGrid] = [] }

    /// On Ayu's page: the top (cursor moved down and back: the message line cleared) and the
    /// end (the last record and the total).
    func capturePage(_ s: VirtualScreen, into frames: Frames) {
        s.enqueue([.down, .up])
        s.checkpoint { frames.grids.append($0.frame) }
        s.enqueue(.end)
        s.checkpoint { frames.grids.append($0.frame) }
    }

    @Test func thePageAfterSavesInARowIsTheFreshlyOpenedPage() throws {
        let store = try makeStore()
        let returned = Frames()
        try run(store) { s in
            s.openAyu()
            s.enqueue(text: "k")
            s.enqueue(text: "Teknis\tPelatihan Satu\tBPSDM Bali\t01-03-2024\t05-03-2024\t20")
            s.enqueue(.ctrl("n"))
            s.enqueue(text: "Pelatihan Dua\t\t02-04-2024\t03-04-2024\t10")
            s.enqueue(event: .tick)  // an idle tick: the form is kept as a draft
            s.checkpoint { _ in #expect((try? store.loadDrafts(owner: testContext.actor))?.count == 1) }
            s.enqueue(.ctrl("n"))
            s.checkpoint { form in
                #expect((try? store.loadDrafts(owner: testContext.actor))?.isEmpty == true, "saved: the draft went with the record")
                #expect(form.shows("Tambah Diklat/Kursus"), "still on the form: \(form)")
            }
            s.enqueue(text: "Pelatihan Tiga\t\t02-05-2024\t03-05-2024\t12")
            s.enqueue(.ctrl("n"))
            s.press(.back, in: .form)
            capturePage(s, into: returned)
        }
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 5)
        let fresh = Frames()
        try run(store) { s in
            s.openAyu()
            capturePage(s, into: fresh)
        }
        try #require(returned.grids.count == 2 && fresh.grids.count == 2)
        // 20 + 10 + 12 JP of teknis in 2024 on top of the fungsional diklat: the page says so.
        #expect(fresh.grids[1].text.contains("Pelatihan Tiga"), "\(fresh.grids[1].text)")
        for (after, opened) in zip(returned.grids, fresh.grids) {
            #expect(after == opened, "after the saves:\n\(after.text)\nfreshly opened:\n\(opened.text)")
        }
    }

    /// The form keeps the records it saved: a second SKP of the year just saved with Ctrl-N is
    /// marked as it is typed, as one saved before the form opened is.
    @Test func aSecondSKPOfTheYearJustSavedIsMarked() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addSKP, in: .employee)
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "2023")
            s.press(.nextField, in: .form)
            s.enqueue(text: "Sangat Baik")
            s.press(.saveAndAdd, in: .form)
            s.enqueue(text: "2023")
            s.checkpoint { form in
                #expect(form.line(containing: "Tahun SKP")?.hasSuffix("!") == true, "\(form)")
                #expect(form.shows("sudah ada"), "\(form)")
            }
            s.enqueue(.backspace)
            s.enqueue(text: "2")
            s.checkpoint { form in
                #expect(form.line(containing: "Tahun SKP")?.hasSuffix("!") == false, "another year: \(form)")
            }
        }
        #expect(try store.records(nip: ayuNIP)?.skp.map(\.value.tahun).sorted() == [2023, 2024])
    }
}
