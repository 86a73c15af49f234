import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The employee list keeps compact rows (``EmployeeListRow``) read one at a time; what a
/// bulk form needs of the chosen employees is read from the store in list order.
@Suite struct CompactEmployeeListTests {
    @Test func aCompactRowKeepsWhatTheListShowsOfTheStoredScore() throws {
        let store = try makeStore()
        for scored in try store.scores(year: 2024, unit: "BKPSDM") {
            let row = EmployeeListRow(scored)
            #expect(row.nip == scored.pegawai.nip && row.nama == scored.pegawai.nama && row.aktif == scored.pegawai.aktif)
            #expect(row.total == scored.score.total && row.complete == scored.score.complete)
            for dimension in ScoreDimension.allCases { #expect(row[dimension] == scored.score[dimension]) }
            #expect(row.jenjangStruktural == scored.pegawai.jenjangStruktural)
            #expect(EmployeeListView.jabatan(row, full: true) == EmployeeListView.jabatan(scored.pegawai, full: true))
        }
    }

    @Test func theChosenEmployeesReachTheSKPGridInListOrder() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)  // BKPSDM: Budi, Ayu, Siti by name
            s.press(.toggleSelect, in: .employees)  // Budi, then the cursor is on Ayu
            s.press(.moveDown, in: .employees)
            s.press(.toggleSelect, in: .employees)  // Siti
            s.press(.bulkSKP)
            s.checkpoint { grid in
                #expect(grid.shows("SKP 2024 — 2 pegawai"), "\(grid)")
                let budi = grid.lines.firstIndex { $0.contains("Budi Santoso") }
                let siti = grid.lines.firstIndex { $0.contains("Siti Rahma") }
                #expect(budi != nil && siti != nil && budi! < siti!)
                #expect(!grid.shows("Ni Ketut Ayu"))
            }
        }
    }
}
