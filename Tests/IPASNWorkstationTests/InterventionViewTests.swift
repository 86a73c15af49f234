import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

let pelaksana12NIP = "198501012010011001"
let pelaksanaFullNIP = "198602022011012002"
let administratorNIP = "197503032000031003"
let fungsionalFullNIP = "198804042012012004"

/// Dinas Perhubungan (root) with Bidang Lalu Lintas, four employees, measurement year 2024.
/// Scores by hand (bkn-2019):
/// - Eko (pelaksana, Bidang): S-1 15, 12 JP teknis in 2024 (short of 20: 0), no seminar,
///   SKP Sangat Baik 30, disiplin 5: total 50. A 20-JP teknis course would make 32 JP:
///   +22,5 (72,5); a seminar +17,5 (67,5).
/// - Fitri (pelaksana, Bidang): S-1 15, 24 JP teknis + a seminar in 2024 (40), SKP 30,
///   disiplin 5: total 90; kompetensi full, nothing would raise her.
/// - Gunawan (struktural administrator, Dinas): teknis 20 JP 15 + seminar 10, no PIM III
///   (0 of 15), disiplin 5: total 30. Only the leadership course raises him: +15 (45).
/// - Hana (fungsional, Dinas): fungsional 15 + teknis 15 + seminar 10, disiplin 5: total 45,
///   nothing would raise her.
/// Bidang: mean (50 + 90) / 2 = 70,00; teknis +22,5/2 = 11,25 -> 81,25 (Rendah -> Tinggi);
/// seminar +8,75 -> 78,75 (Rendah -> Sedang).
/// Dinas (with Bidang): mean 215 / 4 = 53,75; teknis +5,625 -> 59,375 (59,38), seminar
/// +4,375 -> 58,125 (58,13), kepemimpinan +3,75 -> 57,50; all Sangat Rendah.
/// The index (the Dinas's 4 employees, 53,75) rises by the same gains over 4: teknis +5,63
/// (Bidang's row and the Dinas's: Eko's 22,5 either way; Bidang first, its mean rises more),
/// seminar +4,38, kepemimpinan +3,75; it stays Sangat Rendah.
func makeInterventionStore() throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory(context: testContext)
    try store.setMeasurementYear(2024)
    try store.saveUnit(OrgUnit(kode: "DISHUB", nama: "Dinas Perhubungan"))
    try store.saveUnit(OrgUnit(kode: "DISHUB.1", nama: "Bidang Lalu Lintas", induk: "DISHUB"))
    try store.savePegawai(Pegawai(nip: pelaksana12NIP, nama: "Eko Prasetyo", kodeUnit: "DISHUB.1", jenisJabatan: .pelaksana))
    try store.savePegawai(Pegawai(nip: pelaksanaFullNIP, nama: "Fitri Handayani", kodeUnit: "DISHUB.1", jenisJabatan: .pelaksana))
    try store.savePegawai(
        Pegawai(nip: administratorNIP, nama: "Gunawan Wibisono", kodeUnit: "DISHUB", jenisJabatan: .struktural, jenjang: "Administrator"))
    try store.savePegawai(
        Pegawai(nip: fungsionalFullNIP, nama: "Hana Pertiwi", kodeUnit: "DISHUB", jenisJabatan: .fungsional, jenjang: "Analis Kebijakan Ahli Muda"))
    func teknis(_ nip: String, _ jp: Int, _ name: String) -> Record {
        .diklat(Diklat(nip: nip, jenis: JenisDiklat.withID(3)!, nama: name, tanggalMulai: day("2024-03-01"), tanggalSelesai: day("2024-03-05"), jp: jp))
    }
    func seminar(_ nip: String) -> Record {
        .diklat(Diklat(nip: nip, jenis: JenisDiklat.withID(9)!, nama: "Seminar Transportasi", tanggalMulai: day("2024-06-10"), tanggalSelesai: day("2024-06-10"), jp: 8))
    }
    for nip in [pelaksana12NIP, pelaksanaFullNIP] {
        try store.add(.pendidikan(Pendidikan(nip: nip, tingkat: .s1, tanggalLulus: day("2008-08-30"), namaSekolah: "Universitas Hasanuddin")))
        try store.add(.skp(SKP(nip: nip, tahun: 2024, predikat: .sangatBaik)))
    }
    try store.add(teknis(pelaksana12NIP, 12, "Pelatihan Rambu"))
    try store.add(teknis(pelaksanaFullNIP, 24, "Pelatihan Rekayasa Lalu Lintas"))
    try store.add(seminar(pelaksanaFullNIP))
    try store.add(teknis(administratorNIP, 20, "Pelatihan Perencanaan"))
    try store.add(seminar(administratorNIP))
    try store.add(
        .diklat(Diklat(nip: fungsionalFullNIP, jenis: .fungsional, nama: "Diklat Fungsional Analis Kebijakan", tanggalMulai: day("2020-03-01"), tanggalSelesai: day("2020-03-20"), jp: 60)))
    try store.add(teknis(fungsionalFullNIP, 20, "Pelatihan Analisis Data"))
    try store.add(seminar(fungsionalFullNIP))
    return store
}

