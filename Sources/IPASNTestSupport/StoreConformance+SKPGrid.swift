import Foundation
import IPASNCore
import IPASNStore
import Testing

/// ``SKPGridStore``: the bulk SKP grid's one read of the year's SKP, and its save of new and
/// replaced SKP in one transaction (one batch, one undo step, the lost-update check).
/// Scores by bkn-2019 for a pelaksana without other records: 5 (no punishment) + the SKP's
/// kinerja (Sangat Baik 30, Baik 25, Cukup 15).
extension StoreConformance {
    static func skp(_ nip: String, _ predikat: Predikat?, nilai: Double? = nil, year: Int = 2024) -> SKP {
        SKP(nip: nip, tahun: year, predikat: predikat, nilai: nilai)
    }

    static let skpGrid: [StoreBehaviour] = [
        StoreBehaviour("skp(year:nips:) gives the year's stored SKP of the named employees that have one, with ids") { make in
            let store = try seeded(make)
            let a2024 = try store.add(.skp(skp(nipA, .baik))).id.id
            let a2023 = try store.add(.skp(skp(nipA, .cukup, year: 2023))).id.id
            let b2024 = try store.add(.skp(skp(nipB, nil, nilai: 88.5))).id.id
            let found = try store.skp(year: 2024, nips: [nipA, nipB, nipC, SmallProvince.stranger])
            #expect(found == [nipA: StoredRecord(id: a2024, value: skp(nipA, .baik)), nipB: StoredRecord(id: b2024, value: skp(nipB, nil, nilai: 88.5))])
            #expect(try store.skp(year: 2023, nips: [nipA, nipB]) == [nipA: StoredRecord(id: a2023, value: skp(nipA, .cukup, year: 2023))])
            #expect(try store.skp(year: 2024, nips: [nipC]).isEmpty)
            #expect(try store.skp(year: 2024, nips: []).isEmpty)
        },
        StoreBehaviour("a grid save adds and replaces SKP in one batch; its undo restores the replaced SKP exactly, its redo again") { make in
            let store = try seeded(make)
            let andi = try store.add(.skp(skp(nipA, .baik, nilai: 80))).id
            #expect(try store.score(nip: nipA, year: 2024)?.total == 30)
            let before = try store.auditLog(limit: 1000).count
            let result = try store.saveSKPGrid(
                [.add(skp(nipB, .sangatBaik)), .replace(id: andi.id, with: skp(nipA, .cukup), expecting: skp(nipA, .baik, nilai: 80))],
                label: "SKP 2024")
            #expect(result.ids.count == 2 && result.ids[1] == andi, "a replacement keeps its id")
            #expect(result.scores == [nipA: try #require(try store.score(nip: nipA, year: 2024)), nipB: try #require(try store.score(nip: nipB, year: 2024))])
            #expect(try store.score(nip: nipA, year: 2024)?.total == 20, "5 + Cukup 15")
            #expect(try store.score(nip: nipB, year: 2024)?.total == 35, "5 + Sangat Baik 30")
            #expect(try store.records(nip: nipA)?.skp == [StoredRecord(id: andi.id, value: skp(nipA, .cukup))])
            #expect(try store.records(nip: nipB)?.skp.map(\.value) == [skp(nipB, .sangatBaik)])
            let log = try store.auditLog(limit: 1000)
            #expect(log.count == before + 2, "one audit row per row")
            let rows = Array(log.prefix(2))
            #expect(rows.allSatisfy { $0.batch == result.batch && $0.actor == "test" })
            let update = try #require(rows.first { $0.action == .update })
            #expect(update.old == .record(.skp(skp(nipA, .baik, nilai: 80))) && update.new == .record(.skp(skp(nipA, .cukup))))
            #expect(rows.contains { $0.action == .insert && $0.new == .record(.skp(skp(nipB, .sangatBaik))) })
            #expect(try store.batch(id: result.batch)?.label == "SKP 2024")

            let undone = try #require(try store.undoLast(session: "test"))
            #expect(undone.batch == result.batch)
            #expect(try store.records(nip: nipA)?.skp == [StoredRecord(id: andi.id, value: skp(nipA, .baik, nilai: 80))], "the old SKP, its nilai and id")
            #expect(try store.records(nip: nipB)?.skp.isEmpty == true)
            #expect(try store.score(nip: nipA, year: 2024)?.total == 30)
            #expect(try store.score(nip: nipB, year: 2024)?.total == 5)
            #expect(try store.check().isEmpty)

            try store.redoLast(session: "test")
            #expect(try store.records(nip: nipA)?.skp == [StoredRecord(id: andi.id, value: skp(nipA, .cukup))])
            #expect(try store.records(nip: nipB)?.skp.map(\.id) == [result.ids[0].id])
            #expect(try store.score(nip: nipA, year: 2024)?.total == 20)
        },
        StoreBehaviour(shared: "a grid save whose replaced SKP another admin changed or deleted is refused whole, naming them; nothing is written") {
            newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ops = try open("ops", "setup")
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let citra = try open("citra", "c")
            let andi = try ops.add(.skp(skp(nipA, .baik))).id
            let citras = try ops.add(.skp(skp(nipC, .baik))).id
            // Ani's grid loaded both as Baik; Budi changes Andi's, Citra deletes Citra's.
            _ = try budi.update(andi, to: .skp(skp(nipA, .sangatBaik)), expecting: .skp(skp(nipA, .baik)))
            try citra.delete(citras)
            let audit = try ops.auditLog(limit: 1000).count
            let changes: [SKPGridChange] = [
                .add(skp(nipB, .cukup)),
                .replace(id: andi.id, with: skp(nipA, .cukup), expecting: skp(nipA, .baik)),
                .replace(id: citras.id, with: skp(nipC, .cukup), expecting: skp(nipC, .baik)),
            ]
            var conflict: SKPGridConflict?
            do { try ani.saveSKPGrid(changes, label: "SKP 2024") } catch let error as SKPGridConflict { conflict = error }
            #expect(conflict?.rows == [.init(index: 1, nip: nipA, by: "budi"), .init(index: 2, nip: nipC, by: "citra")])
            #expect(try ops.auditLog(limit: 1000).count == audit, "no audit row")
            #expect(try ops.records(nip: nipA)?.skp.map(\.value) == [skp(nipA, .sangatBaik)], "Budi's edit stays")
            #expect(try ops.records(nip: nipB)?.skp.isEmpty == true, "the new row is not written either")
            #expect(try ops.score(nip: nipB, year: 2024)?.total == 5)
            // Reloaded and chosen again: expecting what is stored now, saved.
            try ani.saveSKPGrid([.replace(id: andi.id, with: skp(nipA, .cukup), expecting: skp(nipA, .sangatBaik))], label: "SKP 2024")
            #expect(try ops.records(nip: nipA)?.skp.map(\.value) == [skp(nipA, .cukup)])
            #expect(try lastAudit(ops).actor == "ani")
        },
        StoreBehaviour("a grid row is refused as addBatch refuses: a new SKP where one is stored, an invalid replacement; nothing is written") { make in
            let store = try seeded(make)
            let andi = try store.add(.skp(skp(nipA, .baik))).id
            let audit = try store.auditLog(limit: 1000).count
            var refused: BatchRefused?
            do {
                try store.saveSKPGrid(
                    [
                        .add(skp(nipC, .baik)), .add(skp(nipA, .cukup)),
                        .replace(id: andi.id, with: skp(nipA, nil, nilai: 150), expecting: skp(nipA, .baik)),
                    ], label: "SKP 2024")
            } catch let error as BatchRefused { refused = error }
            #expect(refused?.refusals.map(\.index) == [1, 2])
            #expect(refused?.refusals.first?.issues.map(\.code) == [.duplicate(.skp)])
            #expect(refused?.refusals.last?.issues.first?.field == "nilai")
            #expect(try store.auditLog(limit: 1000).count == audit)
            #expect(try store.records(nip: nipC)?.skp.isEmpty == true)
            #expect(try store.records(nip: nipA)?.skp.map(\.value) == [skp(nipA, .baik)])
            var empty: ValidationFailure?
            do { try store.saveSKPGrid([], label: "SKP 2024") } catch let error as ValidationFailure { empty = error }
            #expect(empty?.issues.map(\.code) == [.required])
        },
    ]
}
