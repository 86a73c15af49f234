import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// Checkpoints off the save path (``CheckpointStore``): whenever the log is copied, or
    /// not at all, every save is there for every session, and the store keeps saving.
    static let checkpoint: [StoreBehaviour] = [
        StoreBehaviour(shared: "a deferring store's saves are read back by another session before and after its checkpoint") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            try ani.deferCheckpoints()
            var saved: [RecordID] = []
            for n in 1...30 { saved.append(try ani.add(teknis(nipB, "Kursus \(n)", jp: 10 + n)).id) }
            // Another session reads every one of them, whatever the log holds.
            #expect(try budi.records(nip: nipB)?.diklat.map(\.id) == saved.map(\.id))
            _ = try ani.checkpointIfDue()
            saved.append(try ani.add(teknis(nipB, "Kursus 31", jp: 41)).id)
            _ = try ani.checkpointIfDue()
            #expect(try budi.records(nip: nipB)?.diklat.map(\.id) == saved.map(\.id))
            #expect(try budi.records(nip: nipB)?.diklat.last?.value.nama == "Kursus 31")
            // 31 courses of 11 to 41 JP, every one as saved: 11 + 12 + ... + 41 = 806.
            #expect(try budi.records(nip: nipB)?.diklat.map(\.value.jp).reduce(0, +) == 806)
        }
    ]
}
