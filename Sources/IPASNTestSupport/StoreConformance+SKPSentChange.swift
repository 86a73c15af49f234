import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// SKP sent to SIASN and then moved before 2022 (``SKPSentChangeStore``, branch fixes).
    static let skpSentChange: [StoreBehaviour] = [
        StoreBehaviour("an SKP sent as 2023 and edited to 2020 is no longer pending and is listed as held by SIASN") { make in
            let store = try seeded(make)
            let budi = try store.add(.skp(SKP(nip: nipB, tahun: 2023, predikat: .baik))).id
            let citra = try store.add(.skp(SKP(nip: nipC, tahun: 2020, predikat: .baik))).id
            try store.saveExportBatch(siasnBatch(try sendableSKP(store)))
            try expectSKPPending(store, [:], "after the export")
            // Citra's 2020 was never sent (not pending, not sendable): not listed; nor Budi's, unchanged.
            #expect(try store.skpHeldBySIASN(unit: nil).isEmpty)
            // Budi's 2023 edited to 2020: SIASN keeps its 2023; nothing pending; listed with batch 1.
            try store.update(budi, to: .skp(SKP(nip: nipB, tahun: 2020, predikat: .baik)))
            try expectSKPPending(store, [:], "after the edit to 2020")
            #expect(
                try store.skpHeldBySIASN(unit: nil)
                    == [SKPHeldBySIASN(id: budi.id, skp: SKP(nip: nipB, tahun: 2020, predikat: .baik), unit: "SUB", batch: 1)])
            #expect(try store.skpHeldBySIASN(unit: "ROOT").map(\.id) == [budi.id])
            #expect(try store.skpHeldBySIASN(unit: "SUB").map(\.id) == [budi.id])
            try store.saveUnit(OrgUnit(kode: "LAIN", nama: "Dinas Lain", induk: "ROOT"))
            #expect(try store.skpHeldBySIASN(unit: "LAIN").isEmpty)
            // Citra's 2020 changed: still never sent, not listed.
            try store.update(citra, to: .skp(SKP(nip: nipC, tahun: 2020, predikat: .sangatBaik)))
            #expect(try store.skpHeldBySIASN(unit: nil).map(\.id) == [budi.id])
            // Budi's back to 2024: pending again (to send), no longer listed.
            try store.update(budi, to: .skp(SKP(nip: nipB, tahun: 2024, predikat: .baik)))
            try expectSKPPending(store, ["SUB": 1], "after the edit back")
            #expect(try store.skpHeldBySIASN(unit: nil).isEmpty)
        }
    ]
}
