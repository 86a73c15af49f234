import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let redo: [StoreBehaviour] = [
        StoreBehaviour("redo applies undone changes again, newest undo first, until new work") { make in
            let store = try seeded(make)
            let id = try store.add(teknis(nipA, "Kursus A")).id
            let insert = try lastAudit(store)
            try store.update(id, to: teknis(nipA, "Kursus A", jp: 30))
            let update = try lastAudit(store)
            #expect(try store.nextRedo(session: "test") == nil, "nothing undone yet")
            try store.undoLast(session: "test")  // jp back to 20
            try store.undoLast(session: "test")  // the add
            #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
            #expect(try store.nextRedo(session: "someone-else") == nil)
            // Redo names the reverted change itself, and returns it.
            #expect(try store.nextRedo(session: "test") == insert)
            #expect(try store.redoLast(session: "test") == insert)
            #expect(try store.records(nip: nipA)?.diklat.map(\.id) == [id.id], "the same id comes back")
            let redoEntry = try lastAudit(store)
            #expect(redoEntry.action == .redo)
            #expect(redoEntry.subject == .record(id))
            #expect(redoEntry.old == nil)
            #expect(redoEntry.new == .record(teknis(nipA, "Kursus A")))
            #expect(try store.redoLast(session: "test") == update)
            #expect(try store.records(nip: nipA)?.diklat.map(\.value.jp) == [30])
            #expect(try store.score(nip: nipA, year: 2024)?.kompetensi == 22.5)
            #expect(try store.redoLast(session: "test") == nil)
            // A redo is undoable like any change.
            #expect(try store.nextUndo(session: "test")?.action == .redo)
            try store.undoLast(session: "test")
            #expect(try store.records(nip: nipA)?.diklat.map(\.value.jp) == [20])
            #expect(try store.nextRedo(session: "test")?.action == .redo)
            // New work ends the chance to redo.
            try store.add(teknis(nipB))
            #expect(try store.nextRedo(session: "test") == nil)
            #expect(try store.redoLast(session: "test") == nil)
            #expect(try store.check() == [])
        },
        StoreBehaviour(shared: "redo refuses when another admin changed the subject since the undo") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            try ani.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Ani", induk: "ROOT"))
            try ani.undoLast(session: "a")
            try budi.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Budi", induk: "ROOT"))
            #expect(storeError { try ani.redoLast(session: "a") } == .changedSince(by: "budi"))
            #expect(try ani.units().first { $0.kode == "SUB" }?.nama == "Bidang Budi")
            // Budi's change is another session's work: Ani may still redo once it is undone.
            try budi.undoLast(session: "b")
            #expect(try ani.redoLast(session: "a")?.subject == .unit("SUB"))
            #expect(try ani.units().first { $0.kode == "SUB" }?.nama == "Bidang Ani")
        },
    ]
}
