import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let undo: [StoreBehaviour] = [
        StoreBehaviour("undo reverts the session's add, update and delete in turn, audited") { make in
            let store = try seeded(make)
            let id = try store.add(teknis(nipC, jp: 20)).id
            try store.update(id, to: teknis(nipC, jp: 24))
            try store.delete(id)
            let deleteEntry = try lastAudit(store)
            #expect(deleteEntry.session == "test")
            #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)

            #expect(try store.undoLast(session: "someone-else") == nil)
            #expect(try store.nextUndo(session: "test") == deleteEntry, "named before it is undone")
            let undoneDelete = try #require(try store.undoLast(session: "test"))
            #expect(undoneDelete == deleteEntry)
            // The deleted record comes back with its id, and its points.
            #expect(try store.records(nip: nipC)?.diklat.map(\.id) == [id.id])
            #expect(try store.records(nip: nipC)?.diklat.map(\.value.jp) == [24])
            #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 22.5)
            let undoEntry = try lastAudit(store)
            #expect(undoEntry.action == .undo)
            #expect(undoEntry.undoes == deleteEntry.id)
            #expect(undoEntry.subject == .record(id))
            #expect(undoEntry.session == "test")
            #expect(undoEntry.old == nil)
            #expect(undoEntry.new == .record(teknis(nipC, jp: 24)))

            let undoneUpdate = try #require(try store.undoLast(session: "test"))
            #expect(undoneUpdate.action == .update)
            #expect(undoneUpdate.record == teknis(nipC, jp: 20))
            #expect(try store.records(nip: nipC)?.diklat.map(\.value.jp) == [20])
            #expect(try lastAudit(store).old == .record(teknis(nipC, jp: 24)))

            let undoneInsert = try #require(try store.undoLast(session: "test"))
            #expect(undoneInsert.action == .insert)
            #expect(undoneInsert.record == teknis(nipC, jp: 20))
            #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)
            #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 0)
            #expect(try store.auditLog(limit: 3).map(\.action) == [.undo, .undo, .undo])
            // Undo entries are not undone themselves: next is the seeding's last save.
            #expect(try store.nextUndo(session: "test")?.subject == .pegawai(nipC))
            #expect(try store.check() == [])
        },
        StoreBehaviour(shared: "undo takes only its own session's changes, even of the same login") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            // Two terminals of the same OS user.
            let left = try open("ani", "left")
            let right = try open("ani", "right")
            let mine = try left.add(teknis(nipA, "Kursus kiri")).id
            let theirs = try right.add(teknis(nipB, "Kursus kanan")).id
            #expect(try left.nextUndo(session: "left")?.subject == .record(mine))
            let undone = try #require(try left.undoLast(session: "left"))
            #expect(undone.subject == .record(mine) && undone.action == .insert)
            #expect(try left.records(nip: nipA)?.diklat.isEmpty == true)
            #expect(try left.records(nip: nipB)?.diklat.map(\.id) == [theirs.id], "the other terminal's save stays")
            #expect(try left.undoLast(session: "left") == nil, "nothing more of its own")
            // A new session (a restart) cannot undo what an earlier session did.
            let restarted = try open("ani", "after-restart")
            #expect(try restarted.undoLast(session: "after-restart") == nil)
            #expect(try restarted.records(nip: nipB)?.diklat.count == 1)
            #expect(try left.check() == [])
        },
        StoreBehaviour("undo covers units and employees, newest first") { make in
            let store = try seeded(make)
            try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT"))
            try store.savePegawai(Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
            #expect(try store.nextUndo(session: "test")?.subject == .pegawai(nipB))
            let undone = try #require(try store.undoLast(session: "test"))
            #expect(undone.action == .update)
            #expect(try store.pegawai(nip: nipB) == Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            #expect(try store.undoLast(session: "test")?.subject == .unit("SUB"))
            #expect(try store.units().first { $0.kode == "SUB" }?.nama == "Bidang")
            // Next: the seeding's inserts, newest first. Citra (no records) is removed again.
            #expect(try store.undoLast(session: "test")?.subject == .pegawai(nipC))
            #expect(try store.pegawai(nip: nipC) == nil)
            #expect(try store.scores(year: 2024, unit: nil).count == 2)
            #expect(try store.check() == [])
        },
        StoreBehaviour(shared: "undo refuses when another admin changed or deleted the subject since") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let id = try ani.add(teknis(nipA, jp: 20)).id
            try budi.update(id, to: teknis(nipA, jp: 24))
            #expect(storeError { try ani.undoLast(session: "a") } == .changedSince(by: "budi"))
            #expect(try ani.records(nip: nipA)?.diklat.map(\.value.jp) == [24], "nothing written")
            // Deleted by the other admin: the undo of the add refuses too.
            try budi.delete(id)
            let deleted = try lastAudit(ani)
            #expect(storeError { try ani.undoLast(session: "a") } == .changedSince(by: "budi"))
            #expect(try lastAudit(ani) == deleted, "no undo entry was written")
            // A unit renamed by another admin since.
            try ani.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Ani", induk: "ROOT"))
            try budi.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Budi", induk: "ROOT"))
            #expect(storeError { try ani.undoLast(session: "a") } == .changedSince(by: "budi"))
            #expect(try ani.units().first { $0.kode == "SUB" }?.nama == "Bidang Budi")
            #expect(try ani.check() == [])
        },
        StoreBehaviour(shared: "undo never removes an employee who has records since") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let dewi = "200001012022031001"
            try ani.savePegawai(Pegawai(nip: dewi, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            try budi.add(teknis(dewi))
            guard case .cannotUndo(let id, let en)? = storeError({ try ani.undoLast(session: "a") }) else {
                Issue.record("the undo must be refused")
                return
            }
            #expect(id == "Tidak dibatalkan: Dewi sudah punya data riwayat. Hapus datanya dulu.")
            #expect(en == "Not undone: Dewi has records now. Delete them first.")
            #expect(try ani.pegawai(nip: dewi) != nil)
            // Once Budi undoes his record, Ani's undo goes through.
            try budi.undoLast(session: "b")
            #expect(try ani.undoLast(session: "a")?.subject == .pegawai(dewi))
            #expect(try ani.pegawai(nip: dewi) == nil)
            #expect(try ani.check() == [])
        },
        StoreBehaviour(shared: "an undo that would repeat a record entered since is refused as a duplicate") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ayu = try open("ayu", "ayu")
            let budi = try open("budi", "budi")
            let id = try ayu.add(teknis(nipC)).id
            try ayu.delete(id)
            try budi.add(teknis(nipC, "BIMTEK ARSIP"))
            #expect(refusal { try ayu.undoLast(session: "ayu") } == [.duplicate(.diklat)])
            #expect(try ayu.records(nip: nipC)?.diklat.map(\.value.nama) == ["BIMTEK ARSIP"])
            #expect(try budi.undoLast(session: "budi")?.action == .insert)
            #expect(try ayu.undoLast(session: "ayu")?.action == .delete)
            #expect(try ayu.records(nip: nipC)?.diklat.map(\.id) == [id.id])
            #expect(try ayu.check() == [])
        },
        StoreBehaviour(shared: "record ids are never reused, so an undo never lands on another record") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ayu = try open("ayu", "ayu")
            let budi = try open("budi", "budi")
            // The newest record is deleted: its id was the highest.
            let deleted = try ayu.add(teknis(nipC)).id
            try ayu.delete(deleted)
            let added = try budi.add(teknis(nipB, "Bimtek Surat")).id
            #expect(added.id == deleted.id + 1)
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipA, "Kursus impor")))])
            #expect(try budi.importRows(&rows, skipInvalid: false).imported == 1)
            #expect(try budi.records(nip: nipA)?.diklat.map(\.id) == [deleted.id + 2], "an import skips used ids too")
            #expect(try ayu.undoLast(session: "ayu")?.action == .delete)
            #expect(try ayu.records(nip: nipC)?.diklat.map(\.id) == [deleted.id])
            #expect(try budi.records(nip: nipB)?.diklat.map(\.value.nama) == ["Bimtek Surat"], "Budi's record untouched")
            #expect(try ayu.check() == [])
        },
    ]
}
