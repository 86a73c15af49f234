import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The dashboard's category counts (``DashboardStore``): per band, the unit's employees
    /// (sub-units included) whose cached total reaches the band's minimum, within 1e-9.
    static let dashboard: [StoreBehaviour] = [
        StoreBehaviour("category counts: per band of the unit and its sub-units, boundaries within 1e-9") { make in
            let store = try seeded(make)
            let year = TestClock.measurementYear
            // Andi (ROOT) and Citra (SUB) score 5 (disiplin only); Budi (SUB) 27.5 with a 20 JP course.
            try store.add(teknis(nipB))
            #expect(try store.scores(year: year, unit: nil).map(\.score.total).sorted() == [5, 5, 27.5])
            let bkn = CategoryBands.minimums(.bkn2019)
            #expect(bkn == [91, 81, 71, 61, 0])
            #expect(try store.categoryCounts(year: year, unit: "ROOT", minimums: bkn) == [0, 0, 0, 0, 3])
            // 27.5 reaches 27.5 exactly; 5 reaches 5.000000001 (within 1e-9).
            #expect(try store.categoryCounts(year: year, unit: "ROOT", minimums: [27.5, 5.000000001, 0]) == [1, 2, 0])
            #expect(try store.categoryCounts(year: year, unit: "ROOT", minimums: [27.6, 5.00001, 0]) == [0, 1, 2])
            #expect(try store.categoryCounts(year: year, unit: "SUB", minimums: [30, 6, 0]) == [0, 1, 1])
            // Below every minimum: the last band.
            #expect(try store.categoryCounts(year: year, unit: "SUB", minimums: [100, 50]) == [0, 2])
            #expect(try store.categoryCounts(year: year, unit: "NOWHERE", minimums: bkn) == [0, 0, 0, 0, 0])
            #expect(try store.categoryCounts(year: year, unit: "ROOT", minimums: []) == [])
            for minimums in [bkn, [27.5, 5.000000001, 0], [30, 6, 0]] {
                for unit in ["ROOT", "SUB"] {
                    #expect(
                        try store.categoryCounts(year: year, unit: unit, minimums: minimums)
                            == CategoryBands.counts(try store.scores(year: year, unit: unit), minimums: minimums))
                }
            }
        },
        StoreBehaviour("category counts leave out an employee who left before the year") { make in
            let store = try seeded(make)
            let year = TestClock.measurementYear
            var citra = try #require(try store.pegawai(nip: nipC))
            citra.aktif = false
            citra.keluar = PegawaiKeluar(alasan: .pensiun, tanggal: TestClock.date("2023-06-30"))
            try store.savePegawai(citra)
            #expect(try store.categoryCounts(year: year, unit: "ROOT", minimums: CategoryBands.minimums(.bkn2019)) == [0, 0, 0, 0, 2])
            #expect(try store.scores(year: year, unit: "ROOT").count == 2)
        },
    ]
}
