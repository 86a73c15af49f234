import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The employee page lists kompetensi records under a heading per scoring group, in the
/// order the scoring reads them, each heading with the group's points; the cursor moves
/// from the records of one group to the next.
@Suite struct DiklatSectionsTests {
    /// Ayu (fungsional) with, besides the fixture's fungsional diklat (2019) and seminar
    /// (2023): a teknis of 24 JP and a workshop in 2024 and a leadership course of 2018, all
    /// added so that by date they interleave (2024 teknis, 2024 workshop, 2023 seminar, 2019
    /// fungsional, 2018 leadership).
    func store() throws -> SQLiteStore {
        let store = try makeStore()
        func course(_ jenis: Int, _ nama: String, _ date: String, jp: Int, tingkat: LeadershipLevel? = nil) -> Record {
            .diklat(
                Diklat(
                    nip: ayuNIP, jenis: JenisDiklat.withID(jenis)!, tingkat: tingkat, nama: nama, tanggalMulai: day(date),
                    tanggalSelesai: day(date), jp: jp))
        }
        try store.add(course(4, "Workshop Anjab", "2024-08-01", jp: 8))
        try store.add(course(3, "Bimtek Arsip", "2024-09-10", jp: 24))
        try store.add(course(1, "PKP Angkatan 3", "2018-10-01", jp: 300, tingkat: .pkp))
        return store
    }

    @Test func recordsStandUnderTheirGroupInScoringOrder() throws {
        let screen = try run(try store(), size: Size(width: 80, height: 40)) { s in
            s.openAyu()
            s.checkpoint { page in
                let lines = page.lines
                func row(_ text: String) -> Int {
                    lines.firstIndex { $0.contains(text) } ?? -1
                }
                let order = [
                    "Kompetensi", "Kepemimpinan (struktural): tidak dinilai untuk jabatan ini", "PKP Angkatan 3",
                    "Fungsional: 1 diklat, 15 dari 15", "Diklat Fungsional A",
                    "Teknis: 24 dari 20 JP pada 2024, 15 dari 15", "Bimtek Arsip",
                    "Seminar, workshop, sosialisasi: 2 kegiatan pada 2023–2024, 10 dari 10", "Workshop Anjab",
                    "Seminar Manajemen A", "Kinerja",
                ]
                let rows = order.map(row)
                #expect(!rows.contains(-1), "\(zip(order, rows).filter { $0.1 < 0 }.map(\.0)) \(lines.joined(separator: "\n"))")
                #expect(rows == rows.sorted(), "\(zip(order, rows).map { "\($0.1) \($0.0)" })")
                // The reasons are the headings now, not a list above the records.
                #expect(!page.shows("  teknis: "))
            }
        }
        #expect(screen.everShowed("Kompetensi"))
    }

