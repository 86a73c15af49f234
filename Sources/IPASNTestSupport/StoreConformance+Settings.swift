import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let settings: [StoreBehaviour] = [
        StoreBehaviour("the measurement year defaults to the clock's year, is set and audited") { make in
            let store = try make(TestClock.context())
            #expect(try store.measurementYear() == 2025)  // TestClock: 10 January 2025
            try store.setMeasurementYear(2023)
            #expect(try store.measurementYear() == 2023)
            let first = try lastAudit(store)
            #expect(first.action == .config)
            #expect(first.subject == .setting(.measurementYear))
            #expect(first.old == nil)
            #expect(first.new == .measurementYear(2023))
            #expect(first.actor == "test")
            #expect(first.at == TestClock.now)
            try store.setMeasurementYear(2024)
            let second = try lastAudit(store)
            #expect(second.old == .measurementYear(2023))
            #expect(second.new == .measurementYear(2024))
            #expect(second.id > first.id)
        },
        StoreBehaviour("saves return the score of the measurement year, whichever it is") { make in
            let store = try seeded(make)
            // C: 20 JP teknis ending 2024-03-03: 22.5 kompetensi in 2024, nothing in 2025.
            #expect(try store.add(teknis(nipC)).score.kompetensi == 22.5)
            try store.setMeasurementYear(2025)
            let result = try store.add(.skp(SKP(nip: nipC, tahun: 2025, predikat: .baik)))
            #expect(result.score.year == 2025)
            #expect(result.score.kompetensi == 0)
            #expect(result.score.kinerja == 25)
            #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 22.5)
            #expect(try store.check() == [])
        },
        StoreBehaviour("the ruleset is bkn-2019 until one is installed; installing recomputes every score") { make in
            let store = try seeded(make)
            try store.setMeasurementYear(2024)
            #expect(try store.ruleset() == .bkn2019)
            var rules = Ruleset.bkn2019
            rules.id = "test"
            rules.disiplin.none = 0
            try store.setRuleset(rules)
            #expect(try store.ruleset() == rules)
            // B has no records: 5 (no punishment) under bkn-2019, 0 under the test ruleset.
            #expect(try store.score(nip: nipB, year: 2024)?.disiplin == 0)
            #expect(try store.unitFigures(year: 2024).first?.meanTotal == 0)
            let installed = try lastAudit(store)
            #expect(installed.action == .config)
            #expect(installed.subject == .setting(.ruleset))
            #expect(installed.old == nil)
            #expect(installed.new == .ruleset(rules))
            try store.setRuleset(nil)
            #expect(try store.ruleset() == .bkn2019)
            #expect(try store.score(nip: nipB, year: 2024)?.disiplin == 5)
            let removed = try lastAudit(store)
            #expect(removed.old == .ruleset(rules))
            #expect(removed.new == nil)
            #expect(try store.check() == [])
        },
    ]

    static let unitsAndEmployees: [StoreBehaviour] = [
        StoreBehaviour("units are saved by kode, replaced, audited, and refuse cycles and unknown parents") { make in
            let store = try seeded(make)
            #expect(try store.units().map(\.kode) == ["ROOT", "SUB"])
            try store.saveUnit(OrgUnit(kode: "AAA", nama: "Dinas A", induk: "ROOT"))
            #expect(try store.units().map(\.kode) == ["AAA", "ROOT", "SUB"])
            let added = try lastAudit(store)
            #expect(added.action == .insert)
            #expect(added.subject == .unit("AAA"))
            #expect(added.new == .unit(OrgUnit(kode: "AAA", nama: "Dinas A", induk: "ROOT")))
            try store.saveUnit(OrgUnit(kode: "AAA", nama: "Dinas Arsip", induk: "SUB"))
            #expect(try store.units().first?.nama == "Dinas Arsip")
            let replaced = try lastAudit(store)
            #expect(replaced.action == .update)
            #expect(replaced.old == .unit(OrgUnit(kode: "AAA", nama: "Dinas A", induk: "ROOT")))
            #expect(replaced.new == .unit(OrgUnit(kode: "AAA", nama: "Dinas Arsip", induk: "SUB")))

            let before = try store.auditLog(limit: 100).count
            #expect(refusal { try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota", induk: "AAA")) } == [.unitCycle("AAA")])
            #expect(refusal { try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "SUB")) } == [.unitCycle("SUB")])
            #expect(refusal { try store.saveUnit(OrgUnit(kode: "X", nama: "X", induk: "NOWHERE")) } == [.unknownUnit("NOWHERE")])
            #expect(refusal { try store.saveUnit(OrgUnit(kode: "Y", nama: "  ")) } == [.required])
            #expect(try store.units().first { $0.kode == "ROOT" }?.induk == nil)
            #expect(try store.units().count == 3)
            #expect(try store.auditLog(limit: 100).count == before)
        },
        StoreBehaviour("employees are saved by NIP, audited, listed by unit and counted") { make in
            let store = try seeded(make)
            #expect(try store.countPegawai() == 3)
            #expect(try store.pegawai(nip: nipA)?.nama == "Andi")
            #expect(try store.pegawai(nip: SmallProvince.stranger) == nil)
            #expect(try store.pegawai(inUnit: "ROOT", includeSubunits: true).map(\.nama) == ["Andi", "Budi", "Citra"])
            #expect(try store.pegawai(inUnit: "ROOT", includeSubunits: false).map(\.nama) == ["Andi"])
            #expect(try store.pegawai(inUnit: "SUB", includeSubunits: true).map(\.nama) == ["Budi", "Citra"])

            let moved = Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .fungsional, aktif: false)
            try store.savePegawai(moved)
            #expect(try store.pegawai(nip: nipB) == moved)
            #expect(try store.countPegawai() == 3)
            // Inactive employees are still listed (they are left out of scores and figures only).
            #expect(try store.pegawai(inUnit: "ROOT", includeSubunits: false).map(\.nama) == ["Andi", "Budi Santoso"])
            let audit = try lastAudit(store)
            #expect(audit.action == .update)
            #expect(audit.subject == .pegawai(nipB))
            #expect(audit.nip == nipB)
            #expect(audit.old == .pegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana)))
            #expect(audit.new == .pegawai(moved))

            let dewi = Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "NOPE", jenisJabatan: .pelaksana)
            #expect(refusal { try store.savePegawai(dewi) } == [.unknownUnit("NOPE")])
            #expect(try store.countPegawai() == 3)
            var placed = dewi
            placed.kodeUnit = "SUB"
            try store.savePegawai(placed)
            #expect(try lastAudit(store).action == .insert)
            // A new employee is scored at once: no records, 5 points for no punishment.
            #expect(try store.score(nip: placed.nip, year: 2024)?.total == 5)
            #expect(try store.check() == [])
        },
        StoreBehaviour("search finds names by part (any case) and NIPs by prefix (spaces ignored)") { make in
            let store = try seeded(make)
            #expect(try store.searchPegawai("cit", limit: 10).map(\.nip) == [nipC])
            #expect(try store.searchPegawai("ANDI", limit: 10).map(\.nip) == [nipA])
            #expect(try store.searchPegawai("19860926 2015", limit: 10).map(\.nip) == [nipA])
            #expect(try store.searchPegawai("1990", limit: 10).map(\.nip) == [nipB])
            // Every name contains "i" and the empty text: ordered by name, cut at the limit.
            #expect(try store.searchPegawai("i", limit: 10).map(\.nama) == ["Andi", "Budi", "Citra"])
            #expect(try store.searchPegawai("", limit: 2).map(\.nama) == ["Andi", "Budi"])
            #expect(try store.searchPegawai("i", limit: 0).isEmpty)
            // Wildcards of any query language are plain characters.
            #expect(try store.searchPegawai("%", limit: 10).isEmpty)
            #expect(try store.searchPegawai("_", limit: 10).isEmpty)
            #expect(try store.searchPegawai("*", limit: 10).isEmpty)
            #expect(try store.searchPegawai("Zainal", limit: 10).isEmpty)
        },
    ]
}
