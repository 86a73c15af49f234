import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The workstation edges the fifth user test left ("Not fixed"), pressed by command name or
/// by the keys the people pressed.
@Suite struct UXFixTests {
    /// Opens Ayu's fungsional course (01-03-2019 to 20-03-2019, 60 JP) in its edit form.
    private func editAyusCourse(_ admin: AdminTerminal) {
        admin.openAyu()
        admin.send(.down)
        admin.send(.down)
        admin.send(.enter)
    }

    private func ayusCourse(_ store: Store) throws -> Diklat? {
        try store.records(nip: ayuNIP)?.diklat.first { $0.value.nama == "Diklat Fungsional Analis" }?.value
    }

    /// An edit form's date field holds the saved date, full (10 characters): a new date typed
    /// over it was dropped without a word. Entering a date or number field now selects its
    /// text (drawn selected), and the first character typed replaces it; JP too.
    @Test func aDateTypedOverAnEditFormsSavedDateReplacesIt() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        editAyusCourse(ani)
        ani.type("\t\t\t\t")  // nama, penyelenggara, tanggal mulai, tanggal selesai (tingkat passed over)
        let form = try #require(ani.app.top as? RecordFormView)
        #expect(form.form.focused.key == "tanggal_selesai")
        #expect(form.form.focused.selected, "the saved date is selected on entry")
        ani.type("21-03-2019\t32")
        #expect(form.form.texts["tanggal_selesai"] == "21-03-2019")
        #expect(form.form.texts["jp"] == "32", "60 replaced, not 6032")
        ani.send(.ctrl("s"))
        let course = try #require(try ayusCourse(shared.open("check", session: "c")))
        #expect(course.tanggalSelesai.dayFirst == "21-03-2019")
        #expect(course.jp == 32)
    }

    /// Backspace or an arrow keeps the selected text and edits it. Free text (the name) is
    /// selected on entry too since round 8 (`UX9Tests`): End then types on at its end.
    @Test func anEditingKeyKeepsTheSelectedText() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        editAyusCourse(ani)
        ani.type("\t")
        let form = try #require(ani.app.top as? RecordFormView)
        #expect(form.form.focused.key == "nama" && form.form.focused.selected)
        ani.send(.end)
        ani.type(" II")
        #expect(form.form.texts["nama"] == "Diklat Fungsional Analis II")
        ani.type("\t\t\t")  // penyelenggara, tanggal mulai, tanggal selesai
        ani.send(.backspace)
        ani.type("8")
        #expect(form.form.texts["tanggal_selesai"] == "20-03-2018", "edited, not replaced")
        // Leaving and coming back selects it again.
        ani.send(.backTab)
        ani.send(.tab)
        #expect(form.form.focused.selected)
        // The screen draws the selected text as selected.
        let frame = ani.app.frame(size: AdminTerminal.size)
        let row = try #require(frame.lines().firstIndex { $0.contains("20-03-2018") })
        let selected = (0..<frame.width).filter { frame[row, $0].style == .selected }.map { frame[row, $0].grapheme }.joined()
        #expect(selected == "20-03-2018", "\(frame.text)")
    }

    /// The review of a bulk course showed the title, the participants and the score changes
    /// only: a wrong date could not be caught before the save. It now shows the event's
    /// dates, JP, jenis and penyelenggara at 80x24.
    @Test func theBulkReviewShowsTheCoursesDatesJPJenisAndOrganiser() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.selectAll)
            s.press(.addDiklat, in: .employees)
            s.enqueue(text: "seminar")
            s.press(.nextField)
            s.enqueue(text: "Seminar Kepegawaian")
            s.press(.nextField)
            s.enqueue(text: "BKN Regional X")
            s.press(.nextField)
            s.enqueue(text: "10-05-2023")
            s.press(.nextField)
            s.enqueue(text: "12-05-2023")
            s.press(.nextField)
            s.enqueue(text: "8")
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Tinjau: Seminar Kepegawaian — 3 peserta"), "\(review)")
                #expect(review.shows("10-05-2023 s.d. 12-05-2023 · 8 JP · Seminar · BKN Regional X"), "\(review)")
                #expect(review.shows("Siti Rahma"), "the participants still fit: \(review)")
            }
        }
    }

    /// A restored draft put the cursor in the first field, not where the admin was typing
    /// (Jurusan, when the SSH connection dropped). The draft keeps the field and the
    /// position; the restored form puts the cursor back there.
    @Test func aRestoredDraftPutsTheCursorWhereTheAdminWasTyping() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        ani.openAyu()
        ani.type("ps-1\t30-08-2008\tUniversitas Terbuka\tManajmen")
        for _ in 0..<3 { ani.send(.left) }  // back before "men": she was about to fix the typo
        ani.hangUp()

        let again = try AdminTerminal(shared, actor: "ani", session: "ani-2")
        #expect(again.text.contains("Ada isian Pendidikan untuk Ni Ketut Ayu Lestari"), "\(again.text)")
        again.type("y")
        let form = try #require(again.app.top as? RecordFormView)
        #expect(form.form.focused.key == "jurusan", "not the first field")
        again.type("e")
        #expect(form.form.texts["jurusan"] == "Manajemen")
        #expect(form.form.texts["nama_sekolah"] == "Universitas Terbuka")
    }

    /// `V` on the employee list did nothing, without a word; it works on the unit list and
    /// the dashboard. It now opens the same screen for the list's unit.
    @Test func vOnTheEmployeeListOpensTheQueueOfTheListsUnit() throws {
        let store = try makeStore()  // the acting login is the operator: the unit's queue
        try run(store) { s in
            s.press(.open, in: .units)
            s.checkpoint { list in #expect(list.shows("Pegawai — Badan Kepegawaian"), "\(list)") }
            s.enqueue(.char("V"))
            s.checkpoint { queue in
                #expect(queue.shows("Verifikasi — Badan Kepegawaian"), "\(queue)")
                #expect(queue.shows("5 dari 5 data belum diverifikasi"), "\(queue)")
            }
        }
    }

    /// Ctrl-L (the refresh command) now also redraws the whole terminal, in any screen and
    /// under a question, after something else wrote on it.
    @Test func ctrlLRedrawsTheWholeTerminal() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(.ctrl("l"))
            s.press(.open, in: .units)
            s.press(.addDiklat, in: .employees)  // a form
            s.enqueue(.ctrl("l"))
        }
        #expect(screen.invalidations == 2)
        #expect(Keymap.standard.command(for: .ctrl("l"), in: .form) == .refresh)
    }

    /// The SKP grid said "sudah punya SKP ... F3 ganti, F4 biarkan" on every row with the
    /// year's SKP as the cursor passed it. Such a row is now said quietly, without the
    /// choice, until the admin types in it.
    @Test func theGridAsksForTheChoiceOnlyOnceTheAdminTypesInTheRow() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.press(.nextRow)  // Ayu (SKP Baik 2024)
            s.checkpoint { grid in
                #expect(grid.shows("Ni Ketut Ayu Lestari sudah punya SKP 2024: Baik."), "\(grid)")
                #expect(!grid.text.contains("F3 ganti"), "\(grid)")
            }
            s.enqueue(text: "c")
            s.checkpoint { grid in
                let said = grid.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                #expect(said.contains("F3 ganti dengan isian baris ini, F4 biarkan"), "\(grid)")
            }
        }
    }
}
