import Foundation
import Testing

@Suite struct CLITests {
    @Test func importThenScoreJSONMatchesTheWorkedExamples() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let r = try cli.ok(["score", "--year", "2024", "--format", "json"])
        let rows = try CLI.jsonArray(r.stdout)
        #expect(rows.count == 3)
        let expectedKeys: Set<String> = [
            "nip", "nama", "kode_unit", "year", "kualifikasi", "kompetensi", "kinerja", "disiplin", "total", "category",
            "complete", "missing",
        ]
        for row in rows { #expect(Set(row.keys) == expectedKeys) }
        let byNIP = Dictionary(uniqueKeysWithValues: rows.map { ($0["nip"] as! String, $0) })

        let a = try #require(byNIP[Fixture.nipA])
        #expect(a["kualifikasi"] as? Double == 15)
        #expect(a["kompetensi"] as? Double == 40)
        #expect(a["kinerja"] as? Double == 25)
        #expect(a["disiplin"] as? Double == 5)
        #expect(a["total"] as? Double == 85)
        #expect(a["category"] as? String == "Tinggi")
        #expect(a["complete"] as? Bool == true)
        #expect((a["missing"] as? [String]) == [])
        #expect(a["year"] as? Int == 2024)
        #expect(a["kode_unit"] as? String == "DINAS.01")
        #expect(a["nama"] as? String == "Ayu Lestari, S.Pd.")

        let b = try #require(byNIP[Fixture.nipB])
        #expect(b["kualifikasi"] as? Double == 5)
        #expect(b["kompetensi"] as? Double == 22.5)
        #expect(b["kinerja"] as? Double == 30)
        #expect(b["disiplin"] as? Double == 3)
        #expect(b["total"] as? Double == 60.5)
        #expect(b["category"] as? String == "Sangat Rendah")

        let c = try #require(byNIP[Fixture.nipC])
        #expect(c["kualifikasi"] as? Double == 20)
        #expect(c["kompetensi"] as? Double == 25)
        #expect(c["kinerja"] as? Double == 15)
        #expect(c["total"] as? Double == 65)
        #expect(c["category"] as? String == "Rendah")
    }

