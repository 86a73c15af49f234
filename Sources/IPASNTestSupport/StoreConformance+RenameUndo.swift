import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// An undo (and its redo) of an employee save made before the employee's unit was renamed
    /// (``UnitRenameStore``): restores the other values under the unit's new code; it was
    /// refused as "changed since by ?" (branch leftovers13).
    static let renameUndo: [StoreBehaviour] = [
        StoreBehaviour(shared: "an undo of an employee save made before a unit rename restores it under the new code") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let before = try #require(try sari.pegawai(nip: nipB))
            var renamed = before
            renamed.nama = "Budi Santoso Wijaya"
            _ = try sari.changePegawai(renamed, expecting: before)
            try op.renameUnit("SUB", to: "SUB-BARU")
            #expect(try op.pegawai(nip: nipB)?.kodeUnit == "SUB-BARU")

            let undone = try sari.undoLast(session: "sari")
            #expect(undone?.subject == .pegawai(nipB))
            var expected = before
            expected.kodeUnit = "SUB-BARU"
            #expect(try op.pegawai(nip: nipB) == expected, "the old name, in the unit as it is called now")
            #expect(try sari.redoLast(session: "sari")?.subject == .pegawai(nipB))
            renamed.kodeUnit = "SUB-BARU"
            #expect(try op.pegawai(nip: nipB) == renamed)
            #expect(try op.pegawai(inUnit: "SUB-BARU", includeSubunits: false).map(\.nip) == [nipB, nipC])
            #expect(try op.check().isEmpty)
        },
        StoreBehaviour(shared: "a renamed unit's history holds its own entries under the old code, up to the rename") { newDatabase in
            let open = try newDatabase()
            let (op, _) = try team(open)
            try op.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Arsip", induk: "ROOT"))
            try op.setProgress(unit: "SUB", dimension: .kompetensi, done: true)
            try op.renameUnit("SUB", to: "SUB-BARU")
            // A new unit under the freed code: its entries are not the renamed unit's.
            try op.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT"))
            try op.renameUnit("SUB-BARU", to: "DIKBUD")
            let history = try op.history(.unit("DIKBUD"), before: nil, limit: 50)
            #expect(history.contains { $0.action == .rename && $0.subject == .unit("DIKBUD") })
            #expect(history.contains { $0.action == .rename && $0.subject == .unit("SUB-BARU") })
            #expect(history.contains { $0.subject == .unit("SUB") && $0.new == .unit(OrgUnit(kode: "SUB", nama: "Bidang Arsip", induk: "ROOT")) })
            #expect(history.contains { $0.subject == .progress(unit: "SUB", dimension: .kompetensi) })
            #expect(!history.contains { $0.new == .unit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT")) }, "the new SUB's save is not DIKBUD's")
        },
    ]
}
