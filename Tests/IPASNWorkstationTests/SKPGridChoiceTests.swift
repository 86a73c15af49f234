import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The bulk SKP grid shows an employee's stored SKP of the year and lets the admin choose per
/// row: ganti (replace, an edit with the lost-update check) or biarkan (keep); an undecided
/// row is not saved. Fixture (`makeStore`): BKPSDM with Budi (SLTA, no SKP: total 10), Ayu
/// (SKP Baik 2024: total 70, kinerja 25) and Siti (nothing: 5); here Siti also gets SKP
/// Cukup, nilai 70 (kinerja 15: total 20). Unit mean before: (10 + 70 + 20) / 3 = 33.33.
@Suite struct SKPGridChoiceTests {
    let sitiNIP = "199001012019032003"

    func storeWithSiti(path: String? = nil) throws -> SQLiteStore {
        let store = try makeStore(path: path)
        try store.add(.skp(SKP(nip: sitiNIP, tahun: 2024, predikat: .cukup, nilai: 70)))
        return store
    }

    /// Whether the frame shows `text`, also when the status line wraps it over two rows.
    func says(_ frame: ScreenCheckpoint, _ text: String) -> Bool {
        frame.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains(text)
    }

    func ayusSKP(_ store: Store) throws -> [StoredRecord<SKP>] { try store.records(nip: ayuNIP)?.skp ?? [] }

