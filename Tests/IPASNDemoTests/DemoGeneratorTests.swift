import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTestSupport
import Testing

@testable import IPASNDemo

private let today = TestClock.today

private func allLines(_ g: DemoGenerator, _ kind: CSVFileKind) -> [String] {
    Array(g.csvLines(kind))
}

@Suite struct DemoGeneratorTests {
    @Test func sameSeedGivesIdenticalOutput() {
        let a = DemoGenerator(seed: 7, pegawai: 300, today: today)
        let b = DemoGenerator(seed: 7, pegawai: 300, today: today)
        for kind in CSVFileKind.allCases {
            #expect(allLines(a, kind) == allLines(b, kind), "kind \(kind)")
        }
    }

    @Test func differentSeedGivesDifferentOutput() {
        let a = DemoGenerator(seed: 1, pegawai: 200, today: today)
        let b = DemoGenerator(seed: 2, pegawai: 200, today: today)
        #expect(allLines(a, .pegawai) != allLines(b, .pegawai))
        #expect(allLines(a, .diklat) != allLines(b, .diklat))
        // The unit tree depends on the size only.
        #expect(a.units() == b.units())
    }

    @Test func everyNIPIsValidAndUnique() {
        let g = DemoGenerator(seed: 3, pegawai: 3000, today: today)
        var seen = Set<String>()
        var pppk = 0
        for i in 0..<g.pegawaiCount {
            let p = g.pegawai(i)
            #expect(NIP.validate(p.nip, status: p.status, today: today).isEmpty, "\(p.nip) \(p.status)")
            #expect(seen.insert(p.nip).inserted, "duplicate NIP \(p.nip)")
            if p.status == .pppk { pppk += 1 }
        }
        // Most are PNS, some PPPK.
        #expect(pppk > 3000 / 50 && pppk < 3000 / 3)
    }

