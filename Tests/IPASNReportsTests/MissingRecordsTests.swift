import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import Testing

@Suite struct MissingRecordsTests {
    /// Eko has all three (S-1, SKP 2024, a course ending in 2024); Fitri has no SKP and no
    /// course in 2024; Gita has no education and no course; Hadi is inactive and left out.
    @Test func listsWhoLacksWhatInTreeOrder() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        let all = try MissingRecords.compute(store: store, unit: nil, year: 2024, ruleset: .bkn2019)
        #expect(all.pegawai == 3)
        #expect(all.unit == nil)
        #expect(all.entries.map(\.pegawai.nip) == [nipGita, nipFitri], "BKPSDM.1 comes before DINKES.1")
        #expect(all.entries.map(\.missing) == [[.pendidikan, .kompetensi], [.skp, .kompetensi]])
        #expect(all.count(.kompetensi) == 2)
        #expect(all.count(.skp) == 1)
        #expect(all.count(.pendidikan) == 1)

        let dinkes = try MissingRecords.compute(store: store, unit: "DINKES", year: 2024, ruleset: .bkn2019)
        #expect(dinkes.unit?.nama == "Dinas Kesehatan")
        #expect(dinkes.pegawai == 2)
        #expect(dinkes.entries.map(\.pegawai.nama) == ["Fitri Handayani"])

        // In 2025 nobody has an SKP or a course yet; education stays.
        let next = try MissingRecords.compute(store: store, unit: "DINKES.1", year: 2025, ruleset: .bkn2019)
        #expect(next.entries.map(\.missing) == [[.skp, .kompetensi], [.skp, .kompetensi]])
        #expect(next.entries.map(\.pegawai.nama) == ["Eko Prasetyo", "Fitri Handayani"])

        #expect(throws: ReportError.unknownUnit("NOPE")) {
            try MissingRecords.compute(store: store, unit: "NOPE", year: 2024, ruleset: .bkn2019)
        }
    }

    @Test func aSeminarCountsAsAKompetensiRecord() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        try store.add(
            .diklat(
                Diklat(
                    nip: nipFitri, jenis: JenisDiklat.withID(9)!, nama: "Seminar Gizi", tanggalMulai: day("2024-11-29"),
                    tanggalSelesai: day("2024-11-29"), jp: 2)))
        let all = try MissingRecords.compute(store: store, unit: nil, year: 2024, ruleset: .bkn2019)
        #expect(all.entries.first { $0.pegawai.nip == nipFitri }?.missing == [.skp])
    }
}
