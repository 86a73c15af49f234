import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// Export batches and `--pending` through the real binary: what was sent to SIASN, what is not.
@Suite struct ExportTrackingCLITests {
    /// 10 January 2025, 09:00 WIB.
    static let now = ["IPASN_NOW": "2025-01-10T02:00:00Z"]

    /// The fixture loaded at ``now``.
    static func loaded() throws -> CLI {
        let cli = try CLI()
        for (kind, text) in [
            ("units", Fixture.units), ("pegawai", Fixture.pegawai), ("pendidikan", Fixture.pendidikan),
            ("diklat", Fixture.diklat), ("skp", Fixture.skp), ("disiplin", Fixture.disiplin),
        ] {
            let result = try cli.run(["import", kind, try cli.write("\(kind).csv", text)], environment: now)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return cli
    }

    /// The CLI's database opened as the login the binary runs as (its operator).
    static func store(_ cli: CLI) throws -> SQLiteStore {
        try SQLiteStore(path: cli.database.path, context: StoreContext(actor: StoreContext.currentUser()))
    }

    static func lines(_ cli: CLI, _ name: String) throws -> [String] {
        try String(contentsOfFile: cli.path(name), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func pendingSendsOnlyWhatIsNewOrChangedAndListsSentDeletions() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let first = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k1.csv")], environment: Self.now)
        #expect(first.status == 0)
        #expect(try Self.lines(cli, "k1.csv").count == 8, "header and the fixture's 7 courses (none struktural)")
        #expect(first.stderr.contains("batch ekspor #1: 7 data ditandai terkirim ke SIASN"))
        // Right after: nothing, said in Indonesian, and no empty batch.
        let second = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k2.csv")], environment: Self.now)
        #expect(try Self.lines(cli, "k2.csv").count == 1)
        #expect(second.stderr.contains("Tidak ada data siasn-kursus yang belum dikirim ke SIASN: semua sudah terkirim."))
        #expect(!second.stderr.contains("batch ekspor"))
        // Budi's archive course is corrected (12 -> 16 JP): exactly that one is pending.
        let store = try Self.store(cli)
        let budi = try #require(try store.records(nip: Fixture.nipB)?.diklat.first { $0.value.nama == "Pelatihan Arsip" })
        var corrected = budi.value
        corrected.jp = 16
        try store.update(RecordID(kind: .diklat, id: budi.id), to: .diklat(corrected))
        let third = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k3.csv")], environment: Self.now)
        #expect(try Self.lines(cli, "k3.csv").dropFirst() == ["199001012014022002,3,Pelatihan Arsip,BKPSDM,04-03-2024,05-03-2024,16,,2024"])
        #expect(third.stderr.contains("batch ekspor #2: 1 data"))
        #expect(try cli.ok(["export", "siasn-kursus", "--pending"]).stdout.split(separator: "\n").count == 1)
        // Ayu's seminar was sent in batch 1, then deleted: SIASN must be told.
        let seminar = try #require(try store.records(nip: Fixture.nipA)?.diklat.first { $0.value.nama == "Seminar Pendidikan" })
        try store.delete(RecordID(kind: .diklat, id: seminar.id))
        let report = try CLI.jsonArray(try cli.ok(["report", "pending", "--format", "json"]).stdout)
        #expect(report.map { $0["kode_unit"] as? String } == ["PEMDA", "DINAS", "DINAS.01"])
        #expect(report.map { $0["dihapus"] as? Int } == [1, 1, 1])
        #expect(report.map { $0["diklat"] as? Int } == [0, 0, 0])
        let table = try cli.ok(["report", "pending"]).stdout
        #expect(table.contains("  \(Fixture.nipA)  Diklat  Seminar Pendidikan 2023-05-10  (batch #1)"))
        let fourth = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k4.csv")], environment: Self.now)
        #expect(try Self.lines(cli, "k4.csv").count == 1)
        #expect(fourth.stderr.contains("1 data sudah dikirim lalu dihapus di ipasn; hapus juga di SIASN:"))
        #expect(fourth.stderr.contains("\(Fixture.nipA)  Seminar Pendidikan 2023-05-10  (batch #1)"))
        #expect(fourth.stderr.contains("batch ekspor #3: 0 data"))
        // Reported: the next run has nothing left to say but "nothing".
        let fifth = try cli.run(["export", "siasn-kursus", "--pending"], environment: Self.now)
        #expect(!fifth.stderr.contains("dihapus"))
        #expect(fifth.stderr.contains("Tidak ada data siasn-kursus"))
        let batches = try CLI.jsonArray(try cli.run(["batches", "--format", "json"], environment: ["TZ": "Asia/Jakarta"]).stdout)
        #expect(batches.map { $0["batch"] as? Int } == [3, 2, 1])
        #expect(batches.map { $0["baris"] as? Int } == [0, 1, 7])
        #expect(batches.map { $0["dihapus"] as? Int } == [1, 0, 0])
        #expect(batches.map { $0["waktu"] as? String } == Array(repeating: "2025-01-10 09:00", count: 3))
        #expect(batches.map { $0["file"] as? String } == [cli.path("k4.csv"), cli.path("k3.csv"), cli.path("k1.csv")])
        #expect(batches.allSatisfy { $0["siasn"] as? Bool == true && $0["pending"] as? Bool == true })
        // --pending is SIASN's: the import format is no sending.
        #expect(try cli.run(["export", "diklat", "--pending"]).status == 2)
    }

    @Test func pendingReportFiguresPerUnitWithSubunitsAndTheOldestEntry() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        // Hand count of the fixture: Ayu and Budi (DINAS.01): 2 pendidikan, 5 diklat, 2 SKP, Budi's
        // teguran; Citra (DINAS): 1 pendidikan, 2 diklat, 1 SKP. PEMDA and DINAS fold both.
        let rows = try CLI.jsonArray(try cli.ok(["report", "pending", "--format", "json"]).stdout)
        #expect(rows.map { $0["kode_unit"] as? String } == ["PEMDA", "DINAS", "DINAS.01"])
        #expect(rows.map { $0["tingkat"] as? Int } == [0, 1, 2])
        #expect(rows.map { $0["pendidikan"] as? Int } == [3, 3, 2])
        #expect(rows.map { $0["diklat"] as? Int } == [7, 7, 5])
        #expect(rows.map { $0["skp"] as? Int } == [3, 3, 2])
        #expect(rows.map { $0["disiplin"] as? Int } == [1, 1, 1])
        #expect(rows.map { $0["jumlah"] as? Int } == [14, 14, 10])
        #expect(rows.map { $0["tertua_diinput"] as? String } == ["2025-01-10", "2025-01-10", "2025-01-10"])
        let unit = try CLI.jsonArray(try cli.ok(["report", "pending", "--unit", "DINAS.01", "--format", "json"]).stdout)
        #expect(unit.map { $0["kode_unit"] as? String } == ["DINAS.01"])
        #expect(unit.map { $0["tingkat"] as? Int } == [0])
        // Sending the SKP of DINAS.01 only leaves Citra's.
        try cli.ok(["export", "siasn-skp", "--pending", "--unit", "DINAS.01", "--out", cli.path("skp.csv")])
        let after = try CLI.jsonArray(try cli.ok(["report", "pending", "--format", "json"]).stdout)
        #expect(after.map { $0["skp"] as? Int } == [1, 1, 0])
        let csv = try cli.ok(["report", "pending", "--format", "csv-id"]).stdout
        // (The harness drops the BOM; CSVIDTests check it.)
        #expect(csv.hasPrefix("kode_unit;nama_unit;tingkat;pendidikan;diklat;skp;disiplin;jumlah;dihapus;tertua_diinput;skp_perlu_predikat;skp_di_siasn;ditolak_siasn\r\n"))
        // Citra's SKP 2024 Cukup is the one SKP waiting for a PermenPANRB 6/2022 predikat.
        #expect(csv.contains("PEMDA;Pemerintah Kabupaten Contoh;0;3;7;1;1;12;0;2025-01-10;1;0;0\r\n"))
        #expect(try cli.run(["report", "pending", "--unit", "NOPE"]).status == 1)
    }

    @Test func pendingReportAsAWorkbookForPrint() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        let path = cli.path("pending.xlsx")
        try cli.ok(["report", "pending", "--format", "xlsx", "--out", path])
        let book = try Workbook.read(path)
        let sheet = try #require(book.sheets.first)
        #expect(book.sheets.map(\.title) == ["Belum Dikirim", "SKP Perlu Predikat"], "no deletions: no sheet of them")
        #expect(sheet.text(1, 0) == "Data Belum Dikirim ke SIASN — Pemerintah Kabupaten Contoh")
        #expect(sheet.rows[3].compactMap { $0 as? String } == [
            "Unit kerja", "Kode", "Pendidikan", "Diklat", "SKP", "Disiplin", "Jumlah", "Dihapus", "Tertua diinput",
            "SKP perlu predikat", "SKP di SIASN versi lama", "Ditolak SIASN",
        ])
        #expect(sheet.firstColumn == ["Pemerintah Kabupaten Contoh", "Dinas Contoh", "Bidang Contoh"])
        #expect(Array(sheet.indents[4...6]) == [0, 1, 2], "sub-units indented")
        #expect((2...7).map { sheet.number(5, $0) } == [3, 7, 3, 1, 14, 0])
        #expect((2...7).map { sheet.number(7, $0) } == [2, 5, 2, 1, 10, 0])
        #expect(sheet.text(5, 8) == "2025-01-10 00:00:00")
        #expect(sheet.formats[4][8] == "dd-mm-yyyy")
        #expect(sheet.orientation == "landscape" && sheet.paperSize == 9)
        #expect(sheet.printTitleRows == "$1:$4", "title and header repeated on every page")
    }

    @Test func aFailedWriteLeavesNoBatchAndTheRecordsPending() throws {
        let cli = try Self.loaded()
        defer { cli.cleanUp() }
        // No such folder: nothing written, no batch.
        #expect(try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("nope/k.csv")]).status != 0)
        // A full disk: standard output is /dev/full, so the first chunk fails.
        let binary = try #require(CLI.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--db", cli.database.path, "export", "siasn-kursus", "--pending"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = cli.directory.path
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(try cli.ok(["batches"]).stdout == "Belum ada batch ekspor.\n")
        let rows = try CLI.jsonArray(try cli.ok(["report", "pending", "--format", "json"]).stdout)
        #expect(rows.first?["diklat"] as? Int == 7, "nothing was marked sent")
    }
}
