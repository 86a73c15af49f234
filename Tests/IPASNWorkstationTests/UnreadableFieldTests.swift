import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Fourth user test: Tab left a date field holding `13/11/26` while the message row still
/// asked for the full year, so the correction `2026` went into JP. A field whose text cannot
/// be read now keeps the cursor on Tab; Shift-Tab still leaves it.
@Suite struct UnreadableFieldTests {
    @Test func tabKeepsTheCursorInADateItCannotRead() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat, in: .employee)
            s.enqueue(text: "seminar")
            s.press(.nextField)  // tingkat is skipped for a seminar
            s.enqueue(text: "Seminar Gizi")
            s.press(.nextField)
            s.press(.nextField)  // penyelenggara left empty
            s.enqueue(text: "13/11/24")
            s.press(.nextField)
            s.checkpoint { form in
                #expect(form.shows("memakai tahun dua angka. Tulis tahun lengkap"), "\(form)")
                #expect(form.line(containing: "Tanggal mulai")?.hasSuffix("!") == true, "marked: \(form)")
            }
            // The correction goes where the message points: the start date, not the next field.
            s.enqueue(.backspace)
            s.enqueue(.backspace)
            s.enqueue(text: "2024")
            // The mark and its message go as the field is corrected (a test usertest4b removed,
            // back through a path that exists), and stay gone once the cursor leaves it.
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal mulai")?.hasSuffix("!") == false, "\(form)")
                #expect(!form.shows("tahun dua angka"), "\(form)")
            }
            s.press(.nextField)
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal mulai")?.hasSuffix("!") == false, "\(form)")
            }
            s.enqueue(text: "13-11-2024")
            s.press(.nextField)
            s.enqueue(text: "4")
            s.checkpoint { form in
                #expect(form.line(containing: "Tanggal mulai")?.contains("13/11/2024") == true, "\(form)")
                #expect(!form.shows("tahun dua angka"), "\(form)")
            }
            s.press(.save)
            s.checkpoint { page in #expect(page.shows("Tersimpan:"), "\(page)") }
        }
        let saved = try store.records(nip: ayuNIP)?.diklat.map(\.value).first { $0.nama == "Seminar Gizi" }
        #expect(saved?.tanggalMulai == LocalDate(year: 2024, month: 11, day: 13))
        #expect(saved?.jp == 4)
    }

    @Test func shiftTabStillLeavesAnUnreadableDate() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addDiklat, in: .employee)
            s.enqueue(text: "seminar")
            s.press(.nextField)
            s.enqueue(text: "Seminar Gizi")
            s.press(.nextField)
            s.press(.nextField)
            s.enqueue(text: "31-02-2026")
            s.press(.nextField)
            s.checkpoint { form in
                #expect(form.shows("tanggal itu tidak ada"), "\(form)")
            }
            s.press(.previousField)  // back to Penyelenggara
            s.enqueue(text: "BKPSDM")
            s.checkpoint { form in
                #expect(form.line(containing: "Penyelenggara")?.contains("BKPSDM") == true, "\(form)")
                #expect(form.line(containing: "Tanggal mulai")?.contains("31-02-2026") == true, "kept: \(form)")
            }
            s.press(.back)
            s.press(.confirmYes, in: .dialog)
        }
    }

    /// The bulk course form shares the rule (``RecordForm/leaveField``): JP `24 JP` keeps the cursor.
    @Test func theRuleNamesTheReadableFindingsApart() {
        #expect(IssueCode.dateTwoDigitYear("13/11/24", full: "13/11/2026").isUnreadable)
        #expect(IssueCode.dateFormat("kemarin").isUnreadable)
        #expect(IssueCode.jpNotNumber("24 JP").isUnreadable)
        // A readable date the rules refuse (after today, end before start) lets the cursor on:
        // the admin may fix the other date.
        let day = LocalDate(year: 2026, month: 11, day: 13)!
        #expect(!IssueCode.endBeforeStart(start: day, end: day).isUnreadable)
        #expect(!IssueCode.required.isUnreadable)
    }
}
