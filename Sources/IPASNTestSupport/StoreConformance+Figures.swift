import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// ``SmallProvince`` with records, measured in 2024 (bkn-2019, pelaksana):
    /// A (ROOT): S-1 15 + kompetensi 0 + SKP Baik 25 + no punishment 5 = 45, complete;
    /// B (SUB): 0 + 0 + 0 + 5 = 5; C (SUB): 0 + 20 JP teknis 22.5 + 0 + 5 = 27.5.
    static func figuresStore(_ make: StoreFactory) throws -> any Store {
        let store = try seeded(make)
        try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, tanggalLulus: d("2010-08-01"))))
        try store.add(.skp(SKP(nip: nipA, tahun: 2024, predikat: .baik)))
        try store.add(teknis(nipC))
        return store
    }

    static let figures: [StoreBehaviour] = [
        StoreBehaviour("unit figures fold sub-units into exact means, in tree order") { make in
            let store = try figuresStore(make)
            let direct = try store.directUnitTotals(year: 2024)
            #expect(direct.keys.sorted() == ["ROOT", "SUB"])
            #expect(direct["ROOT"]?.pegawai == 1)
            #expect(direct["ROOT"]?.total == 45)
            #expect(direct["SUB"]?.pegawai == 2)
            #expect(direct["SUB"]?.total == 32.5)  // 5 + 27.5
            #expect(direct["SUB"]?.completePegawai == 0)
            let figures = try store.unitFigures(year: 2024)
            #expect(figures.map(\.unit.kode) == ["ROOT", "SUB"])
            let root = figures[0]
            let sub = figures[1]
            #expect(root.depth == 0)
            #expect(sub.depth == 1)
            #expect(sub.totals.pegawai == 2)
            #expect(sub.meanTotal == 16.25)  // 32.5 / 2
            #expect(sub.mean(.kompetensi) == 11.25)  // 22.5 / 2
            #expect(root.totals.pegawai == 3)
            #expect(root.totals.completePegawai == 1)  // only A has both pendidikan and SKP
            #expect(root.mean(.kompetensi) == 7.5)  // 22.5 / 3
            #expect(root.mean(.kualifikasi) == 5)  // 15 / 3
            #expect(root.mean(.kinerja) == 25.0 / 3)
            #expect(abs(root.meanTotal - 77.5 / 3) < 1e-9)  // (45 + 5 + 27.5) / 3
        },
        StoreBehaviour("scores list active employees by unit then name; inactive ones are left out of figures") { make in
            let store = try figuresStore(make)
            let all = try store.scores(year: 2024, unit: nil)
            #expect(all.map(\.pegawai.nama) == ["Andi", "Budi", "Citra"])
            #expect(all.map(\.score.total) == [45, 5, 27.5])
            #expect(try store.scores(year: 2024, unit: "SUB").map(\.pegawai.nama) == ["Budi", "Citra"])
            try store.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana, aktif: false))
            let figures = try store.unitFigures(year: 2024)
            #expect(figures[1].totals.pegawai == 1)
            #expect(figures[1].meanTotal == 27.5)
            #expect(figures[0].totals.pegawai == 2)
            #expect(figures[0].meanTotal == 36.25)  // (45 + 27.5) / 2
            #expect(try store.scores(year: 2024, unit: "SUB").map(\.pegawai.nip) == [nipC])
            // Scores of one employee are still there for the inactive.
            #expect(try store.score(nip: nipB, year: 2024)?.total == 5)
            #expect(try store.check() == [])
        },
        StoreBehaviour("another year is computed on request, then kept current by every change") { make in
            let store = try figuresStore(make)
            // In 2025 A's 2024 SKP and C's 2024 course no longer count: A 15 + 0 + 0 + 5.
            #expect(try store.score(nip: nipA, year: 2025)?.total == 20)
            #expect(try store.unitFigures(year: 2025)[1].mean(.kompetensi) == 0)
            try store.add(.skp(SKP(nip: nipB, tahun: 2023, predikat: .sangatBaik)))
            #expect(try store.unitFigures(year: 2023)[1].mean(.kinerja) == 15)  // B's 30 over two
            try store.add(.skp(SKP(nip: nipC, tahun: 2023, predikat: .kurang)))
            #expect(try store.unitFigures(year: 2023)[1].mean(.kinerja) == 17.5)  // (30 + 5) / 2
            let skp = try #require(try store.records(nip: nipB)?.skp.first)
            try store.delete(RecordID(kind: .skp, id: skp.id))
            #expect(try store.unitFigures(year: 2023)[1].mean(.kinerja) == 2.5)
            let audited = try store.auditLog(limit: 1000).count
            try store.recomputeAll(year: 2022)
            #expect(try store.auditLog(limit: 1000).count == audited, "a recompute changes no data: not audited")
            #expect(try store.directUnitTotals(year: 2022)["ROOT"]?.total == 20)  // A: S-1 (2010) + no punishment
            #expect(try store.check() == [])
        },
        StoreBehaviour("one employee's score is computed for any year; an unknown NIP has none") { make in
            let store = try figuresStore(make)
            #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 22.5)
            #expect(try store.score(nip: nipA, year: 2030)?.kualifikasi == 15)
            #expect(try store.score(nip: SmallProvince.stranger, year: 2024) == nil)
            #expect(try store.check() == [])
        },
        StoreBehaviour("forEachEmployeeRecords streams active employees of a unit and its sub-units in NIP order") { make in
            let store = try figuresStore(make)
            var seen: [String] = []
            var diklat: [String: Int] = [:]
            try store.forEachEmployeeRecords(inUnit: nil) { records in
                seen.append(records.pegawai.nip)
                diklat[records.pegawai.nip] = records.diklat.count
            }
            #expect(seen == [nipC, nipA, nipB])  // 1975..., 1986..., 1990...
            #expect(diklat == [nipA: 0, nipB: 0, nipC: 1])
            seen = []
            try store.forEachEmployeeRecords(inUnit: "SUB") { seen.append($0.pegawai.nip) }
            #expect(seen == [nipC, nipB])
            try store.savePegawai(Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .pelaksana, aktif: false))
            seen = []
            try store.forEachEmployeeRecords(inUnit: "ROOT") { seen.append($0.pegawai.nip) }
            #expect(seen == [nipA, nipB])
            var scored: [Double] = []
            let engine = ScoringEngine(ruleset: try store.ruleset())
            try store.forEachEmployeeRecords(inUnit: "ROOT") { scored.append(engine.score($0, year: 2024).total) }
            #expect(scored == [45, 5])
        },
        StoreBehaviour("check() is clean for a store kept only through the protocol") { make in
            #expect(try make(TestClock.context()).check() == [])
            let store = try figuresStore(make)
            #expect(try store.check() == [])
            try store.setRuleset(nil)
            try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT"))
            #expect(try store.check() == [])
        },
    ]
}
