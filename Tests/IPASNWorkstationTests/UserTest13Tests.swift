import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The thirteenth user test (a province's team on one PostgreSQL server; branch usertest13):
/// a record form saved with nothing changed, and a SIASN refusal that such a save left in force
/// while the form said "Tersimpan".
@Suite struct UserTest13Tests {
    static func driver(_ store: SQLiteStore, size: Size = UserTest11Tests.size) throws -> (ScreenDriver, App) {
        try UserTest11Tests.driver(store, size: size)
    }

    /// B's refused course ("Dokumen sertifikat belum diunggah"): she marked the document and
    /// saved the form unchanged. It said "Tersimpan", wrote an audit row that changed nothing
    /// and reloaded every workstation, while the refusal stayed in force and the record out of
    /// every batch. Now nothing is written and the message row says the refusal stands; a plain
    /// unchanged save says "Tidak ada yang berubah"; a real correction still saves and ends it.
    @Test func anUnchangedSaveWritesNothingAndSaysARefusalStands() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut13")
        defer { directory.remove() }
        let ops = try UserTest11Tests.opener(directory.path("shared.sqlite"))("ops")
        try SmallProvince.seed(ops)
        let course = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Bimtek Arsip")).id
        let batch = try SIASNLiveScenario.sendCourses(ops)
        try ops.markSIASNRefusals(batch: batch.number, [NewSIASNRefusal(id: course, reason: "Dokumen sertifikat belum diunggah", line: 2)])
        let audit = try ops.auditLog(limit: 1000).count
        let generation = try ops.dataGeneration()

        let (screen, _) = try Self.driver(ops)
        screen.type("/Budi\n")
        screen.type("\n")  // the page opens on Budi's only course: its form
        #expect(screen.flat.contains("Ditolak SIASN (batch #\(batch.number)): Dokumen sertifikat belum diunggah"), "\(screen.text())")
        screen.press(.ctrl("s"))
        #expect(
            screen.flat.contains(
                "Tidak ada yang berubah; tidak disimpan. Tetap ditolak SIASN (batch #\(batch.number): Dokumen sertifikat belum diunggah)"),
            "\(screen.text())")
        #expect(!screen.flat.contains("Tersimpan"))
        #expect(try ops.auditLog(limit: 1000).count == audit, "no audit row for a save that changed nothing")
        #expect(try ops.dataGeneration() == generation, "no other workstation is woken")
        #expect(try ops.siasnRefusals([course])[course]?.corrected == false)

        // A course never refused, saved unchanged: said so, nothing written.
        try ops.add(SmallProvince.teknis(SmallProvince.nipA, "Kursus Andi"))
        let before = try ops.auditLog(limit: 1000).count
        screen.type("/Andi\n\n")
        screen.press(.ctrl("s"))
        #expect(screen.flat.contains("Tidak ada yang berubah; tidak disimpan."), "\(screen.text())")
        #expect(try ops.auditLog(limit: 1000).count == before)

        // Budi's course corrected (the certificate number): saved, the refusal corrected.
        screen.type("/Budi\n\n")
        for _ in 0..<6 { screen.press(.tab) }
        screen.type("NS/2024/017")
        screen.press(.ctrl("s"))
        #expect(screen.flat.contains("Tersimpan"), "\(screen.text())")
        #expect(try ops.auditLog(limit: 1000).count == before + 1)
        #expect(try ops.siasnRefusals([course])[course]?.corrected == true)
    }

    /// A course name longer than its field, left by Tab, shows its start (it showed its end,
    /// " Digital Pelayanan Publik Daerah 2026", at 64 and at 80 columns alike).
    @Test func aLongCourseNameLeftByTabShowsItsStart() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut13")
        defer { directory.remove() }
        let ops = try UserTest11Tests.opener(directory.path("shared.sqlite"))("ops")
        try SmallProvince.seed(ops)
        for size in [UserTest11Tests.size, Size(width: 64, height: 20)] {
            let (screen, _) = try Self.driver(ops, size: size)
            screen.type("/Budi\n")
            screen.type("k")
            screen.type("sem\t")
            screen.type("Seminar Nasional Transformasi Digital Pelayanan Publik Daerah 2026\t")
            let line = screen.text().split(separator: "\n").first { $0.contains("Nama kegiatan") }.map(String.init) ?? ""
            #expect(line.contains("Seminar Nasional Transformasi") && line.hasSuffix("…"), "\(size): \(screen.text())")
        }
    }

    /// B's SKP grid of 84, the window made 70x20 mid-grid: the plan column was cut to "sam",
    /// "gan", "pil" (below 67 columns it was gone). Narrower than the grid with its NIP, the
    /// NIP column gives way: the whole plan shows, "pilih!" included; at 80 the NIP is there.
    @Test func theSKPGridKeepsItsPlanColumnOnANarrowWindow() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut13")
        defer { directory.remove() }
        let ops = try UserTest11Tests.opener(directory.path("shared.sqlite"))("ops")
        try SmallProvince.seed(ops)
        try ops.add(.skp(SKP(nip: SmallProvince.nipB, tahun: TestClock.measurementYear, predikat: .baik)))
        for (size, nip) in [(Size(width: 70, height: 20), false), (Size(width: 64, height: 18), false), (UserTest11Tests.size, true)] {
            let (screen, _) = try Self.driver(ops, size: size)
            screen.press(.down)  // SUB: Budi and Citra
            screen.type("\nn")
            screen.type("sb\n")  // Budi has Baik: the admin must choose
            let budi = screen.text().split(separator: "\n").first { $0.contains("Budi") }.map(String.init) ?? ""
            #expect(budi.hasSuffix("pilih!"), "\(size): \(screen.text())")
            #expect(budi.contains(SmallProvince.nipB) == nip, "\(size): \(budi)")
        }
    }
}

