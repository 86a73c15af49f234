import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// Nothing cut without a sign on the workstation's screens.
@Suite struct NothingCutTests {
    /// Four findings of about 80 characters each: more than two rows at 80 columns.
    @Test func longMessagesTakeTheRowsTheyNeed() throws {
        let store = try makeStore()
        let app = try App(
            store: store, language: .id, keymap: .standard, context: testContext, loadDemo: nil, importFile: nil)
        app.replaceAll(with: UnitListView(app: app))
        let findings = (1...4).map { "Temuan \($0): tanggal selesai tidak boleh sebelum tanggal mulai; periksa kembali isiannya." }
        app.fail(findings.joined(separator: " "))
        let text = app.frame(size: Size(width: 80, height: 24)).text
        let words = findings.joined(separator: " ").split(separator: " ")
        let shown = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        for word in ["Temuan", "4:", "isiannya."] { #expect(shown.contains(Substring(word))) }
        #expect(words.allSatisfy { shown.contains($0) }, "every word of the message is on screen")

        // On a 60x16 screen at most a third of the rows: the last one ends with "…".
        app.fail(String(repeating: findings[0] + " ", count: 8))
        let small = app.frame(size: Size(width: 60, height: 16)).lines()
        let messageRows = small.filter { $0.contains("Temuan") || $0.contains("tanggal") }
        #expect(messageRows.count == 5)
        #expect(small.contains { $0.hasSuffix(" …") })
    }

    /// A long file path in a question is split, not cut at the dialog's edge.
    @Test func dialogsSplitWordsWiderThanTheBox() {
        let path = "/home/admin/data/impor-2026/" + String(repeating: "sangat-panjang-", count: 6) + "pegawai.csv"
        let lines = Dialogs.wrap("Impor \(path)?", width: 40)
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == "Impor\(path)?")
        #expect(lines.allSatisfy { DisplayWidth.width(of: $0) <= 40 })
    }

    @Test func dashboardSummaryAndCountsAreWhole() throws {
        let store = try makeStore()
        let screen = try run(store, size: Size(width: 60, height: 20)) { s in s.enqueue(.function(5)) }
        let summary = try #require(screen.lastFrame?.lines()[1])
        #expect(summary.contains("2 unit (2 dlm proses). Hari ini"), "\(summary)")
        #expect(summary.contains("minggu ini"))
        #expect(!summary.contains("…"))
        // Seven-digit counts widen their columns instead of being cut.
        let wide = DashboardView.Layout(width: 80, digits: 7)
        #expect(wide.today == 7 && wide.week == 7)
        #expect(wide.name == DashboardView.Layout(width: 80).name - 2)
        // The wide layout's "Selesai" header is whole.
        let header = try #require(
            try run(store, size: Size(width: 140, height: 24)) { s in s.enqueue(.function(5)) }.lastFrame?.lines()[2])
        #expect(header.contains("Lengkap Selesai"), "\(header)")
    }
}

@Suite struct WideCategoryTests {
    /// A BKD's own, longer category names: the gainers list's category column grows to the
    /// whole change in a wide layout (it was 23 columns and cut "… -> …" short).
    @Test func gainersShowTheWholeCategoryChange() throws {
        let store = try makeInterventionStore()
        var ruleset = try store.ruleset()
        ruleset.id = "bkd-kategori-panjang"  // a changed ruleset never carries its base's id
        ruleset.categories = [
            CategoryBand(min: 91, name: "Sangat Tinggi Sekali"), CategoryBand(min: 81, name: "Tinggi"),
            CategoryBand(min: 71, name: "Sedang Menuju Tinggi"), CategoryBand(min: 61, name: "Rendah"),
            CategoryBand(min: 0, name: "Sangat Rendah Sekali"),
        ]
        try store.setRuleset(ruleset)
        var list = 0
        let (screen, _) = try runStation(store, size: Size(width: 140, height: 30)) { s in
            s.enqueue(text: "i")
            s.enqueue(text: "s")  // units with their sub-units (the default is each unit's own employees)
            s.enqueue(.down)  // Dinas Perhubungan, teknis (second by the rise of the index)
            s.enqueue(.enter)
            list = s.pendingEventCount
        }
        let people = screen.frames[list + 1].lines().filter { $0.hasPrefix(" 19") }
        #expect(people.first?.contains("Sangat Rendah Sekali -> Sedang Menuju Tinggi") == true, "\(people)")
    }
}
