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
        StoreBehaviour("holders of a course: the same jenis, dates and name ignoring case and spacing") { make in
            let store = try seeded(make)
            try store.add(teknis(nipA, "Bimtek Arsip"))
            try store.add(teknis(nipB, "BIMTEK   arsip"))
            try store.add(teknis(nipC, "Bimtek Arsip", end: "2024-03-04"))  // other dates: another course
            guard case .diklat(let course) = teknis(SmallProvince.stranger, "bimtek arsip") else { return }
            #expect(try store.holders(of: course) == [nipA, nipB])
            var other = course
            other.jenis = JenisDiklat.withID(8)!
            #expect(try store.holders(of: other).isEmpty, "another jenis")
        },
        StoreBehaviour("a batch is named by its id: label, moment, actor, count") { make in
            let store = try seeded(make)
            let result = try store.addBatch([teknis(nipB), teknis(nipC)], label: "Bimtek Arsip Angkatan I")
            let info = try #require(try store.batch(id: result.batch))
            #expect(info == BatchInfo(id: result.batch, label: "Bimtek Arsip Angkatan I", at: TestClock.now, actor: "test", count: 2))
            #expect(try store.batch(id: result.batch + 100) == nil)
        },
        StoreBehaviour("undo of a batch is one step, and so is its redo") { make in
            let store = try seeded(make)
            try store.add(teknis(nipA, "Sendiri"))
            let single = try lastAudit(store)
            let result = try store.addBatch([teknis(nipA), teknis(nipB), teknis(nipC)], label: "Bimtek Arsip")
            let inserts = try store.auditLog(limit: 3)
            #expect(try store.nextUndo(session: "test")?.batch == result.batch, "the batch is named before it is undone")
            let undone = try #require(try store.undoLast(session: "test"))
            #expect(undone.batch == result.batch)
            // All three records go in one step; Andi keeps his own course.
            #expect(try store.records(nip: nipA)?.diklat.map(\.value.nama) == ["Sendiri"])
            #expect(try store.records(nip: nipB)?.diklat.isEmpty == true)
            #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)
            // Budi and Citra back to 5 (no punishment); Andi's own 20 JP still count: 27.5.
            #expect(try store.score(nip: nipB, year: 2024)?.total == 5)
            #expect(try store.score(nip: nipC, year: 2024)?.total == 5)
            #expect(try store.score(nip: nipA, year: 2024)?.total == 27.5)
            let undos = try store.auditLog(limit: 3)
            #expect(undos.allSatisfy { $0.action == .undo && $0.batch == result.batch && $0.session == "test" })
            #expect(Set(undos.compactMap(\.undoes)) == Set(inserts.map(\.id)), "one undo entry per record")
            #expect(try store.check().isEmpty)

            let redone = try #require(try store.redoLast(session: "test"))
            #expect(redone.batch == result.batch)
            #expect(try store.records(nip: nipB)?.diklat.map(\.id) == [result.ids[1].id], "back with its id")
            #expect(try store.records(nip: nipC)?.diklat.map(\.value.nama) == ["Bimtek Arsip"])
            #expect(try store.records(nip: nipC)?.diklat.map(\.id) == [result.ids[2].id])
            #expect(try store.records(nip: nipA)?.diklat.map(\.id).contains(result.ids[0].id) == true)
            #expect(try store.score(nip: nipB, year: 2024)?.total == 27.5)
            let redos = try store.auditLog(limit: 3)
            #expect(redos.allSatisfy { $0.action == .redo && $0.batch == result.batch })

            // The redone batch is undone as one step again; then the single add is next.
            try store.undoLast(session: "test")
            #expect(try store.records(nip: nipB)?.diklat.isEmpty == true)
            #expect(try store.records(nip: nipA)?.diklat.count == 1)
            #expect(try store.nextUndo(session: "test") == single)
        },
        StoreBehaviour(shared: "a batch undo refuses as a whole when another admin changed one of its records") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let result = try ani.addBatch([teknis(nipA), teknis(nipB), teknis(nipC)], label: "Bimtek Arsip")
            try budi.update(result.ids[1], to: teknis(nipB, jp: 24))
            #expect(storeError { try ani.undoLast(session: "a") } == .changedSince(by: "budi"))
            for nip in [nipA, nipB, nipC] {
                #expect(try ani.records(nip: nip)?.diklat.count == 1, "all or nothing: \(nip) keeps the course")
            }
            #expect(try ani.auditLog(limit: 1).first?.actor == "budi", "no undo entry was written")
        },
    ]
}
