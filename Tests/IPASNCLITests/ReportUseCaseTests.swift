import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// Saturday 2024-11-30 12:00 UTC, for the CLI (`IPASN_NOW`) and the workstation alike.
private let fixedNow = "2024-11-30T12:00:00Z"
private let fixedDate = Date(timeIntervalSince1970: 1_732_968_000)
private let clock = ["IPASN_NOW": fixedNow, "TZ": "UTC"]

/// The worked examples imported at the fixed time (14 records: 10 in DINAS.01, 4 in DINAS).
private func loadAtFixedTime(_ cli: CLI) throws {
    for (kind, text) in [
        ("units", Fixture.units), ("pegawai", Fixture.pegawai), ("pendidikan", Fixture.pendidikan),
        ("diklat", Fixture.diklat), ("skp", Fixture.skp), ("disiplin", Fixture.disiplin),
    ] {
        let result = try cli.run(["import", kind, try cli.write("\(kind).csv", text)], environment: clock)
        #expect(result.status == 0, "\(result.stderr)")
    }
}

private func ok(_ cli: CLI, _ args: [String]) throws -> String {
    let result = try cli.run(args, environment: clock)
    #expect(result.status == 0, "ipasn \(args.joined(separator: " ")): \(result.stderr)")
    return result.stdout
}

