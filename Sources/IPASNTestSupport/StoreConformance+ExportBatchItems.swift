import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// A batch over several record kinds and many records at once (a province's export writes
    /// its items in a few set-based statements on PostgreSQL, not one per record).
    static let exportBatchItems: [StoreBehaviour] = [
        StoreBehaviour("one batch over diklat and SKP marks each record sent at the version read; a record changed meanwhile and one listed twice are handled") { make in
            let store = try seeded(make)
            for n in 1...7 { try store.add(teknis(n % 2 == 0 ? nipA : nipB, "Kursus \(n)")) }
            try store.add(.skp(SKP(nip: nipA, tahun: 2024, predikat: .baik)))
            try store.add(.skp(SKP(nip: nipC, tahun: 2024, predikat: .sangatBaik)))
            let diklat = try pendingDiklat(store)
            let skp = try store.recordVersions(kind: .skp, unit: nil, pendingOnly: true)
                .map { RecordVersion(id: RecordID(kind: .skp, id: $0.key), version: $0.value) }
                .sorted { $0.id.id < $1.id.id }
            #expect(diklat.count == 7 && skp.count == 2)
            // Andi's SKP changes after the versions were read: it must stay pending.
            let andiSKP = try #require(try store.records(nip: nipA)?.skp.first).id
            try store.update(RecordID(kind: .skp, id: andiSKP), to: .skp(SKP(nip: nipA, tahun: 2024, predikat: .sangatBaik)))
            let batch = try store.saveExportBatch(
                NewExportBatch(
                    kind: "siasn-mixed", format: "csv", file: "/tmp/mixed.csv", pendingOnly: true, marksSent: true,
                    records: diklat + skp + [diklat[0]]))
            #expect(batch.number == 1 && batch.rows == 10, "the batch counts the rows it was given")
            #expect(try pendingDiklat(store).isEmpty, "all seven diklat sent")
            let stillPending = try store.recordVersions(kind: .skp, unit: nil, pendingOnly: true)
            #expect(Array(stillPending.keys) == [andiSKP], "only Andi's SKP, changed meanwhile, is pending")
            #expect(try store.pendingCounts().map { "\($0.unit) \($0.kind) \($0.count)" } == ["ROOT skp 1"])
            let citraSKP = try #require(try store.records(nip: nipC)?.skp.first).id
            let info = try store.sentInfo(diklat.map(\.id) + [RecordID(kind: .skp, id: citraSKP), RecordID(kind: .skp, id: andiSKP)])
            #expect(info.count == 9)
            #expect(info.values.filter { $0.batch == 1 && $0.current }.count == 8, "seven diklat and Citra's SKP are current")
            #expect(info[RecordID(kind: .skp, id: andiSKP)]?.current == false)
            #expect(try store.check().isEmpty)
        }
    ]
}
