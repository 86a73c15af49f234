import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The workstation leftovers of user test 8 (branch ux9): drafts per open form and session,
    /// and an undone delete that keeps who entered the record.
    static let ux9: [StoreBehaviour] = [
        StoreBehaviour("two windows of one login keep one draft each of the same form; a save forgets only its window's") { make in
            let store = try seeded(make)
            var first = draft("diklat", nipA, "window 1")
            first.session = "w1"
            first.aliveAt = TestClock.now
            var second = draft("diklat", nipA, "window 2", at: 10)
            second.session = "w2"
            second.aliveAt = TestClock.now.addingTimeInterval(10)
            try store.saveDraft(first, owner: "test")
            try store.saveDraft(second, owner: "test")  // the same form in the other window: not written over
            let drafts = try store.loadDrafts(owner: "test")
            #expect(drafts == [second, first], "both kept, with their session and sign of life, newest first")
            #expect(drafts.map(\.formKey) == ["diklat:\(nipA):new@w2", "diklat:\(nipA):new@w1"])
            // Window 2's form counts as open for 90 s after its last sign of life, never for itself.
            #expect(second.isOpenElsewhere(than: "w3", now: TestClock.now.addingTimeInterval(10 + 89)))
            #expect(!second.isOpenElsewhere(than: "w3", now: TestClock.now.addingTimeInterval(10 + 90)))
            #expect(!second.isOpenElsewhere(than: "w2", now: TestClock.now))
            // Window 1 ends (its terminal closed): its draft says so and is offered at once.
            first.aliveAt = nil
            try store.saveDraft(first, owner: "test")
            #expect(try store.loadDrafts(owner: "test").last == first)
            #expect(!first.isOpenElsewhere(than: "w3", now: TestClock.now))
            // Window 2 saves its course: only its draft goes.
            _ = try store.add(teknis(nipA, jp: 20), clearingDraft: DraftKey(owner: "test", formKey: second.formKey))
            #expect(try store.loadDrafts(owner: "test") == [first])
        },
        StoreBehaviour(shared: "an undone delete keeps who entered the record and when; the audit keeps the undo as the undoer's") { newDatabase in
            let open = try seededAt(newDatabase)
            let ops = try open("ops", "tuesday", tuesday)
            // Tuesday: ops types one course and imports another.
            let typed = try ops.add(teknis(nipA, "Selasa Ketik")).id
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipB, "Selasa Impor")))])
            #expect(try ops.importRows(&rows, skipInvalid: false).imported == 1)
            let imported = RecordID(kind: .diklat, id: try #require(try ops.records(nip: nipB)?.diklat.first).id)
            // Today: Ani enters one; a minute later Budi deletes both of Tuesday's, then undoes both.
            let ani = try open("ani", "ani-1", TestClock.now)
            _ = try ani.add(teknis(nipC, "Ketik Ani"))
            let later = TestClock.now.addingTimeInterval(60)
            let budi = try open("budi", "budi-1", later)
            _ = try budi.delete(typed)
            _ = try budi.delete(imported)
            try budi.undoLast(session: "budi-1")
            try budi.undoLast(session: "budi-1")
            #expect(try budi.records(nip: nipA)?.diklat.map(\.id) == [typed.id], "back with its id")
            #expect(try budi.records(nip: nipB)?.diklat.map(\.id) == [imported.id])

            let page = try ops.verificationQueue(QueueFilter(), limit: 10)
            // Tuesday's two stay Tuesday's, by ops (the imported one newer by id), under Ani's entry of today.
            #expect(queueNames(page) == ["Ketik Ani", "Selasa Impor", "Selasa Ketik"])
            #expect(page.entries.map(\.touchedBy) == ["ani", "ops", "ops"])
            #expect(page.entries.map(\.touchedAt) == [TestClock.now, tuesday, tuesday])
            #expect(try ops.verificationQueue(QueueFilter(touchedBy: "budi"), limit: 10).entries.isEmpty, "nothing entered by Budi")
            #expect(try ops.verificationQueue(QueueFilter(since: later), limit: 10).entries.isEmpty)
            #expect(queueNames(try QueueFromAudit.page(ops, filter: QueueFilter(), limit: 10)) == queueNames(page), "as the audit log says")
            // The audit log keeps both undos as Budi's.
            let undos = try ops.auditLog(limit: 2)
            #expect(undos.map(\.action) == [.undo, .undo])
            #expect(undos.map(\.actor) == ["budi", "budi"])
            #expect(undos.map(\.at) == [later, later])
        },
    ]

    /// A new database seeded by "ops", and how to open it as any login (an operator) at any
    /// moment: `open("ani", "ani-1", TestClock.now)`.
    static func seededAt(_ newDatabase: DatabaseFactory) throws -> @Sendable (String, String, Date) throws -> any Store {
        let open = try newDatabase()
        let ops = try open(TestClock.context(actor: "ops", session: "setup"))
        try SmallProvince.seed(ops)
        return { actor, session, moment in
            if try ops.account(login: actor) == nil { try ops.saveAccount(Account(login: actor, role: .operator)) }
            return try open(TestClock.context(actor: actor, session: session, at: moment))
        }
    }
}