@Suite struct ReportUseCaseTests {
    @Test func progressListsMarksWithFigures() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try loadAtFixedTime(cli)
        let store = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: StoreContext.currentUser(), now: { fixedDate }))
        try store.setProgress(unit: "DINAS.01", dimension: .pendidikan, done: true)
        try store.setProgress(unit: "DINAS.01", dimension: .kinerja, done: true)
        let rows = try CLI.jsonArray(try ok(cli, ["report", "progress", "--year", "2024", "--format", "json"]))
        #expect(rows.map { $0["kode"] as? String } == ["PEMDA", "DINAS", "DINAS.01"])
        let bidang = rows[2]
        #expect(bidang["pendidikan"] as? Bool == true)
        #expect(bidang["kompetensi"] as? Bool == false)
        #expect(bidang["kinerja"] as? Bool == true)
        #expect(bidang["finished"] as? Bool == false)
        #expect(bidang["pegawai"] as? Int == 2)
        // Ayu 85 and Budi 60.5: mean 72.75 (Sedang).
        #expect(bidang["total"] as? Double == 72.75)
        #expect(bidang["category"] as? String == "Sedang")
        let table = try ok(cli, ["report", "progress", "--year", "2024"])
        #expect(table.contains("P·N·"))
        #expect(table.contains("3 unit, 3 masih berjalan, tahun 2024"))
        // The marks' column is named in Indonesian as the dashboard names it ("Done" before).
        #expect(table.split(separator: "\n").first?.hasSuffix("Kategori      Sls") == true, "\(table)")
        #expect(table.contains("Sls (selesai diinput) = P pendidikan, K kompetensi, N kinerja, D disiplin"))
    }

    @Test func activityCountsTodayAndThisWeekByUnitAndByAdmin() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try loadAtFixedTime(cli)
        // Imported today: nothing typed, 14 rows imported (10 in DINAS.01). Today and Week count
        // imported records as entered, as the dashboard does (the demo alone is left out).
        let units = try CLI.jsonArray(try ok(cli, ["report", "activity", "--format", "json"]))
        #expect(
            units.map { "\($0["kode"]!) \($0["today"]!)/\($0["week"]!) \($0["entered"]!)+\($0["imported"]!)" } == [
                "PEMDA 14/14 0+14", "DINAS 14/14 0+14", "DINAS.01 10/10 0+10",
            ])
        #expect(units.first?["last"] as? String == "2024-11-30 12:00:00")
        let actors = try CLI.jsonArray(try ok(cli, ["report", "activity", "--by", "admin", "--unit", "DINAS.01", "--format", "json"]))
        #expect(actors.map { "\($0["actor"]!) \($0["imported"]!)" } == ["\(StoreContext.currentUser()) 10"])
        #expect(try ok(cli, ["report", "activity", "--by", "actor", "--unit", "DINAS.01", "--format", "json"]) == (try ok(cli, ["report", "activity", "--by", "admin", "--unit", "DINAS.01", "--format", "json"])))
        // Three days later (Tuesday of the next week) nothing counts in today's period.
        let later = try cli.run(["report", "activity", "--format", "csv"], environment: ["IPASN_NOW": "2024-12-03T08:00:00Z", "TZ": "UTC"])
        #expect(later.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",0,0,0,0,0,0,0,") })
        let table = try ok(cli, ["report", "activity"])
        #expect(
            table.contains(
                "Input hari ini 14, minggu ini 14 (sejak Senin 2024-11-25)\n30-11-2024..30-11-2024: diketik 0, diubah 0, dihapus 0, diimpor 14, demo 0"),
            "\(table)")
        #expect(try cli.run(["report", "activity", "--unit", "NOPE"], environment: clock).status == 1)
        #expect(try cli.run(["report", "activity"], environment: ["IPASN_NOW": "yesterday"]).status == 1)
        #expect(try cli.run(["report", "activity", "--since", "2024-12-01", "--until", "2024-11-30"], environment: clock).status == 1)
    }

    @Test func missingListsWhoLacksWhat() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try loadAtFixedTime(cli)
        // 2024: everyone has an education, an SKP and a course.
        #expect(try CLI.jsonArray(try ok(cli, ["report", "missing", "--year", "2024", "--format", "json"])).isEmpty)
        // 2025: no SKP and no course yet; DINAS (Citra) before DINAS.01 (Ayu, Budi).
        let csv = try ok(cli, ["report", "missing", "--year", "2025", "--format", "csv"])
        #expect(
            csv.split(separator: "\n") == [
                "nip,nama,kode_unit,pendidikan,skp,kompetensi",
                "\(Fixture.nipC),\"Citra Dewi, S.E., M.M.\",DINAS,false,true,true",
                "\(Fixture.nipA),\"Ayu Lestari, S.Pd.\",DINAS.01,false,true,true",
                "\(Fixture.nipB),Budi Santoso,DINAS.01,false,true,true",
            ])
        let table = try ok(cli, ["report", "missing", "--year", "2025", "--unit", "DINAS.01"])
        #expect(table.contains("2 dari 2 pegawai aktif belum lengkap untuk 2025 (lengkap 0%): pendidikan 0, skp 2; tanpa kompetensi tahun ini: 2"))
        #expect(try cli.run(["report", "missing", "--unit", "NOPE"], environment: clock).status == 1)
    }

    /// The same database asked the same questions through the CLI and through the workstation.
    @Test func theCLIAndTheWorkstationGiveTheSameAnswers() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try loadAtFixedTime(cli)
        let context = StoreContext(actor: StoreContext.currentUser(), now: { fixedDate }, timeZone: TimeZone(identifier: "UTC")!)
        let store = try SQLiteStore(path: cli.database.path, context: context)
        try store.setMeasurementYear(2024)
        // Two courses typed today, after the 14 rows imported today (both count as entered).
        for nip in [Fixture.nipA, Fixture.nipC] {
            try store.add(
                .diklat(
                    Diklat(
                        nip: nip, jenis: JenisDiklat.withID(3)!, nama: "Bimtek Hari Ini", penyelenggara: "BPSDM",
                        tanggalMulai: LocalDate(year: 2024, month: 11, day: 25)!, tanggalSelesai: LocalDate(year: 2024, month: 11, day: 26)!,
                        jp: 8)))
        }
        let planRows = try CLI.jsonArray(try ok(cli, ["report", "interventions", "--year", "2024", "--by", "index", "--format", "json"]))
        let progress = try CLI.jsonArray(try ok(cli, ["report", "progress", "--year", "2024", "--format", "json"]))
        let activity = try CLI.jsonArray(try ok(cli, ["report", "activity", "--format", "json"]))
        #expect(activity.map { "\($0["kode"]!) \($0["today"]!)/\($0["week"]!)" } == ["PEMDA 16/16", "DINAS 16/16", "DINAS.01 11/11"])

        let screen = VirtualScreen(size: Size(width: 100, height: 30))
        screen.enqueue(.function(5))
        screen.enqueue(text: "i")
        screen.enqueue(text: "s")  // units with their sub-units, as `--by index`
        let station = try Workstation(store: store, screen: screen, language: .en, context: context)
        try station.run()

        // Interventions: the view's rows are the CLI's rows, in the same order.
        let view = try #require(station.app.top as? InterventionView)
        #expect(view.rows.count == planRows.count)
        #expect(planRows.count == 5)
        for (row, json) in zip(view.rows, planRows) {
            #expect(row.unit.kode == json["kode"] as? String)
            #expect(row.intervention.rawValue == json["intervention"] as? String)
            #expect(row.totals.beneficiaries == json["beneficiaries"] as? Int)
            #expect(row.totals.pegawai == json["pegawai"] as? Int)
            #expect(NumberText.round(row.meanBefore) == json["mean_before"] as? Double)
            #expect(NumberText.round(row.meanAfter) == json["mean_after"] as? Double)
        }
        // ... and the screen shows them in that order.
        let drawn = rankedRows(screen.lastFrame!)
        #expect(drawn.count == planRows.count)
        for (line, json) in zip(drawn, planRows) {
            #expect(line.contains("\(json["beneficiaries"]!)/\(json["pegawai"]!)"), "\(line)")
            // The rises as the means are shown: the index's, then the unit mean's.
            let index = NumberText.round(json["index_after"] as! Double) - NumberText.round(json["index_before"] as! Double)
            let mean = NumberText.round(json["mean_after"] as! Double) - NumberText.round(json["mean_before"] as! Double)
            // `*` where the index changes category (70.17 Low -> 76.00 Medium for the seminar).
            let marked = json["index_category_before"] as? String != json["index_category_after"] as? String
            #expect(line.contains("+\(NumberText.decimal(index, .en))\(marked ? "*" : "") +\(NumberText.decimal(mean, .en))"), "\(line)")
        }

        // The dashboard (the frame before "i"): its summary and its rows against `report progress`/`activity`.
        let dashboard = try #require(screen.frames.last { $0.text.contains("Supervisor Dashboard") })
        let inProgress = progress.filter { $0["finished"] as? Bool == false }.count
        let total = try #require(activity.first { $0["kode"] as? String == "PEMDA" })
        #expect(inProgress == 3)
        #expect(dashboard.text.contains("3 units, \(inProgress) still entering data. Entered today \(total["today"]!), this week \(total["week"]!)."))
        for unit in progress {
            let name = String((unit["name"] as! String).prefix(16))
            let line = try #require(dashboard.lines().first { $0.contains(" \(name)") }, "\(name)")
            #expect(line.contains(NumberText.decimal(unit["total"] as! Double, .en)), "\(line)")
            let counts = try #require(activity.first { $0["kode"] as? String == unit["kode"] as? String })
            let lastTwo = line.split(separator: " ").suffix(2).map(String.init)
            #expect(lastTwo == ["\(counts["today"]!)", "\(counts["week"]!)"], "\(line)")
        }
        // By whom, for the selected (first) unit: the message row and `report activity --by actor`.
        let board = try #require(station.app.stack.compactMap { $0 as? DashboardView }.first)
        let selected = try #require(board.figures.first).unit.kode
        let actors = try CLI.jsonArray(try ok(cli, ["report", "activity", "--by", "admin", "--unit", selected, "--format", "json"]))
        let byWhom = actors.map { "\($0["actor"]!) \($0["week"]!)" }.joined(separator: ", ")
        #expect(byWhom.hasPrefix("\(StoreContext.currentUser()) "))
        #expect(dashboard.text.contains("Entered this week by: \(byWhom)"), "\(selected)")
    }
}