/// Runs a workstation over scripted input, returning the screen and the station (for its cache).
func runStation(
    _ store: Store, size: Size = Size(width: 80, height: 24), language: Language = .id,
    sourceLocation: SourceLocation = #_sourceLocation, script: (VirtualScreen) -> Void
) throws -> (VirtualScreen, Workstation) {
    let screen = VirtualScreen(size: size)
    script(screen)
    let station = try Workstation(store: store, screen: screen, language: language, context: testContext)
    try station.run()
    screen.expectEveryCheckpointReached(sourceLocation: sourceLocation)
    return (screen, station)
}

/// The list rows of a frame (lines starting with a rank number and showing a rise), in order.
func rankedRows(_ grid: CellGrid) -> [String] {
    grid.lines().filter { line in
        let trimmed = line.drop { $0 == " " }
        return line.hasPrefix(" ") && trimmed.first?.isNumber == true && trimmed.contains("+")
    }
}

@Suite struct InterventionViewTests {
    @Test func ranksUnitsByTheRiseOfTheIndexWithIndonesianNumbers() throws {
        let store = try makeInterventionStore()
        let (screen, _) = try runStation(store) { s in
            s.enqueue(.function(5))
            s.enqueue(text: "i")
            s.enqueue(text: "s")  // the subtree order these figures were worked for (the default is each unit's own employees)
        }
        // "Menghitung" is on the screen before any figure is.
        let computing = try #require(screen.frames.firstIndex { $0.text.contains("Menghitung potensi intervensi…") })
        let result = try #require(screen.frames.firstIndex { $0.text.contains("peluang") })
        #expect(computing < result)
        #expect(!screen.frames[computing].text.contains("Teknis 20 JP"))

        let grid = screen.lastFrame!
        #expect(grid.text.contains("Potensi Intervensi"))
        #expect(grid.text.contains("5 peluang di 2 unit & sub-unit, urut kenaikan indeks (4 pegawai, kini 53,75)."))
        #expect(grid.line(2).contains("Naik Indeks+  Unit+ Kat.baru"), "\(grid.line(2))")
        let rows = rankedRows(grid)
        #expect(rows.count == 5, "fungsional helps nobody; Fitri and Hana gain nothing: \(rows)")
        guard rows.count == 5 else { return }
        // Index rise, then the unit mean's rise, then the unit's new category.
        #expect(rows[0].contains("Bidang Lalu Lintas") && rows[0].contains("Teknis 20 JP") && rows[0].contains(" 1/2 "))
        #expect(rows[0].contains(" +5,63 +11,25 Tinggi"), "\(rows[0])")
        #expect(rows[1].contains("Dinas Perhubungan") && rows[1].contains("Teknis 20 JP") && rows[1].contains(" 1/4 "))
        #expect(rows[1].contains(" +5,63  +5,63"), "\(rows[1])")
        #expect(rows[2].contains("Bidang Lalu Lintas") && rows[2].contains("Seminar") && rows[2].contains(" +4,38  +8,75 Sedang"))
        #expect(rows[3].contains("Dinas Perhubungan") && rows[3].contains("Seminar") && rows[3].contains(" +4,38  +4,38"))
        #expect(rows[4].contains("Dinas Perhubungan") && rows[4].contains("Kepemimpinan") && rows[4].contains(" +3,75  +3,75"))
        #expect(!rows[1].contains("Rendah"), "no category change in the Dinas: the column stays empty")
        #expect(!rows.contains { $0.contains("*") }, "the index stays Sangat Rendah")
        // The selected (first) row in words below the list: the index, then the unit mean.
        #expect(grid.text.contains("Diklat teknis 20 JP untuk 1 dari 2 pegawai Bidang Lalu Lintas"))
        #expect(grid.lines().contains { $0.trimmingCharacters(in: .whitespaces) == "Indeks 53,75 -> 59,38 (+5,63)  Sangat Rendah" })
        #expect(grid.text.contains("Rata-rata unit 70,00 -> 81,25 (+11,25)  Rendah -> Tinggi"))
        // 80x24: nothing wider than the screen, no figure cut.
        for line in grid.lines() { #expect(DisplayWidth.width(of: line) <= 80) }
        for row in rows { #expect(!row.contains("…"), "\(row)") }
        #expect(grid.line(23).contains("Esc Kembali"))
    }

    @Test func wideTerminalGetsFullNamesAndCounts() throws {
        let store = try makeInterventionStore()
        let (screen, _) = try runStation(store, size: Size(width: 130, height: 30)) { s in s.enqueue(text: "i") }
        let rows = rankedRows(screen.lastFrame!)
        #expect(rows.first?.contains("Diklat teknis 20 JP") == true)
        #expect(rows.first?.contains("1 dari 2 pegawai") == true)
        #expect(rows.first?.contains("Rendah -> Tinggi") == true)
        #expect(rows.last?.contains("Diklat kepemimpinan") == true)
        #expect(rows.last?.contains("Sangat Rendah") == true, "unchanged category shown as it is")
    }

    @Test func enterListsExactlyTheEmployeesWhoGainAndOpensTheirPage() throws {
        let store = try makeInterventionStore()
        func people(_ list: ScreenCheckpoint) -> [String] { list.lines.filter { $0.contains(" -> ") && $0.hasPrefix(" 19") } }
        _ = try runStation(store) { s in
            s.press(.interventions, in: .units)
            s.press(.sort, in: .interventions)  // the subtree order these figures were worked for (the default is each unit's own employees)
            s.press(.moveDown, in: .interventions)
            s.checkpoint { plan in
                #expect(plan.selection?.contains("Dinas Perhubungan") == true)
                #expect(plan.selection?.contains("Teknis 20 JP") == true)
            }
            s.press(.open, in: .interventions)
            s.checkpoint { teknis in
                #expect(teknis.shows("Diklat teknis 20 JP — Dinas Perhubungan"))
                let eko = people(teknis)
                #expect(eko.count == 1)
                #expect(eko.first?.contains(pelaksana12NIP) == true)
                #expect(eko.first?.contains("Eko Prasetyo") == true)
                #expect(eko.first?.contains(" Pel ") == true)
                #expect(eko.first?.contains("50 -> 72,5 (+22,5)") == true)
                #expect(eko.first?.contains("Sedang") == true, "Sangat Rendah -> Sedang")
                for other in ["Fitri", "Gunawan", "Hana"] { #expect(!teknis.text.contains(other)) }
            }
            s.press(.back)
            s.press(.last, in: .interventions)  // Dinas Perhubungan, kepemimpinan
            s.press(.open, in: .interventions)
            s.checkpoint { leadership in
                let leaders = people(leadership)
                #expect(leaders.count == 1)
                #expect(leaders.first?.contains("Gunawan Wibisono") == true)
                #expect(leaders.first?.contains(" Str ") == true)
                #expect(leaders.first?.contains("30 ->   45 (+15)") == true)
            }
            s.press(.open, in: .interventions)
            s.checkpoint { page in #expect(page.shows("Data Pegawai — Gunawan Wibisono"), "Enter opens the employee page") }
        }
    }

    @Test func englishLabelsAndNumbers() throws {
        let store = try makeInterventionStore()
        let (screen, _) = try runStation(store, language: .en) { s in
            s.enqueue(text: "i")
            s.enqueue(text: "s")  // the subtree order these figures were worked for (the default is each unit's own employees)
        }
        #expect(screen.everShowed("Computing the training potential…"))
        let grid = screen.lastFrame!
        #expect(grid.text.contains("Training Potential"))
        let rows = rankedRows(grid)
        #expect(rows.first?.contains("Technical 20 JP") == true)
        #expect(rows.first?.contains(" +5.63 +11.25 High") == true, "\(rows)")
        #expect(grid.text.contains("5 options in 2 units & subunits, by the index's rise (4 employees, now 53.75)."))
        #expect(grid.text.contains("Index 53.75 -> 59.38 (+5.63)  Very Low"))
        #expect(rows.last?.contains("Leadership") == true)
        #expect(grid.text.contains("Technical course 20 JP for 1 of 2 employees of Bidang Lalu Lintas"))
        #expect(grid.text.contains("Unit mean 70.00 -> 81.25 (+11.25)"))
        #expect(!grid.text.contains("Rata-rata"))
    }

    @Test func helpAndKeymapListTheCommand() throws {
        let store = try makeInterventionStore()
        let screen = try run(store) { s in s.enqueue(text: "?") }
        let line = try #require(screen.line(containing: "Potensi intervensi"))
        #expect(line.contains("i,F4"))
        #expect(Keymap.standard.command(for: .char("i"), in: .dashboard) == .interventions)
        #expect(Keymap.standard.command(for: .function(4), in: .units) == .interventions)
        #expect(Keymap.standard.command(for: .char("f"), in: .interventions) == .minimumSize)
        #expect(Keymap.standard.command(for: .char("s"), in: .interventions) == .sort)
        #expect(Keymap.standard.command(for: .enter, in: .interventions) == .open)
    }

    @Test func computedOnceAndAgainOnlyWhenDataChangesOrCtrlL() throws {
        let store = try makeInterventionStore()
        let (screen, station) = try runStation(store) { s in
            s.enqueue(text: "i")
            s.enqueue(.escape)
            s.enqueue(text: "i")  // unchanged data: from the cache
            s.enqueue(.escape)
            s.enqueue(text: "u")  // undoes Hana's seminar (asks first): the data changed
            s.enqueue(text: "y")
            s.enqueue(text: "i")
            s.enqueue(.ctrl("l"))  // forced
            s.enqueue(text: "s")  // the subtree order these figures were worked for (the default is each unit's own employees)
        }
        #expect(station.app.interventions.computations == 3)
        #expect(screen.frames.filter { $0.text.contains("Menghitung potensi") }.count == 3)
        // After the undo Hana (no seminar) gains 10 from a seminar: the Dinas gets a fungsional-free seminar row with 2 of 4.
        let rows = rankedRows(screen.lastFrame!)
        #expect(rows.contains { $0.contains("Dinas Perhubungan") && $0.contains("Seminar") && $0.contains(" 2/4 ") })
    }

    @Test func filterHidesSmallUnits() throws {
        let store = try makeInterventionStore()
        _ = try runStation(store) { s in
            s.press(.interventions, in: .units)
            s.press(.sort, in: .interventions)  // the subtree order these figures were worked for (the default is each unit's own employees)
            s.press(.minimumSize)  // at least 5 employees: none here
            s.checkpoint { hidden in
                #expect(rankedRows(hidden.frame).isEmpty)
                #expect(hidden.shows("Tidak ada unit dengan minimal 5 pegawai"))
                #expect(hidden.shows("Hanya unit dengan minimal 5 pegawai."))
            }
            s.press(.minimumSize)  // 20
            s.press(.minimumSize)  // back to every unit
            s.checkpoint { all in #expect(rankedRows(all.frame).count == 5) }
        }

        let plan = try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019)
        let bigger = plan.rows(by: .index, minimumPegawai: 3)
        #expect(bigger.count == 3)
        #expect(bigger.allSatisfy { $0.unit.kode == "DISHUB" })
    }

    @Test func planAgreesWithThePlannersTallyAndKeepsOnlyGainers() throws {
        let store = try makeInterventionStore()
        let plan = try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019)
        let planner = InterventionPlanner(ruleset: .bkn2019)
        var direct: [String: [Intervention: InterventionTotals]] = [:]
        try store.forEachEmployeeRecords(inUnit: nil) { planner.tally($0, year: 2024, into: &direct) }
        let folded = UnitAggregation.fold(units: try store.units(), direct: direct, zero: [:]) { into, other in
            for (key, value) in other { into[key, default: InterventionTotals()].add(value) }
        }
        for node in folded {
            for intervention in Intervention.allCases {
                let row = plan.rows.first { $0.unit.kode == node.unit.kode && $0.intervention == intervention }
                let expected = node.value[intervention]
                if let expected, expected.beneficiaries > 0 {
                    #expect(row?.totals == expected, "\(node.unit.kode) \(intervention)")
                } else {
                    #expect(row == nil, "\(node.unit.kode) \(intervention)")
                }
            }
        }
        #expect(plan.gainers(unit: "DISHUB", intervention: .teknis).map { "\($0.nip) \($0.gain)" } == ["\(pelaksana12NIP) 22.5"])
        #expect(plan.gainers(unit: "DISHUB", intervention: .kepemimpinan).map { "\($0.nip) \($0.gain)" } == ["\(administratorNIP) 15.0"])
        #expect(plan.gainers(unit: "DISHUB.1", intervention: .kepemimpinan).isEmpty)
        #expect(plan.gainers(unit: "DISHUB", intervention: .fungsional).isEmpty)
    }
}

/// The province of ``RankingProvince`` (figures worked by hand there) on the 80x24 virtual
/// screen: the large unit before the small one by the index, `s` for the unit-mean order and
/// back, the index's category change marked.
@Suite struct InterventionRankingViewTests {
    @Test func sSwitchesBetweenTheIndexAndTheUnitMeanOrder() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        try RankingProvince.seed(store)
        func names(_ rows: [String]) -> [String] {
            rows.map { row in
                let unit = ["Seksi Koleksi", "UPT Museum", "Dinas Pendidikan", "Pemerintah Provinsi Contoh"].first { row.contains($0) } ?? "?"
                return unit + (row.contains("Teknis 20 JP") ? " T" : row.contains("Seminar") ? " S" : " ?")
            }
        }
        _ = try runStation(store) { s in
            s.press(.interventions, in: .units)
            s.press(.sort, in: .interventions)  // from each unit's own employees (the default) to units with their sub-units
            s.checkpoint { plan in
                #expect(plan.shows("8 peluang di 4 unit & sub-unit, urut kenaikan indeks (8 pegawai, kini 63,75)."))
                let rows = rankedRows(plan.frame)
                #expect(
                    names(rows) == [
                        "Pemerintah Provinsi Contoh T", "Pemerintah Provinsi Contoh S", "Dinas Pendidikan T", "Dinas Pendidikan S",
                        "Seksi Koleksi T", "UPT Museum T", "Seksi Koleksi S", "UPT Museum S",
                    ])
                guard rows.count == 8 else { return }
                // 3 of 8 gain 22,5: the index 63,75 -> 72,19 (+8,44), Rendah -> Sedang: marked `*`.
                #expect(rows[0].contains(" 3/8 ") && rows[0].contains(" +8,44*  +8,44 Sedang"), "\(rows[0])")
                // The large unit: 2 of 6, index +5,63 (45 / 8), its mean +7,50 (45 / 6), Rendah -> Sedang.
                #expect(rows[2].contains(" 2/6 ") && rows[2].contains(" +5,63  +7,50 Sedang"), "\(rows[2])")
                // The small sub-unit: 1 of 1, index +2,81 (22,5 / 8), its mean +22,50.
                #expect(rows[4].contains(" 1/1 ") && rows[4].contains(" +2,81 +22,50"), "\(rows[4])")
                #expect(rows.filter { $0.contains("*") }.count == 1)
                for line in plan.lines { #expect(DisplayWidth.width(of: line) <= 80) }
                for row in rows { #expect(!row.contains("…"), "\(row)") }
                // The cursor stayed on the row it was on in the default order (Dinas Pendidikan, teknis).
                #expect(plan.selection?.contains("Dinas Pendidikan") == true && plan.selection?.contains("Teknis 20 JP") == true)
                #expect(plan.shows("*: kategori indeks berubah"))
            }
            s.press(.sort, in: .interventions)  // still on Dinas Pendidikan, teknis
            s.checkpoint { unitMean in
                #expect(unitMean.shows("8 peluang di 4 unit & sub-unit, urut kenaikan rata-rata unit."))
                #expect(unitMean.shows("Urut kenaikan rata-rata unit (unit kecil lebih dulu)."))
                #expect(
                    names(rankedRows(unitMean.frame)) == [
                        "Seksi Koleksi T", "Seksi Koleksi S", "UPT Museum T", "UPT Museum S", "Pemerintah Provinsi Contoh T",
                        "Dinas Pendidikan T", "Pemerintah Provinsi Contoh S", "Dinas Pendidikan S",
                    ])
                // The cursor stays on the row it was on (now sixth).
                #expect(unitMean.selection?.contains("Dinas Pendidikan") == true)
                #expect(unitMean.selection?.contains("Teknis 20 JP") == true)
                #expect(unitMean.lines.contains { $0.trimmingCharacters(in: .whitespaces) == "Indeks 63,75 -> 69,38 (+5,63)  Rendah" })
                #expect(unitMean.shows("Rata-rata unit 66,67 -> 74,17 (+7,50)  Rendah -> Sedang"))
            }
            s.press(.sort, in: .interventions)
            s.checkpoint { back in
                #expect(back.shows("4 peluang di 2 unit, urut kenaikan indeks"))
                #expect(names(rankedRows(back.frame)).first == "Dinas Pendidikan T", "each unit's own employees: no root on top")
            }
        }
    }

    @Test func englishNamesTheOrder() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        try RankingProvince.seed(store)
        _ = try runStation(store, language: .en) { s in
            s.press(.interventions, in: .units)
            s.checkpoint { own in
                #expect(own.shows("4 options in 2 units, by the index's rise (8 employees, now 63.75)."), "\(own)")
            }
            s.press(.sort, in: .interventions)
            s.checkpoint { plan in
                #expect(plan.shows("8 options in 4 units & subunits, by the index's rise (8 employees, now 63.75)."))
                #expect(plan.shows("Index+"))
                #expect(plan.shows("Index 63.75 -> 69.38 (+5.63)  Low"), "the cursor stays on Dinas Pendidikan, teknis")
            }
            s.press(.sort, in: .interventions)
            s.checkpoint { unitMean in
                #expect(unitMean.shows("8 options in 4 units & subunits, by the unit mean's rise."))
                #expect(unitMean.shows("Ranked by the rise of the unit mean (small units first)."))
            }
        }
    }
}
