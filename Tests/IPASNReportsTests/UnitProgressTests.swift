import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import Testing

@Suite struct UnitProgressTests {
    @Test func marksWithTheFiguresInTreeOrder() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try seedUnits(store)
        try seedRecords(store)
        for dimension in ProgressDimension.allCases { try store.setProgress(unit: "DINKES.1", dimension: dimension, done: true) }
        try store.setProgress(unit: "BKPSDM.1", dimension: .pendidikan, done: true)
        try store.setProgress(unit: "BKPSDM.1", dimension: .kinerja, done: true)
        try store.setProgress(unit: "BKPSDM.1", dimension: .kinerja, done: false)
        let report = try ProgressReport.compute(store: store, year: 2024)
        #expect(report.units.map(\.unit.kode) == ["PEMDA", "BKPSDM", "BKPSDM.1", "DINKES", "DINKES.1"])
        #expect(report.units.map(\.name) == [
            "Pemerintah Kabupaten", "Badan Kepegawaian", "BKPSDM › Sekretariat", "Dinas Kesehatan", "DINKES › Sekretariat",
        ])
        #expect(report.units.map(\.markText) == ["····", "····", "P···", "····", "PKND"])
        #expect(report.inProgress == 4)
        let dinkes1 = report.units[4]
        #expect(dinkes1.finished)
        #expect(dinkes1.marks[.kinerja]?.by == "ani")
        #expect(dinkes1.marks[.kinerja]?.at == reportsNow)
        // Eko is complete, Fitri lacks an SKP: 1 of 2; mean (50 + 20) / 2.
        #expect(dinkes1.figure.totals.pegawai == 2)
        #expect(dinkes1.completeness == 0.5)
        #expect(dinkes1.figure.meanTotal == 35)
        #expect(report.units[0].figure.totals.pegawai == 3)
        #expect(report.units[2].done == [.pendidikan], "a reopened mark does not count")
    }

    @Test func markTextHasALetterPerDoneDimension() {
        #expect(UnitProgress.markText([]) == "····")
        #expect(UnitProgress.markText([.kompetensi, .disiplin]) == "·K·D")
    }
}
