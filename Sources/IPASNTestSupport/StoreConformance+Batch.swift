import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// `addBatch`: one event for many participants, all or nothing.
    static let batch: [StoreBehaviour] = [
        StoreBehaviour("a batch adds every participant's record in one change, one audit row each with one batch id") { make in
            let store = try seeded(make)
            let before = try store.auditLog(limit: 1000).count
            let result = try store.addBatch([teknis(nipA), teknis(nipB), teknis(nipC)], label: "Bimtek Arsip")
            #expect(result.ids.count == 3)
            #expect(result.ids.allSatisfy { $0.kind == .diklat })
            #expect(Set(result.ids).count == 3)
            // Each pelaksana had 5 (no punishment); 20 JP teknis in 2024 adds 22.5 kompetensi.
            for nip in [nipA, nipB, nipC] {
                #expect(result.scores[nip]?.kompetensi == 22.5)
                #expect(result.scores[nip]?.total == 27.5)
                #expect(try store.score(nip: nip, year: 2024) == result.scores[nip])
                #expect(try store.records(nip: nip)?.diklat.map(\.value.nama) == ["Bimtek Arsip"])
            }
            // SUB (Budi, Citra) now means 27.5; ROOT folds all three: 27.5.
            let figures = try store.unitFigures(year: 2024)
            #expect(figures.first { $0.unit.kode == "SUB" }?.meanTotal == 27.5)
            let log = try store.auditLog(limit: 1000)
            #expect(log.count == before + 3, "one audit row per record, none for the batch itself")
            let rows = Array(log.prefix(3))
            #expect(rows.allSatisfy { $0.action == .insert })
            #expect(Set(rows.compactMap(\.nip)) == [nipA, nipB, nipC])
            #expect(rows.allSatisfy { $0.batch == result.batch })
            #expect(Set(rows.map(\.subject)) == Set(result.ids.map(AuditSubject.record)))
            #expect(try store.check().isEmpty, "the refreshed scores equal a full recompute")
            let second = try store.addBatch([teknis(nipA, "Bimtek Kearsipan Lanjut")], label: "Lanjut")
            #expect(second.batch != result.batch, "each batch has its own id")
            #expect(try lastAudit(store).batch == second.batch)
            try store.add(teknis(nipB, "Sosialisasi Sendiri"))
            #expect(try lastAudit(store).batch == nil, "a single add belongs to no batch")
        },
        StoreBehaviour("a batch with an invalid record writes nothing and lists every refusal") { make in
            let store = try seeded(make)
            try store.add(teknis(nipB))
            let log = try store.auditLog(limit: 1000)
            let scoreA = try store.score(nip: nipA, year: 2024)
            do {
                try store.addBatch([teknis(nipA), teknis(nipB), teknis(SmallProvince.stranger), teknis(nipC)], label: "Bimtek")
                Issue.record("a batch with a duplicate and an unknown NIP was saved")
            } catch let refused as BatchRefused {
                #expect(refused.refusals.map(\.index) == [1, 2])
                #expect(refused.refusals.map(\.nip) == [nipB, SmallProvince.stranger])
                #expect(refused.refusals[0].issues.map(\.code) == [.duplicate(.diklat)])
                #expect(refused.refusals[1].issues.first?.code == .unknownNIP(SmallProvince.stranger))
            }
            #expect(try store.records(nip: nipA)?.diklat.isEmpty == true, "all or nothing")
            #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)
            #expect(try store.auditLog(limit: 1000) == log, "no audit row either")
            #expect(try store.score(nip: nipA, year: 2024) == scoreA)
        },
        StoreBehaviour("the same record twice in one batch is a duplicate; an empty batch is refused") { make in
            let store = try seeded(make)
            do {
                try store.addBatch([teknis(nipA), teknis(nipC), teknis(nipA)], label: "Bimtek")
                Issue.record("a batch repeating a record was saved")
            } catch let refused as BatchRefused {
                #expect(refused.refusals.map(\.index) == [2])
                #expect(refused.refusals.first?.issues.map(\.code) == [.duplicate(.diklat)])
            }
            #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)
            #expect(refusal { try store.addBatch([], label: "kosong") } == [.required])
        },
    ]
}
