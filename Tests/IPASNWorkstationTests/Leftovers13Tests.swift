import Foundation
import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Branch leftovers13: the employee page at 60 columns and its SIASN legend on a long page, the
/// import's kind read from the header (and asked when several fit), the queue's true count of
/// SIASN's refusals and its columns under `S`, keys refused on another unit's page, and an open
/// employee form following a unit rename.
@Suite struct Leftovers13Tests {
    static func driver(_ store: SQLiteStore, size: Size = UserTest11Tests.size) throws -> (ScreenDriver, App) {
        try UserTest11Tests.driver(store, size: size)
    }

    static func opener(_ path: String) -> (String) throws -> SQLiteStore { UserTest11Tests.opener(path) }

    /// `I`, the path field emptied, `path` and Enter: the import of one file from the unit list.
    static func importPath(_ path: String, on screen: ScreenDriver) {
        screen.type("I")
        screen.press(.ctrl("u"))
        screen.type(path + "\n")
    }

    static func course(_ nip: String, _ nama: String, jenis: Int = 3, end: String = "2024-03-03") -> Record {
        .diklat(
            Diklat(
                nip: nip, jenis: JenisDiklat.withID(jenis)!, nama: nama, penyelenggara: "BPSDM",
                tanggalMulai: TestClock.date("2022-01-01"), tanggalSelesai: TestClock.date(end), jp: 20))
    }

    /// At 60x18 a course beside a long jenis (`Bimbingan di Tempat Kerja`, 25 characters) keeps
    /// 23 characters of its name (it kept 8): the jenis gives way first and the gaps are one
    /// cell; the SIASN mark stays. At 80x24 the name keeps 30 cells, the jenis 15.
    @Test func aCourseNameStaysReadableAt60Columns() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-l13")
        defer { directory.remove() }
        let ops = try Self.opener(directory.path("shared.sqlite"))("ops")
        try SmallProvince.seed(ops)
        try ops.add(Self.course(SmallProvince.nipB, "Pelatihan Pengelolaan Arsip Dinamis Aktif", jenis: 24))
        try SIASNLiveScenario.sendCourses(ops)

