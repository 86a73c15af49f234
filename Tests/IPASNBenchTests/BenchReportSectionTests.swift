import Testing

@testable import IPASNBench

@Suite struct BenchReportSectionTests {
    @Test func aBulletSectionIsHeadingBlankBulletsBlank() {
        #expect(BenchReport.bulletSection("Notes:", ["one", "two"]) == ["Notes:", "", "- one", "- two", ""])
    }

    @Test func anEmptySectionIsLeftOut() {
        #expect(BenchReport.bulletSection("Notes:", []) == [])
    }

    @Test func theBodyListsDataChecksAndNotesAndLeavesOutEmptyOnes() {
        var report = BenchReportDocumentTests.report(.quick, total: 1)
        report.dataset = ["10 pegawai"]
        report.notes = ["a note"]
        let body = report.markdownBody
        #expect(
            body.contains(
                "Data (made by the deterministic demo generator; every count checked by the benchmark):\n\n- 10 pegawai\n\n"))
        #expect(body.hasSuffix("\nNotes:\n\n- a note\n"))
        #expect(!body.contains("Self-checks"))
    }
}
