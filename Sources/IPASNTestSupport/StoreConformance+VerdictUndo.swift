import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// Undo and redo restore the verification that went with the content they put back
    /// (`docs/store.md`, "Verification", "Undo and redo restore the verdict"): the admin
    /// "sari" of SUB, the verifikator "vera" (her verdicts given an hour before the admin's
    /// undo, so the restored moment is hers, not the undo's).
    static let verdictUndo: [StoreBehaviour] = [
        StoreBehaviour(shared: "reject, edit, undo: ditolak again with the verifikator's reason; redo: belum") { newDatabase in
            let open = try newDatabase()
            let (op, _) = try team(open)
            let sari = try open(TestClock.context(actor: "sari", session: "sari-1"))
            let earlier = TestClock.now.addingTimeInterval(-3600)
            let vera = try open(TestClock.context(actor: "vera", session: "vera-1", at: earlier))
            let id = try sari.add(teknis(nipB)).id
            try vera.setVerification([id], status: .tidak, reason: "JP salah")
            let rejected = RecordVerification(status: .tidak, reason: "JP salah", by: "vera", at: earlier)
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            // A save with the same values keeps the verdict, and does not break the trail.
            try sari.update(id, to: teknis(nipB))
            try sari.update(id, to: teknis(nipB, jp: 24))
            #expect(try op.verification(of: id) == .unverified)
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            // Undone: the old content, rejected as it was, out of the scores again.
            #expect(try sari.undoLast(session: "sari-1")?.action == .update)
            #expect(try op.records(nip: nipB)?.diklat.map(\.value.jp) == [20])
            #expect(try op.verification(of: id) == rejected)
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            #expect(try op.rejectedRecords(inUnits: ["SUB"]).map(\.verification.reason) == ["JP salah"])
            let undo = try #require(try op.auditLog(limit: 2).last)
            let restored = try lastAudit(op)
            #expect(undo.action == .undo)
            #expect(restored.action == .verify)
            #expect(restored.actor == "sari")
            #expect(restored.subject == .record(id))
            #expect(restored.undoes == undo.id)
            #expect(restored.old == .verification(.unverified))
            #expect(restored.new == .verification(rejected))
            // Only vera's verdict counts as a verdict; the undo judged nothing.
            let day = (TestClock.now.addingTimeInterval(-86_400), TestClock.now.addingTimeInterval(86_400))
            #expect(try op.verdicts(from: day.0, until: day.1).map { "\($0.actor) \($0.verified) \($0.rejected)" } == ["vera 0 1"])
            #expect(try op.check() == [])
            // Redone: the corrected content, belum, counted.
            #expect(try sari.redoLast(session: "sari-1") != nil)
            #expect(try op.verification(of: id) == .unverified)
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            #expect(try op.rejectedRecords(inUnits: nil).isEmpty)
            // And undone again: rejected again (the trail runs through the first restore).
            #expect(try sari.undoLast(session: "sari-1")?.action == .redo)
            #expect(try op.verification(of: id) == rejected)
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "verified, edit, undo: memenuhi again; a document marked meanwhile stays") { newDatabase in
            let open = try newDatabase()
            _ = try team(open)
            let sari = try open(TestClock.context(actor: "sari", session: "sari-1"))
            let earlier = TestClock.now.addingTimeInterval(-7200)
            let vera = try open(TestClock.context(actor: "vera", session: "vera-1", at: earlier))
            let id = try sari.add(teknis(nipB)).id
            try vera.setVerification([id], status: .memenuhi, reason: "")
            try sari.update(id, to: teknis(nipB, "Bimtek Kearsipan"))
            try sari.setDocument(id, inHand: true, path: "/arsip/bimtek.pdf")
            #expect(try sari.undoLast(session: "sari-1")?.action == .update)
            #expect(
                try vera.verification(of: id)
                    == RecordVerification(status: .memenuhi, by: "vera", at: earlier, documentInHand: true, documentPath: "/arsip/bimtek.pdf"))
            #expect(try sari.redoLast(session: "sari-1") != nil)
            #expect(try vera.verification(of: id) == RecordVerification(documentInHand: true, documentPath: "/arsip/bimtek.pdf"))
            #expect(try vera.check() == [])
        },
        StoreBehaviour(shared: "a verdict given between the edit and the undo goes with the corrected content: undo restores the old verdict, redo the new") { newDatabase in
            let open = try newDatabase()
            let (op, _) = try team(open)
            let sari = try open(TestClock.context(actor: "sari", session: "sari-1"))
            let first = TestClock.now.addingTimeInterval(-7200)
            let second = TestClock.now.addingTimeInterval(-3600)
            let id = try sari.add(teknis(nipB)).id
            try open(TestClock.context(actor: "vera", at: first)).setVerification([id], status: .tidak, reason: "JP salah")
            try sari.update(id, to: teknis(nipB, jp: 24))
            // vera accepts the corrected record; then sari undoes her correction.
            try open(TestClock.context(actor: "vera", at: second)).setVerification([id], status: .memenuhi, reason: "")
            #expect(try sari.undoLast(session: "sari-1")?.action == .update)
            #expect(try op.verification(of: id) == RecordVerification(status: .tidak, reason: "JP salah", by: "vera", at: first))
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            // Redone: the corrected content with the acceptance vera gave it.
            #expect(try sari.redoLast(session: "sari-1") != nil)
            #expect(try op.verification(of: id) == RecordVerification(status: .memenuhi, by: "vera", at: second))
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "undoing the delete of a rejected record brings it back rejected, with its document mark") { newDatabase in
            let open = try newDatabase()
            let (op, _) = try team(open)
            let sari = try open(TestClock.context(actor: "sari", session: "sari-1"))
            let vera = try open(TestClock.context(actor: "vera", session: "vera-1"))
            let id = try sari.add(teknis(nipB)).id
            try sari.setDocument(id, inHand: true, path: "/arsip/x.pdf")
            try vera.setVerification([id], status: .tidak, reason: "Ganda")
            try sari.delete(id)
            #expect(try sari.undoLast(session: "sari-1")?.action == .delete)
            #expect(
                try op.verification(of: id)
                    == RecordVerification(status: .tidak, reason: "Ganda", by: "vera", at: TestClock.now, documentInHand: true, documentPath: "/arsip/x.pdf"))
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            // Redone (deleted again) and undone again: the same.
            #expect(try sari.redoLast(session: "sari-1") != nil)
            #expect(try sari.undoLast(session: "sari-1")?.action == .redo)
            #expect(try op.verification(of: id).status == .tidak)
            #expect(try op.check() == [])
        },
    ]
}