    @Test func missingDataIsReportedForAYearWithoutSKP() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let rows = try CLI.jsonArray(try cli.ok(["score", "--year", "2023", "--nip", Fixture.nipA, "--format", "json"]).stdout)
        #expect(rows.count == 1)
        #expect(rows[0]["complete"] as? Bool == false)
        #expect(rows[0]["missing"] as? [String] == ["skp"])
        #expect(rows[0]["kinerja"] as? Double == 0)
    }

    @Test func unitReportFoldsSubunitsIntoHandCheckedMeans() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let rows = try CLI.jsonArray(try cli.ok(["report", "units", "--year", "2024", "--format", "json"]).stdout)
        let keys: Set<String> = [
            "kode", "nama", "induk", "pegawai", "complete_pegawai", "kualifikasi", "kompetensi", "kinerja", "disiplin",
            "total", "category",
        ]
        for row in rows { #expect(Set(row.keys) == keys) }
        // Tree order.
        #expect(rows.map { $0["kode"] as? String } == ["PEMDA", "DINAS", "DINAS.01"])
        #expect(rows[0]["induk"] is NSNull)
        #expect(rows[2]["induk"] as? String == "DINAS")

        // DINAS.01: A (85) and B (60.5).
        let bidang = rows[2]
        #expect(bidang["pegawai"] as? Int == 2)
        #expect(bidang["complete_pegawai"] as? Int == 2)
        #expect(bidang["kualifikasi"] as? Double == 10)  // (15 + 5) / 2
        #expect(bidang["kompetensi"] as? Double == 31.25)  // (40 + 22.5) / 2
        #expect(bidang["kinerja"] as? Double == 27.5)  // (25 + 30) / 2
        #expect(bidang["disiplin"] as? Double == 4)  // (5 + 3) / 2
        #expect(bidang["total"] as? Double == 72.75)
        #expect(bidang["category"] as? String == "Sedang")

        // DINAS: C (65) plus its sub-unit: 210.5 / 3.
        for row in rows.prefix(2) {
            #expect(row["pegawai"] as? Int == 3)
            #expect(row["kualifikasi"] as? Double == 13.33)  // 40 / 3
            #expect(row["kompetensi"] as? Double == 29.17)  // 87.5 / 3
            #expect(row["kinerja"] as? Double == 23.33)  // 70 / 3
            #expect(row["disiplin"] as? Double == 4.33)  // 13 / 3
            #expect(row["total"] as? Double == 70.17)  // 210.5 / 3
            #expect(row["category"] as? String == "Rendah")
        }
    }

    @Test func scoreUnitIncludesSubunitsAndTableAndCSVWork() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let dinas = try CLI.jsonArray(try cli.ok(["score", "--year", "2024", "--unit", "DINAS", "--format", "json"]).stdout)
        #expect(Set(dinas.compactMap { $0["nip"] as? String }) == [Fixture.nipA, Fixture.nipB, Fixture.nipC])
        let bidang = try CLI.jsonArray(try cli.ok(["score", "--year", "2024", "--unit", "DINAS.01", "--format", "json"]).stdout)
        #expect(bidang.count == 2)

        let csv = try cli.ok(["score", "--year", "2024", "--format", "csv"]).stdout
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "nip,nama,kode_unit,year,kualifikasi,kompetensi,kinerja,disiplin,total,category,complete,missing")
        #expect(lines.count == 4)
        #expect(lines.contains { $0.hasPrefix(Fixture.nipB) && $0.contains(",60.5,Sangat Rendah,true,") })

        let table = try cli.ok(["score", "--year", "2024"]).stdout
        #expect(table.contains("Tinggi") && table.contains("Sangat Rendah"))
        for line in table.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
        let report = try cli.ok(["report", "units", "--year", "2024"]).stdout
        for line in report.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
        #expect(report.contains("70,17"), "Indonesian by default: a decimal comma")
        // The widest rows: incomplete (`*`) and "Sangat Rendah" (no SKP in 2023).
        let incomplete = try cli.ok(["score", "--year", "2023"]).stdout
        #expect(incomplete.contains("Sangat Rendah") && incomplete.contains("*"))
        for line in incomplete.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
        let lowReport = try cli.ok(["report", "units", "--year", "2023"]).stdout
        #expect(lowReport.contains("Sangat Rendah"))
        for line in lowReport.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
    }

    @Test func invalidFileIsRefusedWholeWithLineAndColumn() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        let bad = try cli.write(
            "diklat-bad.csv",
            """
            nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan
            \(Fixture.nipA),3,,Pelatihan Baik,BKPSDM,2024-02-05,2024-02-07,24,,Y
            \(Fixture.nipA),3,,Pelatihan JP Salah,BKPSDM,2024-02-05,2024-02-07,dua puluh,,Y
            \(Fixture.nipB),3,,Pelatihan Tanggal Salah,BKPSDM,31-02-2024,2024-03-01,8,,Y
            999999999999999999,3,,Pelatihan NIP Asing,BKPSDM,2024-02-05,2024-02-07,8,,Y

            """)
        // Indonesian by default (issue 8: the messages are Indonesian when --lang id, the default, is in force).
        let id = try cli.run(["import", "diklat", bad])
        #expect(id.status == 1)
        #expect(id.stderr.contains("baris 3, kolom jp: JP \"dua puluh\" harus bilangan bulat positif"), "\(id.stderr)")
        #expect(id.stderr.contains("baris 5, kolom nip:"), "\(id.stderr)")
        #expect(id.stderr.contains("3 masalah ditemukan; tidak ada yang diimpor."), "\(id.stderr)")
        let r = try cli.run(["import", "--lang", "en", "diklat", bad])
        #expect(r.status == 1)
        #expect(r.stderr.contains("line 3, column jp:"), "\(r.stderr)")
        #expect(r.stderr.contains("line 4, column tanggal_mulai:"), "\(r.stderr)")
        #expect(r.stderr.contains("line 5, column nip:"), "\(r.stderr)")
        #expect(!r.stdout.contains("imported"))
        // Nothing was imported, not even the good row 2.
        let export = try cli.ok(["export", "diklat"]).stdout
        #expect(export.split(separator: "\n").count == 1)
    }

    @Test func skipInvalidImportsTheRestAndWritesTheRejectedFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["import", "units", try cli.write("units.csv", Fixture.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Fixture.pegawai)])
        let file = try cli.write(
            "skp.csv",
            """
            nip,tahun,predikat,nilai
            \(Fixture.nipA),2024,baik,
            \(Fixture.nipB),2024,luar biasa,
            \(Fixture.nipC),2023,,82.5

            """)
        let r = try cli.run(["import", "--lang", "en", "skp", file, "--skip-invalid"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("imported 2 skp rows"), "\(r.stdout)")
        #expect(r.stderr.contains("line 3, column predikat:"))
        let rejectedPath = cli.path("skp.rejected.csv")
        #expect(r.stdout.contains(rejectedPath))
        let rejected = try String(contentsOfFile: rejectedPath, encoding: .utf8)
        #expect(rejected.contains("alasan"))
        #expect(rejected.contains("luar biasa"))
        #expect(!rejected.contains(Fixture.nipA))
        let export = try cli.ok(["export", "skp"]).stdout
        #expect(export.contains("\(Fixture.nipC),2023,,82.5"))
        #expect(!export.contains(Fixture.nipB))
    }

    @Test func explainShowsIdentityAndReasons() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let r = try cli.ok(["--lang", "en", "explain", Fixture.nipA, "--year", "2024"])
        #expect(r.stdout.contains("NIP: 19860926 201505 1 001"))
        #expect(r.stdout.contains("Ayu Lestari"))
        #expect(r.stdout.contains("teknis: 24 of 20 JP in 2024, 15 of 15"))
        #expect(r.stdout.contains("seminar: 1 in 2023–2024, 10 of 10"))
        #expect(r.stdout.contains("education: highest S-1, 15"))
        #expect(r.stdout.contains("Total: 85 (High)"))
        // Indonesian on request; spaces in the NIP are accepted.
        let id = try cli.ok(["explain", "19900101 201402 2 002", "--year", "2024", "--lang", "id"])
        #expect(id.stdout.contains("Total: 60,5 (Sangat Rendah)"))
        #expect(id.stdout.contains("teguran") || id.stdout.contains("ringan"))
        // Indonesian by default too (issue 8: --lang id is the default).
        let byDefault = try cli.ok(["explain", "19900101 201402 2 002", "--year", "2024"])
        #expect(byDefault.stdout == id.stdout)
        let unknown = try cli.run(["explain", "200012312024121001", "--year", "2024"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("tidak ada pegawai dengan NIP 200012312024121001"), "\(unknown.stderr)")
        let unknownEN = try cli.run(["--lang", "en", "explain", "200012312024121001", "--year", "2024"])
        #expect(unknownEN.stderr.contains("no employee with NIP 200012312024121001"))
    }

    @Test func checkPrintsOKAndConfigYearDrivesTheDefault() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let check = try cli.ok(["check"])
        #expect(check.stdout == "OK\n")
        try cli.ok(["config", "year", "2024"])
        #expect(try cli.ok(["config", "year"]).stdout == "2024\n")
        // Without --year the setting applies.
        let rows = try CLI.jsonArray(try cli.ok(["score", "--nip", Fixture.nipA, "--format", "json"]).stdout)
        #expect(rows.first?["total"] as? Double == 85)
        #expect(try cli.ok(["config", "show"]).stdout.contains("measurement year:  2024"))
    }

    @Test func usageErrorsExitTwoAndInputErrorsExitOne() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let badFormat = try cli.run(["score", "--format", "xml"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("xml"))
        #expect(!badFormat.stderr.contains("Fatal error"))
        let badKind = try cli.run(["import", "gaji", cli.path("x.csv")])
        #expect(badKind.status == 2)
        let missingFile = try cli.run(["import", "diklat", cli.path("nope.csv")])
        #expect(missingFile.status == 1)
        #expect(missingFile.stderr.contains("nope.csv"))
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("import") && help.stdout.contains("report"))
    }

    @Test func databaseDefaultsToEnvironmentThenHome() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let envDB = cli.path("env.sqlite")
        try cli.run(["config", "year", "2022"], db: false, environment: ["IPASN_DB": envDB]).expectSuccess()
        #expect(FileManager.default.fileExists(atPath: envDB))
        try cli.run(["config", "year", "2021"], db: false).expectSuccess()
        #expect(FileManager.default.fileExists(atPath: cli.path(".local/share/ipasn/ipasn.sqlite")))
    }

    @Test func exportRoundTripsThroughImport() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let other = try CLI()
        defer { other.cleanUp() }
        for kind in ["units", "pegawai", "pendidikan", "diklat", "skp", "disiplin"] {
            let file = cli.path("export-\(kind).csv")
            try cli.ok(["export", kind, "--out", file])
            try other.ok(["import", kind, file])
            #expect(try other.ok(["export", kind]).stdout == (try String(contentsOfFile: file, encoding: .utf8)))
        }
        let a = try cli.ok(["score", "--year", "2024", "--format", "csv"]).stdout
        let b = try other.ok(["score", "--year", "2024", "--format", "csv"]).stdout
        #expect(a == b)
        let json = try CLI.jsonArray(try cli.ok(["export", "skp", "--format", "json"]).stdout)
        #expect(json.count == 3)
        #expect(json.first?["tahun"] as? Int == 2024)
    }

    @Test func siasnKursusExportUsesDayFirstDates() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let csv = try cli.ok(["export", "siasn-kursus"]).stdout
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "nip,jenisDiklatId,namaKursus,institusiPenyelenggara,tanggalKursus,tanggalSelesaiKursus,jumlahJam,nomorSertipikat,tahunKursus"
        )
        #expect(lines.contains("\(Fixture.nipA),3,Pelatihan Kurikulum Merdeka,BBGP,05-02-2024,07-02-2024,24,,2024"))
        #expect(lines.count == 8)
    }

    @Test func rulesShowCheckAndUse() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Reading never creates a database: the sample makes it first.
        try Fixture.load(into: cli)
        let show = try cli.ok(["rules", "show"])
        #expect(show.stdout.contains("bkn-2019"))
        let json = try cli.ok(["rules", "show", "--format", "json"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["id"] as? String == "bkn-2019")
        let bad = try cli.write("bad-rules.json", #"{"base": "bkn-2019", "kompetensi": {"teknis_minimum_jp": "dua puluh"}}"#)
        let checked = try cli.run(["rules", "check", bad])
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("teknis_minimum_jp"))
        let good = try cli.write(
            "rules.json", #"{"base": "bkn-2019", "id": "kab-contoh", "kompetensi": {"teknis_minimum_jp": 25}}"#)
        #expect(try cli.ok(["rules", "check", good]).stdout.contains("OK"))
        try cli.ok(["rules", "use", good])
        #expect(try cli.ok(["config", "show"]).stdout.contains("kab-contoh"))
        // 24 teknis JP no longer reach the minimum of 25: A loses the 15 teknis points.
        let rows = try CLI.jsonArray(try cli.ok(["score", "--year", "2024", "--nip", Fixture.nipA, "--format", "json"]).stdout)
        #expect(rows.first?["total"] as? Double == 70)
        try cli.ok(["rules", "use", "bkn-2019"])
        let back = try CLI.jsonArray(try cli.ok(["score", "--year", "2024", "--nip", Fixture.nipA, "--format", "json"]).stdout)
        #expect(back.first?["total"] as? Double == 85)
    }

    @Test func demoFillsOnceAndWritesCSV() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.ok(["demo", "--pegawai", "60", "--seed", "3"])
        #expect(r.stdout.contains("60 pegawai"))
        #expect(try cli.ok(["check"]).stdout == "OK\n")
        let again = try cli.run(["demo", "--pegawai", "60"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
        let dir = cli.path("csv")
        try cli.ok(["demo", "--pegawai", "60", "--seed", "3", "--csv-dir", dir])
        for name in ["units", "pegawai", "pendidikan", "diklat", "skp", "disiplin"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/\(name).csv"))
        }
        // The CSV files import cleanly into a fresh database.
        let fresh = try CLI()
        defer { fresh.cleanUp() }
        for name in ["units", "pegawai", "pendidikan", "diklat", "skp", "disiplin"] {
            try fresh.ok(["import", name, dir + "/\(name).csv"])
        }
        let a = try cli.ok(["score", "--format", "csv"]).stdout
        let b = try fresh.ok(["score", "--format", "csv"]).stdout
        #expect(a == b)
    }
}

extension CLI.Result {
    func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 0, "\(stderr)", sourceLocation: sourceLocation)
    }
}
