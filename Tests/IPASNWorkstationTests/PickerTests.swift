import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// A picker takes only what the admin chose: the exact name, else the one choice that starts
/// with the text, else the one choice with a word that starts with it; otherwise nothing.
@Suite struct PickerTests {
    static let pickers: [(name: String, options: [PickerOption])] = [
        ("jenis diklat", Pickers.jenisDiklat(.bkn2019)), ("tingkat diklat", Pickers.leadership),
        ("tingkat pendidikan", Pickers.education), ("predikat", Pickers.predikat),
        ("tingkat hukuman", Pickers.hukuman), ("sesuai jabatan", Pickers.yesNo),
        ("jenis jabatan", Pickers.jenisJabatan), ("status", Pickers.status),
        ("unit", Pickers.units([
            OrgUnit(kode: "BKPSDM", nama: "Badan Kepegawaian"), OrgUnit(kode: "BKPSDM.1", nama: "Bidang Pengembangan", induk: "BKPSDM"),
            OrgUnit(kode: "DINKES", nama: "Dinas Kesehatan"),
        ])),
    ]

    /// The rule, written out plainly: the tiers one after the other; a tier with one choice
    /// decides, a tier with several means nothing is chosen.
    static func expected(_ options: [PickerOption], _ typed: String) -> PickerOption? {
        let q = typed.lowercased().split(separator: " ").joined(separator: " ")
        guard !q.isEmpty else { return nil }
        func names(_ o: PickerOption) -> [String] {
            let plain = ([o.value, o.label] + o.keywords.split(separator: " ").map(String.init)).map {
                $0.lowercased().split(separator: " ").joined(separator: " ")
            }
            // Punctuation inside names is optional: "elearning", "d3", "bkpsdm1".
            return plain + plain.map { $0.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "_", with: "") }
        }
        func wordsFrom(_ name: String) -> [String] {
            // Every tail of the name that starts a word (after a space or "(").
            var tails: [String] = []
            let chars = Array(name)
            for i in chars.indices.dropFirst() where (chars[i - 1] == " " || chars[i - 1] == "(") && chars[i] != " " {
                tails.append(String(chars[i...]))
            }
            return tails
        }
        let tiers: [(PickerOption) -> Bool] = [
            { names($0).contains(q) },
            { names($0).contains { $0.hasPrefix(q) } },
            { names($0).contains { wordsFrom($0).contains { $0.hasPrefix(q) } } },
        ]
        for tier in tiers {
            let hits = options.filter(tier)
            if hits.count == 1 { return hits[0] }
            if hits.count > 1 { return nil }
        }
        return nil
    }

    @Test func everyPrefixOfEveryChoiceOfEveryPickerFollowsTheRule() {
        var checked = 0
        for picker in Self.pickers {
            for option in picker.options {
                for name in [option.value, option.label] + option.keywords.split(separator: " ").map(String.init) {
                    for length in 1...name.count {
                        let typed = String(name.prefix(length))
                        let want = Self.expected(picker.options, typed)
                        #expect(PickerMatch.resolve(picker.options, typed) == want, "\(picker.name): \"\(typed)\"")
                        // Through the field, as Tab does it.
                        var field = FormField("x", kind: .picker(picker.options), text: typed)
                        let outcome = field.choose()
                        if let want {
                            #expect(outcome == .chosen(want) && field.text == want.value, "\(picker.name): \"\(typed)\"")
                        } else {
                            #expect(field.text == typed, "\(picker.name): \"\(typed)\" is left as typed")
                            if case .chosen = outcome { Issue.record("\(picker.name): \"\(typed)\" chose something") }
                        }
                        checked += 1
                    }
                }
                // The full value is always that choice.
                #expect(PickerMatch.resolve(picker.options, option.value) == option, "\(picker.name): \(option.value)")
            }
        }
        #expect(checked > 1000)
    }

    @Test func theCasesAdminsMet() {
        let jenis = Pickers.jenisDiklat(.bkn2019)
        #expect(PickerMatch.resolve(jenis, "sem")?.value == "Seminar", "not Workshop (of the seminar group)")
        #expect(PickerMatch.resolve(jenis, "sos") == nil, "Sosial Kultural or Sosialisasi")
        #expect(PickerMatch.resolve(jenis, "sosial") == nil)
        #expect(PickerMatch.resolve(jenis, "sosialis")?.value == "Sosialisasi")
        #expect(PickerMatch.resolve(jenis, "teknis")?.value == "Teknis", "exact before Bimbingan Teknis")
        #expect(PickerMatch.resolve(jenis, "bimbingan") == nil)
        #expect(PickerMatch.resolve(jenis, "bimtek")?.value == "Bimbingan Teknis")
        #expect(PickerMatch.resolve(jenis, "9")?.value == "Seminar", "the SIASN id")
        #expect(PickerMatch.resolve(jenis, "1")?.value == "Struktural", "id 1, not 10-19")
        #expect(PickerMatch.resolve(jenis, "tempat")?.value == "Bimbingan di Tempat Kerja")
        let predikat = Pickers.predikat
        #expect(PickerMatch.resolve(predikat, "b") == nil, "Baik, Buruk, Butuh Perbaikan")
        #expect(PickerMatch.resolve(predikat, "ba")?.value == "Baik", "not Sangat Baik")
        #expect(PickerMatch.resolve(predikat, "Baik")?.value == "Baik")
        #expect(PickerMatch.resolve(predikat, "sangat") == nil)
        #expect(PickerMatch.resolve(predikat, "sangat b")?.value == "Sangat Baik")
        #expect(PickerMatch.resolve(predikat, "perb")?.value == "Butuh Perbaikan")
        #expect(PickerMatch.resolve(predikat, "aik") == nil, "inside a word is never a choice")
        for word in ["pim", "PIM", "diklatpim", "pka", "pkp", "pkn"] {
            #expect(PickerMatch.resolve(jenis, word)?.value == "Struktural", "\(word) is a leadership course")
        }
        #expect(PickerMatch.resolve(Pickers.leadership, "pim") == nil)
        #expect(PickerMatch.resolve(Pickers.leadership, "pim i")?.value == "PIM I")
        #expect(PickerMatch.resolve(Pickers.leadership, "pim iv")?.value == "PIM IV")
        #expect(PickerMatch.resolve(Pickers.education, "s1")?.value == "S-1")
        #expect(PickerMatch.resolve(Pickers.education, "40")?.value == "S-1")
        #expect(PickerMatch.resolve(Pickers.education, "s") == nil)
        #expect(PickerMatch.resolve(Pickers.yesNo, "t")?.value == "Tidak")
        #expect(PickerMatch.resolve(Pickers.yesNo, "y")?.value == "Ya")
        #expect(PickerMatch.resolve(Pickers.hukuman, "ber")?.value == "Berat", "the canonical name, not the typed text")
        #expect(PickerMatch.resolve(jenis, "elearning")?.value == "E-Learning", "punctuation is optional")
        #expect(PickerMatch.resolve(Pickers.education, "diii")?.value == "D-III")
        #expect(PickerMatch.resolve(Pickers.education, "di")?.value == "D-I", "exactly D-I without its hyphen")
        #expect(PickerMatch.resolve(Pickers.education, "d-") == nil, "D-I, D-II, D-III, D-IV")
    }

    @Test func theGroupOfAJenisIsShownButNeverMatched() {
        let workshop = Pickers.jenisDiklat(.bkn2019)[3]
        #expect(workshop.value == "Workshop")
        #expect(workshop.listed.hasPrefix("4 Workshop · "), "the group is listed: \(workshop.listed)")
        #expect(PickerMatch.rank(workshop, "seminar") == nil)
    }

    @Test func arrowsChooseExplicitlyAndTypingForgetsTheArrowChoice() {
        var field = FormField("predikat", kind: .picker(Pickers.predikat), text: "b")
        #expect(field.shownHighlight == nil, "nothing is highlighted while ambiguous")
        var used = field.handle(.down)
        #expect(used && field.suggestions[0].value == "Baik" && field.shownHighlight == 0)
        used = field.handle(.down)
        #expect(used && field.resolvedOption?.value == "Butuh Perbaikan", "name prefixes first, in list order")
        used = field.handle(.char("a"))
        #expect(used)
        #expect(field.text == "ba" && field.highlight == nil)
        #expect(field.choose() == .chosen(Pickers.predikat[1]))
        #expect(field.text == "Baik")
    }

    @Test func aChosenValueIsLeftWithTheArrowsThroughEveryChoice() {
        var field = FormField("sesuai_jabatan", kind: .picker(Pickers.yesNo), text: "Ya")
        #expect(field.suggestions.map(\.value) == ["Ya", "Tidak"] && field.shownHighlight == 0)
        var used = field.handle(.down)
        #expect(used && field.resolvedOption?.value == "Tidak")
        #expect(field.choose() == .chosen(Pickers.yesNo[1]) && field.text == "Tidak")
        used = field.handle(.up)  // from Tidak (shown highlighted) up to Ya
        #expect(used && field.resolvedOption?.value == "Ya")
    }
}

