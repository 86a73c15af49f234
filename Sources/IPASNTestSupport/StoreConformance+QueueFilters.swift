import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The queue's filters at province scale (``VerificationQueueStore``, branch pgqueue3): a
    /// `since` or `by` filter's `matching` is counted up to ``QueuePage/matchingCap`` and says
    /// when more match; a small unit's queue is read from its employees first (``QueuePlan``),
    /// a large unit's newest first, with the same pages. Each page is checked by hand and
    /// against ``QueueFromAudit``.
    static let queueFilters: [StoreBehaviour] = [
        StoreBehaviour(shared: "a since or by filter counts up to 1,000 and says when more match; a small unit's queue is the same page") {
            newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops", session: "ops-1", at: tuesday))
            try SmallProvince.seed(ops)
            try ops.saveAccount(Account(login: "ani", role: .operator))
            // Tuesday: ops types a diklat for Budi and an SKP for Citra (both SUB).
            let typed = try ops.add(teknis(nipB, "Ketik Budi")).id
            let skp = try ops.add(.skp(SKP(nip: nipC, tahun: 2024, predikat: .baik))).id
            // Today: Ani imports 1,006 diklat, all Andi's (ROOT) but lines 502 and 1007 (Citra's, SUB).
            var lines: [Line<ImportRow>] = []
            for i in 0..<1_006 {
                let nip: String = i == 500 || i == 1_005 ? nipC : nipA
                let record: Record = teknis(nip, "Impor \(i)")
                lines.append(Line(i + 2, .record(record)))
            }
            var rows = ArrayRowSource(kind: .diklat, rows: lines)
            let ani = try open(TestClock.context(actor: "ani", session: "ani-1", at: TestClock.now))
            #expect(try ani.importRows(&rows, skipInvalid: false).imported == 1_006)
            let andi = try #require(try ops.records(nip: nipA)?.diklat).sorted { $0.id < $1.id }.map { RecordID(kind: .diklat, id: $0.id) }
            #expect(andi.count == 1_004)

            func page(_ filter: QueueFilter, limit: Int = 3) throws -> QueuePage { try checkedQueuePage(ops, filter, limit: limit) }
            // No since or by: the kept counts, exact however many.
            let all = try page(QueueFilter())
            #expect(queueNames(all) == ["Impor 1005", "Impor 1004", "Impor 1003"])
            #expect(all.matching == 1_008 && all.total == 1_008 && !all.moreMatching)
            // Since today, by Ani: more than 1,000 match; the count stops there and says so.
            let today = try page(QueueFilter(since: todayStart))
            #expect(queueNames(today) == ["Impor 1005", "Impor 1004", "Impor 1003"])
            #expect(today.matching == 1_000 && today.moreMatching && today.total == 1_008)
            let byAni = try page(QueueFilter(kind: .diklat, touchedBy: "ani"))
            #expect(byAni.matching == 1_000 && byAni.moreMatching)
            let byOps = try page(QueueFilter(touchedBy: "ops"))
            #expect(queueNames(byOps) == ["Ketik Budi", "SKP 2024"] && byOps.matching == 2 && !byOps.moreMatching)
            #expect(byOps.entries.map(\.item.id) == [typed, skp])
            // SUB holds 4 of 1,008 waiting records: read from its employees, the same pages.
            let sub = try page(QueueFilter(unit: "SUB"), limit: 10)
            #expect(queueNames(sub) == ["Impor 1005", "Impor 500", "Ketik Budi", "SKP 2024"] && sub.matching == 4 && sub.total == 4)
            let subToday = try page(QueueFilter(unit: "SUB", since: todayStart), limit: 1)
            #expect(queueNames(subToday) == ["Impor 1005"] && subToday.matching == 2 && !subToday.moreMatching)
            let subOps = try page(QueueFilter(unit: "SUB", kind: .skp, touchedBy: "ops"))
            #expect(queueNames(subOps) == ["SKP 2024"] && subOps.matching == 1 && subOps.total == 4)
            // ROOT (with SUB) holds them all: read newest first, capped as everywhere.
            let rootAni = try page(QueueFilter(unit: "ROOT", since: todayStart, touchedBy: "ani"))
            #expect(queueNames(rootAni) == ["Impor 1005", "Impor 1004", "Impor 1003"] && rootAni.matching == 1_000 && rootAni.moreMatching)
            // Five of Andi's accepted: 1,001 of today's still wait (more); one more: exactly 1,000, told exactly.
            #expect(try ani.setVerification(Array(andi.prefix(5)), status: .memenuhi, reason: "") == 5)
            let stillMore = try page(QueueFilter(since: todayStart))
            #expect(stillMore.matching == 1_000 && stillMore.moreMatching && stillMore.total == 1_003)
            #expect(try ani.setVerification([andi[5]], status: .memenuhi, reason: "") == 1)
            let exactly = try page(QueueFilter(since: todayStart))
            #expect(exactly.matching == 1_000 && !exactly.moreMatching && exactly.total == 1_002)
            let rootExactly = try page(QueueFilter(unit: "ROOT", kind: .diklat, touchedBy: "ani"))
            #expect(rootExactly.matching == 1_000 && !rootExactly.moreMatching)
        }
    ]

    /// The records of a queue page as the queue behaviours name them: a diklat by its name, an
    /// SKP as "SKP <year>".
    static func queueNames(_ page: QueuePage) -> [String] {
        page.entries.map { entry in
            switch entry.item.record {
            case .diklat(let d): return d.nama
            case .skp(let s): return "SKP \(s.tahun)"
            default: return "?"
            }
        }
    }

    /// `store`'s queue page, checked against the contract read from the audit log (``QueueFromAudit``).
    static func checkedQueuePage(
        _ store: any Store, _ filter: QueueFilter, limit: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> QueuePage {
        let page = try store.verificationQueue(filter, limit: limit)
        let reference = try QueueFromAudit.page(store, filter: filter, limit: limit)
        #expect(page == reference, "\(filter): the store's queue differs from the audit log's", sourceLocation: sourceLocation)
        return page
    }
}
