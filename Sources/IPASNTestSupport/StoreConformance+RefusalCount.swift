import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The verifikator queue's count of SIASN's refusals waiting for a verdict
    /// (``RefusalCountStore``): exact per unit (sub-units in) and kind, a verdict taking a
    /// record out, a refused deletion never counted (branch leftovers13).
    static let refusalCount: [StoreBehaviour] = [
        StoreBehaviour(shared: "the count of SIASN's refusals waiting for a verdict is exact per unit and kind") { newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops"))
            try SmallProvince.seed(ops)
            try ops.add(teknis(nipA))  // ROOT
            try ops.add(teknis(nipB))  // SUB
            try ops.add(teknis(nipB, "Kursus Dua", end: "2024-04-04"))
            try ops.add(teknis(nipC, "Kursus Citra"))
            try ops.saveAccount(Account(login: "vera", role: .verifikator))
            let vera = try open(TestClock.context(actor: "vera"))
            #expect(try vera.waitingRefusalCount(unit: nil, kind: nil) == 0, "nothing refused yet")
            let sent = try vera.saveExportBatch(siasnBatch(try pendingDiklat(vera)))
            let andi = try diklatIDs(ops, nipA)[0]
            let budi = try diklatIDs(ops, nipB)
            let citra = try diklatIDs(ops, nipC)[0]
            // Citra's course deleted and the deletion reported: SIASN refuses the deletion too.
            try ops.delete(citra)
            let deletions = try vera.saveExportBatch(siasnBatch([], deletions: [citra]))
            try vera.markSIASNRefusals(
                batch: sent.number,
                [andi, budi[0], budi[1]].enumerated().map { NewSIASNRefusal(id: $0.element, reason: "Sertifikat buram", line: $0.offset + 2) })
            try vera.markSIASNRefusals(batch: deletions.number, [NewSIASNRefusal(id: citra, deleted: true, reason: "Tidak ada", line: 2)])
            // Andi (ROOT), Budi's two (SUB); the deletion is no record to verify.
            #expect(try vera.waitingRefusalCount(unit: nil, kind: nil) == 3)
            #expect(try vera.waitingRefusalCount(unit: "ROOT", kind: nil) == 3, "ROOT holds SUB")
            #expect(try vera.waitingRefusalCount(unit: "SUB", kind: nil) == 2)
            #expect(try vera.waitingRefusalCount(unit: "LAIN", kind: nil) == 0)
            #expect(try vera.waitingRefusalCount(unit: nil, kind: .diklat) == 3)
            #expect(try vera.waitingRefusalCount(unit: nil, kind: .skp) == 0)
            // A verdict takes a record out of the count, whichever it is.
            try vera.setVerification([budi[1]], status: .memenuhi, reason: "")
            try vera.setVerification([andi], status: .tidak, reason: "Tanggal salah")
            #expect(try vera.waitingRefusalCount(unit: "SUB", kind: nil) == 1)
            #expect(try vera.waitingRefusalCount(unit: nil, kind: nil) == 1)
            // Budi's first course corrected: still refused (until sent again), still waiting.
            var corrected = try #require(try ops.records(nip: nipB)?.diklat.first { $0.id == budi[0].id }?.value)
            corrected.nomorSertifikat = "NS/2024/017"
            try ops.update(budi[0], to: .diklat(corrected))
            #expect(try vera.waitingRefusalCount(unit: "SUB", kind: .diklat) == 1)
            // Sent again in a later batch: no longer a refusal in force.
            try vera.saveExportBatch(siasnBatch(try pendingDiklat(vera)))
            #expect(try vera.waitingRefusalCount(unit: nil, kind: nil) == 0)
        },
    ]
}
