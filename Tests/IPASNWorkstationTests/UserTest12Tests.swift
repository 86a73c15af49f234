import Foundation
import IPASNCore
import IPASNFiles
import IPASNReports
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The twelfth user test (a city's team on one SQLite file; branch usertest12): open pages
/// follow SIASN's marks, the verifikator's `S` filter, the employee page's SIASN column at
/// 80, 60 and 50 columns, and an Excel template's `No` column.
@Suite struct UserTest12Tests {
    /// A workstation on `store` (80x24 unless `size`), as round 11's tests drive one.
    static func driver(_ store: SQLiteStore, size: Size = UserTest11Tests.size) throws -> (ScreenDriver, App) {
        try UserTest11Tests.driver(store, size: size)
    }

    static func opener(_ path: String) -> (String) throws -> SQLiteStore { UserTest11Tests.opener(path) }

    @Test func anOpenPageFollowsTheSIASNExportAndAnswerKeepingATypedForm() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut12")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        try SIASNLiveScenario.run(
            open: { login in
                let (driver, app) = try Self.driver(try store(login))
                return SIASNLiveScenario.Station(screen: driver, tick: { _ = app.handle(.tick) })
            }, store: { try store($0) })
    }

    /// `S` in the verifikator's queue: only the records SIASN refused that wait for a verdict;
    /// `S` again (or `c`) lists every record. Three `m` on three S rows no longer reach the S-1
    /// listed between them (round 11's finding).
    @Test func theQueuesSFilterListsOnlySIASNsRefusals() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut12")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        let course = try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Bimtek Arsip")).id
        try ops.add(SmallProvince.teknis(SmallProvince.nipA, "Kursus Andi"))
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        let vera = try store("vera")
        let batch = try SIASNLiveScenario.sendCourses(vera)
        try vera.markSIASNRefusals(batch: batch.number, [NewSIASNRefusal(id: course, reason: "Sertifikat buram", line: 2)])
        // Budi's course corrected by the operator: back in the queue, marked S.
        var corrected = try #require(try ops.records(nip: SmallProvince.nipB)?.diklat.first?.value)
        corrected.nomorSertifikat = "NS/2024/017"
        try ops.update(course, to: .diklat(corrected))
        // Two more records wait, never sent: Andi's course is changed, Citra gets an S-1.
        try ops.add(.pendidikan(Pendidikan(nip: SmallProvince.nipC, tingkat: .s1, tanggalLulus: TestClock.date("2010-08-20"), namaSekolah: "Universitas Udayana")))

        let (queue, _) = try Self.driver(vera)
        queue.type("V")
        let rows = { queue.text().split(separator: "\n").filter { $0.contains(" SUB ") || $0.contains(" ROOT ") } }
        #expect(rows().count == 3, "\(queue.text())")
        #expect(queue.flat.contains("3 dari 3 belum diverifikasi; 1 ditolak SIASN (S: saring)."), "\(queue.text())")
        queue.type("S")
        let refused = queue.text()
        #expect(refused.contains("Saring: ditolak SIASN (tanda S)"), "\(refused)")
        #expect(rows().count == 1 && rows()[0].contains("S Budi"), "only Budi's refused course: \(refused)")
        #expect(queue.flat.contains("1 dari 1 data yang cocok; 3 belum diverifikasi."), "\(refused)")
        queue.type("m")  // accepts the one S row; nothing else is reachable
        #expect(try vera.verifications(nip: SmallProvince.nipC).values.allSatisfy { $0.status == .belum })
        #expect(try vera.verifications(nip: SmallProvince.nipB)[course]?.status == .memenuhi)
        queue.type("S")
        #expect(rows().count == 2 && !queue.text().contains("Saring:"), "Citra's S-1 and Andi's course wait: \(queue.text())")
    }

    /// The employee page at 80x24: a course's name beside its SIASN mark is readable (it was cut
    /// to 9 characters beside `✓ #1 02-12-2026`), the mark is one character and the batch, the
    /// legend says what it means and the message row says the selected record's state in words.
    /// At 60x18 the marks still show; at 50x15 the name keeps the room.
    @Test func aCourseNameIsReadableBesideItsSIASNMarkAt80Columns() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut12")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Pelatihan Pengelolaan Arsip Dinamis Aktif"))
        try SIASNLiveScenario.sendCourses(ops)
        try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Bimtek Penyusunan SKP", end: "2024-05-05"))

        let (page, _) = try Self.driver(ops)
        page.type("/Budi\n")
        let text = page.text()
        let sent = try #require(text.split(separator: "\n").first { $0.contains("Pelatihan") }.map(String.init), "\(text)")
        #expect(sent.contains("Pelatihan Pengelolaan Arsip"), "at least 27 characters of the name: \(sent)")
        #expect(sent.hasSuffix("✓#1"), "\(sent)")
        let unsent = try #require(text.split(separator: "\n").first { $0.contains("Bimtek") }.map(String.init))
        #expect(unsent.contains("Bimtek Penyusunan SKP") && unsent.hasSuffix("-"), "\(unsent)")
        #expect(text.contains("SIASN: ✓ terkirim  - belum dikirim"), "the legend: \(text)")

        // At 60x18 the marks stay, the name keeps 12 characters.
        let (narrow, _) = try Self.driver(ops, size: Size(width: 60, height: 18))
        narrow.type("/Budi\n")
        let line = narrow.text().split(separator: "\n").first { $0.contains("Pelatihan") }.map(String.init) ?? ""
        #expect(line.contains("Pelatihan Pe") && line.hasSuffix("✓#1"), "\(narrow.text())")
        #expect(narrow.flat.contains("SIASN: belum dikirim"), "the selected record (the newest course, not sent)'s state in words: \(narrow.text())")
        // 50x15 is below the workstation's 60x16: it says so instead of a cut page.
        let (small, _) = try Self.driver(ops, size: Size(width: 50, height: 15))
        small.type("/Budi\n")
        #expect(!small.text().contains("Pelatihan") && small.flat.contains("60"), "\(small.text())")
    }

    /// The SIASN state in words on the message row, for the selected record.
    @Test func theSelectedRecordsSIASNStateIsSaidInWords() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut12")
        defer { directory.remove() }
        let store = Self.opener(directory.path("shared.sqlite"))
        let ops = try store("ops")
        try SmallProvince.seed(ops)
        try ops.add(SmallProvince.teknis(SmallProvince.nipB, "Bimtek Arsip"))
        let batch = try SIASNLiveScenario.sendCourses(ops)
        let (page, _) = try Self.driver(ops)
        page.type("/Budi\n")
        let day = PendingReport.day(batch.at, ops.context.timeZone).dayFirst
        // The page opens on the first record: Budi's only course.
        #expect(page.flat.contains("SIASN: ✓ #1 \(day)"), "\(page.text())")
    }

    /// A file whose header misspells a required column names the misspelt header only: the
    /// `No` column of Excel templates is ignored quietly, not listed as unknown.
    @Test func anExcelTemplatesNoColumnIsNotCalledUnknown() throws {
        #expect(
            throws: ImportFileError.unknownColumns(
                kind: .diklat, unknown: [UnknownHeader(header: "Tangal Mulai", column: "F", suggestion: "tanggal_mulai")],
                missing: ["tanggal_mulai"])
        ) {
            // As a unit's Excel-made CSV carries them: the row number and the employee's name beside the NIP.
            _ = try ColumnMap(
                header: ["No", "NIP", "Nama Pegawai", "Jenis Diklat", "Nama Diklat", "Tangal Mulai", "Tanggal Selesai", "JP"], kind: .diklat)
        }
        // Only `No.` beside a missing column: the missing column is said, nothing unknown.
        #expect(
            throws: ImportFileError.missingColumns(kind: .diklat, missing: ["tanggal_mulai"], expected: ImportKind.diklat.columns)
        ) {
            _ = try ColumnMap(header: ["No.", "NIP", "Jenis Diklat", "Nama Diklat", "Tanggal Selesai", "JP"], kind: .diklat)
        }
        #expect(try ColumnMap(header: ["Nomor Urut", "NIP", "Jenis Diklat", "Nama Diklat", "Tanggal Mulai", "Tanggal Selesai", "JP"], kind: .diklat).names.first == .some(nil))
    }

    /// A mistyped import path is said in words (it was "Gagal: Error Domain=NSCocoaErrorDomain
    /// Code=4 ..."), and the field keeps the path to correct.
    @Test func aMissingImportPathIsSaidInWords() throws {
        let directory = try TemporaryDirectory(prefix: "ipasn-ut12")
        defer { directory.remove() }
        let ops = try Self.opener(directory.path("shared.sqlite"))("ops")
        try SmallProvince.seed(ops)
        let (screen, _) = try Self.driver(ops)
        screen.type("I")
        screen.type(directory.path("diklat salah ketik.csv") + "\n")
        #expect(screen.flat.contains("Tidak ada berkas atau folder \(directory.path("diklat salah ketik.csv"))"), "\(screen.text())")
        #expect(!screen.flat.contains("NSCocoaErrorDomain"))
        #expect(screen.flat.contains("Impor Berkas"), "still on the path field: \(screen.text())")
    }
}
