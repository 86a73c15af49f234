import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The error a marking of SIASN's answer threw, when it is a ``SIASNRefusalError``.
    static func refusalError(_ body: () throws -> Void) -> SIASNRefusalError? {
        do {
            try body()
            return nil
        } catch let error as SIASNRefusalError {
            return error
        } catch {
            Issue.record("expected a SIASNRefusalError, got \(error)")
            return nil
        }
    }

    /// "unit kind count" of every pending count, for hand-checked comparisons.
    static func pendingLines(_ store: any Store) throws -> [String] {
        try store.pendingCounts().map { "\($0.unit) \($0.kind) \($0.count)" }
    }

    /// The BKPSDM team's verifikator sends to SIASN; SIASN's refusals come back (branch siasnback).
    static let siasnRefusal: [StoreBehaviour] = [
        StoreBehaviour(shared: "a verifikator records SIASN batches of every unit, but writes no record; a pimpinan records none") { newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops"))
            try SmallProvince.seed(ops)
            try ops.add(teknis(nipA))  // ROOT
            try ops.add(teknis(nipB))  // SUB
            try ops.saveAccount(Account(login: "vera", role: .verifikator))
            try ops.saveAccount(Account(login: "kepala", role: .pimpinan))
            let vera = try open(TestClock.context(actor: "vera"))
            let kepala = try open(TestClock.context(actor: "kepala"))
            #expect(try pendingLines(ops) == ["ROOT diklat 1", "SUB diklat 1"])
            #expect(storeError { try kepala.saveExportBatch(siasnBatch(try pendingDiklat(kepala))) } == .notPermitted(.readOnlyRole(.pimpinan)))
            let batch = try vera.saveExportBatch(siasnBatch(try pendingDiklat(vera)))
            #expect(batch.rows == 2 && batch.actor == "vera" && batch.marksSent)
            #expect(try pendingLines(ops) == [], "both units' courses sent by the verifikator")
            // A sent course deleted: the verifikator reports the deletion too.
            let andi = try diklatIDs(ops, nipA)[0]
            try ops.delete(andi)
            #expect(try vera.sentDeletions(kind: .diklat, unit: nil).map(\.id) == [andi])
            try vera.saveExportBatch(siasnBatch([], deletions: [andi]))
            #expect(try vera.sentDeletions(kind: .diklat, unit: nil).isEmpty)
            // Still no record of hers.
            #expect(storeError { try vera.add(teknis(nipB, "Kursus Lain")) } == .notPermitted(.readOnlyRole(.verifikator)))
            #expect(try vera.check().isEmpty)
        },
        StoreBehaviour(shared: "SIASN's refusal makes a record pending again, held back until corrected, shown until sent again") { newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops"))
            try SmallProvince.seed(ops)
            try ops.add(teknis(nipA))
            try ops.add(teknis(nipB))
            try ops.add(teknis(nipB, "Kursus Dua", end: "2024-04-04"))
            try ops.add(.skp(SKP(nip: nipC, tahun: 2024, predikat: .baik)))
            try ops.saveAccount(Account(login: "vera", role: .verifikator))
            try ops.saveAccount(Account(login: "sari", role: .admin, units: ["SUB"]))
            try ops.saveAccount(Account(login: "kepala", role: .pimpinan))
            let vera = try open(TestClock.context(actor: "vera"))
            let sari = try open(TestClock.context(actor: "sari"))
            let kepala = try open(TestClock.context(actor: "kepala"))
            // Before: Andi's course (ROOT), Budi's two and Citra's SKP (SUB).
            #expect(try pendingLines(ops) == ["ROOT diklat 1", "SUB diklat 2", "SUB skp 1"])
            let plain = try vera.saveExportBatch(
                NewExportBatch(kind: "diklat", format: "csv", file: "/tmp/d.csv", marksSent: false, records: try pendingDiklat(vera)))
            let sent = try vera.saveExportBatch(siasnBatch(try pendingDiklat(vera)))
            #expect(try pendingLines(ops) == ["SUB skp 1"])
            let budi = try diklatIDs(ops, nipB)
            let items = try #require(try vera.exportItems(batch: sent.number))
            #expect(items.map(\.nip) == [nipA, nipB, nipB] && items.allSatisfy { !$0.deleted && $0.version == 0 })
            #expect(try vera.exportItems(batch: 99) == nil)
            // Nothing kept of a marking the store refuses.
            #expect(refusalError { try vera.markSIASNRefusals(batch: 99, [NewSIASNRefusal(id: budi[0], reason: "x", line: 2)]) } == .noSuchBatch(99))
            #expect(refusalError { try vera.markSIASNRefusals(batch: plain.number, [NewSIASNRefusal(id: budi[0], reason: "x", line: 2)]) }
                == .notSentBatch(plain.number))
            let citra = RecordID(kind: .skp, id: try #require(try ops.records(nip: nipC)?.skp.first).id)
            #expect(refusalError {
                try vera.markSIASNRefusals(
                    batch: sent.number, [NewSIASNRefusal(id: budi[0], reason: "x", line: 2), NewSIASNRefusal(id: citra, reason: "y", line: 3)])
            } == .notInBatch(citra, batch: sent.number))
            let andi = try diklatIDs(ops, nipA)[0]
            #expect(storeError { try sari.markSIASNRefusals(batch: sent.number, [NewSIASNRefusal(id: andi, reason: "x", line: 2)]) }
                == .notPermitted(.notYourUnit("ROOT")))
            #expect(storeError { try kepala.markSIASNRefusals(batch: sent.number, [NewSIASNRefusal(id: budi[0], reason: "x", line: 2)]) }
                == .notPermitted(.readOnlyRole(.pimpinan)))
            #expect(try vera.siasnRefusals(unit: nil).isEmpty && (try pendingLines(ops)) == ["SUB skp 1"])
            // SIASN refused Budi's first course (line 3 of the uploaded file).
            let outcome = try vera.markSIASNRefusals(batch: sent.number, [NewSIASNRefusal(id: budi[0], reason: "Sertifikat tidak terbaca", line: 3)])
            #expect(outcome == SIASNRefusalOutcome(pendingAgain: 1, alreadyPending: 0, deletionsAgain: 0))
            #expect(try pendingLines(ops) == ["SUB diklat 1", "SUB skp 1"], "after: Budi's refused course is pending again")
            #expect(try pendingDiklat(vera).isEmpty, "held back from the next export while unchanged")
            let refusal = try #require(try sari.siasnRefusals([budi[0], budi[1], andi])[budi[0]])
            #expect(refusal.batch == sent.number && refusal.line == 3 && refusal.actor == "vera" && refusal.at == TestClock.now)
            #expect(refusal.nip == nipB && !refusal.corrected && !refusal.deleted)
            #expect(refusal.label(.id) == "ditolak SIASN: Sertifikat tidak terbaca")
            #expect(try sari.siasnRefusals([budi[1], andi]).isEmpty)
            #expect(try ops.siasnRefusals(unit: "ROOT").map(\.id) == [budi[0]], "ROOT with its sub-unit")
            #expect(try ops.siasnRefusals(unit: "SUB").map(\.id) == [budi[0]])
            #expect(try ops.sentInfo([budi[0]])[budi[0]]?.current == false)
            // Marking the same row again replaces the refusal; Budi's second course, refused
            // after it was changed, is kept but was pending already.
            try sari.update(budi[1], to: teknis(nipB, "Kursus Dua", jp: 30, end: "2024-04-04"))
            let again = try vera.markSIASNRefusals(
                batch: sent.number,
                [NewSIASNRefusal(id: budi[0], reason: "Sertifikat belum diunggah", line: 3), NewSIASNRefusal(id: budi[1], reason: "Jam salah", line: 4)])
            #expect(again == SIASNRefusalOutcome(pendingAgain: 0, alreadyPending: 2, deletionsAgain: 0))
            #expect(try ops.siasnRefusals(unit: nil).map(\.reason) == ["Sertifikat belum diunggah", "Jam salah"])
            #expect(try pendingDiklat(vera).map(\.id) == [budi[1]], "the corrected one goes out")
            // The admin corrects the first: it goes out with the next batch and the refusal ends.
            try sari.update(budi[0], to: teknis(nipB, jp: 24))
            #expect(try sari.siasnRefusals([budi[0]])[budi[0]]?.corrected == true)
            #expect(try pendingDiklat(vera).map(\.id) == budi)
            try vera.saveExportBatch(siasnBatch(try pendingDiklat(vera)))
            #expect(try ops.siasnRefusals(unit: nil).isEmpty)
            #expect(try pendingLines(ops) == ["SUB skp 1"])
            #expect(try ops.check().isEmpty)
        },
        StoreBehaviour(shared: "a deletion SIASN refused is listed again until a later batch reports it") { newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops"))
            try SmallProvince.seed(ops)
            try ops.add(teknis(nipB))
            try ops.saveAccount(Account(login: "vera", role: .verifikator))
            let vera = try open(TestClock.context(actor: "vera"))
            try vera.saveExportBatch(siasnBatch(try pendingDiklat(vera)))
            let budi = try diklatIDs(ops, nipB)[0]
            try ops.delete(budi)
            let report = try vera.saveExportBatch(siasnBatch([], deletions: [budi]))
            #expect(try vera.sentDeletions(kind: .diklat, unit: nil).isEmpty)
            #expect(try vera.exportItems(batch: report.number)?.map(\.deleted) == [true])
            let outcome = try vera.markSIASNRefusals(
                batch: report.number, [NewSIASNRefusal(id: budi, deleted: true, reason: "Riwayat dipakai usulan", line: 0)])
            #expect(outcome.deletionsAgain == 1)
            #expect(try vera.sentDeletions(kind: .diklat, unit: "SUB").map(\.id) == [budi])
            #expect(try vera.siasnRefusals(unit: "SUB").map { "\($0.deleted) \($0.reason)" } == ["true Riwayat dipakai usulan"])
            try vera.saveExportBatch(siasnBatch([], deletions: [budi]))
            #expect(try vera.sentDeletions(kind: .diklat, unit: nil).isEmpty && (try vera.siasnRefusals(unit: nil)).isEmpty)
            #expect(try ops.check().isEmpty)
        },
    ]
}