extension ReportUseCaseTests {
    /// `report missing` and the workstation's list (`l` on a unit) from one database in 2025.
    @Test func theMissingListIsTheSameInBothFrontEnds() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try loadAtFixedTime(cli)
        _ = try ok(cli, ["config", "year", "2025"])
        let printed = try CLI.jsonArray(try ok(cli, ["report", "missing", "--unit", "DINAS", "--format", "json"]))
        #expect(printed.count == 3)

        let context = StoreContext(actor: StoreContext.currentUser(), now: { fixedDate }, timeZone: TimeZone(identifier: "UTC")!)
        let store = try SQLiteStore(path: cli.database.path, context: context)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.enqueue(.down)  // PEMDA, DINAS, DINAS.01
        screen.enqueue(text: "l")
        let station = try Workstation(store: store, screen: screen, language: .id, context: context)
        try station.run()
        let view = try #require(station.app.top as? MissingView)
        #expect(view.unit.kode == "DINAS")
        #expect(view.entries.map(\.pegawai.nip) == printed.map { $0["nip"] as! String })
        for (entry, json) in zip(view.entries, printed) {
            for kind in MissingRecordKinds.all {
                #expect(entry.missing.map(\.rawValue).contains(kind) == (json[kind] as? Bool), "\(entry.pegawai.nip) \(kind)")
            }
        }
        #expect(screen.lastFrame?.text.contains("3 dari 3 pegawai aktif belum lengkap (lengkap 0%): pendidikan 0, SKP 3") == true)
    }
}

