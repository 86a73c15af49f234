import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// Finding 14: the key bar of a Ya/Tidak dialog says what the dialog says: the no key of the
/// language, and what Enter answers (not "Enter Buka").
@Suite struct ConfirmKeyBarTests {
    func keyBar(_ language: Language, defaultYes: Bool) throws -> (bar: String, text: String) {
        let store = try makeStore()
        let app = try App(store: store, language: language, keymap: .standard, context: testContext, loadDemo: nil, importFile: nil)
        app.replaceAll(with: UnitListView(app: app))
        app.confirm("Hapus?", defaultYes: defaultYes, onYes: {})
        let grid = app.frame(size: Size(width: 80, height: 24))
        return (grid.line(23), grid.text)
    }

    @Test func indonesianDialogKeyBar() throws {
        let (bar, text) = try keyBar(.id, defaultYes: false)
        #expect(bar.trimmingCharacters(in: .whitespaces) == "Y Ya  T Tidak  Enter Tidak  Esc Batal")
        #expect(text.contains("[Y] Ya   [T] Tidak   Esc batal  (Enter = Tidak)"))
        #expect(try keyBar(.id, defaultYes: true).bar.contains("Enter Ya"))
    }

    @Test func englishDialogKeyBar() throws {
        let (bar, text) = try keyBar(.en, defaultYes: false)
        #expect(bar.trimmingCharacters(in: .whitespaces) == "Y Yes  N No  Enter No  Esc Cancel")
        #expect(text.contains("[Y] Yes   [N] No   Esc cancel  (Enter = No)"))
    }
}