@Suite struct PickerFormTests {
    /// Opens Ayu's diklat form and types `jenis` into the jenis field, then Tab.
    func diklat(_ s: VirtualScreen, jenis: String) {
        s.openAyu()
        s.enqueue(text: "k")
        s.enqueue(text: jenis)
        s.enqueue(.tab)
    }

    @Test func semThenTabSavesSeminar() throws {
        let store = try makeStore()
        try run(store) { s in
            diklat(s, jenis: "sem")
            s.enqueue(text: "Seminar Kepegawaian\tBKN\t01-03-2024\t01-03-2024\t8\t")  // tingkat skipped
            s.enqueue(.ctrl("s"))
        }
        let saved = try #require(try store.records(nip: ayuNIP)?.diklat.first { $0.value.nama == "Seminar Kepegawaian" })
        #expect(saved.value.jenis.nama == "Seminar")
    }

    /// `sos` fits two choices: Tab takes nothing, marks the field and moves on (what a touch
    /// typist types next lands in the next field, branch ux8); the save sends the cursor back to
    /// the picker with its list open, and saves nothing.
    @Test func sosThenTabChoosesNothingMarksTheFieldAndTheSaveReopensTheList() throws {
        let store = try makeStore()
        var afterTab = 0
        let screen = try run(store) { s in
            diklat(s, jenis: "sos")
            afterTab = s.pendingEventCount
            s.enqueue(.ctrl("s"))
        }
        let frame = screen.frames[afterTab]
        let lines = frame.lines()
        #expect(lines.contains { $0.hasPrefix(" Jenis diklat") && $0.contains("sos") && $0.contains("!") }, "marked")
        #expect(frame.text.contains("Jenis diklat \"sos\" belum dipilih (6 Sosial Kultural, 7 Sosialisasi)"), "\(frame)")
        let final = try #require(screen.lastFrame).lines()
        #expect(final.contains { $0.contains("6 Sosial Kultural") } && final.contains { $0.contains("7 Sosialisasi") }, "list open")
        #expect(screen.text.contains("\"sos\" cocok dengan 2 pilihan"))
        #expect(screen.text.contains("Tambah Diklat/Kursus"), "Ctrl-S did not save")
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2, "nothing saved")
    }

    @Test func anAmbiguousPickerIsChosenWithTheArrows() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            diklat(s, jenis: "sos")
            s.enqueue([.backTab, .down, .down, .tab])  // back to it, Sosial Kultural, then Sosialisasi
        }
        #expect(screen.line(containing: "Jenis diklat")?.contains("Sosialisasi") == true)
        #expect(screen.line(containing: "Jenis diklat")?.contains("!") == false, "the mark is gone once chosen")
    }

    @Test func skpBOrBaThenTabIsNeverSangatBaik() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(text: "/budi\n")
            s.enqueue(text: "n")
            s.enqueue(.tab)
            s.enqueue(text: "b")
            s.enqueue(.tab)
            s.enqueue(.ctrl("s"))
        }
        // Baik, Butuh Perbaikan, Buruk start with it; Sangat Baik has a word that does.
        #expect(screen.text.contains("\"b\" cocok dengan 4 pilihan"))
        #expect(try store.records(nip: budiNIP)?.skp.isEmpty == true, "nothing saved for \"b\"")
        #expect(!screen.text.contains("Kinerja     0 -> 30"), "the preview does not count Sangat Baik either")

        let fresh = try makeStore()
        try run(fresh) { s in
            s.enqueue(text: "/budi\n")
            s.enqueue(text: "n")
            s.enqueue(.tab)
            s.enqueue(text: "ba")
            s.enqueue(.tab)
            s.enqueue(.ctrl("s"))
        }
        let skp = try #require(try fresh.records(nip: budiNIP)?.skp.first?.value)
        #expect(skp.predikat == .baik && skp.tahun == 2024)
    }

    @Test func aDraftLeftWithAnAmbiguousPickerIsNotSavedUntilChosen() throws {
        let store = try makeStore()
        try store.saveDraft(Draft(
            form: "diklat", nip: ayuNIP, editing: nil,
            fields: ["jenis": "sos", "nama": "Sosialisasi Disiplin", "tanggal_mulai": "01-03-2024", "tanggal_selesai": "01-03-2024", "jp": "4", "sesuai_jabatan": "Ya"],
            savedAt: fixedNow), owner: testContext.actor)
        var restored = 0
        let screen = try run(store) { s in
            s.enqueue(text: "y")
            restored = s.pendingEventCount
            s.enqueue(.ctrl("s"))
        }
        // Restored with the jenis marked and the cursor on it.
        #expect(screen.frames[restored].lines().contains { $0.hasPrefix(" Jenis diklat") && $0.trimmingCharacters(in: .whitespaces).hasSuffix("!") })
        #expect(screen.text.contains("\"sos\" cocok dengan 2 pilihan"))
        #expect(try store.records(nip: ayuNIP)?.diklat.count == 2, "not saved")
    }

    /// The parent unit is changed only in "ubah unit" (`e`; "tambah unit dan pegawai" keeps an
    /// existing unit's fields locked), and its picker takes only an existing unit.
    @Test func theUnitPickerOfUbahUnitTakesOnlyAnExistingUnit() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(.down)  // Bidang Pengembangan (parent BKPSDM)
            s.enqueue(text: "e")  // ubah unit: the cursor is on the name
            s.enqueue(.tab)  // to the parent unit
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "bkpsdm")
            s.enqueue(.backTab)
            s.enqueue(.tab)
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "bidang")  // one unit has a word starting so: Bidang Pengembangan itself, left out
            s.enqueue(.backTab)
            s.enqueue(.ctrl("u"))
            s.enqueue(text: "DINAS")  // no such unit
            s.enqueue(.backTab)
        }
        let induk = { (frame: CellGrid) in frame.lines().first { $0.contains("Kode unit induk") } ?? "" }
        // "bkpsdm" is exactly the Badan (BKPSDM.1 only starts with it).
        #expect(screen.frames.contains { induk($0).hasSuffix(" BKPSDM") || induk($0).contains(" BKPSDM ") })
        #expect(screen.frames.contains { $0.text.contains("\"bidang\" tidak ada dalam daftar") }, "a unit is never its own parent")
        #expect(induk(screen.lastFrame!).contains("DINAS"), "an unknown unit is not replaced")
        #expect(screen.text.contains("\"DINAS\" tidak ada dalam daftar"))
        #expect(try store.units().first { $0.kode == "BKPSDM.1" }?.induk == "BKPSDM", "nothing saved")
    }
}
