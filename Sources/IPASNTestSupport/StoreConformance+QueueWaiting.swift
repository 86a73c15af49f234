import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The queue's header counts are kept per unit and kind (``QueueWaiting``, branch
    /// pgqueue2): after every kind of write the header's `total` and `matching` are the
    /// hand-counted records waiting (of active employees, without a verdict), and `check`
    /// finds the kept counts equal to a recount.
    static let queueWaiting: [StoreBehaviour] = [
        StoreBehaviour("the queue's kept waiting counts follow saves, verdicts, edits, deletes, undo, redo, imports, a mutasi and a leaving") {
            make in
            let store = try seeded(make)
            /// (matching, total) of the header for a unit (with its sub-units) and a kind.
            func header(_ unit: String?, _ kind: RecordKind? = nil) throws -> [Int] {
                let page = try store.verificationQueue(QueueFilter(unit: unit, kind: kind), limit: 0)
                return [page.matching, page.total]
            }
            /// ROOT's (with SUB) and SUB's totals, SUB's diklat, and that `check` agrees.
            func counts(_ note: String, root: Int, sub: Int, subDiklat: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
                #expect(try header("ROOT")[1] == root, "\(note): ROOT", sourceLocation: sourceLocation)
                #expect(try header("SUB")[1] == sub, "\(note): SUB", sourceLocation: sourceLocation)
                #expect(try header("SUB", .diklat) == [subDiklat, sub], "\(note): SUB diklat", sourceLocation: sourceLocation)
                #expect(try header(nil)[1] == root, "\(note): everywhere is ROOT", sourceLocation: sourceLocation)
                #expect(try store.check() == [], "\(note): check", sourceLocation: sourceLocation)
            }
            try counts("nothing entered", root: 0, sub: 0, subDiklat: 0)
            // Saves: Andi (ROOT) one diklat; Budi (SUB) a diklat and an SKP; Citra (SUB) a diklat.
            let a1 = try store.add(teknis(nipA, "A1")).id
            let b1 = try store.add(teknis(nipB, "B1")).id
            let bSKP = try store.add(.skp(SKP(nip: nipB, tahun: 2023, predikat: .baik))).id
            let c1 = try store.add(teknis(nipC, "C1")).id
            try counts("four saved", root: 4, sub: 3, subDiklat: 2)
            #expect(try header("ROOT", .diklat) == [3, 4])
            #expect(try header("ROOT", .skp) == [1, 4])
            // Verdicts: B1 and Budi's SKP accepted leave the queue; a verdict changed to another stays out.
            #expect(try store.setVerification([b1, bSKP], status: .memenuhi, reason: "") == 2)
            try counts("two accepted", root: 2, sub: 1, subDiklat: 1)
            #expect(try store.setVerification([b1], status: .tidak, reason: "Sertifikat buram") == 1)
            try counts("one accepted, one rejected", root: 2, sub: 1, subDiklat: 1)
            // An edit returns the SKP to belum: back in the queue.
            try store.update(bSKP, to: .skp(SKP(nip: nipB, tahun: 2023, predikat: .sangatBaik)))
            try counts("the accepted SKP edited", root: 3, sub: 2, subDiklat: 1)
            // Deleting the rejected B1 changes nothing (it was not waiting); deleting C1 does.
            try store.delete(b1)
            try counts("the rejected B1 deleted", root: 3, sub: 2, subDiklat: 1)
            try store.delete(c1)
            try counts("C1 deleted", root: 2, sub: 1, subDiklat: 0)
            // Undo brings C1 back (it had no verdict), redo deletes it again, undo once more.
            #expect(try store.undoLast(session: "test")?.subject == .record(c1))
            try counts("C1's delete undone", root: 3, sub: 2, subDiklat: 1)
            #expect(try store.redoLast(session: "test")?.subject == .record(c1))
            try counts("C1's delete redone", root: 2, sub: 1, subDiklat: 0)
            #expect(try store.undoLast(session: "test")?.subject == .record(c1))
            try counts("C1 back again", root: 3, sub: 2, subDiklat: 1)
            // An import of three rows (two in SUB), undone, redone.
            var rows = ArrayRowSource(kind: .diklat, rows: [
                Line(2, .record(teknis(nipA, "Impor A"))), Line(3, .record(teknis(nipB, "Impor B"))),
                Line(4, .record(teknis(nipC, "Impor C"))),
            ])
            #expect(try store.importRows(&rows, skipInvalid: false).imported == 3)
            try counts("three imported", root: 6, sub: 4, subDiklat: 3)
            #expect(try store.undoLast(session: "test") != nil)
            try counts("the import undone", root: 3, sub: 2, subDiklat: 1)
            #expect(try store.redoLast(session: "test") != nil)
            try counts("the import redone", root: 6, sub: 4, subDiklat: 3)
            // Every touch is one moment: SUB's diklat come newest id first, Impor C, Impor B, then C1.
            let subDiklat = try store.verificationQueue(QueueFilter(unit: "SUB", kind: .diklat), limit: 10).entries
            #expect(subDiklat.map(\.item.pegawai.nip) == [nipC, nipB, nipC])
            #expect(subDiklat.last?.item.id == c1)
            #expect(try store.setVerification(subDiklat.prefix(2).map(\.item.id), status: .memenuhi, reason: "") == 2)
            // Waiting now: A1 and Impor A (ROOT), Budi's SKP and C1 (SUB).
            try counts("Impor C and Impor B accepted", root: 4, sub: 2, subDiklat: 1)
            // A mutasi of Budi to ROOT moves his waiting SKP out of SUB (ROOT holds SUB: unchanged).
            var budi = try #require(try store.pegawai(nip: nipB))
            budi.kodeUnit = "ROOT"
            budi.tmtUnit = d("2024-12-01")
            try store.changePegawai(budi)
            try counts("Budi moved to ROOT", root: 4, sub: 1, subDiklat: 1)
            #expect(try header("ROOT", .skp) == [1, 4], "Budi's SKP is still waiting, now directly in ROOT")
            // Citra leaves: C1 leaves the queue; she comes back: it returns.
            var citra = try #require(try store.pegawai(nip: nipC))
            citra.aktif = false
            citra.keluar = PegawaiKeluar(alasan: .pensiun, tanggal: d("2024-06-30"))
            try store.changePegawai(citra)
            try counts("Citra left", root: 3, sub: 0, subDiklat: 0)
            citra.aktif = true
            citra.keluar = nil
            try store.changePegawai(citra)
            try counts("Citra back", root: 4, sub: 1, subDiklat: 1)
            // Undo of the return, then of the leaving (the employee undo path).
            #expect(try store.undoLast(session: "test")?.subject == .pegawai(nipC))
            try counts("Citra's return undone", root: 3, sub: 0, subDiklat: 0)
            #expect(try store.undoLast(session: "test")?.subject == .pegawai(nipC))
            try counts("Citra's leaving undone", root: 4, sub: 1, subDiklat: 1)
            // The records the header counts are the ones the queue lists.
            #expect(try store.verificationQueue(QueueFilter(), limit: 50).entries.map(\.item.id).filter { $0 == a1 || $0 == bSKP || $0 == c1 }.count == 3)
            #expect(try store.verificationQueue(QueueFilter(), limit: 50).entries.count == 4)
        }
    ]
}
