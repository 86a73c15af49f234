import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing
@testable import IPASNWorkstation

/// The screens draw their rows with the `Table` widget: columns line up by display width.
@Suite struct TableScreensTests {
    /// The first cell of `text` on row `row`, counting cells (a wide character takes two).
    func column(of text: String, in grid: CellGrid, row: Int) -> Int? {
        let first = String(text.first!)
        return (0..<grid.width).first { c in
            grid[row, c].grapheme == first && grid.line(row).contains(text)
                && (0..<text.count).allSatisfy { k in
                    c + k < grid.width && grid[row, c + k].grapheme == String(text[text.index(text.startIndex, offsetBy: k)])
                }
        }
    }

    @Test func anEmployeesRecordsOfAKindAreInAlignedColumns() throws {
        let store = try makeStore()
        try store.add(
            .diklat(
                Diklat(
                    nip: ayuNIP, jenis: JenisDiklat.withID(3)!, nama: "Bimtek 张伟 Kearsipan", tanggalMulai: day("2024-02-05"),
                    tanggalSelesai: day("2024-02-08"), jp: 120)))
        let screen = try run(store) { s in s.openAyu() }
        let grid = try #require(screen.lastFrame)
        let rows = ["Bimtek 张伟", "Seminar Manajemen ASN", "Diklat Fungsional Analis"].map { name in
            grid.lines().firstIndex { $0.contains(name) }
        }
        let seminar = try #require(rows[1])
        let fungsional = try #require(rows[2])
        let teknis = try #require(rows[0])
        #expect(grid.line(fungsional).hasPrefix("     20-03-2019  Fungsional  Diklat Fungsional Analis   60 JP"))
        #expect(grid.line(seminar).hasPrefix("     10-05-2023  Seminar     Seminar Manajemen ASN       8 JP"))
        // The wide characters take two cells each, so "JP" still ends in the same cell.
        #expect(grid.line(teknis).hasPrefix("     08-02-2024  Teknis      Bimtek 张伟 Kearsipan     120 JP"))
        let jp = try #require(column(of: "JP", in: grid, row: seminar))
        #expect(column(of: "JP", in: grid, row: fungsional) == jp)
        #expect(column(of: "JP", in: grid, row: teknis) == jp)
    }

    @Test func aNarrowScreenCutsTheRecordNameAndKeepsTheHours() throws {
        let store = try makeStore()
        let screen = try run(store, size: Size(width: 60, height: 24)) { s in s.openAyu() }
        let line = try #require(screen.line(containing: "20-03-2019"))
        // 60 - 6 cells for the table, one-cell gaps below 80 columns (branch leftovers13): 10 + 1
        // + jenis + 1 + name + 1 + 5 + 1 + 1 (the verification mark, `·` belum) + 1 + 1 (the
        // SIASN mark, `-` not sent): the name keeps its 24 (it kept 17), the jenis the 8 left.
        #expect(line == "     20-03-2019 Fungsio… Diklat Fungsional Analis 60 JP · -")
    }

    @Test func searchResultsAlignWhateverTheNamesHold() throws {
        let store = try makeStore()
        try store.savePegawai(Pegawai(nip: "198001012005011004", nama: "Ayu 张伟 👍 Ruslï", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
        let screen = try run(store) { s in s.enqueue(text: "/Ayu") }
        let grid = try #require(screen.lastFrame)
        let wide = try #require(grid.lines().firstIndex { $0.contains("Ruslï") })
        let plain = try #require(grid.lines().firstIndex { $0.contains("Lestari") })
        let unit = try #require(column(of: "Bidang", in: grid, row: plain))
        #expect(column(of: "Badan", in: grid, row: wide) == unit)
        #expect(unit == 1 + 22 + 1 + 29 + 1, "NIP 22, name 29 at 80 columns")
    }

    @Test func theEmployeeListHeaderCoversTheCategoryColumn() throws {
        // Better than before: the header's style spans the category column like every other column.
        let screen = try run(try makeStore(), size: Size(width: 130, height: 24)) { s in s.enqueue(.enter) }
        let grid = try #require(screen.lastFrame)
        let header = try #require(grid.lines().firstIndex { $0.contains("Kategori") })
        #expect(grid.styles(row: header).allSatisfy { $0 == .header })
    }

    @Test func theDashboardTableHasTheBarsWhereTheLayoutSays() {
        for width in [80, 100, 140] {
            let layout = DashboardView.Layout(width: width)
            let table = DashboardView.table(layout, width: width - 2, language: .id)
            #expect(table.usedWidth == width - 2, "the table spans the screen at \(width)")
            #expect(table.widths[DashboardView.firstBarColumn..<DashboardView.firstBarColumn + 4].allSatisfy { $0 == layout.bar })
            #expect(table.starts[DashboardView.firstBarColumn] == 4 + layout.name + 1 + 7 + layout.category + 1)
        }
    }

    @Test func theHelpListSelectsWithABarAcrossTheScreenLikeEveryList() throws {
        // Better than before: the selected key was highlighted only as far as its text went.
        let screen = try run(try makeStore()) { s in s.enqueue(.function(1)) }
        let grid = try #require(screen.lastFrame)
        let header = try #require(grid.lines().firstIndex { $0.hasPrefix(" Tombol") })
        #expect(grid.styles(row: header + 1).allSatisfy { $0 == .selected })
        #expect(grid.styles(row: header + 2).allSatisfy { $0 == .normal })
    }
}
