import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// Per-unit pending counts (``UnitPendingStore``).
    static let unitPending: [StoreBehaviour] = [
        StoreBehaviour("per-unit pending counts follow saves, an export that sends, a correction and a mutasi") { make in
            let store = try seeded(make)
            #expect(try store.unitPendingCounts().isEmpty)
            try store.add(teknis(nipA))
            try store.add(teknis(nipB))
            try store.add(teknis(nipC, "Kursus lain"))
            try store.add(.skp(SKP(nip: nipC, tahun: 2023, nilai: 91)))
            #expect(try store.unitPendingCounts() == ["ROOT": [.diklat: 1], "SUB": [.diklat: 2, .skp: 1]])
            // Sent: nothing pending; Budi's course corrected: pending again, at SUB.
            try store.saveExportBatch(siasnBatch(pendingDiklat(store)))
            #expect(try store.unitPendingCounts() == ["SUB": [.skp: 1]])
            let budi = try diklatIDs(store, nipB)[0]
            try store.update(budi, to: teknis(nipB, jp: 24))
            #expect(try store.unitPendingCounts() == ["SUB": [.diklat: 1, .skp: 1]])
            // Citra moves to ROOT (a mutasi): her SKP goes with her; Budi's course is deleted.
            var citra = try #require(try store.pegawai(nip: nipC))
            citra.kodeUnit = "ROOT"
            try store.savePegawai(citra)
            #expect(try store.unitPendingCounts() == ["ROOT": [.skp: 1], "SUB": [.diklat: 1]])
            try store.delete(budi)
            #expect(try store.unitPendingCounts() == ["ROOT": [.skp: 1]])
        },
        StoreBehaviour("per-unit pending counts stay equal to a recount through random saves, moves, undo, exports and imports") { make in
            let store = try seeded(make)
            try store.saveUnit(OrgUnit(kode: "LAIN", nama: "Bagian Lain", induk: "ROOT"))
            var nips = [nipA, nipB, nipC]
            let units = ["ROOT", "SUB", "LAIN"]
            for index in 0..<6 {
                let nip = "19800101200501\(String(format: "%04d", 1010 + index))"
                try store.savePegawai(Pegawai(nip: nip, nama: "Pegawai \(index)", kodeUnit: units[index % 3], jenisJabatan: .pelaksana))
                nips.append(nip)
            }
            var random = SplitMixRandom(seed: 1402)
            var imports = 0
            for step in 0..<140 {
                let nip = nips[random.below(nips.count)]
                switch random.below(10) {
                case 0, 1:
                    _ = try? store.add(teknis(nip, "Kursus \(random.below(6))", jp: 10 + random.below(30)))
                case 2:
                    _ = try? store.add(.skp(SKP(nip: nip, tahun: 2022 + random.below(3), nilai: Double(40 + random.below(6_000)) / 100)))
                case 3:
                    if let record = try store.records(nip: nip)?.diklat.first {
                        let other = nips[random.below(nips.count)]  // the update may move it to another employee
                        _ = try? store.update(RecordID(kind: .diklat, id: record.id), to: teknis(other, "Pindah \(step)", jp: 5 + random.below(30)))
                    }
                case 4:
                    if let skp = try store.records(nip: nip)?.skp.last {
                        _ = try? store.delete(RecordID(kind: .skp, id: skp.id))
                    } else if let diklat = try store.records(nip: nip)?.diklat.last {
                        _ = try? store.delete(RecordID(kind: .diklat, id: diklat.id))
                    }
                case 5:
                    // (An undo may have taken back the employee's own insertion.)
                    if var pegawai = try store.pegawai(nip: nip) {
                        pegawai.kodeUnit = units[random.below(3)]
                        try store.savePegawai(pegawai)
                    }
                case 6:
                    _ = try? store.undoLast(session: "test")
                case 7:
                    _ = try? store.redoLast(session: "test")
                case 8:
                    // An export sending the pending diklat of one unit (or all).
                    let unit = random.below(2) == 0 ? nil : units[random.below(3)]
                    let pending = try pendingDiklat(store, unit: unit)
                    if !pending.isEmpty { try store.saveExportBatch(siasnBatch(pending)) }
                default:
                    imports += 1
                    var rows = ArrayRowSource(
                        kind: .diklat,
                        rows: (0..<3).map { line in
                            Line(line + 2, .record(teknis(nips[random.below(nips.count)], "Impor \(imports)-\(line)", jp: 8 + line)))
                        })
                    _ = try store.importRows(&rows, skipInvalid: random.below(2) == 0)
                }
                try PendingTotalsCheck.expectMatchesRecount(store, step: step)
            }
        },
    ]
}

/// Helpers of the pending-count behaviours.
enum PendingTotalsCheck {
    /// ``UnitPendingStore/unitPendingCounts()`` equals ``ExportTrackingStore/pendingCounts()``'s
    /// recount, unit by unit and kind by kind.
    static func expectMatchesRecount(_ store: any Store, step: Int) throws {
        var recount: [String: [RecordKind: Int]] = [:]
        for count in try store.pendingCounts() where count.count > 0 { recount[count.unit, default: [:]][count.kind] = count.count }
        #expect(try store.unitPendingCounts() == recount, "after step \(step)")
    }
}
