import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let recordEdit: [StoreBehaviour] = [
        StoreBehaviour(shared: "two admins edit one record: the second save is refused, naming the first; the first's edit stays") {
            newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ops = try open("ops", "setup")
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let loaded = teknis(nipA)
            let id = try ops.add(loaded).id
            // Both forms loaded `loaded`; Ani saves first.
            let saved = try ani.update(id, to: teknis(nipA, "Bimtek Arsip Ani"), expecting: loaded)
            #expect(saved.id == id)
            let auditCount = try ops.auditLog(limit: 1000).count
            let scoreBefore = try ops.score(nip: nipA, year: 2024)
            #expect(storeError { _ = try budi.update(id, to: teknis(nipA, "Bimtek Arsip Budi", jp: 40), expecting: loaded) }
                == .editedMeanwhile(by: "ani"))
            #expect(try ops.records(nip: nipA)?.diklat.filter { $0.id == id.id }.map(\.value.nama) == ["Bimtek Arsip Ani"])
            #expect(try ops.auditLog(limit: 1000).count == auditCount, "a refused edit writes no audit row")
            #expect(try ops.score(nip: nipA, year: 2024) == scoreBefore, "nor any score")
            #expect(try lastAudit(ops).actor == "ani")
            // Expecting the current row (Budi reloaded): saved.
            _ = try budi.update(id, to: teknis(nipA, "Bimtek Arsip Budi"), expecting: teknis(nipA, "Bimtek Arsip Ani"))
            #expect(try ops.records(nip: nipA)?.diklat.filter { $0.id == id.id }.map(\.value.nama) == ["Bimtek Arsip Budi"])
            #expect(try lastAudit(ops).actor == "budi")
            // The plain update (callers that do not know what they replace) is unchanged.
            _ = try ani.update(id, to: teknis(nipA, "Bimtek Arsip CLI"))
            #expect(try ops.records(nip: nipA)?.diklat.filter { $0.id == id.id }.map(\.value.nama) == ["Bimtek Arsip CLI"])
        },
        StoreBehaviour(shared: "an edit of a record deleted meanwhile is refused, naming who deleted it") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let loaded = teknis(nipB)
            let id = try ani.add(loaded).id
            try budi.delete(id)
            let auditCount = try ani.auditLog(limit: 1000).count
            #expect(storeError { _ = try ani.update(id, to: teknis(nipB, jp: 30), expecting: loaded) } == .editedMeanwhile(by: "budi"))
            #expect(try ani.records(nip: nipB)?.diklat.contains { $0.id == id.id } == false, "not put back")
            #expect(try ani.auditLog(limit: 1000).count == auditCount)
            // Without `expecting`, the old answer.
            #expect(storeError { _ = try ani.update(id, to: teknis(nipB)) } == .recordNotFound(id))
        },
    ]
}