/// The boolean keys of `report missing`'s JSON: the contract compared here.
private enum MissingRecordKinds {
    static let all = ["pendidikan", "skp", "kompetensi"]
}

/// The list rows of a frame (lines with a rank number and a rise), in order.
private func rankedRows(_ grid: CellGrid) -> [String] {
    grid.lines().filter { line in
        let trimmed = line.drop { $0 == " " }
        return line.hasPrefix(" ") && trimmed.first?.isNumber == true && trimmed.contains("+")
    }
}

extension ReportUseCaseTests {
    /// Seventh user test (branch ux8): the dashboard's "Hari ini" counted the operator's load of
    /// a kabupaten, and `report activity`'s "Masuk hari ini" was another figure than the
    /// workstation's. With a unit admin on file, the operator's 14 imported rows are set apart;
    /// Ani (admin of DINAS.01) typed one course: both front ends say 1 today, 1 this week, and
    /// name the operator's 14 beside it.
    @Test func anOperatorsImportIsNotTodaysInputOnTheDashboardNorInTheCLI() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try loadAtFixedTime(cli)  // the first login: the operator
        _ = try ok(cli, ["users", "add", "ani", "--role", "admin", "--unit", "DINAS.01"])
        let utc = TimeZone(identifier: "UTC")!
        let ani = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: "ani", now: { fixedDate }, timeZone: utc))
        try ani.add(
            .diklat(
                Diklat(
                    nip: Fixture.nipA, jenis: JenisDiklat.withID(3)!, nama: "Bimtek Hari Ini", tanggalMulai: LocalDate(year: 2024, month: 11, day: 25)!,
                    tanggalSelesai: LocalDate(year: 2024, month: 11, day: 26)!, jp: 8)))
        let units = try CLI.jsonArray(try ok(cli, ["report", "activity", "--format", "json"]))
        #expect(
            units.map { "\($0["kode"]!) \($0["today"]!)/\($0["week"]!) \($0["entered"]!)+\($0["imported"]!)" } == [
                "PEMDA 1/1 1+14", "DINAS 1/1 1+14", "DINAS.01 1/1 1+10",
            ])
        let table = try ok(cli, ["report", "activity"])
        #expect(
            table.contains(
                "Input hari ini 1, minggu ini 1 (sejak Senin 2024-11-25)\nImpor operator tidak dihitung: hari ini 14, minggu ini 14\n"),
            "\(table)")
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(table)")
        let admins = try CLI.jsonArray(try ok(cli, ["report", "activity", "--by", "admin", "--format", "json"]))
        #expect(
            Set(admins.map { "\($0["actor"]!) \($0["today"]!) \($0["imported"]!)" })
                == ["ani 1 0", "\(StoreContext.currentUser()) 0 14"])

        let context = StoreContext(actor: StoreContext.currentUser(), now: { fixedDate }, timeZone: utc)
        let store = try SQLiteStore(path: cli.database.path, context: context)
        let screen = VirtualScreen(size: Size(width: 80, height: 24))
        screen.enqueue(.function(5))
        let station = try Workstation(store: store, screen: screen, language: .id, context: context)
        try station.run()
        let dashboard = try #require(screen.frames.last { $0.text.contains("Hari ini 1, minggu ini 1") }, "\(screen.lastFrame!)")
        #expect(dashboard.text.contains("3 unit (3 dlm proses). Hari ini 1, minggu ini 1 (+14 impor operator)"))
    }
}
