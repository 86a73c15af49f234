import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import Testing

@Suite struct CategoryDistributionTests {
    /// Eko gets 8 more JP teknis (20 in 2024: +22.5) and a seminar (+17.5): 15 + 40 + 30 + 5 = 90,
    /// Tinggi. Fitri (20) and Gita (30) stay Sangat Rendah; the inactive Hadi is not counted.
    @Test func countsPerBandHighestFirst() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        try store.add(
            .diklat(
                Diklat(
                    nip: nipEko, jenis: JenisDiklat.withID(3)!, nama: "Bimtek Arsip", tanggalMulai: day("2024-05-01"),
                    tanggalSelesai: day("2024-05-02"), jp: 8)))
        try store.add(
            .diklat(
                Diklat(
                    nip: nipEko, jenis: JenisDiklat.withID(9)!, nama: "Seminar", tanggalMulai: day("2024-06-01"),
                    tanggalSelesai: day("2024-06-01"), jp: 2)))
        #expect(try store.score(nip: nipEko, year: 2024)?.total == 90)
        // Sangat Tinggi, Tinggi, Sedang, Rendah, Sangat Rendah.
        #expect(try CategoryDistribution.compute(store: store, unit: "PEMDA", year: 2024, ruleset: .bkn2019) == [0, 1, 0, 0, 2])
        #expect(try CategoryDistribution.compute(store: store, unit: "DINKES", year: 2024, ruleset: .bkn2019) == [0, 1, 0, 0, 1])
        #expect(try CategoryDistribution.compute(store: store, unit: "BKPSDM.1", year: 2024, ruleset: .bkn2019) == [0, 0, 0, 0, 1])
    }
}
