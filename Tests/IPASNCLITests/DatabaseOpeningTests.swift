import Foundation
import IPASNTestSupport
import Testing

/// How the command line opens the database: reading never creates or writes one, a write
/// says when it made a new one, failures are sentences in the admin's language.
@Suite struct DatabaseOpeningTests {
    @Test func aMistypedDatabasePathIsAnErrorForReadCommands() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let missing = cli.path("no/such/dir/x.sqlite")
        for command in [["score"], ["report", "units"], ["explain", Fixture.nipA], ["check"], ["config", "show"], ["rules", "show"]] {
            let result = try cli.run(["--db", missing] + command, db: false)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("Tidak ada basis data di \(missing)"), "\(command): \(result.stderr)")
            #expect(!result.stdout.contains("pegawai"))
        }
        let english = try cli.run(["--db", missing, "--lang", "en", "score"], db: false)
        #expect(english.stderr.contains("There is no database at \(missing)"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("no")))
    }

    @Test func anEmptyDatabaseOptionIsAUsageError() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["--db", "", "score"], db: false)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--db kosong"))
        #expect(!FileManager.default.fileExists(atPath: cli.path(".local/share/ipasn/ipasn.sqlite")))
    }

    @Test func aWriteCommandCreatesTheDatabaseAndSaysSoOnce() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let units = try cli.write("units.csv", Fixture.units)
        let first = try cli.ok(["import", "units", units])
        #expect(first.stderr.contains("database baru dibuat: \(cli.database.path)"))
        let second = try cli.ok(["import", "units", units])
        #expect(!second.stderr.contains("database baru dibuat"))
        #expect(try cli.ok(["config", "show"]).stdout.contains("units:             3"))
    }

    @Test func aReadOnlyDatabaseIsReadAndWritesAreRefusedCleanly() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        guard ReadOnlyFiles.isSupported(in: cli.directory) else { return }
        try Fixture.load(into: cli)
        // The database, alone in a directory that (like the file) cannot be written.
        let directory = cli.path("arsip")
        let database = directory + "/ipasn.sqlite"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: cli.database.path, toPath: database)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let paths = [database, directory]
        try ReadOnlyFiles.protect(paths)
        defer { ReadOnlyFiles.restore(paths) }
        func run(_ args: [String]) throws -> CLI.Result { try cli.run(["--db", database] + args, db: false) }
        let score = try run(["score", "--year", "2024"])
        #expect(score.status == 0, "\(score.stderr)")
        #expect(score.stdout.contains("Ayu Lestari"))
        #expect(try run(["report", "units", "--year", "2024"]).stdout.contains("DINAS.01"))
        #expect(try run(["explain", Fixture.nipA, "--year", "2024"]).stdout.contains("Ayu Lestari"))
        #expect(try run(["check"]).stdout.contains("OK"))
        let refused = try run(["import", "units", cli.path("units.csv")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("tidak bisa ditulis"), "\(refused.stderr)")
        #expect(!refused.stderr.lowercased().contains("sqlite"))
        ReadOnlyFiles.restore(paths)
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
    }

    @Test func aSkipInvalidImportThatCannotWriteItsRejectedFileImportsNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let file = try cli.write(
            "more.csv",
            """
            nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan
            \(Fixture.nipB),3,,Pelatihan Baru,BKPSDM,2024-05-06,2024-05-08,20,,Y
            199912312020121099,3,,Tidak Dikenal,BKPSDM,2024-05-06,2024-05-08,20,,Y

            """)
        try FileManager.default.createSymbolicLink(atPath: cli.path("more.rejected.csv"), withDestinationPath: "/dev/full")
        let result = try cli.run(["import", "diklat", file, "--skip-invalid"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("TIDAK ADA yang diimpor"))
        #expect(!result.stdout.contains("imported 1"))
        let rows = try CLI.jsonArray(
            try cli.ok(["score", "--year", "2024", "--nip", Fixture.nipB, "--format", "json"]).stdout)
        // B's score is the fixture's own: the new 20 JP course was not imported.
        #expect(rows.first?["total"] as? Double == 60.5)
    }
}
