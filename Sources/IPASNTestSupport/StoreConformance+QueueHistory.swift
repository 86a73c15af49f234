import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The verifikator's queue through undo, redo, a rejected record replaced, an undone and
    /// redone import, ties of one moment and every filter combined (``VerificationQueueStore``,
    /// branch pgqueue). Each page is checked by hand and against ``QueueFromAudit`` (the
    /// contract read straight from the audit log).
    static let queueHistory: [StoreBehaviour] = [
        StoreBehaviour(shared: "the queue follows undo, redo, a replaced rejected record and an import; ties and combined filters") {
            newDatabase in
            let open = try newDatabase()
            func at(_ minutes: Double) -> Date { TestClock.now.addingTimeInterval(minutes * 60) }
            let ops = try open(TestClock.context(actor: "ops", session: "ops-1", at: tuesday))
            try SmallProvince.seed(ops)
            for login in ["ani", "budi"] { try ops.saveAccount(Account(login: login, role: .operator)) }
            // Tuesday, one moment: ties broken by kind (diklat before SKP), then the newest id.
            let d1 = try ops.add(teknis(nipA, "Satu")).id
            let d2 = try ops.add(teknis(nipB, "Dua")).id
            let s1 = try ops.add(.skp(SKP(nip: nipB, tahun: 2023, predikat: .baik))).id
            let d5 = try ops.add(teknis(nipC, "Lima")).id
            let s2 = try ops.add(.skp(SKP(nip: nipC, tahun: 2024, predikat: .baik))).id
            let d6 = try ops.add(teknis(nipA, "Enam")).id
            // Ani changes d1 at +1 and undoes it at +2: the undo set its values, so it is Ani's at +2.
            try open(TestClock.context(actor: "ani", session: "ani-1", at: at(1))).update(d1, to: teknis(nipA, "Satu", jp: 24))
            #expect(try open(TestClock.context(actor: "ani", session: "ani-1", at: at(2))).undoLast(session: "ani-1") != nil)
            // Budi enters d3 at +3, undoes it at +4 (gone), redoes it at +5 (back, Budi's at +5).
            let d3 = try open(TestClock.context(actor: "budi", session: "budi-1", at: at(3))).add(teknis(nipC, "Tiga")).id
            #expect(try open(TestClock.context(actor: "budi", session: "budi-1", at: at(4))).undoLast(session: "budi-1") != nil)
            #expect(try !queueNames(ops.verificationQueue(QueueFilter(), limit: 20)).contains("Tiga"))
            #expect(try open(TestClock.context(actor: "budi", session: "budi-1", at: at(5))).redoLast(session: "budi-1") != nil)
            // At +6 Ani rejects d2 and s1 (a verdict is no touch: they leave the queue).
            let ani = try open(TestClock.context(actor: "ani", session: "ani-2", at: at(6)))
            #expect(try ani.setVerification([d2, s1], status: .tidak, reason: "Sertifikat buram") == 2)
            // At +7 Budi replaces the rejected d2 by a new record d4; at +8 ops corrects s1 (back as ops's).
            let budi = try open(TestClock.context(actor: "budi", session: "budi-2", at: at(7)))
            try budi.delete(d2)
            let d4 = try budi.add(teknis(nipB, "Dua Ulang")).id
            try open(TestClock.context(actor: "ops", session: "ops-2", at: at(8))).update(s1, to: .skp(SKP(nip: nipB, tahun: 2023, predikat: .sangatBaik)))
            // At +9 Ani imports two records and undoes the import; at +10 she redoes it.
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipA, "Impor A"))), Line(3, .record(teknis(nipC, "Impor C")))])
            #expect(try open(TestClock.context(actor: "ani", session: "ani-3", at: at(9))).importRows(&rows, skipInvalid: false).imported == 2)
            #expect(try open(TestClock.context(actor: "ani", session: "ani-3", at: at(9.5))).undoLast(session: "ani-3") != nil)
            #expect(try ops.verificationQueue(QueueFilter(since: at(9)), limit: 20).matching == 0, "the undone import left the queue")
            #expect(try open(TestClock.context(actor: "ani", session: "ani-3", at: at(10))).redoLast(session: "ani-3") != nil)

            func page(_ filter: QueueFilter, limit: Int = 20) throws -> QueuePage { try checkedQueuePage(ops, filter, limit: limit) }
            let all = try page(QueueFilter())
            #expect(queueNames(all) == ["Impor C", "Impor A", "SKP 2023", "Dua Ulang", "Tiga", "Satu", "Enam", "Lima", "SKP 2024"])
            #expect(all.entries.map(\.touchedBy) == ["ani", "ani", "ops", "budi", "budi", "ani", "ops", "ops", "ops"])
            #expect(all.entries.map(\.touchedAt) == [at(10), at(10), at(8), at(7), at(5), at(2), tuesday, tuesday, tuesday])
            #expect(Array(all.entries.map(\.item.id).dropFirst(2)) == [s1, d4, d3, d1, d6, d5, s2])
            #expect(all.matching == 9 && all.total == 9)
            #expect(!all.entries.map(\.item.id).contains(d2), "the deleted rejected record is gone")
            // Unit, kind, since (inclusive) and who at once.
            let combined = try page(QueueFilter(unit: "SUB", kind: .diklat, since: at(3), touchedBy: "budi"))
            #expect(queueNames(combined) == ["Dua Ulang", "Tiga"] && combined.matching == 2)
            #expect(combined.total == 6, "SUB's waiting records of every kind: Impor C, SKP 2023, Dua Ulang, Tiga, Lima, SKP 2024")
            let sinceFive = try page(QueueFilter(unit: "SUB", since: at(5)))
            #expect(queueNames(sinceFive) == ["Impor C", "SKP 2023", "Dua Ulang", "Tiga"] && sinceFive.matching == 4)
            let importsOnly = try page(QueueFilter(since: at(6), touchedBy: "ani"))
            #expect(queueNames(importsOnly) == ["Impor C", "Impor A"] && importsOnly.matching == 2)
            let opsSKP = try page(QueueFilter(kind: .skp, touchedBy: "ops"))
            #expect(queueNames(opsSKP) == ["SKP 2023", "SKP 2024"] && opsSKP.matching == 2 && opsSKP.total == 9)
            let aniFirst = try page(QueueFilter(touchedBy: "ani"), limit: 1)
            #expect(queueNames(aniFirst) == ["Impor C"] && aniFirst.matching == 3, "both imported and the undone change")
            let rootDiklat = try page(QueueFilter(unit: "ROOT", kind: .diklat), limit: 3)
            #expect(queueNames(rootDiklat) == ["Impor C", "Impor A", "Dua Ulang"])
            #expect(rootDiklat.matching == 7 && rootDiklat.total == 9, "ROOT holds SUB: seven diklat of nine records")
            #expect(try page(QueueFilter(since: at(11))).entries.isEmpty)
            #expect(try page(QueueFilter(touchedBy: "nobody")).matching == 0)
            #expect(try page(QueueFilter(), limit: 0).entries.isEmpty)
        }
    ]
}
