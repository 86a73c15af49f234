import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Findings of the fifth user test (a city on one PostgreSQL server: three admins, a
/// verifikator and a pimpinan, each at their own 80x24 workstation), pressed by command name as
/// the people did it.
@Suite struct UserTest5Tests {
    /// Opens the bulk diklat form for BKPSDM's three and types a seminar up to its start date
    /// (10-05-2023), then Tab: the cursor is in the end date, which the form filled in.
    private func typeUpToTheEndDate(_ s: VirtualScreen) {
        s.press(.open, in: .units)  // BKPSDM: Budi, Ayu, Siti
        s.press(.selectAll)
        s.press(.addDiklat, in: .employees)
        s.enqueue(text: "seminar")
        s.press(.nextField)  // tingkat is passed over: only for struktural
        s.enqueue(text: "Seminar Kepegawaian")
        s.press(.nextField)
        s.press(.nextField)  // penyelenggara
        s.enqueue(text: "10-05-2023")
        s.press(.nextField)
    }

    private func endDates(_ store: SQLiteStore) throws -> [String] {
        try store.records(nip: budiNIP)?.diklat.filter { $0.value.nama == "Seminar Kepegawaian" }
            .map(\.value.tanggalSelesai.dayFirst) ?? []
    }

    /// DISDIK's admin typed a two-day sosialisasi for 30 by touch: start 24-11-2026 Tab, end
    /// 25-11-2026 Tab. The form had put the start date into the end date, a full 10-character
    /// field, so every typed character was dropped: the 30 records were saved ending
    /// 24-11-2026, and neither the form nor the review said a word. The end date the form
    /// suggests is now replaced by what is typed into it.
    @Test func aTypedEndDateReplacesTheOneTheFormSuggested() throws {
        let store = try makeStore()
        try run(store) { s in
            typeUpToTheEndDate(s)
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal selesai")?.contains("10-05-2023") == true, "suggested: \(form)")
            }
            s.enqueue(text: "12-05-2023")
            s.press(.nextField)
            s.enqueue(text: "8")
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal selesai")?.contains("12-05-2023") == true, "\(form)")
                #expect(form.line(containing: "Tanggal mulai")?.contains("10-05-2023") == true, "\(form)")
            }
            s.press(.save)
            s.checkpoint { review in #expect(review.shows("Tinjau: Seminar Kepegawaian — 3 peserta"), "\(review)") }
            s.press(.save)
        }
        #expect(try endDates(store) == ["12-05-2023"])
    }

    /// The suggestion is the admin's to edit too: a pasted end date replaces it, a Backspace
    /// edits it (the text stays, one character less), and a start date changed afterwards
    /// renews an end date nobody touched.
    @Test func aPastedEndDateReplacesTheSuggestionAndBackspaceEditsIt() throws {
        let store = try makeStore()
        try run(store) { s in
            typeUpToTheEndDate(s)
            s.enqueue(event: .paste("11-05-2023"))
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal selesai")?.contains("11-05-2023") == true, "\(form)")
            }
            s.enqueue(.backspace)
            s.enqueue(text: "4")
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal selesai")?.contains("11-05-2024") == true, "edited, not replaced: \(form)")
            }
        }
        let renewed = try makeStore()
        try run(renewed) { s in
            typeUpToTheEndDate(s)
            s.press(.previousField)  // back to the start date: the end date was not touched
            s.enqueue(.backspace)
            s.enqueue(text: "4")  // 10-05-2024
            s.press(.nextField)
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal selesai")?.contains("10-05-2024") == true, "renewed: \(form)")
            }
            s.enqueue(text: "13-05-2024")
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal selesai")?.contains("13-05-2024") == true, "\(form)")
            }
        }
    }
}
