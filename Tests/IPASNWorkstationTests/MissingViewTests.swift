import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

@Suite struct DashboardByWhomTests {
    @Test func theTwoBusiestAdminsAndHowManyOthers() {
        #expect(L.dashByWhom([("ani", 5), ("budi", 1)], others: 2)(.id) == "Input minggu ini oleh: ani 5, budi 1, +2 lainnya")
        #expect(L.dashByWhom([("ani", 5)], others: 0)(.en) == "Entered this week by: ani 5")
    }

    /// Everything in the fixture was entered by "test" on 10 January 2025 (a Friday), so the
    /// selected unit's line names that admin with the unit's count of the week.
    @Test func theMessageRowNamesWhoEnteredTheSelectedUnitsRecords() throws {
        let store = try makeStore()
        let screen = try run(store) { s in s.enqueue(.function(5)) }
        let grid = try #require(screen.frames.last { $0.text.contains("Dasbor Pimpinan") })
        // Bidang Pengembangan (first by mean) holds Ayu's 4 records.
        #expect(grid.text.contains("Input minggu ini oleh: test 4"))
    }
}

@Suite struct MissingViewTests {
    /// 2024 in the fixture: Budi (BKPSDM) has an undated SLTA (it counts) but no SKP and no
    /// course; Ayu (BKPSDM.1) has everything but a course finished in 2024 (hers end in 2019
    /// and 2023); Siti (BKPSDM.1) has nothing.
    @Test func listsWhoLacksWhatAndOpensTheEmployee() throws {
        let store = try makeStore()
        let screen = try run(store) { s in
            s.enqueue(text: "l")
            s.enqueue(.enter)
        }
        let grid = try #require(screen.frames.last { $0.text.contains("Data Belum Lengkap") })
        #expect(grid.line(0).contains("Data Belum Lengkap — Badan Kepegawaian dan Pengembangan SDM"))
        #expect(grid.line(0).contains("Tahun 2024"))
        #expect(grid.text.contains("2 dari 3 pegawai aktif belum lengkap (lengkap 33%): pendidikan 1, SKP 2"))
        // Whole at 80 columns (it was cut after "(tidak mengurangi k" without a sign).
        #expect(grid.text.contains("Tanpa kursus selesai tahun ini: 3 pegawai (tidak mengurangi kelengkapan)"))
        let rows = grid.lines().filter { $0.contains("BKPSDM") && !$0.contains("Badan") }
        #expect(rows.count == 3)
        #expect(rows[0].contains("Budi Santoso") && rows[0].hasSuffix("SKP, kompetensi"))
        #expect(rows[1].contains("Ni Ketut Ayu Lestari") && rows[1].hasSuffix("BKPSDM.1 kompetensi"))
        #expect(rows[2].contains("Siti Rahma") && rows[2].hasSuffix("pendidikan, SKP, kompetensi"))
        for line in grid.lines() { #expect(DisplayWidth.width(of: line) <= 80) }
        // Enter opens the selected (first) employee's page.
        #expect(screen.lastFrame?.text.contains("Budi Santoso") == true)
        #expect(screen.lastFrame?.text.contains(budiNIP.prefix(8)) == true)
    }

    /// The dashboard ranks Bidang Pengembangan first (Ayu 70 and Siti 5: 37.50, against
    /// 28.33 for the whole Badan); `l` lists its two employees.
    @Test func fromTheDashboardForTheSelectedUnitInEnglish() throws {
        let store = try makeStore()
        let screen = try run(store, language: .en) { s in
            s.enqueue(.function(5))
            s.enqueue(text: "l")
        }
        let grid = try #require(screen.frames.last { $0.text.contains("Missing Records") })
        #expect(grid.line(0).contains("Missing Records — Bidang Pengembangan"))
        #expect(grid.text.contains("1 of 2 active employees incomplete (complete 50%): education 1, SKP 1"))
        #expect(grid.text.contains("No course finished this year: 2 employees (not counted as incomplete)"))
        #expect(grid.lines().contains { $0.contains("Siti Rahma") && $0.hasSuffix("education, SKP, competence") })
    }
}
