import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let importUndo: [StoreBehaviour] = [
        StoreBehaviour(shared: "a record import is undone whole, refused while touched since, and redone") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            var rows = ArrayRowSource(
                kind: .diklat,
                rows: [
                    Line(2, .record(teknis(nipA, "Impor 1"))), Line(3, .record(teknis(nipB, "Impor 2"))),
                    Line(4, .record(teknis(nipA, "Impor 1"))),  // a repeat of line 2: refused, no id used
                    Line(5, .record(teknis(nipC, "Impor 3"))),
                ])
            let outcome = try ani.importRows(&rows, skipInvalid: true)
            #expect(outcome.imported == 3)
            #expect(outcome.issues.map(\.issue.code) == [.duplicateInFile(line: 2)])
            let importEntry = try lastAudit(ani)
            guard case .importSummary(let summary)? = importEntry.new else {
                Issue.record("an import's new value is its summary")
                return
            }
            #expect(summary.ids == ImportedIDs(kind: .diklat, first: 1, last: 3), "one import's ids are consecutive")
            let ids = try [nipA, nipB, nipC].flatMap { try ani.records(nip: $0)!.diklat.map(\.id) }.sorted()
            #expect(ids == [1, 2, 3])
            // Budi corrects one imported row: the import can no longer be undone whole.
            try budi.update(RecordID(kind: .diklat, id: 2), to: teknis(nipB, "Impor 2 (dibetulkan)"))
            #expect(try ani.nextUndo(session: "a") == importEntry)
            #expect(storeError { try ani.undoLast(session: "a") } == .changedSince(by: "budi"))
            #expect(try ani.records(nip: nipA)?.diklat.count == 1, "nothing removed")
            // Budi takes his correction back: the rows are as imported again.
            try budi.undoLast(session: "b")
            #expect(try ani.undoLast(session: "a") == importEntry)
            #expect(try [nipA, nipB, nipC].allSatisfy { try ani.records(nip: $0)!.diklat.isEmpty })
            #expect(try ani.score(nip: nipC, year: 2024)?.kompetensi == 0)
            let undoEntry = try lastAudit(ani)
            #expect(undoEntry.action == .undo)
            #expect(undoEntry.subject == .importFile(.diklat))
            #expect(undoEntry.undoes == importEntry.id)
            guard case .records(let kept)? = undoEntry.old else {
                Issue.record("the undo keeps the removed records for a redo")
                return
            }
            #expect(kept.map(\.id) == [1, 2, 3])
            #expect(kept.map(\.value) == [teknis(nipA, "Impor 1"), teknis(nipB, "Impor 2"), teknis(nipC, "Impor 3")])
            // Redo brings the whole import back under its own ids; it is undone again as an import.
            #expect(try ani.nextRedo(session: "a") == importEntry)
            #expect(try ani.redoLast(session: "a") == importEntry)
            let back = try [nipA, nipB, nipC].flatMap { try ani.records(nip: $0)!.diklat.map(\.id) }.sorted()
            #expect(back == [1, 2, 3])
            let redone = try lastAudit(ani)
            #expect(redone.action == .import && redone.undoes == undoEntry.id)
            #expect(try ani.score(nip: nipC, year: 2024)?.kompetensi == 22.5, "20 JP teknis in 2024 again")
            // Entered once, not twice, though the import was redone.
            #expect(try ani.recordsEntered(since: TestClock.now.addingTimeInterval(-60)) == ["ROOT": 1, "SUB": 2])
            #expect(try ani.nextUndo(session: "a")?.action == .import)
            try ani.undoLast(session: "a")
            #expect(try [nipA, nipB, nipC].allSatisfy { try ani.records(nip: $0)!.diklat.isEmpty })
            #expect(try ani.check() == [])
        },
        StoreBehaviour("an employee import keeps old values, leaves out unchanged rows, and is undone and redone") { make in
            let store = try seeded(make)
            let dewi = Pegawai(nip: "200001012022031001", nama: "Dewi", kodeUnit: "ROOT", jenisJabatan: .pelaksana)
            let andiBefore = try #require(try store.pegawai(nip: nipA))
            let andiAfter = Pegawai(nip: nipA, nama: "Andi Pratama", kodeUnit: "SUB", jenisJabatan: .pelaksana)
            var rows = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(andiAfter)),
                    Line(3, .pegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))),  // unchanged
                    Line(4, .pegawai(dewi)),
                ])
            #expect(try store.importRows(&rows, skipInvalid: false).imported == 3)
            let entry = try lastAudit(store)
            guard case .importSummary(let summary)? = entry.new else {
                Issue.record("an import's new value is its summary")
                return
            }
            // The changes are kept beside the audit row, the counts in it.
            #expect(try store.employeeImportChanges(of: entry) == [ImportChange(old: andiBefore, new: andiAfter), ImportChange(old: nil, new: dewi)])
            #expect(summary.pegawaiChanges == nil && summary.pegawaiAdded == 1 && summary.pegawaiChanged == 1)
            #expect(summary.ids == nil && summary.unitChanges == nil)
            #expect(try store.undoLast(session: "test")?.action == .import)
            #expect(try store.pegawai(nip: nipA) == andiBefore)
            #expect(try store.pegawai(nip: dewi.nip) == nil)
            #expect(try store.redoLast(session: "test")?.action == .import)
            #expect(try store.pegawai(nip: nipA) == andiAfter)
            #expect(try store.pegawai(nip: dewi.nip) == dewi)
            #expect(try store.check() == [])
        },
        StoreBehaviour("a unit import is undone whole, children listed before their parents included") { make in
            let store = try seeded(make)
            var rows = ArrayRowSource(
                kind: .units,
                rows: [
                    Line(2, .unit(OrgUnit(kode: "C", nama: "Child", induk: "P"))),
                    Line(3, .unit(OrgUnit(kode: "P", nama: "Parent", induk: "ROOT"))),
                    Line(4, .unit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT"))),
                    Line(5, .unit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))),  // unchanged
                ])
            #expect(try store.importRows(&rows, skipInvalid: false).imported == 4)
            #expect(try store.undoLast(session: "test")?.subject == .importFile(.units))
            #expect(try store.units() == [
                OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"), OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT"),
            ])
            #expect(try store.redoLast(session: "test")?.subject == .importFile(.units))
            #expect(try store.units().map(\.kode) == ["C", "P", "ROOT", "SUB"])
            #expect(try store.units().first { $0.kode == "SUB" }?.nama == "Bidang Baru")
            #expect(try store.check() == [])
        },
        StoreBehaviour(shared: "a unit import is not undone once another admin put an employee in its new unit") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "a")
            let budi = try open("budi", "b")
            var rows = ArrayRowSource(kind: .units, rows: [Line(2, .unit(OrgUnit(kode: "C", nama: "Child", induk: "SUB")))])
            #expect(try ani.importRows(&rows, skipInvalid: false).imported == 1)
            try budi.savePegawai(Pegawai(nip: "200001012022031001", nama: "Dewi", kodeUnit: "C", jenisJabatan: .pelaksana))
            guard case .cannotUndo(let id, let en)? = storeError({ try ani.undoLast(session: "a") }) else {
                Issue.record("the undo must be refused")
                return
            }
            #expect(id == "Tidak dibatalkan: unit Child sudah dipakai (pegawai, sub-unit, tanda selesai atau akun admin).")
            #expect(en == "Not undone: unit Child is in use now (employees, sub-units, marks or an admin's account).")
            #expect(try ani.units().map(\.kode) == ["C", "ROOT", "SUB"], "nothing removed")
            #expect(try lastAudit(ani).subject == .pegawai("200001012022031001"), "no undo entry")
            #expect(try ani.check() == [])
        },
    ]
}
