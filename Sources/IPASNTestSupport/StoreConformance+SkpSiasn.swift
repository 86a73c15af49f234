import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The SKP of an employee by year (its id).
    static func skpID(_ store: any Store, _ nip: String, _ tahun: Int) throws -> RecordID {
        let stored = try #require(try store.records(nip: nip)?.skp.first { $0.value.tahun == tahun })
        return RecordID(kind: .skp, id: stored.id)
    }

    /// What an export of the pending SKP sends: the pending ones SIASN's shape carries.
    static func sendableSKP(_ store: any Store) throws -> [RecordVersion] {
        let pending = try store.recordVersions(kind: .skp, unit: nil, pendingOnly: true)
        var sendable: [RecordVersion] = []
        for (id, version) in pending.sorted(by: { $0.key < $1.key }) {
            let nip = try #require(try store.pendingRecords(unit: "ROOT").first { $0.id == RecordID(kind: .skp, id: id) }?.nip)
            let skp = try #require(try store.records(nip: nip)?.skp.first { $0.id == id }?.value)
            if SKPSiasn.status(skp) == .carried { sendable.append(RecordVersion(id: RecordID(kind: .skp, id: id), version: version)) }
        }
        return sendable
    }

    /// Every pending figure of the store for SKP: per-unit counts, the recount, the records,
    /// the versions an export takes, the `--since` counts.
    static func expectSKPPending(_ store: any Store, _ expected: [String: Int], _ step: String) throws {
        let counts = try store.unitPendingCounts().compactMapValues { $0[.skp] }
        #expect(counts == expected, "unitPendingCounts \(step)")
        var recount: [String: Int] = [:]
        for count in try store.pendingCounts() where count.kind == .skp { recount[count.unit, default: 0] += count.count }
        #expect(recount == expected, "pendingCounts \(step)")
        var since: [String: Int] = [:]
        for count in try store.pendingCounts(changedSince: Date(timeIntervalSince1970: 0)) where count.kind == .skp {
            since[count.unit, default: 0] += count.count
        }
        #expect(since == expected, "pendingCounts(changedSince:) \(step)")
        let total = expected.values.reduce(0, +)
        #expect(try store.pendingRecords(unit: "ROOT").filter { $0.id.kind == .skp }.count == total, "pendingRecords \(step)")
        #expect(try store.recordVersions(kind: .skp, unit: nil, pendingOnly: true).count == total, "recordVersions \(step)")
        try PendingTotalsCheck.expectMatchesRecount(store, step: 0)
    }

    /// SKP and SIASN (``SKPSiasnStore``, branch skp2022).
    static let skpSiasn: [StoreBehaviour] = [
        StoreBehaviour("an SKP before 2022 is never pending; one from 2022 on with a PP 46/2011 predikat stays pending until it gets a new one") { make in
            let store = try seeded(make)
            // SUB: Budi 2020 and 2021 (not for SIASN), Budi 2023 Cukup (pending, cannot be sent),
            // Citra 2023 Baik (pending, sent by the export).
            try store.add(.skp(SKP(nip: nipB, tahun: 2020, predikat: .baik)))
            try store.add(.skp(SKP(nip: nipB, tahun: 2021, nilai: 80)))
            try store.add(.skp(SKP(nip: nipB, tahun: 2023, predikat: .cukup)))
            try store.add(.skp(SKP(nip: nipC, tahun: 2023, predikat: .baik)))
            try expectSKPPending(store, ["SUB": 2], "before the export")
            let cukup = try skpID(store, nipB, 2023)
            #expect(
                try store.skpNeedingPredikat(unit: nil)
                    == [SKPNeedingPredikat(id: cukup.id, skp: SKP(nip: nipB, tahun: 2023, predikat: .cukup), unit: "SUB")])
            #expect(try store.skpNeedingPredikat(unit: "ROOT").map(\.id) == [cukup.id])
            #expect(try store.skpNeedingPredikat(unit: "SUB").map(\.id) == [cukup.id])
            // The export sends Citra's 2023; Budi's Cukup stays.
            let sendable = try sendableSKP(store)
            #expect(sendable.map(\.id) == [try skpID(store, nipC, 2023)])
            try store.saveExportBatch(siasnBatch(sendable))
            try expectSKPPending(store, ["SUB": 1], "after the export")
            // Budi's 2023 gets a PermenPANRB 6/2022 predikat: still pending, now sendable.
            try store.update(cukup, to: .skp(SKP(nip: nipB, tahun: 2023, predikat: .butuhPerbaikan)))
            try expectSKPPending(store, ["SUB": 1], "after the new predikat")
            #expect(try store.skpNeedingPredikat(unit: nil).isEmpty)
            try store.saveExportBatch(siasnBatch(try sendableSKP(store)))
            try expectSKPPending(store, [:], "after the second export")
            // A year moved into SIASN's range makes the record pending; moved back, not.
            let old = try skpID(store, nipB, 2020)
            try store.update(old, to: .skp(SKP(nip: nipB, tahun: 2024, predikat: .baik)))
            try expectSKPPending(store, ["SUB": 1], "2020 made 2024")
            try store.update(old, to: .skp(SKP(nip: nipB, tahun: 2019, predikat: .baik)))
            try expectSKPPending(store, [:], "2024 made 2019")
            // A new SKP 2021, its deletion and the undo of both: never pending.
            try store.add(.skp(SKP(nip: nipA, tahun: 2021, predikat: .sangatBaik)))
            try expectSKPPending(store, [:], "an SKP 2021 added")
            try store.delete(try skpID(store, nipA, 2021))
            _ = try store.undoLast(session: "test")
            try expectSKPPending(store, [:], "delete and undo")
            // A mutasi carries only pending SKP: Budi's four SKP (all sent or before 2022) move nothing.
            try store.add(.skp(SKP(nip: nipB, tahun: 2025, predikat: .kurang)))
            try expectSKPPending(store, ["SUB": 1], "Budi's 2025")
            var budi = try #require(try store.pegawai(nip: nipB))
            budi.kodeUnit = "ROOT"
            try store.savePegawai(budi)
            try expectSKPPending(store, ["ROOT": 1], "Budi moved to ROOT")
        },
        StoreBehaviour("an import of SKP counts as pending only the years from 2022 on") { make in
            let store = try seeded(make)
            var rows = ArrayRowSource(
                kind: .skp,
                rows: [
                    Line(2, .record(.skp(SKP(nip: nipA, tahun: 2019, predikat: .baik)))),
                    Line(3, .record(.skp(SKP(nip: nipA, tahun: 2022, predikat: .cukup)))),
                    Line(4, .record(.skp(SKP(nip: nipB, tahun: 2020, nilai: 70)))),
                    Line(5, .record(.skp(SKP(nip: nipB, tahun: 2021, predikat: .kurang)))),
                    Line(6, .record(.skp(SKP(nip: nipC, tahun: 2023, predikat: .sangatBaik)))),
                ])
            let result = try store.importRows(&rows, skipInvalid: false)
            #expect(result.imported == 5)
            // ROOT: Andi's 2022 (Cukup: pending, listed); SUB: Citra's 2023. The three before 2022: none.
            try expectSKPPending(store, ["ROOT": 1, "SUB": 1], "after the import")
            #expect(try store.skpNeedingPredikat(unit: nil).map(\.skp.tahun) == [2022])
            // Its undo takes the pending counts back.
            _ = try store.undoLast(session: "test")
            try expectSKPPending(store, [:], "after the undo of the import")
        },
    ]
}
