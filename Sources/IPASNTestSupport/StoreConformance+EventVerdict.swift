import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// One verdict for a whole event (`EventVerdictStore`, docs/store.md "A verdict for a whole
    /// event"): the operator "test" enters, the admin "sari" holds SUB (Budi, Citra), the
    /// verifikator "vera" judges in session "vera-1".
    static let eventVerdict: [StoreBehaviour] = [
        StoreBehaviour(shared: "a batch judged at once: waiting members only, one verify entry each, one undo step") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let vera = try open(TestClock.context(actor: "vera", session: "vera-1"))
            let batch = try op.addBatch([teknis(nipA), teknis(nipB), teknis(nipC)], label: "Sosialisasi Arsip")
            let (idA, idB, idC) = (batch.ids[0], batch.ids[1], batch.ids[2])
            try vera.setVerification([idC], status: .tidak, reason: "Sertifikat tidak ada")
            let event = try #require(try vera.verdictEvent(containing: idB))
            #expect(event.batch == batch.batch)
            #expect(event.course.nama == "Bimtek Arsip")
            #expect(Set(event.waiting) == [idA, idB])
            #expect(event.skipped == 1)
            let byBatch = try #require(try vera.verdictEvent(batch: batch.batch))
            #expect(byBatch.key == .batch(batch.batch))
            #expect(byBatch.batch == batch.batch && byBatch.waiting == event.waiting && byBatch.skipped == 1)
            #expect(byBatch.course.nama == "Bimtek Arsip" && byBatch.course.tanggalSelesai == event.course.tanggalSelesai)
            // An admin gives no verdict, for one record or an event.
            #expect(refusedRule { try sari.setEventVerdict(.batch(batch.batch), status: .memenuhi, reason: "") } == .verifiersOnly(.admin))
            #expect(refusal { try vera.setEventVerdict(.batch(batch.batch), status: .tidak, reason: " ") } != [])
            let result = try vera.setEventVerdict(.record(idB), status: .memenuhi, reason: "")
            #expect(result.judged == 2)
            #expect(result.skipped == 1)
            let accepted = RecordVerification(status: .memenuhi, by: "vera", at: TestClock.now)
            #expect(try op.verification(of: idA) == accepted)
            #expect(try op.verification(of: idB) == accepted)
            #expect(try op.verification(of: idC).reason == "Sertifikat tidak ada")
            // One verify entry per record judged, as a single verdict writes it, with the event verdict's id.
            let entries = try op.auditLog(limit: 2)
            #expect(entries.map(\.action) == [.verify, .verify])
            #expect(Set(entries.map(\.subject)) == [.record(idA), .record(idB)])
            #expect(entries.allSatisfy { $0.batch == result.verdict && $0.actor == "vera" && $0.new == .verification(accepted) })
            // The verdict is no batch of data entry.
            #expect(try op.batches(limit: 10).map(\.info.id) == [batch.batch])
            #expect(try op.batch(containing: idA) == batch.batch)
            // Judged again: nothing waits.
            #expect(try vera.setEventVerdict(.batch(batch.batch), status: .memenuhi, reason: "").judged == 0)
            // The next undo would set both back to belum; one undo step does it.
            let changes = try vera.verdictChanges(undo: true, session: "vera-1")
            #expect(Set(changes.map(\.id)) == [idA, idB])
            #expect(changes.allSatisfy { $0.after?.status == .belum })
            #expect(try vera.undoLast(session: "vera-1")?.action == .verify)
            #expect(try op.verification(of: idA) == .unverified)
            #expect(try op.verification(of: idB) == .unverified)
            #expect(try op.verification(of: idC).status == .tidak)
            #expect(try vera.nextUndo(session: "vera-1") == nil, "a single verdict is not undone")
            #expect(try vera.redoLast(session: "vera-1") != nil)
            #expect(try op.verification(of: idA) == accepted)
            #expect(try op.verification(of: idB) == accepted)
            #expect(try vera.undoLast(session: "vera-1")?.action == .redo)
            #expect(try op.verification(of: idB) == .unverified)
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "records of one course entered one by one are one event; a rejection leaves them out of the scores until undone") {
            newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let vera = try open(TestClock.context(actor: "vera", session: "vera-1"))
            let idB = try sari.add(teknis(nipB)).id
            let idC = try sari.add(teknis(nipC, "BIMTEK  arsip")).id
            _ = try sari.add(teknis(nipC, "Bimtek Kepegawaian"))
            _ = try op.add(teknis(nipA, end: "2024-03-04"))
            let event = try #require(try vera.verdictEvent(containing: idC))
            #expect(event.batch == nil)
            #expect(event.waiting == [idB, idC])
            #expect(try vera.verdictEvent(containing: RecordID(kind: .diklat, id: 999_999)) == nil)
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            let result = try vera.setEventVerdict(.record(idB), status: .tidak, reason: "Daftar hadir tidak ada")
            #expect(result.judged == 2)
            #expect(try op.verification(of: idC).reason == "Daftar hadir tidak ada")
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            #expect(try op.rejectedRecords(inUnits: ["SUB"]).count == 2)
            // A single verdict given since: the event verdict cannot be taken back whole.
            try vera.setVerification([idC], status: .memenuhi, reason: "")
            #expect(storeError { try vera.undoLast(session: "vera-1") } == .changedSince(by: "vera"))
            #expect(try op.verification(of: idB).status == .tidak)
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "the undo and redo questions can name the verdict they bring back or take away") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            _ = op
            let earlier = TestClock.now.addingTimeInterval(-3600)
            let vera = try open(TestClock.context(actor: "vera", session: "vera-1", at: earlier))
            let sari1 = try open(TestClock.context(actor: "sari", session: "sari-1"))
            let id = try sari.add(teknis(nipB)).id
            try vera.setVerification([id], status: .tidak, reason: "JP salah")
            try sari1.update(id, to: teknis(nipB, jp: 24))
            let rejected = RecordVerification(status: .tidak, reason: "JP salah", by: "vera", at: earlier)
            #expect(try sari1.verdictChanges(undo: true, session: "sari-1") == [VerdictChange(id: id, now: .unverified, after: rejected)])
            #expect(try sari1.undoLast(session: "sari-1") != nil)
            #expect(try sari1.verdictChanges(undo: false, session: "sari-1") == [VerdictChange(id: id, now: rejected, after: .unverified)])
            #expect(try sari1.redoLast(session: "sari-1") != nil)
            // An added record undone takes its verdict with it.
            let added = try sari1.add(teknis(nipC)).id
            try vera.setVerification([added], status: .memenuhi, reason: "")
            let accepted = RecordVerification(status: .memenuhi, by: "vera", at: earlier)
            #expect(try sari1.verdictChanges(undo: true, session: "sari-1") == [VerdictChange(id: added, now: accepted, after: nil)])
            // A change that touches no verdict names none.
            _ = try sari1.add(teknis(nipC, "Bimtek Kepegawaian"))
            #expect(try sari1.verdictChanges(undo: true, session: "sari-1") == [])
        },
    ]
}
