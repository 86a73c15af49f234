import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The newest-first queue over several import ranges (``VerificationQueueStore``, branch
    /// pgnewest): each range and each gap between ranges is read as an id interval, and a unit
    /// read newest first is read only between its records' lowest and highest ids, so ranges
    /// holding none of its records are skipped. The pages are the same as before: checked by
    /// hand and against ``QueueFromAudit``.
    static let queueRanges: [StoreBehaviour] = [
        StoreBehaviour(shared: "the queue over several import ranges: a unit in only some ranges, gaps between them, since, by and limits") {
            newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops", session: "ops-1", at: tuesday))
            try SmallProvince.seed(ops)
            try ops.saveUnit(OrgUnit(kode: "LAIN", nama: "Dinas Lain"))
            try ops.savePegawai(Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "LAIN", jenisJabatan: .pelaksana))
            for login in ["ani", "budi"] { try ops.saveAccount(Account(login: login, role: .operator)) }
            // Tuesday: ops types a diklat for Andi (ROOT) and an SKP for Budi (SUB).
            _ = try ops.add(teknis(nipA, "Ketik Andi"))
            _ = try ops.add(.skp(SKP(nip: nipB, tahun: 2024, predikat: .baik)))
            func at(_ seconds: Double, _ actor: String) throws -> any Store {
                try open(TestClock.context(actor: actor, session: "\(actor)-\(seconds)", at: TestClock.now.addingTimeInterval(seconds)))
            }
            func importDiklat(_ store: any Store, _ rows: [(String, String)]) throws {
                var source = ArrayRowSource(
                    kind: .diklat, rows: rows.enumerated().map { Line($0.offset + 2, .record(teknis($0.element.0, $0.element.1))) })
                #expect(try store.importRows(&source, skipInvalid: false).imported == rows.count)
            }
            // Today: Ani imports ten of Andi's (range 1); ops types one for Budi between the
            // imports (a gap); Budi imports two of Citra's and one of Andi's (range 2); Ani imports
            // ten more of Andi's (range 3); Ani types one more for Andi.
            try importDiklat(try at(0, "ani"), (1...10).map { (nipA, "Satu \($0)") })
            _ = try at(30, "ops").add(teknis(nipB, "Ketik Budi"))
            try importDiklat(try at(60, "budi"), [(nipC, "Dua Citra 1"), (nipA, "Dua Andi"), (nipC, "Dua Citra 2")])
            try importDiklat(try at(90, "ani"), (1...10).map { (nipA, "Tiga \($0)") })
            _ = try at(120, "ani").add(teknis(nipA, "Ketik Andi 2"))
            let satu = (1...10).reversed().map { "Satu \($0)" }
            let tiga = (1...10).reversed().map { "Tiga \($0)" }

            func page(_ filter: QueueFilter, limit: Int) throws -> QueuePage { try checkedQueuePage(ops, filter, limit: limit) }
            func diklatNames(_ items: [VerificationItem]) -> [String] {
                items.compactMap { item -> String? in
                    guard case .diklat(let d) = item.record else { return nil }
                    return d.nama
                }
            }
            // Everything, newest touch first; within one import, newest id first.
            let all = try page(QueueFilter(kind: .diklat), limit: 40)
            #expect(
                queueNames(all) == ["Ketik Andi 2"] + tiga + ["Dua Citra 2", "Dua Andi", "Dua Citra 1", "Ketik Budi"] + satu + ["Ketik Andi"])
            #expect(all.matching == 26 && all.total == 27)
            // SUB (Budi and Citra: 3 of the 26 waiting diklat) holds records in range 2 and in the
            // gap before it only. At a limit of 10 its diklat are walked newest first, only
            // between their own ids: ranges 1 and 3 are not read.
            let sub = try page(QueueFilter(unit: "SUB"), limit: 10)
            #expect(queueNames(sub) == ["Dua Citra 2", "Dua Citra 1", "Ketik Budi", "SKP 2024"] && sub.matching == 4 && sub.total == 4)
            #expect(sub.entries.map(\.touchedBy) == ["budi", "budi", "ops", "ops"])
            // At a limit of 3 they are read from SUB's employees: the same page's top.
            let subThree = try page(QueueFilter(unit: "SUB"), limit: 3)
            #expect(queueNames(subThree) == ["Dua Citra 2", "Dua Citra 1", "Ketik Budi"] && subThree.matching == 4)
            let subOne = try page(QueueFilter(unit: "SUB", kind: .diklat), limit: 1)
            #expect(queueNames(subOne) == ["Dua Citra 2"] && subOne.matching == 3)
            let subNone = try page(QueueFilter(unit: "SUB"), limit: 0)
            #expect(subNone.entries.isEmpty && subNone.matching == 4 && subNone.total == 4)
            let subSince = try page(QueueFilter(unit: "SUB", since: TestClock.now.addingTimeInterval(45)), limit: 10)
            #expect(queueNames(subSince) == ["Dua Citra 2", "Dua Citra 1"] && subSince.matching == 2)
            let subByOps = try page(QueueFilter(unit: "SUB", touchedBy: "ops"), limit: 10)
            #expect(queueNames(subByOps) == ["Ketik Budi", "SKP 2024"] && subByOps.matching == 2)
            let subByBudi = try page(QueueFilter(unit: "SUB", kind: .diklat, touchedBy: "budi"), limit: 10)
            #expect(queueNames(subByBudi) == ["Dua Citra 2", "Dua Citra 1"] && subByBudi.matching == 2)
            // LAIN has no record at all: nothing is listed.
            let lain = try page(QueueFilter(unit: "LAIN"), limit: 10)
            #expect(lain.entries.isEmpty && lain.matching == 0 && lain.total == 0)
            // Ani's imports and entry by her, since range 2.
            let byAni = try page(QueueFilter(since: TestClock.now.addingTimeInterval(60), touchedBy: "ani"), limit: 5)
            #expect(queueNames(byAni) == ["Ketik Andi 2", "Tiga 10", "Tiga 9", "Tiga 8", "Tiga 7"] && byAni.matching == 11)
            // The oldest-first list of SUB: never judged, by id (SUB's walk bounded the same way).
            let subOldest = try ops.verificationQueue(unit: "SUB", status: .belum, limit: 10)
            #expect(subOldest.count == 4 && diklatNames(subOldest) == ["Ketik Budi", "Dua Citra 1", "Dua Citra 2"])

            // Range 4: twenty more, Dewi's (LAIN) two first, then eighteen of Andi's. Now 46
            // diklat wait: at a limit of 20 LAIN (2) and SUB (3) are walked between their own
            // ids, ROOT (45) newest first through every range.
            try importDiklat(
                try at(150, "ani"), [(SmallProvince.stranger, "Empat Dewi 1"), (SmallProvince.stranger, "Empat Dewi 2")] + (1...18).map { (nipA, "Empat \($0)") })
            let lain4 = try page(QueueFilter(unit: "LAIN"), limit: 20)
            #expect(queueNames(lain4) == ["Empat Dewi 2", "Empat Dewi 1"] && lain4.matching == 2 && lain4.total == 2)
            let sub4 = try page(QueueFilter(unit: "SUB"), limit: 20)
            #expect(queueNames(sub4) == ["Dua Citra 2", "Dua Citra 1", "Ketik Budi", "SKP 2024"] && sub4.matching == 4)
            let lainOldest = try ops.verificationQueue(unit: "LAIN", status: .belum, limit: 20)
            #expect(diklatNames(lainOldest) == ["Empat Dewi 1", "Empat Dewi 2"])
            let root = try page(QueueFilter(unit: "ROOT", kind: .diklat), limit: 20)
            #expect(queueNames(root).prefix(3) == ["Empat 18", "Empat 17", "Empat 16"] && root.entries.count == 20)
            #expect(queueNames(root).suffix(2) == ["Ketik Andi 2", "Tiga 10"] && root.matching == 44)
            // A verdict in range 2 leaves SUB's walk there; the rest stay in order.
            let citra2 = try #require(sub4.entries.first).item.id
            #expect(try open(TestClock.context(actor: "ani", session: "ani-v", at: TestClock.now.addingTimeInterval(200)))
                .setVerification([citra2], status: .memenuhi, reason: "") == 1)
            let subAfter = try page(QueueFilter(unit: "SUB", kind: .diklat), limit: 5)
            #expect(queueNames(subAfter) == ["Dua Citra 1", "Ketik Budi"] && subAfter.matching == 2)
        }
    ]
}
