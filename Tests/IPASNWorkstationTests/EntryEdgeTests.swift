import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Entry edges found in user tests (round 9): a second SKP of a year marked while typing, Tab
/// completion of the import path (a mark gone once corrected: `UnreadableFieldTests`).
@Suite struct EntryEdgeTests {
    /// Ayu has the SKP of 2024: typing 2024 into a new SKP's Tahun marks it at once, naming
    /// the year and the fix; another year takes the mark away.
    @Test func aSecondSKPOfAYearIsMarkedAsTheYearIsTyped() throws {
        let store = try makeStore()
        try run(store) { s in
            s.openAyu()
            s.press(.addSKP, in: .employee)
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "2023")
            s.checkpoint { form in
                #expect(form.line(containing: "Tahun SKP")?.hasSuffix("!") == false, "\(form)")
                #expect(!form.shows("sudah ada"), "\(form)")
            }
            s.enqueue(.backspace)
            s.enqueue(text: "4")
            s.checkpoint { form in
                #expect(form.line(containing: "Tahun SKP")?.hasSuffix("!") == true, "marked while typing: \(form)")
                let text = EventVerdictScreenTests.words(form.frame.text)
                #expect(text.contains("SKP tahun 2024 sudah ada untuk pegawai ini (satu SKP per tahun). Ubah SKP 2024 yang tersimpan"), "\(form)")
            }
            s.press(.nextField, in: .form)
            s.checkpoint { form in
                #expect(form.line(containing: "Tahun SKP")?.hasSuffix("!") == true, "still marked after Tab: \(form)")
            }
            s.press(.previousField, in: .form)
            s.enqueue(.backspace)
            s.enqueue(text: "2")
            s.checkpoint { form in
                #expect(form.line(containing: "Tahun SKP")?.hasSuffix("!") == false, "another year: \(form)")
                #expect(!form.shows("sudah ada"), "\(form)")
            }
            s.press(.back)
            s.press(.confirmYes, in: .dialog)
        }
    }

    /// A temporary folder: data/ with two pegawai files, a workbook, a sub-folder, a text file
    /// and a hidden file (the last two never offered).
    func importFolder() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "ipasn-tab")
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("arsip"), withIntermediateDirectories: true)
        for name in ["pegawai.csv", "pegawai_2024.csv", "diklat.xlsx", "catatan.txt", ".lama.csv"] {
            try Data("nip\n".utf8).write(to: data.appendingPathComponent(name))
        }
        return folder
    }

    @Test func tabCompletesTheImportPathAsAShellDoes() throws {
        let folder = try importFolder()
        defer { folder.remove() }
        let store = try makeStore()
        let root = folder.url.path
        try run(store, size: Size(width: 100, height: 30)) { s in
            s.press(.importFiles)
            s.enqueue(text: root + "/da")
            s.enqueue(.tab)
            s.checkpoint { c in #expect(c.shows(root + "/data/"), "a folder, with its /: \(c)") }
            s.enqueue(text: "p")
            s.enqueue(.tab)
            s.checkpoint { c in
                #expect(c.line(containing: root)?.hasSuffix(root + "/data/pegawai") == true, "the shared prefix: \(c)")
                #expect(!c.shows("pegawai_2024.csv"), "no list yet")
            }
            s.enqueue(.tab)
            s.checkpoint { c in
                #expect(c.line(containing: "pegawai.csv")?.contains("pegawai_2024.csv") == true, "the second Tab lists: \(c)")
            }
            s.enqueue(text: ".")
            s.enqueue(.tab)
            s.checkpoint { c in
                #expect(c.shows(root + "/data/pegawai.csv"), "\(c)")
                #expect(!c.shows("pegawai_2024.csv"), "typing hides the list")
            }
            s.enqueue(.escape)
        }
        // Only folders and .csv/.xlsx, hidden names left out; `~` is the home folder.
        let completion = PathCompletion(home: root, currentDirectory: "/")
        #expect(completion.complete("~/data/").candidates == ["arsip/", "diklat.xlsx", "pegawai.csv", "pegawai_2024.csv"])
        #expect(completion.complete("~/data/.").candidates == [".lama.csv"])
        #expect(completion.complete("~").text == "~/")
        #expect(completion.complete("~/d").text == "~/data/")
        #expect(completion.complete("~/data/x").candidates.isEmpty)
        #expect(completion.expanded("~/data/pegawai.csv") == root + "/data/pegawai.csv")
        #expect(PathCompletion(home: "/", currentDirectory: root).complete("data/ar").text == "data/arsip/")
    }
}
