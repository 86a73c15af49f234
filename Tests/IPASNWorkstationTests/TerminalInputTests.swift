import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// Raw terminal input (as PuTTY, tmux, screen, rxvt send it) through the real decoder into the
/// workstation: keys act as themselves, pastes are text, a too-small terminal takes nothing.
@Suite struct TerminalInputTests {
    static let esc = "\u{1B}"
    static func paste(_ text: String) -> String { esc + "[200~" + text + esc + "[201~" }

    /// The text of the form row whose label is `label` (after the label column).
    static func field(_ screen: VirtualScreen, _ label: String) -> String? {
        screen.line(containing: label).map { String($0.dropFirst(26)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func homeAndEndOfEveryTerminalEditTheFieldAndNeverAskToDiscard() throws {
        let store = try makeStore()
        let e = Self.esc
        let screen = try run(store) { s in
            s.openAyu()
            s.enqueue(text: "kTeknis\tPelatihan")
            // PuTTY/tmux/screen Home, then End; rxvt Home; xterm End; xterm application Home;
            // then keys nobody knows (they do nothing).
            s.enqueue(terminalInput: e + "[1~X" + e + "[4~Y" + e + "[7~Z" + e + "[FW" + e + "OHV" + e + "[99~" + e + "[1;5X")
        }
        #expect(!screen.everShowed("belum disimpan"), "Home/End never act as Esc")
        #expect(Self.field(screen, "Nama kegiatan") == "VZXPelatihanYW")
        #expect(!screen.text.contains("[F") && !screen.text.contains("~"), "no sequence is typed")
    }

    @Test func endOnAListMovesTheSelectionAndStaysOnTheScreen() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(terminalInput: Self.esc + "[4~")  // PuTTY End on the unit list
            s.enqueue(.enter)
        }
        // The last unit (Bidang Pengembangan, under the Badan) was selected and opened.
        #expect(screen.text.contains("Bidang Pengembangan"))
        #expect(screen.text.contains("Ni Ketut Ayu Lestari"))
        #expect(!screen.text.contains("Budi Santoso"), "the Bidang's list, not the Badan's")
    }

    @Test func pasteWithColoursIsCleanTextAndNeverOpensTheDiscardQuestion() throws {
        let store = try makeStore()
        let e = Self.esc
        let screen = try run(store) { s in
            s.openAyu()
            s.enqueue(text: "kTeknis\t")
            s.enqueue(terminalInput: Self.paste(e + "[1;31mPelatihan" + e + "[0m Kearsipan\u{7}" + e + "y"))
        }
        #expect(Self.field(screen, "Nama kegiatan") == "Pelatihan Kearsipan")
        #expect(!screen.text.contains("[0m") && !screen.everShowed("belum disimpan"))
    }

    @Test func aPastedSpreadsheetRowFillsTheFormFieldByField() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.openAyu()
            s.enqueue(text: "k")
            s.enqueue(terminalInput: Self.paste("Teknis\tPelatihan Arsip\tBPSDM Bali\t01-03-2024\t05-03-2024\t20\r\n"))
            s.enqueue(.ctrl("s"))
        }
        let records = try #require(try store.records(nip: ayuNIP))
        let saved = try #require(records.diklat.first { $0.value.nama == "Pelatihan Arsip" }?.value)
        #expect(saved.jenis.nama == "Teknis" && saved.penyelenggara == "BPSDM Bali" && saved.jp == 20)
        #expect(saved.tanggalMulai == day("2024-03-01") && saved.tanggalSelesai == day("2024-03-05"))
        #expect(screen.text.contains("Tersimpan"))
    }

    @Test func morePastedValuesThanFieldsAreReportedNotLost() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(terminalInput: "/" + Self.paste("budi"))
            s.enqueue(.enter)
            s.enqueue(text: "n")  // SKP form: tahun, predikat, nilai
            s.enqueue(.ctrl("u"))
            s.enqueue(terminalInput: Self.paste("2024\tBaik\t\textra\tmore"))
        }
        #expect(screen.text.contains("2 nilai terakhir dari tempelan tidak dimasukkan"))
        #expect(Self.field(screen, "Predikat") == "Baik")
    }

    @Test func aPasteNeverAnswersAQuestionNorRunsACommand() throws {
        let store = try makeStore()
        var afterPaste = 0
        let screen = try run(store) { s in
            // On the unit list "q" quits and "u" undoes: pasted, they are nothing.
            s.enqueue(terminalInput: Self.paste("qu"))
            s.openAyu()
            s.enqueue(text: "kTeknis")
            s.enqueue(.escape)
            s.enqueue(terminalInput: Self.paste("y"))
            afterPaste = s.pendingEventCount
            s.enqueue(text: "t")
        }
        #expect(try store.records(nip: ayuNIP)?.skp.count == 1, "nothing was undone")
        #expect(screen.frame(afterPaste).contains("belum disimpan"), "the question is still open")
        #expect(screen.text.contains("Tambah Diklat/Kursus") && screen.text.contains("Teknis"))
    }

    @Test func aPastedLineInTheSearchFieldSearchesAndDoesNotOpen() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(text: "/")
            s.enqueue(terminalInput: Self.paste("Ayu\r\n"))
        }
        #expect(screen.text.contains("Ni Ketut Ayu Lestari"))
        #expect(!screen.text.contains("Data Pegawai"), "the line break is not Enter")
    }
}

@Suite struct TooSmallTerminalTests {
    @Test func keysTypedWhileTooSmallNeverReachTheHiddenForm() throws {
        let store = try makeStore()
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.enqueue(text: "/ayu\nkTeknis\tPelatihan Tersembunyi")
        screen.enqueue(event: .resize(Size(width: 50, height: 12)))
        let small = screen.pendingEventCount
        screen.enqueue(event: .key(.escape))
        screen.enqueue(text: "y")  // would answer "buang isian?", which nobody could see
        screen.enqueue(event: .paste("zzz"))
        screen.enqueue(event: .key(.ctrl("s")))
        screen.enqueue(event: .resize(Size(width: 80, height: 24)))
        try Workstation(store: store, screen: screen, context: testContext).run()
        #expect(screen.frame(small).contains("Perbesar terminal"))
        #expect(screen.frame(small).contains("F10/Ctrl-C: keluar"))
        #expect(screen.text.contains("Tambah Diklat/Kursus"), "the form is still open")
        #expect(screen.text.contains("Pelatihan Tersembunyi") && !screen.text.contains("zzz"))
        #expect(try store.records(nip: ayuNIP)?.diklat.contains { $0.value.nama == "Pelatihan Tersembunyi" } == false)
    }

    @Test func quittingWhileTooSmallKeepsTheFormAsADraft() throws {
        let store = try makeStore()
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.enqueue(text: "/ayu\nkTeknis\tPelatihan Kecil")
        screen.enqueue(event: .resize(Size(width: 40, height: 10)))
        screen.enqueue(event: .key(.function(10)))
        screen.enqueue(text: "never read")
        try Workstation(store: store, screen: screen, context: testContext).run()
        #expect(screen.pendingEventCount == "never read".count, "F10 ended the program at once")
        #expect(try store.loadDrafts(owner: testContext.actor).first?.fields["nama"] == "Pelatihan Kecil")
    }
}
