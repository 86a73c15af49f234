import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// An employee import's changes kept beside its audit row (``EmployeeImportChangesStore``).
    static let employeeImportChanges: [StoreBehaviour] = [
        StoreBehaviour("an employee import keeps its changes beside its audit row, in file order, read a page at a time") { make in
            let store = try seeded(make)
            let budi = Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana)
            let dewi = Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana)
            let citra = Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .fungsional, jenjang: "Ahli Muda")
            var rows = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(budi)),
                    Line(3, .pegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),  // as on file
                    Line(4, .pegawai(dewi)),
                    Line(5, .pegawai(citra)),
                ])
            let outcome = try store.importRows(&rows, skipInvalid: false)
            #expect(outcome.imported == 4 && outcome.added == 1 && outcome.changed == 2)
            #expect(outcome.changes.map(\.line) == [2, 5])
            let entry = try lastAudit(store)
            guard case .importSummary(let summary)? = entry.new else {
                Issue.record("an import's new value is its summary")
                return
            }
            #expect(summary.pegawaiChanges == nil, "no list inside the summary any more")
            #expect(summary.pegawaiAdded == 1 && summary.pegawaiChanged == 2 && summary.imported == 4)
            let budiBefore = Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana)
            let citraBefore = Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB", jenisJabatan: .pelaksana)
            let all = [ImportChange(old: budiBefore, new: budi), ImportChange(old: nil, new: dewi), ImportChange(old: citraBefore, new: citra)]
            #expect(try store.employeeImportChanges(of: entry) == all)
            #expect(try store.employeeImportChanges(of: entry, offset: 1, limit: 1) == [all[1]])
            #expect(try store.employeeImportChanges(of: entry, offset: 2, limit: 10) == [all[2]])
            #expect(try store.employeeImportChanges(of: entry, offset: 3, limit: 10) == [])
            #expect(try store.employeeImportChanges(of: entry, offset: 0, limit: 0) == [])
            // Any other entry has none.
            try store.savePegawai(Pegawai(nip: nipA, nama: "Andi P.", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
            #expect(try store.employeeImportChanges(of: try lastAudit(store)) == [])
            #expect(try store.check() == [])
        },
        StoreBehaviour("a refused or dry-run employee import leaves no change rows and no audit row") { make in
            let store = try seeded(make)
            let before = try store.auditLog(limit: 1000).count
            let dewi = Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana)
            // Refused as a whole: one row names an unknown unit.
            var refused = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(Pegawai(nip: nipA, nama: "Andi Baru", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
                    Line(3, .pegawai(Pegawai(nip: "200001012022031001", nama: "Eko", kodeUnit: "NOPE", jenisJabatan: .pelaksana))),
                ])
            let outcome = try store.importRows(&refused, skipInvalid: false)
            #expect(outcome.imported == 0 && outcome.changed == 0 && outcome.changes.isEmpty)
            #expect(outcome.issues.map(\.line) == [3])
            // A dry run: counted and listed, nothing kept.
            var dry = ArrayRowSource(
                kind: .pegawai, rows: [Line(2, .pegawai(Pegawai(nip: nipB, nama: "Budi S.", kodeUnit: "SUB", jenisJabatan: .pelaksana)))])
            let checked = try store.importRows(&dry, skipInvalid: false, dryRun: true)
            #expect(checked.changed == 1 && checked.changes.map(\.new.nama) == ["Budi S."])
            #expect(try store.auditLog(limit: 1000).count == before)
            #expect(try store.pegawai(nip: nipA)?.nama == "Andi" && store.pegawai(nip: nipB)?.nama == "Budi")
            // The next import's changes are its own only (nothing left under the id the others had taken).
            var added = ArrayRowSource(kind: .pegawai, rows: [Line(2, .pegawai(dewi))])
            #expect(try store.importRows(&added, skipInvalid: false).added == 1)
            #expect(try store.employeeImportChanges(of: try lastAudit(store)) == [ImportChange(old: nil, new: dewi)])
            #expect(try store.check() == [])
        },
        StoreBehaviour("a large employee import is undone in reverse and redone in file order, a page at a time") { make in
            let store = try seeded(make)
            // 1,100 new employees (more than two pages of the undo's reading) and Andi moved to SUB.
            let newcomers = (0..<1_100).map { i in
                Pegawai(nip: "2000010120220\(String(format: "%05d", i))", nama: "Pegawai \(i)", kodeUnit: i % 2 == 0 ? "ROOT" : "SUB",
                    jenisJabatan: .pelaksana)
            }
            let andiBefore = try #require(try store.pegawai(nip: nipA))
            var andiAfter = andiBefore
            andiAfter.kodeUnit = "SUB"
            var rows = ArrayRowSource(
                kind: .pegawai, rows: newcomers.enumerated().map { Line($0.offset + 2, .pegawai($0.element)) } + [Line(1_102, .pegawai(andiAfter))])
            let outcome = try store.importRows(&rows, skipInvalid: false)
            #expect(outcome.imported == 1_101 && outcome.added == 1_100 && outcome.changed == 1)
            #expect(try store.countPegawai() == 1_103)
            let entry = try lastAudit(store)
            #expect(try store.employeeImportChanges(of: entry, offset: 999, limit: 2).map(\.new.nip) == [newcomers[999].nip, newcomers[1_000].nip])
            #expect(try store.employeeImportChanges(of: entry, offset: 1_100, limit: 5) == [ImportChange(old: andiBefore, new: andiAfter)])
            #expect(try store.score(nip: newcomers[0].nip, year: 2024) != nil, "the new employees' scores are cached")
            #expect(try store.undoLast(session: "test")?.id == entry.id)
            #expect(try store.countPegawai() == 3)
            #expect(try store.pegawai(nip: nipA) == andiBefore)
            #expect(try store.pegawai(nip: newcomers[1_099].nip) == nil)
            #expect(try store.check() == [])
            #expect(try store.redoLast(session: "test")?.id == entry.id)
            #expect(try store.countPegawai() == 1_103)
            #expect(try store.pegawai(nip: nipA) == andiAfter)
            #expect(try store.pegawai(nip: newcomers[1_099].nip) == newcomers[1_099])
            #expect(try store.check() == [])
        },
        StoreBehaviour(shared: "an admin's employee import keeps changes of their own units only") { newDatabase in
            let open = try newDatabase()
            let (_, sari) = try team(open)
            let mine = Pegawai(nip: SmallProvince.stranger, nama: "Eka", kodeUnit: "SUB", jenisJabatan: .pelaksana)
            var rows = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(mine)),
                    Line(3, .pegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),  // out of her unit
                ])
            let outcome = try sari.importRows(&rows, skipInvalid: true)
            #expect(outcome.imported == 1 && outcome.issues.map(\.line) == [3])
            let entry = try lastAudit(sari)
            #expect(entry.actor == "sari")
            #expect(try sari.employeeImportChanges(of: entry) == [ImportChange(old: nil, new: mine)])
            #expect(try sari.undoLast(session: "sari")?.id == entry.id)
            #expect(try sari.pegawai(nip: mine.nip) == nil)
        },
    ]
}
