import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let unitTotals: [StoreBehaviour] = [
        StoreBehaviour("per-unit totals stay equal to a full recompute through random saves, moves, undo and imports") { make in
            let store = try seeded(make)
            try store.saveUnit(OrgUnit(kode: "LAIN", nama: "Bagian Lain", induk: "ROOT"))
            // Nine more employees over the three units, so that every unit has several.
            var nips = [nipA, nipB, nipC]
            let units = ["ROOT", "SUB", "LAIN"]
            for index in 0..<9 {
                let nip = "19800101200501\(String(format: "%04d", 1010 + index))"
                try store.savePegawai(
                    Pegawai(nip: nip, nama: "Pegawai \(index)", kodeUnit: units[index % 3], jenisJabatan: .pelaksana))
                nips.append(nip)
            }
            // A second cached year, kept current like the measurement year.
            try store.recomputeAll(year: 2023)
            var random = SplitMixRandom(seed: 14)
            var imports = 0
            for step in 0..<160 {
                let nip = nips[random.below(nips.count)]
                switch random.below(9) {
                case 0, 1:
                    _ = try? store.add(teknis(nip, "Kursus \(random.below(6))", jp: 10 + random.below(30)))
                case 2:
                    _ = try? store.add(
                        .skp(SKP(nip: nip, tahun: 2023 + random.below(2), nilai: Double(40 + random.below(6_000)) / 100)))
                case 3:
                    if let record = try store.records(nip: nip)?.diklat.first {
                        let other = nips[random.below(nips.count)]  // the update may move it to another employee
                        _ = try? store.update(RecordID(kind: .diklat, id: record.id), to: teknis(other, "Pindah \(step)", jp: 5 + random.below(30)))
                    }
                case 4:
                    if let records = try store.records(nip: nip), let skp = records.skp.last {
                        _ = try? store.delete(RecordID(kind: .skp, id: skp.id))
                    } else if let diklat = try store.records(nip: nip)?.diklat.last {
                        _ = try? store.delete(RecordID(kind: .diklat, id: diklat.id))
                    }
                case 5:
                    // A mutasi to another unit, or leaving / coming back (inactive).
                    var pegawai = try #require(try store.pegawai(nip: nip))
                    if random.below(2) == 0 { pegawai.kodeUnit = units[random.below(3)] } else { pegawai.aktif.toggle() }
                    try store.savePegawai(pegawai)
                case 6:
                    _ = try? store.undoLast(session: "test")
                case 7:
                    _ = try? store.redoLast(session: "test")
                default:
                    imports += 1
                    var rows = ArrayRowSource(
                        kind: .diklat,
                        rows: (0..<4).map { line in
                            Line(line + 2, .record(teknis(nips[random.below(nips.count)], "Impor \(imports)-\(line)", jp: 8 + line)))
                        })
                    _ = try store.importRows(&rows, skipInvalid: random.below(2) == 0)
                }
                if step % 20 == 19 || step == 159 {
                    for year in [2023, 2024] { try expectTotalsMatchRecompute(store, year: year, step: step) }
                }
            }
            #expect(try store.check() == [])
        }
    ]

    /// `directUnitTotals(year:)` equals the sums of fresh scores (the active ruleset over
    /// every active employee's records), unit by unit: counts exactly, points within 1e-9.
    static func expectTotalsMatchRecompute(_ store: any Store, year: Int, step: Int) throws {
        let engine = ScoringEngine(ruleset: try store.ruleset())
        var fresh: [String: ScoreTotals] = [:]
        try store.forEachEmployeeRecords(inUnit: nil) { records in
            fresh[records.pegawai.kodeUnit, default: ScoreTotals()].add(engine.score(records, year: year))
        }
        let kept = try store.directUnitTotals(year: year)
        #expect(kept.keys.sorted() == fresh.keys.sorted(), "units with totals after step \(step), \(year)")
        for (unit, expected) in fresh {
            let totals = try #require(kept[unit])
            #expect(totals.pegawai == expected.pegawai, "\(unit) \(year) after step \(step)")
            #expect(totals.completePegawai == expected.completePegawai, "\(unit) \(year) after step \(step)")
            for dimension in [\ScoreTotals.kualifikasi, \.kompetensi, \.kinerja, \.disiplin] {
                #expect(abs(totals[keyPath: dimension] - expected[keyPath: dimension]) < 1e-9, "\(unit) \(year) after step \(step)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) for the random-operation behaviours.
struct SplitMixRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
