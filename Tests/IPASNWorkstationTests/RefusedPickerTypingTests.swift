import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Fourth user test: `sosi` fits Sosial Kultural and Sosialisasi, Tab is refused, and the
/// name, organiser and dates an admin typed on by touch went into the jenis field. Now what
/// would make the picker fit nothing is not typed in, and the message row says so.
@Suite struct RefusedPickerTypingTests {
    @Test func typingOnAfterARefusedTabIsShownAsRefusedNotAppended() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat, in: .employee)
            s.enqueue(text: "sosi")
            s.press(.nextField, in: .form)  // refused: two choices
            s.enqueue(text: "Sosialisasi SKP")  // the name, typed on by touch
            s.checkpoint { form in
                #expect(form.line(containing: "Jenis diklat")?.contains("sosi ") == true, "nothing appended: \(form)")
                #expect(form.line(containing: "Jenis diklat")?.contains("Sosialisasi SKP") == false, "\(form)")
                #expect(
                    form.shows("Jenis diklat belum dipilih; \"Sosialisasi SKP\" tidak diketik. Pilih dulu:"), "\(form)")
            }
            s.press(.nextField, in: .form)  // still refused
            s.enqueue(text: "BKPSDM")
            s.checkpoint { form in
                #expect(form.line(containing: "Jenis diklat")?.contains("sosiBKPSDM") == false, "\(form)")
                #expect(form.shows("\"BKPSDM\" tidak diketik"), "only what followed the Tab: \(form)")
            }
            // The admin chooses: Down to the second candidate, Tab takes it; typing goes on normally.
            s.enqueue(.down)
            s.enqueue(.down)
            s.press(.nextField, in: .form)
            s.enqueue(text: "Sosialisasi SKP")
            s.checkpoint { form in
                #expect(form.line(containing: "Jenis diklat")?.contains("Sosialisasi") == true, "\(form)")
                #expect(form.line(containing: "Nama kegiatan")?.contains("Sosialisasi SKP") == true, "\(form)")
            }
            s.press(.back)
            s.press(.confirmYes, in: .dialog)
        }
    }

    /// A character that narrows the choice still goes in: `sosi` Tab, then `al k` fits Sosial Kultural only.
    @Test func aCharacterThatNarrowsTheChoiceIsTaken() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat, in: .employee)
            s.enqueue(text: "sosi")
            s.press(.nextField, in: .form)
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
