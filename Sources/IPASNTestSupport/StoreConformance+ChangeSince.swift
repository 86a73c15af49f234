import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The start of ``TestClock/today`` (10 January 2025, 00:00 WIB) and of the Tuesday three
    /// days before.
    public static let todayStart = Date(timeIntervalSince1970: 1_736_442_000)
    public static let tuesday = TestClock.now.addingTimeInterval(-3 * 86_400)

    /// A database where "ops" entered and sent records on Tuesday, then today changed some of
    /// them, entered, imported, verified and deleted others (see the body).
    public static func changedToday(_ newDatabase: DatabaseFactory) throws -> (early: any Store, later: any Store) {
        let open = try newDatabase()
        let early = try open(TestClock.context(actor: "ops", at: tuesday))
        try SmallProvince.seed(early)
        for record in [
            teknis(nipA), teknis(nipA, "Ubah"), teknis(nipA, "Hapus Nanti"), teknis(nipA, "Hapus Dulu"), teknis(nipB),
            teknis(nipC, "Terkirim"), teknis(nipC, "Tolak"), .skp(SKP(nip: nipB, tahun: 2024, predikat: .baik)),
        ] { try early.add(record) }
        let ids = { (nip: String, nama: String) in try early.records(nip: nip)!.diklat.first { $0.value.nama == nama }.map(recordID)! }
        let sent = try Set([ids(nipA, "Hapus Nanti"), ids(nipA, "Hapus Dulu"), ids(nipC, "Terkirim")])
        try early.saveExportBatch(siasnBatch(try pendingDiklat(early).filter { sent.contains($0.id) }))
        try early.delete(ids(nipA, "Hapus Dulu"))
        let later = try open(TestClock.context(actor: "ops", session: "later"))
        try later.add(teknis(nipB, "Baru"))
        try later.update(ids(nipA, "Ubah"), to: teknis(nipA, "Ubah", jp: 24))
        try later.update(ids(nipC, "Terkirim"), to: teknis(nipC, "Terkirim", jp: 30))
        #expect(try later.setVerification([ids(nipC, "Tolak")], status: .tidak, reason: "Sertifikat tidak terbaca") == 1)
        var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipC, "Impor")))])
        #expect(try later.importRows(&rows, skipInvalid: false).imported == 1)
        try later.delete(ids(nipA, "Hapus Nanti"))
        try later.add(teknis(nipA, "Salah Ketik"))
        try later.undoLast(session: "later")
        return (early, later)
    }

    /// Changes since a day: the pending records and sent deletions touched since a moment.
    static let changeSince: [StoreBehaviour] = [
        StoreBehaviour(shared: "pending counts since a day: entered, imported or changed since, not verdicts nor older records") { newDatabase in
            let (_, later) = try changedToday(newDatabase)
            // ROOT: Andi's "Ubah" (entered Tuesday, changed today); his first course, untouched, and
            // "Salah Ketik" (entered then undone today) are not counted.
            // SUB: Budi's "Baru" (typed today), Citra's "Impor" (imported today) and "Terkirim"
            // (sent Tuesday, changed today). Citra's rejected "Tolak" only got a verdict today;
            // Budi's SKP and first course are Tuesday's.
            #expect(try later.pendingCounts(changedSince: todayStart) == [
                PendingCount(unit: "ROOT", kind: .diklat, count: 1, oldestEntered: tuesday),
                PendingCount(unit: "SUB", kind: .diklat, count: 3, oldestEntered: tuesday),
            ])
            // Since Tuesday: every pending record, as without a day.
            #expect(try later.pendingCounts(changedSince: tuesday) == later.pendingCounts())
            #expect(try later.pendingCounts().map { "\($0.unit) \($0.kind) \($0.count)" } == [
                "ROOT diklat 2", "SUB diklat 5", "SUB skp 1",
            ])
            // Tomorrow: nothing yet.
            #expect(try later.pendingCounts(changedSince: todayStart.addingTimeInterval(86_400)).isEmpty)
        },
        StoreBehaviour(shared: "sent deletions since a day: only the records deleted on or after it") { newDatabase in
            let (early, later) = try changedToday(newDatabase)
            #expect(try later.sentDeletions(kind: nil, unit: nil).map(\.what) == [
                "Hapus Nanti 2024-03-01", "Hapus Dulu 2024-03-01",
            ], "by kind, then id")
            #expect(try later.sentDeletions(kind: nil, unit: nil, deletedSince: todayStart).map(\.what) == ["Hapus Nanti 2024-03-01"])
            #expect(try later.sentDeletions(kind: .diklat, unit: "SUB", deletedSince: todayStart).isEmpty)
            #expect(try later.sentDeletions(kind: .skp, unit: nil, deletedSince: todayStart).isEmpty)
            #expect(try early.sentDeletions(kind: nil, unit: "ROOT", deletedSince: tuesday).count == 2)
        },
        StoreBehaviour("a sent import undone today is a deletion since today") { make in
            let store = try seeded(make)
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipB, "Impor")))])
            #expect(try store.importRows(&rows, skipInvalid: false).imported == 1)
            try store.saveExportBatch(siasnBatch(try pendingDiklat(store)))
            try store.undoLast(session: "test")
            #expect(try store.sentDeletions(kind: nil, unit: nil, deletedSince: todayStart).map(\.nip) == [nipB])
            #expect(try store.sentDeletions(kind: nil, unit: nil, deletedSince: todayStart.addingTimeInterval(86_400)).isEmpty)
        },
    ]
}