    @Test func theCursorMovesAcrossTheGroups() throws {
        try run(try store(), size: Size(width: 80, height: 40)) { s in
            s.openAyu()
            s.press(.moveDown)  // from the pendidikan to the first kompetensi record
            s.checkpoint { page in #expect(page.selection?.contains("PKP Angkatan 3") == true) }
            s.press(.moveDown)
            s.checkpoint { page in #expect(page.selection?.contains("Diklat Fungsional A") == true) }
            s.press(.moveDown)
            s.checkpoint { page in #expect(page.selection?.contains("Bimtek Arsip") == true) }
            s.press(.moveDown)
            s.checkpoint { page in #expect(page.selection?.contains("Workshop Anjab") == true) }
            s.press(.moveUp)
            s.press(.moveUp)
            s.checkpoint { page in #expect(page.selection?.contains("Diklat Fungsional A") == true) }
        }
    }

    /// Thirty teknis courses: scrolled into the group, its heading stays on the first row.
    @Test func aLongGroupKeepsItsHeadingInSight() throws {
        let store = try makeStore()
        for n in 1...30 {
            let date = day(String(format: "2024-%02d-%02d", 1 + n % 12, 1 + n % 28))
            try store.add(
                .diklat(
                    Diklat(
                        nip: ayuNIP, jenis: JenisDiklat.withID(3)!, nama: "Pelatihan \(n)", tanggalMulai: date, tanggalSelesai: date,
                        jp: 2)))
        }
        try run(store) { s in
            s.openAyu()
            for _ in 0..<26 { s.press(.moveDown) }  // pendidikan, fungsional, then 25 of the teknis
            s.checkpoint { page in
                let first = page.lines[4]
                #expect(first.hasPrefix("   Teknis: 60 dari 20 JP pada 2024"), "\(page.lines.joined(separator: "\n"))")
                #expect(page.selection?.contains("Pelatihan") == true)
                #expect(!page.shows("Kualifikasi"), "scrolled")
            }
            // Up to the first row under the heading: the selected record shows below it, never hidden.
            for _ in 0..<18 { s.press(.moveUp) }
            s.checkpoint { page in
                #expect(page.lines[4].hasPrefix("   Teknis: "), "\(page.lines.joined(separator: "\n"))")
                #expect(page.selection.map { page.lines[5].contains($0.prefix(10)) } == true, "\(page.lines.joined(separator: "\n"))")
            }
        }
    }

    @Test func shownLinesPinTheHeading() {
        // Lines: 0 header, 1 heading, 2...9 records of its group, 10 next dimension.
        let headings: [Int?] = [nil, nil] + Array(repeating: 1, count: 8) + [nil]
        #expect(EmployeeView.shownLines(scroll: 0, selectedLine: 2, headings: headings, lineCount: 11, height: 4) == [0, 1, 2, 3])
        #expect(EmployeeView.shownLines(scroll: 5, selectedLine: 8, headings: headings, lineCount: 11, height: 4) == [1, 6, 7, 8])
        // The selected record on the first row: one line earlier, under the heading.
        #expect(EmployeeView.shownLines(scroll: 5, selectedLine: 5, headings: headings, lineCount: 11, height: 4) == [1, 5, 6, 7])
        #expect(EmployeeView.shownLines(scroll: 2, selectedLine: 2, headings: headings, lineCount: 11, height: 4) == [1, 2, 3, 4])
        // Below the group: nothing pinned.
        #expect(EmployeeView.shownLines(scroll: 10, selectedLine: nil, headings: headings, lineCount: 11, height: 4) == [10])
    }

    @Test func groupsWithoutRecordsOrPointsAreLeftOutAndEnglishHeadings() throws {
        let rules = Ruleset.bkn2019.kompetensi
        let seminar = StoredRecordValue(
            id: RecordID(kind: .diklat, id: 1),
            record: .diklat(
                Diklat(
                    nip: budiNIP, jenis: JenisDiklat.withID(9)!, nama: "Seminar", tanggalMulai: day("2024-01-02"),
                    tanggalSelesai: day("2024-01-02"), jp: 4)))
        // A pelaksana earns teknis and seminar points only: kepemimpinan and fungsional are
        // left out when there is no record of them.
        let reasons: [Reason] = [
            .teknis(jp: 0, minimum: 20, years: 2024...2024, earned: 0, possible: 22.5),
            .seminar(count: 1, years: 2023...2024, earned: 17.5, possible: 17.5),
        ]
        let sections = EmployeeView.diklatSections([seminar], reasons: reasons, rules: rules)
        #expect(sections.map(\.group) == [.teknis, .seminar])
        #expect(sections.map(\.records.count) == [0, 1])
        #expect(EmployeeView.sectionHeading(sections[0], .en) == "Technical (teknis): 0 of 20 JP in 2024, 0 of 22.5")
        #expect(EmployeeView.sectionHeading(sections[1], .id) == "Seminar, workshop, sosialisasi: 1 kegiatan pada 2023–2024, 17,5 dari 17,5")
    }
}
