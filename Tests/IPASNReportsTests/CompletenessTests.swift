import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import Testing

/// "Lengkap" has one definition (``Completeness``): the missing list's "belum lengkap" count
/// and the completeness percentage of the dashboard and the unit list agree, for every unit.
@Suite struct CompletenessTests {
    @Test func theMissingListAndTheCompletenessPercentageAgreeForEveryUnit() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        // Eko: S-1, SKP 2024 and a course in 2024; Fitri: no SKP, no course; Gita: no
        // education, no course. Fitri and Gita are incomplete; Eko is complete.
        let all = try MissingRecords.compute(store: store, unit: nil, year: 2024, ruleset: .bkn2019)
        #expect(all.pegawai == 3)
        #expect(all.incomplete == 2)
        #expect(all.complete == 1)
        let progress = try ProgressReport.compute(store: store, year: 2024)
        for unit in try store.units() {
            let missing = try MissingRecords.compute(store: store, unit: unit.kode, year: 2024, ruleset: .bkn2019)
            let figure = try #require(progress.units.first { $0.unit.kode == unit.kode })
            #expect(missing.pegawai == figure.figure.totals.pegawai, "\(unit.kode)")
            #expect(missing.complete == figure.figure.totals.completePegawai, "\(unit.kode)")
            #expect(missing.completeness == figure.completeness, "\(unit.kode)")
        }
    }

    /// An employee whose only gap is a course this year is listed (a reminder), and still
    /// counts as complete in both figures.
    @Test func aMissingCourseAloneIsNotIncomplete() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        let before = try MissingRecords.compute(store: store, unit: nil, year: 2024, ruleset: .bkn2019)
        // Fitri gets her SKP: she lacks only a course now.
        try store.add(.skp(SKP(nip: nipFitri, tahun: 2024, predikat: .baik)))
        let after = try MissingRecords.compute(store: store, unit: nil, year: 2024, ruleset: .bkn2019)
        #expect(after.entries.first { $0.pegawai.nip == nipFitri }?.missing == [.kompetensi])
        #expect(after.incomplete == before.incomplete - 1)
        #expect(after.complete == 2)
        let root = try #require(try store.unitFigures(year: 2024).first { $0.unit.kode == "DINKES" })
        #expect(root.totals.completePegawai == 2, "Eko and Fitri")
        #expect(Completeness.isComplete(lacking: [.kompetensi]))
        #expect(!Completeness.isComplete(lacking: [.skp]))
        #expect(!Completeness.isComplete(lacking: [.pendidikan, .kompetensi]))
    }
}