        let (narrow, _) = try Self.driver(ops, size: Size(width: 60, height: 18))
        narrow.type("/Budi\n")
        let line = narrow.text().split(separator: "\n").first { $0.contains("Pelatihan") }.map(String.init) ?? ""
        #expect(line.contains("Pelatihan Pengelolaan A…") && line.hasSuffix("✓#1"), "\(narrow.text())")
        #expect(line.contains("Bimbi…"), "the jenis shows its start: \(line)")
        let (wide, _) = try Self.driver(ops)
        wide.type("/Budi\n")
        let full = wide.text().split(separator: "\n").first { $0.contains("Pelatihan") }.map(String.init) ?? ""
        #expect(full.contains("Bimbingan di T… ") && full.contains("Pelatihan Pengelolaan Arsip D…"), "30 cells of the name at 80: \(full)")
    }

    /// A page longer than the screen keeps the SIASN legend on its last row (it was after the
    /// page's last line, out of sight); a short page shows it after its last line.
    @Test func theSIASNLegendStaysInSightOnALongPage() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-l13")
        defer { directory.remove() }
        let ops = try Self.opener(directory.path("shared.sqlite"))("ops")
        try SmallProvince.seed(ops)
        for day in 1...24 { try ops.add(Self.course(SmallProvince.nipB, "Kursus Ke-\(day)", end: "2023-05-\(day < 10 ? "0" : "")\(day)")) }
        try SIASNLiveScenario.sendCourses(ops)
        let (page, _) = try Self.driver(ops, size: Size(width: 80, height: 24))
        page.type("/Budi\n")
        let rows = page.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows.contains { $0.contains("Kursus Ke-24") }, "the first record in sight: \(page.text())")
        let legend = try #require(rows.firstIndex { $0.contains("SIASN: ✓ terkirim") }, "\(page.text())")
        #expect(legend == 21, "the page's last row, above the message row and the key bar: \(page.text())")
        #expect(!rows.contains { $0.contains("Kursus Ke-1 ") }, "the page is longer than the screen")
    }

    /// Row 1 of the verifikator's queue counts every refusal waiting, not only those among the
    /// 500 listed; under `S` the Masuk / Oleh columns say when SIASN's refusal was recorded and
    /// the batch (they showed `-`).
    @Test func theQueueCountsEveryRefusalAndSaysWhenAndWhichBatchUnderS() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-l13")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        for n in 1...3 { try ops.add(Self.course(SmallProvince.nipB, "Bimtek Arsip \(n)", end: "2023-0\(n)-10")) }
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        let vera = try store("vera")
        let batch = try SIASNLiveScenario.sendCourses(vera)
        let refused = try #require(try ops.records(nip: SmallProvince.nipB)?.diklat.map { RecordID(kind: .diklat, id: $0.id) })
        try vera.markSIASNRefusals(
            batch: batch.number, refused.enumerated().map { NewSIASNRefusal(id: $0.element, reason: "Sertifikat buram", line: $0.offset + 2) })
        // 510 newer courses of Andi's: the queue lists the newest 500, none of Budi's.
        var newer: [Record] = []
        for year in [2022, 2023] {
            for month in 1...12 {
                for day in 1...22 where newer.count < 510 {
                    newer.append(Self.course(SmallProvince.nipA, "Kursus \(year)-\(month)-\(day)", end: String(format: "%d-%02d-%02d", year, month, day)))
                }
            }
        }
        try ops.addBatch(newer, label: "Banyak kursus")
        #expect(try vera.waitingRefusalCount(unit: nil, kind: nil) == 3)

        let (queue, _) = try Self.driver(vera)
        queue.type("V")
        #expect(queue.flat.contains("500 dari 513 belum diverifikasi; 3 ditolak SIASN (S: saring)."), "\(queue.text())")
        queue.type("S")
        let text = queue.text()
        let header = try #require(text.split(separator: "\n").first { $0.contains("Nama") }.map(String.init), "\(text)")
        #expect(header.contains("Ditolak") && header.contains("Batch") && !header.contains("Masuk"), "\(header)")
        let rows = text.split(separator: "\n").filter { $0.contains("S Budi") }
        #expect(rows.count == 3, "\(text)")
        #expect(rows.allSatisfy { $0.hasSuffix("10-01 09:00  #1") || $0.contains("10-01 09:00 #1") }, "\(text)")
        queue.type("S")
        #expect(queue.text().contains("Masuk"), "back to the whole queue: \(queue.text())")
    }

    /// An admin on another unit's employee page: every key that would enter data there says
    /// why on the message row, in the admin's language (round 12: `p` seemed to do nothing).
    @Test func keysRefusedOnAnotherUnitsPageSayWhy() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-l13")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        try ops.saveUnit(OrgUnit(kode: "LAIN", nama: "Dinas Lain", induk: "ROOT"))
        try ops.savePegawai(Pegawai(nip: SmallProvince.stranger, nama: "Dewi Lain", kodeUnit: "LAIN", jenisJabatan: .pelaksana))
        try ops.add(Self.course(SmallProvince.stranger, "Kursus Dewi"))
        try ops.saveAccount(Account(login: "sari", role: .admin, units: ["SUB"]))
        let (screen, _) = try Self.driver(try store("sari"))
        screen.type("/Dewi\n")
        #expect(screen.flat.contains("Dewi Lain"), "\(screen.text())")
        for key in ["p", "k", "n", "h", "d", "e", "a"] {
            screen.type(key)
            #expect(screen.flat.contains("data unit ini hanya dapat dibaca"), "\(key): \(screen.text())")
            #expect(!screen.flat.contains("Tambah") || screen.flat.contains("Dewi Lain"), "no form opened by \(key)")
            screen.press(.escape)
            screen.type("/Dewi\n")
        }
    }

    /// A diklat file whose name says no kind, or another (`Sosialisasi SKP 2026.csv`), is
    /// imported as diklat from its header; a header that misspells one column is imported as
    /// the kind it nearly fits, so the typo is named; the command line names the same kind.
    @Test func theImportReadsTheKindFromTheHeader() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-l13")
        defer { directory.remove() }
        let header = "No;NIP;Nama Pegawai;Jenis Diklat;Nama Diklat;Tanggal Mulai;Tanggal Selesai;JP\r\n"
        let row = "1;'\(SmallProvince.nipB);Budi;Sosialisasi;Sosialisasi SKP;01/03/2024;02/03/2024;4\r\n"
        let named = directory.path("Sosialisasi SKP 2026.csv")
        try Data(("\u{FEFF}" + header + row).utf8).write(to: URL(fileURLWithPath: named))
        let nameless = directory.path("Peserta 2026.csv")
        try Data((header + row).utf8).write(to: URL(fileURLWithPath: nameless))
        let typo = directory.path("Peserta lain.csv")
        try Data((header.replacingOccurrences(of: "Tanggal Mulai", with: "Tangal Mulai") + row).utf8).write(to: URL(fileURLWithPath: typo))
        #expect(ImportKindDecision.of(named) == .kind(.diklat), "the header, not the name's SKP")
        #expect(ImportKindDecision.of(nameless) == .kind(.diklat))
        #expect(ImportKindDecision.of(typo) == .kind(.diklat), "the kind it misses by one misspelt column")
        #expect(ImportKindSniffer.fits(typo).first { $0.kind == .diklat }.map { "\($0.missing) \($0.misspelt)" } == "1 true")

        let ops = try Self.opener(directory.path("shared.sqlite"))("ops")
        try SmallProvince.seed(ops)
        let (screen, _) = try Self.driver(ops)
        Self.importPath(named, on: screen)
        #expect(screen.flat.contains("Impor selesai: 1 baris masuk dari 1 berkas"), "\(screen.text())")
        #expect(try ops.records(nip: SmallProvince.nipB)?.diklat.map(\.value.nama) == ["Sosialisasi SKP"])
        Self.importPath(typo, on: screen)
        #expect(screen.flat.contains("Tangal Mulai"), "the typo named: \(screen.text())")
    }

    /// A header that fits two record kinds is asked: the dialog lists both, Esc leaves the file
    /// out (nothing imported, said so), Enter on the one chosen imports it as that kind.
    @Test func aHeaderFittingSeveralKindsIsAskedAndOnlyAChoiceImports() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-l13")
        defer { directory.remove() }
        // Both a disiplin file's columns (tingkat, jenis, tmt) and an education file's (tingkat,
        // nama sekolah, tanggal lulus) under one header.
        let file = directory.path("Rekap 2026.csv")
        try "nip,tingkat,jenis,tmt,nama_sekolah,tanggal_lulus\n\(SmallProvince.nipB),S-1,Teguran lisan,01-02-2024,Universitas Udayana,20-08-2010\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        guard case .ask(let kinds) = ImportKindDecision.of(file) else {
            Issue.record("expected a question, got \(ImportKindDecision.of(file)) (fits \(ImportKindSniffer.fits(file)))")
            return
        }
        #expect(kinds.count >= 2)
        let ops = try Self.opener(directory.path("shared.sqlite"))("ops")
        try SmallProvince.seed(ops)
        let (screen, _) = try Self.driver(ops)
        Self.importPath(file, on: screen)
        #expect(screen.flat.contains("cocok untuk beberapa jenis data"), "\(screen.text())")
        screen.press(.escape)
        #expect(screen.flat.contains("Rekap 2026.csv tidak diimpor: jenisnya tidak dipilih."), "\(screen.text())")
        #expect(try ops.records(nip: SmallProvince.nipB)?.pendidikan.isEmpty == true)
        Self.importPath(file, on: screen)
        let pendidikan = try #require(kinds.firstIndex(of: .pendidikan))
        for _ in 0..<pendidikan { screen.press(.down) }
        screen.press(.enter)
        #expect(try ops.records(nip: SmallProvince.nipB)?.pendidikan.count == 1, "\(screen.text())")
    }

    /// An employee form open with typed input when an operator renames its unit: the Unit kerja
    /// field shows the new code, the typed name stays, and the save goes through.
    @Test func anOpenEmployeeFormFollowsAUnitRename() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-l13")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        try ops.saveAccount(Account(login: "sari", role: .admin, units: ["SUB"]))
        let (form, app) = try Self.driver(try store("sari"))
        form.type("/Budi\n")
        form.type("e")
        #expect(form.flat.contains("Ubah Pegawai") || form.flat.contains("SUB"), "\(form.text())")
        form.type("Budi Santoso")  // the name field's text is selected: typed over
        try ops.renameUnit("SUB", to: "SUB-BARU")
        _ = app.handle(.tick)
        let text = form.text()
        #expect(text.contains("SUB-BARU") && text.contains("Budi Santoso"), "\(text)")
        #expect(form.flat.contains("Kode unit SUB diganti menjadi SUB-BARU oleh ops"), "\(text)")
        form.press(.ctrl("s"))
        form.type("y")
        #expect(try ops.pegawai(nip: SmallProvince.nipB).map { "\($0.nama) \($0.kodeUnit)" } == "Budi Santoso SUB-BARU", "\(form.text())")
    }
}
