import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let imports: [StoreBehaviour] = [
        StoreBehaviour("an import with any invalid row writes nothing and reports every problem") { make in
            let store = try seeded(make)
            let auditBefore = try store.auditLog(limit: 1000).count
            var rows = ArrayRowSource(
                kind: .diklat,
                rows: [
                    Line(2, .record(teknis(nipA, "Satu"))),
                    Line(3, .record(teknis(SmallProvince.stranger, "Dua"))),  // unknown NIP
                    Line(4, .record(teknis(nipB, "Tiga"))),
                    Line(5, .record(teknis(nipB, "  tiga "))),  // repeats line 4
                    Line(6, .invalid(ValidationFailure([ValidationIssue(field: "jp", code: .jpNotPositive)]))),
                ])
            let outcome = try store.importRows(&rows, skipInvalid: false)
            #expect(outcome.imported == 0)
            #expect(outcome.issues.map(\.line) == [3, 5, 6])
            #expect(outcome.issues.map(\.issue.code) == [.unknownNIP(SmallProvince.stranger), .duplicateInFile(line: 4), .jpNotPositive])
            #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
            #expect(try store.records(nip: nipB)?.diklat.isEmpty == true)
            #expect(try store.auditLog(limit: 1000).count == auditBefore)
            #expect(try store.score(nip: nipA, year: 2024)?.kompetensi == 0)
            #expect(try store.check() == [])
        },
        StoreBehaviour("skip-invalid writes the good rows, updates scores and audits one import") { make in
            let store = try seeded(make)
            try store.add(teknis(nipA, "Lama"))
            var rows = ArrayRowSource(
                kind: .diklat,
                rows: [
                    Line(2, .record(teknis(nipA, "LAMA"))),  // already stored
                    Line(3, .record(teknis(nipB, "Baru"))),
                    Line(4, .record(teknis(nipC, "Baru", jp: 8))),
                    Line(5, .record(teknis(nipC, "Lanjutan", jp: 12))),
                ])
            let outcome = try store.importRows(&rows, skipInvalid: true)
            #expect(outcome.imported == 3)
            #expect(outcome.issues.map(\.line) == [2])
            #expect(outcome.issues.map(\.issue.code) == [.duplicate(.diklat)])
            #expect(try store.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            // C: 8 + 12 = 20 JP teknis in 2024, added up over two courses.
            #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 22.5)
            let audit = try lastAudit(store)
            #expect(audit.action == .import)
            #expect(audit.subject == .importFile(.diklat))
            #expect(audit.old == nil)
            #expect(
                audit.new
                    == .importSummary(
                        ImportSummary(
                            kind: .diklat, imported: 3, issues: 1, skipInvalid: true, byUnit: ["SUB": 3],
                            // Id 1 is the add; the refused line 2 consumed no id.
                            ids: ImportedIDs(kind: .diklat, first: 2, last: 4))))
            // One add (ROOT) and three imported rows (SUB) since a minute ago; none after now.
            #expect(try store.recordsEntered(since: TestClock.now.addingTimeInterval(-60)) == ["ROOT": 1, "SUB": 3])
            #expect(try store.recordsEntered(since: TestClock.now.addingTimeInterval(60)) == [:])
            #expect(try store.check() == [])
        },
        StoreBehaviour("an import refuses rows of another kind at their line") { make in
            let store = try seeded(make)
            var rows = ArrayRowSource(
                kind: .diklat,
                rows: [
                    Line(2, .record(.skp(SKP(nip: nipA, tahun: 2024, predikat: .baik)))),
                    Line(3, .pegawai(Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
                    Line(4, .record(teknis(nipA))),
                ])
            let outcome = try store.importRows(&rows, skipInvalid: true)
            #expect(outcome.imported == 1)
            #expect(outcome.issues.map(\.line) == [2, 3])
            #expect(try store.records(nip: nipA)?.skp.isEmpty == true)
            #expect(try store.records(nip: nipA)?.diklat.count == 1)
            #expect(try store.countPegawai() == 3)
            var units = ArrayRowSource(kind: .units, rows: [Line(2, .record(teknis(nipA, "Lain")))])
            #expect(try store.importRows(&units, skipInvalid: false).issues.map(\.line) == [2])
        },
        StoreBehaviour("units may list parents after children, but not cycles or unknown parents") { make in
            let store = try make(TestClock.context())
            var good = ArrayRowSource(
                kind: .units,
                rows: [
                    Line(2, .unit(OrgUnit(kode: "C", nama: "Child", induk: "P"))),
                    Line(3, .unit(OrgUnit(kode: "P", nama: "Parent"))),
                ])
            #expect(try store.importRows(&good, skipInvalid: false).imported == 2)
            #expect(try store.units() == [OrgUnit(kode: "C", nama: "Child", induk: "P"), OrgUnit(kode: "P", nama: "Parent")])
            // The summary lists every unit added or changed, in file order, for review and undo.
            let added = [
                ImportChange(old: nil, new: OrgUnit(kode: "C", nama: "Child", induk: "P")),
                ImportChange(old: nil, new: OrgUnit(kode: "P", nama: "Parent")),
            ]
            #expect(
                try lastAudit(store).new
                    == .importSummary(
                        ImportSummary(kind: .units, imported: 2, issues: 0, skipInvalid: false, byUnit: [:], unitChanges: added)))

            var bad = ArrayRowSource(
                kind: .units,
                rows: [
                    Line(2, .unit(OrgUnit(kode: "X", nama: "X", induk: "Y"))),
                    Line(3, .unit(OrgUnit(kode: "Y", nama: "Y", induk: "X"))),
                    Line(4, .unit(OrgUnit(kode: "Z", nama: "Z", induk: "NOWHERE"))),
                    Line(5, .unit(OrgUnit(kode: "Z", nama: "Z again"))),
                ])
            let outcome = try store.importRows(&bad, skipInvalid: false)
            #expect(outcome.imported == 0)
            #expect(outcome.issues.map(\.line) == [2, 3, 4, 5])
            #expect(outcome.issues[0].issue.code == .unitCycle("Y"))
            #expect(outcome.issues[2].issue.code == .unknownUnit("NOWHERE"))
            #expect(outcome.issues[3].issue.code == .duplicateInFile(line: 4))
            #expect(try store.units().count == 2)
            #expect(try store.check() == [])
        },
        StoreBehaviour("an employee import checks units and repeated NIPs, and scores the new employees") { make in
            let store = try seeded(make)
            let dewi = "199912312020121001"
            let eka = "199812312020121001"
            var rows = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(Pegawai(nip: dewi, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .fungsional))),
                    Line(3, .pegawai(Pegawai(nip: dewi, nama: "Dewi 2", kodeUnit: "SUB", jenisJabatan: .fungsional))),
                    Line(4, .pegawai(Pegawai(nip: eka, nama: "Eka", kodeUnit: "NOPE", jenisJabatan: .fungsional))),
                    Line(5, .pegawai(Pegawai(nip: nipA, nama: "Andi Wijaya", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),
                ])
            let outcome = try store.importRows(&rows, skipInvalid: true)
            #expect(outcome.imported == 2)
            #expect(outcome.issues.map(\.issue.code) == [.duplicateInFile(line: 2), .unknownUnit("NOPE")])
            #expect(try store.pegawai(nip: dewi)?.nama == "Dewi")
            #expect(try store.pegawai(nip: eka) == nil)
            #expect(try store.pegawai(nip: nipA)?.nama == "Andi Wijaya")  // an existing NIP is replaced
            #expect(try store.score(nip: dewi, year: 2024)?.total == 5)
            #expect(try store.unitFigures(year: 2024)[1].totals.pegawai == 3)
            #expect(try store.check() == [])
        },
    ]
}
