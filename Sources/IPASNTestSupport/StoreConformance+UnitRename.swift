import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// A unit's code changed (``UnitRenameStore``): an operator's alone, every reference moved
    /// in one transaction, the figures the same under the new code, history kept, and a session
    /// opened before the rename saving into the renamed unit.
    static let unitRename: [StoreBehaviour] = [
        StoreBehaviour(shared: "an operator renames a unit: employees, sub-units, admins, marks and figures move; others refused; history kept") {
            newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            try op.saveUnit(OrgUnit(kode: "SUB-1", nama: "Seksi", induk: "SUB"))
            try op.add(teknis(nipB, "Kursus Budi"))
            try op.add(teknis(nipC, "Kursus Citra", jp: 19))
            try op.setProgress(unit: "SUB-1", dimension: .kompetensi, done: true)
            try op.setProgress(unit: "SUB", dimension: .kompetensi, done: true)
            let year = TestClock.measurementYear
            let before = try renameDigest(op, year: year)
            let lastAudit = try #require(try op.auditLog(limit: 1).first).id
            // Loaded by sari's open session before the rename.
            let staleCitra = try #require(try sari.pegawai(nip: nipC))

            #expect(refusedRule { try sari.renameUnit("SUB", to: "SUB-BARU") } == .operatorOnly(.unitRename), "an admin, even of SUB")
            let vera = try open(TestClock.context(actor: "vera"))
            #expect(refusedRule { try vera.renameUnit("SUB", to: "SUB-BARU") } == .readOnlyRole(.verifikator))
            #expect(PermissionRule.operatorOnly(.unitRename).message(.id) == "Hanya operator yang dapat mengganti kode unit (ipasn units rename)")
            #expect(PermissionRule.operatorOnly(.unitRename).message(.en) == "Only an operator changes a unit's code (ipasn units rename)")
            #expect(throws: ValidationFailure.self) { try op.renameUnit("SUB", to: "LAIN") }
            #expect(throws: ValidationFailure.self) { try op.renameUnit("SUB", to: "  ") }
            #expect(throws: ValidationFailure.self) { try op.renameUnit("TIDAK-ADA", to: "X") }
            #expect(try op.auditLog(limit: 1).first?.id == lastAudit, "a refusal writes nothing")

            try op.renameUnit("SUB", to: "SUB-BARU")
            #expect(try op.units().map(\.kode).sorted() == ["LAIN", "ROOT", "SUB-1", "SUB-BARU"])
            #expect(try op.units().first { $0.kode == "SUB-1" }?.induk == "SUB-BARU")
            #expect(try op.units().first { $0.kode == "SUB-BARU" }.map { "\($0.nama) \($0.induk ?? "")" } == "Bidang ROOT")
            #expect(try op.pegawai(inUnit: "SUB-BARU", includeSubunits: false).map(\.nip) == [nipB, nipC])
            #expect(try op.account(login: "sari")?.units == ["SUB-BARU"])
            #expect(try renameDigest(op, year: year) == Set(before.map { $0.replacingOccurrences(of: "SUB ", with: "SUB-BARU ") }), "the same figures under the new code")
            #expect(try op.check().isEmpty)
            // (PostgreSQL's server audit also logs each moved row at COMMIT: the rename's row is among the newest.)
            let entry = try #require(try op.auditLog(limit: 20).first { $0.action == .rename })
            #expect(entry.actor == "test" && entry.subject == .unit("SUB-BARU"))
            #expect(entry.old == .unit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT")))
            #expect(entry.new == .unit(OrgUnit(kode: "SUB-BARU", nama: "Bidang", induk: "ROOT")))
            #expect(try op.auditLog(limit: 50).contains { $0.subject == .unit("SUB-1") && $0.new == .unit(OrgUnit(kode: "SUB-1", nama: "Seksi", induk: "SUB")) },
                    "history keeps the code it was written with")
            #expect(try op.renamedUnit("SUB") == "SUB-BARU" && op.renamedUnit("SUB-BARU") == nil && op.renamedUnit("LAIN") == nil)

            // sari's session, opened before: her admin rights followed the unit; a form loaded
            // before saves into the new code, not into SUB, and is not taken for another's change.
            var edited = staleCitra
            edited.nama = "Citra Dewi"
            #expect(try sari.changePegawai(edited, expecting: staleCitra)?.kodeUnit == "SUB-BARU")
            try sari.savePegawai(Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            #expect(try op.pegawai(nip: nipB)?.kodeUnit == "SUB-BARU")
            try sari.setProgress(unit: "SUB-1", dimension: .kinerja, done: true)
            try sari.setProgress(unit: "SUB", dimension: .kinerja, done: true)
            #expect(try op.progressMarks().contains { $0.unit == "SUB-BARU" && $0.dimension == .kinerja && $0.done })
            #expect(try sari.add(teknis(nipB, "Sesudah ganti kode")).id.id > 0)
            #expect(try op.check().isEmpty)

            // A renamed code can be renamed again, and SUB (free now) can hold a new unit.
            try op.renameUnit("SUB-BARU", to: "DIKBUD")
            #expect(try op.renamedUnit("SUB") == "DIKBUD")
            try op.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT"))
            #expect(try op.renamedUnit("SUB") == nil)
            #expect(try op.check().isEmpty)
        },
    ]

    /// What a rename must keep, per unit code: the units and their parents, employees, the
    /// unit figures and pending counts, accounts' units and progress marks.
    static func renameDigest(_ store: any Store, year: Int) throws -> Set<String> {
        var lines = try store.units().map { "unit \($0.kode) \($0.nama) \($0.induk ?? "-") " }
        lines += try store.unitFigures(year: year).map {
            "figure \($0.unit.kode) \($0.depth) \($0.totals.pegawai) \($0.totals.completePegawai) \(Int($0.totals.kompetensi * 1000)) "
        }
        lines += try store.pendingCounts().map { "pending \($0.unit) \($0.kind.rawValue) \($0.count) " }
        lines += try store.scores(year: year, unit: nil).map { "score \($0.pegawai.nip) \($0.pegawai.kodeUnit) \($0.score.total) " }
        lines += try store.accounts().map { "account \($0.login) \($0.units.map { "\($0) " }.joined())" }
        lines += try store.progressMarks().map { "mark \($0.unit) \($0.dimension.rawValue) \($0.done) " }
        return Set(lines)
    }
}
