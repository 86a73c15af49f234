import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// Open screens follow SIASN's marks (branch usertest12): a SIASN export and the marking of
    /// SIASN's answer are data changes other sessions are told about, like a save.
    static let siasnLive: [StoreBehaviour] = [
        StoreBehaviour(shared: "a SIASN export and SIASN's answer move the data generation and wake another session's feed") { newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops", session: "setup"))
            try SmallProvince.seed(ops)
            try ops.add(teknis(nipA))
            try ops.add(teknis(nipB))
            try ops.saveAccount(Account(login: "vera", role: .verifikator))
            try ops.saveAccount(Account(login: "ani", role: .admin, units: ["ROOT"]))
            let vera = try open(TestClock.context(actor: "vera", session: "v"))
            let ani = try open(TestClock.context(actor: "ani", session: "a"))
            _ = ani.pollChanges()  // bearings: the setup's changes
            #expect(ani.pollChanges() == .quiet)
            let before = try ani.dataGeneration()

            // An export that does not mark records sent (a copy for the office) changes nothing.
            var copy = siasnBatch(try pendingDiklat(vera))
            copy.marksSent = false
            try vera.saveExportBatch(copy)
            #expect(try ani.dataGeneration() == before)
            #expect(ani.pollChanges() == .quiet)

            // The verifikator's batch marks both courses sent: Ani's page is told, by whom.
            let batch = try vera.saveExportBatch(siasnBatch(try pendingDiklat(vera)))
            #expect(batch.rows == 2)
            let sent = try ani.dataGeneration()
            #expect(sent > before, "the sent marks are a change")
            #expect(nextNews(ani) == .changed)
            #expect(ani.pollChanges() == .quiet, "told once")
            let marking = try lastAudit(ani)
            #expect(marking.action == .siasnSent && marking.subject == .siasnBatch(batch.number))
            #expect(marking.actor == "vera" && marking.session == "v" && marking.nip == nil && marking.old == nil && marking.new == nil)

            // SIASN refuses Andi's course: the refusal is a change too.
            let andi = try diklatIDs(ops, nipA)[0]
            let outcome = try vera.markSIASNRefusals(batch: batch.number, [NewSIASNRefusal(id: andi, reason: "Sertifikat buram", line: 2)])
            #expect(outcome.pendingAgain == 1)
            #expect(try ani.dataGeneration() > sent)
            #expect(nextNews(ani) == .changed)
            #expect(try lastAudit(ani).action == .siasnRefused && lastAudit(ani).subject == .siasnBatch(batch.number))

            // A marking is never undone by the verifikator's undo (it is not a record's change),
            // and the data stay consistent.
            #expect(try vera.nextUndo(session: "v") == nil)
            #expect(try ops.check().isEmpty)
            #expect(try ani.siasnRefusals(unit: "ROOT").map(\.id) == [andi])
        }
    ]
}
