import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The ids of an employee's diklat.
    static func diklatIDs(_ store: any Store, _ nip: String) throws -> [RecordID] {
        try store.records(nip: nip)?.diklat.map(recordID) ?? []
    }

    /// Every pending diklat with its version, as an export would send them.
    static func pendingDiklat(_ store: any Store, unit: String? = nil) throws -> [RecordVersion] {
        try store.recordVersions(kind: .diklat, unit: unit, pendingOnly: true)
            .map { RecordVersion(id: RecordID(kind: .diklat, id: $0.key), version: $0.value) }
            .sorted { $0.id.id < $1.id.id }
    }

    static func siasnBatch(_ records: [RecordVersion], deletions: [RecordID] = [], pending: Bool = true) -> NewExportBatch {
        NewExportBatch(
            kind: "siasn-kursus", format: "csv", file: "/tmp/kursus.csv", pendingOnly: pending, marksSent: true,
            records: records, deletions: deletions)
    }

    /// Export tracking: numbered batches, pending records, sent deletions.
    static let exportTracking: [StoreBehaviour] = [
        StoreBehaviour("a rejected record is not exported with the pending ones until it is corrected, and stays counted as not sent") { make in
            let store = try seeded(make)
            try store.add(teknis(nipA))
            try store.add(teknis(nipB))
            let budi = try diklatIDs(store, nipB)[0]
            #expect(try store.setVerification([budi], status: .tidak, reason: "Sertifikat tidak terbaca") == 1)
            #expect(try pendingDiklat(store).map(\.id) == diklatIDs(store, nipA), "only Andi's course goes out")
            #expect(try store.pendingCounts().map { "\($0.unit) \($0.kind) \($0.count)" } == ["ROOT diklat 1", "SUB diklat 1"])
            try store.saveExportBatch(siasnBatch(pendingDiklat(store)))
            #expect(try pendingDiklat(store).isEmpty)
            // Corrected, the record is belum diverifikasi again and goes out with the next batch.
            try store.update(budi, to: teknis(nipB, jp: 24))
            #expect(try pendingDiklat(store).map(\.id) == [budi])
        },
        StoreBehaviour("an export batch sends its records; a changed record is pending again; batches are numbered") { make in
            let store = try seeded(make)
            try store.add(teknis(nipA))
            try store.add(teknis(nipB))
            try store.add(teknis(nipC))
            let pending = try pendingDiklat(store)
            #expect(pending.count == 3, "new records are pending")
            #expect(try pendingDiklat(store, unit: "SUB").count == 2, "SUB holds Budi and Citra")
            #expect(try store.pendingCounts().map { "\($0.unit) \($0.kind) \($0.count)" } == ["ROOT diklat 1", "SUB diklat 2"])
            let first = try store.saveExportBatch(siasnBatch(pending))
            #expect(first.number == 1 && first.rows == 3 && first.actor == "test" && first.at == TestClock.now)
            #expect(try pendingDiklat(store).isEmpty, "everything sent")
            #expect(try store.pendingCounts().isEmpty)
            #expect(try store.recordVersions(kind: .diklat, unit: nil, pendingOnly: false).count == 3)
            // Budi's course is corrected: only it is pending again, at a new version.
            let budi = try diklatIDs(store, nipB)[0]
            let sentVersion = pending.first { $0.id == budi }!.version
            try store.update(budi, to: teknis(nipB, jp: 24))
            let again = try pendingDiklat(store)
            #expect(again.map(\.id) == [budi])
            #expect(again[0].version != sentVersion)
            #expect(try store.sentInfo([budi])[budi]?.current == false, "sent in batch 1, changed since")
            // Saving the same values again is no change.
            let andi = try diklatIDs(store, nipA)[0]
            try store.update(andi, to: teknis(nipA))
            #expect(try pendingDiklat(store).map(\.id) == [budi])
            // An export that is not SIASN's is a batch too but sends nothing.
            let backup = try store.saveExportBatch(
                NewExportBatch(kind: "diklat", format: "csv", file: "-", marksSent: false, records: again))
            #expect(backup.number == 2 && !backup.marksSent)
            #expect(try pendingDiklat(store).map(\.id) == [budi])
            let third = try store.saveExportBatch(siasnBatch(again))
            #expect(third.number == 3)
            #expect(try pendingDiklat(store).isEmpty)
            #expect(try store.exportBatches(limit: 10).map(\.number) == [3, 2, 1])
            #expect(try store.exportBatches(limit: 1).map(\.rows) == [1])
            let info = try store.sentInfo([andi, budi, RecordID(kind: .diklat, id: 999_999)])
            #expect(info[andi] == RecordSending(batch: 1, at: TestClock.now, current: true))
            #expect(info[budi] == RecordSending(batch: 3, at: TestClock.now, current: true))
            #expect(info.count == 2, "a record never sent is absent")
            #expect(try store.check().isEmpty)
        },
        StoreBehaviour("a batch keeps the version read before the file: a record changed meanwhile stays pending") { make in
            let store = try seeded(make)
            try store.add(teknis(nipA))
            let read = try pendingDiklat(store)
            let id = read[0].id
            try store.update(id, to: teknis(nipA, jp: 30))  // while the file was being written
            try store.saveExportBatch(siasnBatch(read))
            #expect(try pendingDiklat(store).map(\.id) == [id], "the newer content was not sent")
            #expect(try store.sentInfo([id])[id]?.current == false)
        },
        StoreBehaviour("a sent record that is deleted is listed until a batch reports it; an undo restores it as sent") { make in
            let store = try seeded(make)
            try store.add(teknis(nipA))
            try store.add(teknis(nipB, "Belum Dikirim"))
            let andi = try diklatIDs(store, nipA)[0]
            let batch = try store.saveExportBatch(siasnBatch(try pendingDiklat(store).filter { $0.id == andi }))
            // Budi's course was never sent: deleting it tells SIASN nothing.
            try store.delete(try diklatIDs(store, nipB)[0])
            #expect(try store.sentDeletions(kind: nil, unit: nil).isEmpty)
            try store.delete(andi)
            let listed = try store.sentDeletions(kind: nil, unit: nil)
            #expect(listed == [
                SentDeletion(id: andi, nip: nipA, unit: "ROOT", what: "Bimtek Arsip 2024-03-01", diklatJenis: 3, batch: batch.number)
            ])
            #expect(try store.sentDeletions(kind: .diklat, unit: "ROOT") == listed)
            #expect(try store.sentDeletions(kind: .diklat, unit: "SUB").isEmpty)
            #expect(try store.sentDeletions(kind: .skp, unit: nil).isEmpty)
            #expect(try pendingDiklat(store).isEmpty)
            // Undone: the course is back, exactly as sent.
            try store.undoLast(session: "test")
            #expect(try store.sentDeletions(kind: nil, unit: nil).isEmpty)
            #expect(try pendingDiklat(store).isEmpty)
            #expect(try store.sentInfo([andi])[andi]?.current == true)
            // Deleted again and reported: no longer listed.
            try store.delete(andi)
            let report = try store.saveExportBatch(siasnBatch([], deletions: [andi]))
            #expect(report.deletions == 1)
            #expect(try store.sentDeletions(kind: nil, unit: nil).isEmpty)
            // Restored after SIASN was told: it must be sent again.
            try store.undoLast(session: "test")
            #expect(try pendingDiklat(store).map(\.id) == [andi])
        },
        StoreBehaviour(shared: "pending counts per unit and kind, with the oldest pending record's first entry") { newDatabase in
            let open = try newDatabase()
            let monday = TestClock.now.addingTimeInterval(-3 * 86_400)
            let early = try open(TestClock.context(actor: "ops", at: monday))
            try SmallProvince.seed(early)
            try early.add(teknis(nipB))
            try early.add(.skp(SKP(nip: nipB, tahun: 2024, predikat: .baik)))
            let later = try open(TestClock.context(actor: "ops"))
            try later.add(teknis(nipC))
            try later.add(teknis(nipA))
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipA, "Impor")))])
            #expect(try later.importRows(&rows, skipInvalid: false).imported == 1)
            let counts = try later.pendingCounts()
            #expect(counts == [
                PendingCount(unit: "ROOT", kind: .diklat, count: 2, oldestEntered: TestClock.now),
                PendingCount(unit: "SUB", kind: .diklat, count: 2, oldestEntered: monday),
                PendingCount(unit: "SUB", kind: .skp, count: 1, oldestEntered: monday),
            ])
            // Budi's course is sent: SUB's oldest pending diklat is now Citra's, entered today.
            let budi = try diklatIDs(later, nipB)[0]
            try later.saveExportBatch(siasnBatch(try pendingDiklat(later).filter { $0.id == budi }))
            #expect(try later.pendingCounts().first { $0.unit == "SUB" && $0.kind == .diklat }
                == PendingCount(unit: "SUB", kind: .diklat, count: 1, oldestEntered: TestClock.now))
            // By NIP (Citra 1975..., Andi 1986..., Budi 1990...), then kind, then id.
            let root = try later.pendingRecords(unit: "ROOT")
            #expect(root.map(\.nip) == [nipC, nipA, nipA, nipB], "ROOT with its sub-unit")
            #expect(root.map(\.id.kind) == [.diklat, .diklat, .diklat, .skp])
            #expect(root[1].id.id < root[2].id.id)
            #expect(try later.pendingRecords(unit: "SUB").map(\.nip) == [nipC, nipB])
        },
        StoreBehaviour(shared: "a role that only reads cannot record an export batch") { newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops"))
            try SmallProvince.seed(ops)
            try ops.add(teknis(nipA))
            try ops.saveAccount(Account(login: "kepala", role: .pimpinan))
            let kepala = try open(TestClock.context(actor: "kepala"))
            let pending = try pendingDiklat(kepala)
            #expect(pending.count == 1, "reading is allowed")
            #expect(storeError { try kepala.saveExportBatch(siasnBatch(pending)) } == .notPermitted(.readOnlyRole(.pimpinan)))
            #expect(try kepala.exportBatches(limit: 10).isEmpty)
            #expect(try pendingDiklat(ops).count == 1)
        },
        StoreBehaviour(shared: "a unit admin's SIASN batch may mark only their own units' records sent") { newDatabase in
            let open = try newDatabase()
            let ops = try open(TestClock.context(actor: "ops"))
            try SmallProvince.seed(ops)
            try ops.add(teknis(nipA))
            try ops.add(teknis(nipB))
            try ops.saveAccount(Account(login: "sari", role: .admin, units: ["SUB"]))
            let sari = try open(TestClock.context(actor: "sari"))
            // Andi is in ROOT, Budi in SUB: the whole province's pending records are not Sari's to mark.
            let everything = try pendingDiklat(sari)
            #expect(everything.count == 2)
            #expect(storeError { try sari.saveExportBatch(siasnBatch(everything)) } == .notPermitted(.notYourUnit("ROOT")))
            #expect(try sari.exportBatches(limit: 10).isEmpty, "nothing of the refused batch is kept")
            #expect(try pendingDiklat(ops).count == 2, "nothing marked sent")
            // A file that is not for SIASN marks nothing and may list anything she can read.
            let plain = NewExportBatch(kind: "diklat", format: "csv", file: "/tmp/diklat.csv", marksSent: false, records: everything)
            #expect(try sari.saveExportBatch(plain).rows == 2)
            // Her own unit's batch goes through and marks only Budi's course.
            let own = try pendingDiklat(sari, unit: "SUB")
            #expect(own.map(\.id) == (try diklatIDs(ops, nipB)))
            try sari.saveExportBatch(siasnBatch(own))
            #expect(try pendingDiklat(ops).map(\.id) == (try diklatIDs(ops, nipA)))
            // A sent deletion of another unit cannot be reported by her either.
            let andi = try diklatIDs(ops, nipA)[0]
            try ops.saveExportBatch(siasnBatch(try pendingDiklat(ops)))
            try ops.delete(andi)
            #expect(try sari.sentDeletions(kind: .diklat, unit: nil).map(\.id) == [andi])
            #expect(storeError { try sari.saveExportBatch(siasnBatch([], deletions: [andi])) } == .notPermitted(.notYourUnit("ROOT")))
            try ops.saveExportBatch(siasnBatch([], deletions: [andi]))
            #expect(try sari.sentDeletions(kind: .diklat, unit: nil).isEmpty)
        },
    ]
}
