import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// Readying the save path (``SaveWarmupStore``): it changes nothing any session can read,
    /// and the saves after it are the saves without it.
    static let saveWarmup: [StoreBehaviour] = [
        StoreBehaviour(shared: "readying the save path writes nothing and the saves after it are as without it") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            let audited = try budi.auditLog(limit: 1000).count
            let generation = try budi.dataGeneration()
            let before = try budi.records(nip: nipB)
            let scoreBefore = try budi.score(nip: nipB, year: 2024)
            try ani.warmSavePath()
            try ani.warmSavePath()  // again: still nothing
            #expect(try budi.auditLog(limit: 1000).count == audited)
            #expect(try budi.dataGeneration() == generation)
            #expect(try budi.records(nip: nipB) == before)
            #expect(try budi.score(nip: nipB, year: 2024) == scoreBefore)
            // The first save after it: its record, its audit row, its score (20 JP in 2024,
            // a pelaksana's 22.5 kompetensi points), read back by another session.
            let saved = try ani.add(teknis(nipB, "Sesudah persiapan", jp: 20))
            #expect(saved.score.kompetensi == 22.5)
            #expect(try budi.records(nip: nipB)?.diklat.last?.id == saved.id.id)
            #expect(try budi.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            let audit = try budi.auditLog(limit: 1)[0]
            #expect(audit.actor == "ani")
            #expect(audit.subject == .record(saved.id))
            #expect(try budi.auditLog(limit: 1000).count == audited + 1)
            // Inside a transaction it does nothing and the transaction goes on.
            let second = try ani.inOneTransaction { () throws -> SaveResult in
                try ani.warmSavePath()
                return try ani.add(teknis(nipB, "Dalam satu transaksi", jp: 10))
            }
            #expect(try budi.records(nip: nipB)?.diklat.last?.id == second.id.id)
        }
    ]
}