    /// Budi new Sangat Baik (kinerja 0 -> 30, total 10 -> 40); Ayu ganti Baik -> Cukup
    /// (kinerja 25 -> 15, total 70 -> 60); Siti biarkan (Cukup 70 stays, her typed Baik is
    /// not saved). Unit mean (40 + 60 + 20) / 3 = 40.00. Undo restores Ayu's Baik under its id.
    @Test func newReplaceAndKeepAreReviewedRowByRowSavedInOneStepAndUndoneExactly() throws {
        let store = try storeWithSiti()
        let ayuBefore = try ayusSKP(store)
        let auditBefore = try store.auditLog(limit: 100).count
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.checkpoint { grid in
                let siti = try #require(grid.line(containing: "Siti Rahma"))
                #expect(siti.contains("Cukup 70"), "the stored predikat and nilai")
                #expect(grid.line(containing: "Budi Santoso")?.contains(" - ") == true)
            }
            s.enqueue(text: "sb")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.line(containing: "Budi Santoso")?.hasSuffix("baru") == true, "\(grid)")
                // Nothing typed in Ayu's row yet: said quietly, no choice asked (uxfix).
                #expect(says(grid, "Ni Ketut Ayu Lestari sudah punya SKP 2024: Baik."), "\(grid)")
                #expect(!says(grid, "F3 ganti dengan isian baris ini"), "\(grid)")
                #expect(grid.shows("F3,Ctrl-G Ganti  F4 Biarkan"), "the key bar")
            }
            s.enqueue(text: "c")
            s.press(.nextRow)
            s.checkpoint { grid in
                #expect(grid.line(containing: "Ni Ketut Ayu")?.hasSuffix("pilih!") == true, "typed over a stored SKP: a choice is needed")
            }
            s.press(.previousRow)
            s.press(.replaceExisting)
            s.checkpoint { grid in
                #expect(grid.line(containing: "Ni Ketut Ayu")?.hasSuffix("ganti") == true)
                #expect(says(grid, "SKP 2024 Ni Ketut Ayu Lestari (Baik) akan diganti dengan isian baris ini. F4: biarkan."), "\(grid)")
            }
            s.press(.nextRow)
            s.enqueue(text: "b")
            s.press(.keepExisting)
            s.checkpoint { grid in
                #expect(grid.line(containing: "Siti Rahma")?.hasSuffix("biarkan") == true, "\(grid)")
                #expect(says(grid, "SKP 2024 Siti Rahma (Cukup 70) dibiarkan; isian baris ini tidak disimpan. F3: ganti."))
            }
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Tinjau: SKP 2024 — 3 pegawai"))
                #expect(review.shows("Baru 1, ganti 1, biarkan 1, belum dipilih 0 (tidak disimpan)."), "\(review)")
                #expect(review.shows("Ctrl-S: 2 SKP disimpan dalam satu transaksi. Rata-rata unit 33,33 -> 40,00"))
                let budi = try #require(review.line(containing: "Budi Santoso"))
                #expect(budi.hasPrefix("+") && budi.contains("baru: Sangat Baik") && budi.contains("0→30") && budi.contains("10→40"))
                let ayu = try #require(review.line(containing: "Ni Ketut Ayu"))
                #expect(ayu.hasPrefix("~") && ayu.contains("ganti Baik → Cukup") && ayu.contains("25→15") && ayu.contains("70→60"), "\(review)")
                let siti = try #require(review.line(containing: "Siti Rahma"))
                #expect(siti.hasPrefix("=") && siti.contains("biarkan Cukup 70") && !siti.contains("→"))
            }
            s.press(.save, in: .review)
            s.checkpoint { list in
                #expect(says(list, "Tersimpan: SKP 2024 untuk 2 pegawai (1 baru, 1 diganti). Rata-rata unit 33,33 -> 40,00."), "\(list)")
            }
            s.checkpoint { _ in
                #expect(try ayusSKP(store) == [StoredRecord(id: ayuBefore[0].id, value: SKP(nip: ayuNIP, tahun: 2024, predikat: .cukup))])
                #expect(try store.records(nip: budiNIP)?.skp.map(\.value.predikat) == [.sangatBaik])
                #expect(try store.records(nip: sitiNIP)?.skp.map(\.value) == [SKP(nip: sitiNIP, tahun: 2024, predikat: .cukup, nilai: 70)])
                let rows = try store.auditLog(limit: 2)
                #expect(Set(rows.map(\.action)) == [.insert, .update] && rows[0].batch != nil && rows[0].batch == rows[1].batch)
            }
            s.press(.undo, in: .employees)
            s.checkpoint { dialog in #expect(dialog.shows("Batalkan perubahan SKP 2024 untuk 2 pegawai?"), "\(dialog)") }
            s.press(.confirmYes)
        }
        #expect(try ayusSKP(store) == ayuBefore, "Ayu's Baik back under its id")
        #expect(try store.records(nip: budiNIP)?.skp.isEmpty == true)
        #expect(try store.score(nip: ayuNIP, year: 2024)?.total == 70)
        #expect(try store.auditLog(limit: 100).count == auditBefore + 4, "two rows saved, two undone")
    }

    /// Typed over Ayu's Baik without a choice: the review says "belum dipilih" and Ctrl-S saves nothing.
    @Test func anUndecidedRowIsNotSavedAndTheReviewSaysSo() throws {
        let store = try storeWithSiti()
        let audit = try store.auditLog(limit: 100).count
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.press(.nextRow)
            s.enqueue(text: "sk")
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Baru 0, ganti 0, biarkan 0, belum dipilih 1 (tidak disimpan)."), "\(review)")
                #expect(review.shows("Ctrl-S: 0 SKP disimpan dalam satu transaksi."))
                let ayu = try #require(review.line(containing: "Ni Ketut Ayu"))
                #expect(ayu.hasPrefix("?") && ayu.contains("belum dipilih (ada Baik)"))
            }
            s.press(.save, in: .review)
            s.checkpoint { review in
                #expect(says(review, "Tidak ada yang disimpan: 1 baris belum dipilih (ganti atau biarkan)."), "\(review)")
            }
        }
        #expect(try ayusSKP(store).map(\.value.predikat) == [.baik])
        #expect(try store.auditLog(limit: 100).count == audit)
    }

    @Test func gantiNeedsAStoredSKPAndATypedOne() throws {
        let store = try storeWithSiti()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.press(.replaceExisting)
            s.checkpoint { grid in
                #expect(says(grid, "Budi Santoso belum punya SKP 2024: isian baris ini disimpan sebagai SKP baru"), "\(grid)")
            }
            s.press(.nextRow)
            s.press(.replaceExisting)
            s.checkpoint { grid in
                #expect(says(grid, "Baris Ni Ketut Ayu Lestari: ketik dulu predikat atau nilai pengganti, lalu pilih ganti."), "\(grid)")
                let ayu = try #require(grid.line(containing: "Ni Ketut Ayu"))
                #expect(!ayu.contains("ganti") && !ayu.contains("pilih!"), "no plan: an empty row stays as it is")
            }
            // Biarkan on an empty row is a choice too: the review lists it as kept.
            s.press(.keepExisting)
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("Baru 0, ganti 0, biarkan 1, belum dipilih 0"), "\(review)")
            }
        }
    }

    /// Two admins on one file: the grid (actor "test") loaded Ayu's Baik and chose ganti -> Cukup;
    /// meanwhile "rina" changed it to Sangat Baik. The save is refused whole (Budi's new row
    /// too), naming rina; the grid shows the new SKP, keeps the input and asks again; ganti
    /// then saves both.
    @Test func aSKPChangedByAnotherAdminMeanwhileIsRefusedNamedAndChosenAgain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("shared.sqlite")
        let store = try storeWithSiti(path: path)
        try store.saveAccount(Account(login: "rina", role: .operator))
        let rina = try SQLiteStore(path: path, context: TestClock.context(actor: "rina", session: "rina-1"))
        let ayus = try #require(try ayusSKP(store).first)
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.enqueue(text: "b")
            s.press(.nextRow)
            s.enqueue(text: "c")
            s.press(.replaceExisting)
            s.press(.save)
            s.checkpoint { review in
                #expect(review.line(containing: "Ni Ketut Ayu")?.contains("ganti Baik → Cukup") == true)
                _ = try rina.update(
                    RecordID(kind: .skp, id: ayus.id), to: .skp(SKP(nip: ayuNIP, tahun: 2024, predikat: .sangatBaik)), expecting: .skp(ayus.value))
            }
            s.press(.save, in: .review)
            s.checkpoint { grid in
                #expect(grid.shows("SKP 2024 — 3 pegawai"), "back in the grid: \(grid)")
                #expect(says(grid, "Tidak disimpan: SKP 1 baris (Ni Ketut Ayu Lestari) sudah diubah oleh rina."), "\(grid)")
                let ayu = try #require(grid.line(containing: "Ni Ketut Ayu"))
                #expect(ayu.contains("Sangat Baik") && ayu.contains("Cukup") && ayu.hasSuffix("pilih!"), "the new SKP, the input kept, a choice again")
                #expect(grid.line(containing: "Budi Santoso")?.contains("Baik") == true)
                #expect(try store.records(nip: budiNIP)?.skp.isEmpty == true, "nothing of the save was written")
            }
            s.press(.nextRow)
            s.press(.previousRow)
            s.checkpoint { grid in
                #expect(says(grid, "SKP 2024 Ni Ketut Ayu Lestari sudah diubah oleh rina, sekarang: Sangat Baik. Isian Anda tetap;"), "\(grid)")
            }
            s.press(.replaceExisting)
            s.press(.save)
            s.checkpoint { review in
                #expect(review.line(containing: "Ni Ketut Ayu")?.contains("ganti Sangat Baik → Cukup") == true, "\(review)")
            }
            s.press(.save, in: .review)
            s.checkpoint { list in #expect(list.shows("Tersimpan: SKP 2024 untuk 2 pegawai (1 baru, 1 diganti)."), "\(list)") }
        }
        #expect(try ayusSKP(store) == [StoredRecord(id: ayus.id, value: SKP(nip: ayuNIP, tahun: 2024, predikat: .cukup))])
        #expect(try store.auditLog(limit: 1).first?.actor == "test")
        #expect(try store.records(nip: budiNIP)?.skp.map(\.value.predikat) == [.baik])
    }

    @Test func theChoiceSpeaksEnglishToo() throws {
        let store = try storeWithSiti()
        try run(store, language: .en) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.press(.nextRow)
            s.enqueue(text: "c")  // the choice is asked once something is typed in the row (uxfix)
            s.checkpoint { grid in
                #expect(says(grid, "Ni Ketut Ayu Lestari has the 2024 SKP already: Baik. F3 replace it with this row's input, F4 keep it;"), "\(grid)")
                #expect(grid.shows("F3,Ctrl-G Replace  F4 Keep"))
            }
            s.press(.replaceExisting)
            s.press(.save)
            s.checkpoint { review in
                #expect(review.shows("New 0, replace 1, keep 0, not chosen 0 (not saved)."), "\(review)")
                #expect(review.line(containing: "Ni Ketut Ayu")?.contains("replace Baik → Cukup") == true)
            }
        }
    }

    /// The use case: a grid's rows and what the review makes of them, hand-checked (bkn-2019,
    /// 2024): Budi new Baik (kinerja 0 -> 25, total 10 -> 35); Ayu ganti Baik -> Sangat Baik
    /// (25 -> 30, 70 -> 75); Siti biarkan; a fourth typed-over row without a choice. The store
    /// rows: one add, one replace expecting the SKP as loaded.
    @Test func theReviewUseCaseListsEachRowsPlanAndTheStoreRows() throws {
        let store = try storeWithSiti()
        let employees = try store.pegawai(inUnit: "BKPSDM", includeSubunits: true)
        var grid = SKPGrid(year: 2024, employees: employees, existing: try store.skp(year: 2024, nips: employees.map(\.nip)))
        #expect(grid.rows.map(\.pegawai.nama) == ["Budi Santoso", "Ni Ketut Ayu Lestari", "Siti Rahma"])
        #expect(grid.rows.map(\.current?.value.predikat) == [nil, .baik, .cukup])
        for c in "b" { grid.type(c) }
        let keptBudi = grid.decide(.keep)
        #expect(keptBudi == false, "Budi has nothing to keep")
        grid.nextRow()
        let replacedEmpty = grid.decide(.replace)
        #expect(replacedEmpty == false, "nothing typed yet")
        for c in "Sangat Baik" { grid.type(c) }
        #expect(grid.rows[1].plan == .undecided)
        let replaced = grid.decide(.replace)
        #expect(replaced)
        grid.nextRow()
        for c in "k" { grid.type(c) }
        let kept = grid.decide(.keep)
        #expect(kept)
        #expect(grid.rows.map(\.plan) == [.new, .replace, .keep])
        let review = try SKPGridReview(grid: grid, parser: RecordParser(today: day("2025-01-10")), engine: ScoringEngine(ruleset: .bkn2019), unitTotals: nil) {
            try store.records(nip: $0)
        }
        #expect(review.lines.map(\.plan) == [.new, .replace, .keep])
        #expect(review.lines.map { $0.before?.kinerja } == [0, 25, nil])
        #expect(review.lines.map { $0.after?.kinerja } == [25, 30, nil])
        #expect(review.lines.map { $0.after?.total } == [35, 75, nil])
        let ayus = try #require(grid.rows[1].current)
        #expect(
            review.toSave == [
                .add(SKP(nip: budiNIP, tahun: 2024, predikat: .baik)),
                .replace(id: ayus.id, with: SKP(nip: ayuNIP, tahun: 2024, predikat: .sangatBaik), expecting: SKP(nip: ayuNIP, tahun: 2024, predikat: .baik)),
            ])
        // Ayu's SKP changed under the grid: reloading drops her choice and marks who changed it.
        var changed = try store.skp(year: 2024, nips: employees.map(\.nip))
        changed[ayuNIP]?.value.predikat = .kurang
        let reloaded = grid.reload(changed, changedBy: [ayuNIP: "rina"])
        #expect(reloaded == [1])
        #expect(grid.rows[1].plan == .undecided && grid.rows[1].changedBy == "rina" && grid.rows[1].predikat == "Sangat Baik")
        #expect(grid.rows[2].plan == .keep, "an unchanged row keeps its choice")
    }
}
