import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn report pending --since`: what is new to send since a day, through the real binary.
@Suite struct PendingSinceCLITests {
    /// Monday 6 January 2025, 09:00 WIB: the fixture is loaded and the courses sent.
    static let monday = ["IPASN_NOW": "2025-01-06T02:00:00Z", "TZ": "Asia/Jakarta"]
    /// Friday 10 January 2025, 09:00 WIB (TestClock.now).
    static let friday = ["IPASN_NOW": "2025-01-10T02:00:00Z", "TZ": "Asia/Jakarta"]

    /// The fixture loaded on Monday, its courses sent to SIASN that day; on Friday Budi's archive
    /// course is corrected, Ayu's (sent) seminar deleted and a course of Citra's imported.
    static func loadedToFriday() throws -> CLI {
        let cli = try CLI()
        for (kind, text) in [
            ("units", Fixture.units), ("pegawai", Fixture.pegawai), ("pendidikan", Fixture.pendidikan),
            ("diklat", Fixture.diklat), ("skp", Fixture.skp), ("disiplin", Fixture.disiplin),
        ] {
            let result = try cli.run(["import", kind, try cli.write("\(kind).csv", text)], environment: monday)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k.csv")], environment: monday).status == 0)
        // Friday morning, before anything changed: nothing since Friday.
        let quiet = try cli.run(["report", "pending", "--since", "2025-01-10"], environment: friday)
        #expect(quiet.stdout == "Tidak ada data yang diinput, diubah atau dihapus sejak 10-01-2025 yang belum dikirim ke SIASN.\n")
        let store = try SQLiteStore(
            path: cli.database.path,
            context: StoreContext(actor: StoreContext.currentUser(), session: "friday", now: { TestClock.now }, timeZone: TestClock.timeZone))
        func records(_ nip: String) throws -> [StoredRecord<Diklat>] { try store.records(nip: nip)?.diklat ?? [] }
        let arsip = try #require(try records(Fixture.nipB).first { $0.value.nama == "Pelatihan Arsip" })
        var corrected = arsip.value
        corrected.jp = 16
        try store.update(RecordID(kind: .diklat, id: arsip.id), to: .diklat(corrected))
        let seminar = try #require(try records(Fixture.nipA).first { $0.value.nama == "Seminar Pendidikan" })
        try store.delete(RecordID(kind: .diklat, id: seminar.id))
        let line = "nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan\n"
            + "\(Fixture.nipC),3,,Pelatihan Baru,BKPSDM,2024-08-01,2024-08-02,16,,Y\n"
        #expect(try cli.run(["import", "diklat", try cli.write("baru.csv", line)], environment: friday).status == 0)
        return cli
    }

    @Test func sinceCountsOnlyWhatWasEnteredChangedOrDeletedFromThatDay() throws {
        let cli = try Self.loadedToFriday()
        defer { cli.cleanUp() }
        // Hand count. Since Friday: Budi's corrected course (DINAS.01, first entered Monday), Citra's
        // imported one (DINAS), Ayu's deleted seminar (DINAS.01). Monday's education, SKP and
        // discipline records are pending but older.
        let rows = try CLI.jsonArray(
            try cli.run(["report", "pending", "--since", "2025-01-10", "--format", "json"], environment: Self.friday).stdout)
        #expect(rows.map { $0["kode_unit"] as? String } == ["PEMDA", "DINAS", "DINAS.01"])
        #expect(rows.map { $0["pendidikan"] as? Int } == [0, 0, 0])
        #expect(rows.map { $0["diklat"] as? Int } == [2, 2, 1])
        #expect(rows.map { $0["skp"] as? Int } == [0, 0, 0])
        #expect(rows.map { $0["jumlah"] as? Int } == [2, 2, 1])
        #expect(rows.map { $0["dihapus"] as? Int } == [1, 1, 1])
        #expect(rows.map { $0["tertua_diinput"] as? String } == ["2025-01-06", "2025-01-06", "2025-01-06"])
        // Without --since, and since Monday (day first): every pending record, 3 pendidikan,
        // the 2 courses, 3 SKP, 1 disiplin.
        let all = try CLI.jsonArray(try cli.run(["report", "pending", "--format", "json"], environment: Self.friday).stdout)
        #expect(all.map { $0["jumlah"] as? Int } == [9, 9, 6])
        let monday = try cli.run(["report", "pending", "--since", "06-01-2025", "--format", "json"], environment: Self.friday)
        #expect(try CLI.jsonArray(monday.stdout).map { $0["jumlah"] as? Int } == [9, 9, 6])
        // The table says what the figures are.
        let table = try cli.run(["report", "pending", "--since", "2025-01-10"], environment: Self.friday).stdout
        #expect(table.contains("2 data belum dikirim ke SIASN; 1 data terkirim lalu dihapus (hanya yang diinput, diubah atau dihapus sejak 10-01-2025)."))
        #expect(table.contains("Seminar Pendidikan"))
        let english = try cli.run(["report", "pending", "--since", "2025-01-10", "--lang", "en"], environment: Self.friday).stdout
        #expect(english.contains("2 records not yet sent to SIASN; 1 sent records deleted since (only those entered, changed or deleted since 10-01-2025)."))
        // csv-id and a unit.
        let csv = try cli.run(
            ["report", "pending", "--since", "2025-01-10", "--unit", "DINAS.01", "--format", "csv-id"], environment: Self.friday
        ).stdout
        #expect(csv.hasSuffix("\r\nDINAS.01;Bidang Contoh;0;0;1;0;0;1;1;2025-01-06;0;0;0\r\n"))
    }

    @Test func sinceInTheWorkbookTitleAndFigures() throws {
        let cli = try Self.loadedToFriday()
        defer { cli.cleanUp() }
        let path = cli.path("pending.xlsx")
        #expect(
            try cli.run(["report", "pending", "--since", "2025-01-10", "--format", "xlsx", "--out", path], environment: Self.friday)
                .status == 0)
        let book = try Workbook.read(path)
        #expect(book.sheets.map(\.title) == ["Belum Dikirim", "Dihapus", "SKP Perlu Predikat"])
        let sheet = book.sheets[0]
        #expect(sheet.text(2, 0) == "Per unit, sub-unit termasuk; hanya data yang diinput, diubah atau dihapus sejak 10-01-2025")
        #expect((2...7).map { sheet.number(5, $0) } == [0, 2, 0, 0, 2, 1])
        #expect((2...7).map { sheet.number(7, $0) } == [0, 1, 0, 0, 1, 1])
        #expect(book.sheets[1].text(2, 0) == "Per jenis data; hanya data yang diinput, diubah atau dihapus sejak 10-01-2025")
    }

    @Test func sinceRefusesWhatIsNoDayOrAfterToday() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        let typo = try cli.run(["report", "pending", "--since", "2025-13-01"], environment: Self.friday)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("--since 2025-13-01: bukan tanggal (YYYY-MM-DD atau DD-MM-YYYY)."))
        let english = try cli.run(["report", "pending", "--since", "kemarin", "--lang", "en"], environment: Self.friday)
        #expect(english.stderr.contains("--since kemarin: not a date (YYYY-MM-DD or DD-MM-YYYY)."))
        let tomorrow = try cli.run(["report", "pending", "--since", "11-01-2025"], environment: Self.friday)
        #expect(tomorrow.status == 1)
        #expect(tomorrow.stderr.contains("--since 11-01-2025 jatuh setelah hari ini (10-01-2025); belum ada yang berubah sejak hari itu."))
    }
}