    @Test func everyRowParsesWithRecordParser() {
        let g = DemoGenerator(seed: 11, pegawai: 400, today: today)
        let parser = RecordParser(today: today)
        for kind in CSVFileKind.allCases {
            let header = ImportFormat.header(kind)
            var source = g.rowSource(kind)
            var rows = 0
            while let line = try? source.next() {
                let fields: [String]
                switch line.value {
                case .unit(let u): fields = ImportFormat.fields(u)
                case .pegawai(let p): fields = ImportFormat.fields(p)
                case .record(let r): fields = ImportFormat.fields(r)
                case .invalid(let f): Issue.record("invalid demo row: \(f)"); continue
                }
                let dict = Dictionary(uniqueKeysWithValues: zip(header, fields))
                switch kind {
                case .units:
                    if case .failure(let f) = parser.unit(dict) { Issue.record("unit: \(f)") }
                case .pegawai:
                    switch parser.pegawai(dict) {
                    case .failure(let f): Issue.record("pegawai: \(f)")
                    case .success(let (_, warnings)): #expect(warnings.isEmpty, "\(dict)")
                    }
                default:
                    switch parser.record(kind.recordKind!, dict) {
                    case .failure(let f): Issue.record("\(kind) \(dict): \(f)")
                    case .success(let record):
                        // The parsed record equals the generated one: the CSV form is lossless.
                        if case .record(let original) = line.value { #expect(record == original) }
                    }
                }
                rows += 1
            }
            #expect(rows > 0, "no \(kind) rows")
        }
    }

    @Test func noDuplicateRecordsAndNoFutureDates() {
        let g = DemoGenerator(seed: 5, pegawai: 500, today: today)
        for i in 0..<g.pegawaiCount {
            let r = g.records(i)
            let all = r.pendidikan.map(Record.pendidikan) + r.diklat.map(Record.diklat) + r.skp.map(Record.skp)
                + r.disiplin.map(Record.disiplin)
            let keys = all.map(DuplicateKey.of)
            #expect(Set(keys).count == keys.count, "duplicate record for \(r.pegawai.nip)")
            let validator = RecordValidator(today: today)
            for record in all {
                let issues = validator.validate(record).filter { $0.severity == .error }
                #expect(issues.isEmpty, "\(record): \(issues)")
            }
        }
    }

    @Test func countsScaleWithSize() {
        let small = DemoGenerator(seed: 1, pegawai: 1000, today: today)
        let large = DemoGenerator(seed: 1, pegawai: 4000, today: today)
        func count(_ g: DemoGenerator, _ kind: CSVFileKind) -> Int { allLines(g, kind).count - 1 }
        #expect(count(small, .pegawai) == 1000)
        #expect(count(large, .pegawai) == 4000)
        #expect(small.units().count < large.units().count)
        for g in [small, large] {
            let perEmployee = Double(count(g, .diklat)) / Double(g.pegawaiCount)
            #expect(perEmployee > 15 && perEmployee < 25, "diklat per employee \(perEmployee)")
            let skpPerEmployee = Double(count(g, .skp)) / Double(g.pegawaiCount)
            #expect(skpPerEmployee > 3 && skpPerEmployee <= 5)
        }
        #expect(count(large, .diklat) > 3 * count(small, .diklat))
    }

    @Test func provinceScaleHasAboutThreeHundredUnitsInATree() {
        let units = DemoGenerator.makeUnits(pegawai: 50_000).0
        #expect(units.count >= 250 && units.count <= 350, "\(units.count) units")
        #expect(units.filter { $0.induk == nil }.count == 1)
        let known = Set(units.map(\.kode))
        #expect(units.allSatisfy { $0.induk == nil || known.contains($0.induk!) })
        #expect(units.contains { $0.nama == "Dinas Pendidikan" })
        #expect(units.contains { $0.nama == "Inspektorat Daerah" })
        // Tree order: each parent before its children.
        var listed = Set<String>()
        for u in units {
            if let induk = u.induk { #expect(listed.contains(induk)) }
            listed.insert(u.kode)
        }
    }

    @Test func jabatanMixAndEdgeCases() {
        let g = DemoGenerator(seed: 9, pegawai: 4000, today: today)
        var jabatan: [JenisJabatan: Int] = [:]
        var jp19 = 0
        var jp20 = 0
        var missingSKP = 0
        var punished = 0
        var numericSKP = 0
        var strukturalWithLeadership = 0
        for i in 0..<g.pegawaiCount {
            let r = g.records(i)
            jabatan[r.pegawai.jenisJabatan, default: 0] += 1
            for year in [today.year - 1, today.year] {
                let jp = r.diklat.filter { DemoGenerator.teknisIDs.contains($0.jenis.id) && $0.tanggalSelesai.year == year }
                    .reduce(0) { $0 + $1.jp }
                if jp == 19 { jp19 += 1 }
                if jp == 20 { jp20 += 1 }
            }
            if !r.skp.contains(where: { $0.tahun == today.year }) { missingSKP += 1 }
            if !r.disiplin.isEmpty { punished += 1 }
            if r.skp.contains(where: { $0.nilai != nil }) { numericSKP += 1 }
            if r.pegawai.jenisJabatan == .struktural && r.diklat.contains(where: { $0.jenis == .struktural }) {
                strukturalWithLeadership += 1
            }
        }
        let n = Double(g.pegawaiCount)
        #expect(Double(jabatan[.struktural]!) / n > 0.03 && Double(jabatan[.struktural]!) / n < 0.08)
        #expect(Double(jabatan[.fungsional]!) / n > 0.3 && Double(jabatan[.fungsional]!) / n < 0.5)
        #expect(jp19 > 10 && jp20 > 10)
        #expect(missingSKP > 40 && Double(missingSKP) / n < 0.15)
        #expect(punished > 5 && punished < 80)
        #expect(numericSKP > 100)
        #expect(Double(strukturalWithLeadership) > 0.7 * Double(jabatan[.struktural]!))
    }

    @Test func writesThroughTheStoreAndPassesItsChecks() throws {
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        let g = DemoGenerator(seed: 4, pegawai: 150, today: store.context.today)
        let counts = try g.write(to: store)
        #expect(counts.pegawai == 150)
        #expect(try store.countPegawai() == 150)
        #expect(counts.units == g.units().count)
        #expect(counts.diklat == allLines(g, .diklat).count - 1)
        #expect(try store.check().isEmpty)
    }

    @Test func writesCSVFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let g = DemoGenerator(seed: 2, pegawai: 120, today: today)
        let counts = try g.writeCSV(to: dir)
        for kind in CSVFileKind.allCases {
            let text = try String(contentsOf: dir.appendingPathComponent(kind.fileName), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map(String.init) == ImportFormat.header(kind).joined(separator: ","))
            #expect(lines.count - 2 == counts[kind], "\(kind)")  // header and the final empty line
        }
        #expect(counts.pegawai == 120)
    }

    @Test func splitMixIsStable() {
        var rng = SplitMix64(seed: 0)
        // Reference values of SplitMix64 for seed 0.
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
