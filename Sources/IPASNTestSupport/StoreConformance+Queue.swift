import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The verifikator's queue, newest first (``VerificationQueueStore``).
    static let queue: [StoreBehaviour] = [
        StoreBehaviour(shared: "the queue lists the newest touch first, filters by unit, kind, since and who, and counts") { newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops", session: "tuesday", at: tuesday))
            try SmallProvince.seed(ops)
            for login in ["ani", "budi"] { try ops.saveAccount(Account(login: login, role: .operator)) }
            // Tuesday: ops types four records.
            let old1 = try ops.add(teknis(nipA, "Selasa Satu")).id
            let old2 = try ops.add(teknis(nipB, "Selasa Dua")).id
            let old3 = try ops.add(teknis(nipC, "Selasa Tiga")).id
            let oldSKP = try ops.add(.skp(SKP(nip: nipB, tahun: 2024, predikat: .baik))).id
            // Today (TestClock.now, 10 January 2025 09:00 WIB): a verdict, a change, an entry, an import.
            let ani = try open(TestClock.context(actor: "ani", session: "ani-1", at: TestClock.now))
            #expect(try ani.setVerification([old3], status: .memenuhi, reason: "") == 1)  // leaves the queue
            let later = TestClock.now.addingTimeInterval(60)
            let budi = try open(TestClock.context(actor: "budi", session: "budi-1", at: later))
            try budi.update(old2, to: teknis(nipB, "Selasa Dua", jp: 24))  // Budi's change: newer than ani's entry below
            let latest = TestClock.now.addingTimeInterval(120)
            let ani2 = try open(TestClock.context(actor: "ani", session: "ani-2", at: latest))
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipC, "Impor Ani")))])
            #expect(try ani2.importRows(&rows, skipInvalid: false).imported == 1)
            let imported = RecordID(kind: .diklat, id: try #require(try ani2.records(nip: nipC)?.diklat.first { $0.value.nama == "Impor Ani" }).id)
            let early = TestClock.now.addingTimeInterval(30)
            let ani3 = try open(TestClock.context(actor: "ani", session: "ani-3", at: early))
            let typed = try ani3.add(teknis(nipA, "Ketik Ani")).id

            let all = try ops.verificationQueue(QueueFilter(), limit: 10)
            // Newest touch first: the import (09:02), Budi's change (09:01), Ani's entry (09:00:30);
            // then Tuesday's, which were all entered at one moment: kind order (diklat before SKP), newest id first.
            #expect(queueNames(all) == ["Impor Ani", "Selasa Dua", "Ketik Ani", "Selasa Satu", "SKP 2024"])
            #expect(all.matching == 5 && all.total == 5, "the accepted one is not waiting")
            #expect(all.entries.map(\.touchedBy) == ["ani", "budi", "ani", "ops", "ops"])
            #expect(all.entries.first?.touchedAt == latest)
            #expect(all.entries.first?.item.id == imported)
            #expect(all.entries.last?.item.id == oldSKP)
            _ = (old1, typed)
            // Since the start of today: what was touched today only.
            let today = try ops.verificationQueue(QueueFilter(since: todayStart), limit: 10)
            #expect(queueNames(today) == ["Impor Ani", "Selasa Dua", "Ketik Ani"])
            #expect(today.matching == 3 && today.total == 5)
            // By who touched it last: Budi's change makes "Selasa Dua" his, not ops's.
            let byBudi = try ops.verificationQueue(QueueFilter(touchedBy: "budi"), limit: 10)
            #expect(queueNames(byBudi) == ["Selasa Dua"])
            let byOps = try ops.verificationQueue(QueueFilter(touchedBy: "ops"), limit: 10)
            #expect(queueNames(byOps) == ["Selasa Satu", "SKP 2024"])
            // A unit and its sub-units; a kind; the limit keeps the counts.
            let sub = try ops.verificationQueue(QueueFilter(unit: "SUB"), limit: 10)
            #expect(queueNames(sub) == ["Impor Ani", "Selasa Dua", "SKP 2024"])
            #expect(sub.total == 3)
            let skp = try ops.verificationQueue(QueueFilter(kind: .skp), limit: 10)
            #expect(queueNames(skp) == ["SKP 2024"] && skp.matching == 1 && skp.total == 5)
            let first2 = try ops.verificationQueue(QueueFilter(since: todayStart, touchedBy: "ani"), limit: 1)
            #expect(queueNames(first2) == ["Impor Ani"])
            #expect(first2.matching == 2, "Ani's import and entry match; one is shown")
            // A rejected record that is changed comes back, on top, as its changer's.
            let budiLast = try open(TestClock.context(actor: "budi", session: "budi-2", at: latest.addingTimeInterval(60)))
            #expect(try ani.setVerification([old1], status: .tidak, reason: "Sertifikat buram") == 1)
            #expect(try queueNames(ops.verificationQueue(QueueFilter(), limit: 10)).contains("Selasa Satu") == false)
            try budiLast.update(old1, to: teknis(nipA, "Selasa Satu", jp: 32))
            let back = try ops.verificationQueue(QueueFilter(), limit: 2)
            #expect(queueNames(back) == ["Selasa Satu", "Impor Ani"])
            #expect(back.entries.first?.touchedBy == "budi")
            // A deleted record leaves the queue.
            try budiLast.delete(imported)
            #expect(try !queueNames(ops.verificationQueue(QueueFilter(), limit: 10)).contains("Impor Ani"))
        }
    ]
}
