import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTestSupport
import Testing

/// The default ranking counts each employee's gain once (user test 5: by the whole index's
/// rise the root, every employee, and the big parents always topped the list, which told a
/// pimpinan nothing new). Worked by hand on ``RankingProvince`` (8 employees, index 63.75):
///
/// | unit (own employees) | n | teknis gain | seminar gain |
/// |----------------------|---|-------------|--------------|
/// | PROV                 | 0 | -           | -            |
/// | PROV.A               | 6 | 45 (Ani, Bayu) | 35        |
/// | PROV.B               | 1 | 0 (Citra is complete) | 0  |
/// | PROV.B.1             | 1 | 22.5 (Dodi) | 17.5         |
///
/// Index rise = gain / 8: A teknis 5.625, A seminar 4.375, B.1 teknis 2.8125, B.1 seminar
/// 2.1875. PROV and PROV.B have no row: their gains are their sub-units'. The teknis rows add
/// up to PROV's whole teknis row of the subtree order (67.5 / 8 = 8.4375).
@Suite struct InterventionOwnOrderTests {
    @Test func eachEmployeesGainIsCountedInOneRowOnly() throws {
        let plan = try InterventionRankingTests.plan()
        let own = plan.rows(by: .own)
        #expect(InterventionRankingTests.summary(own) == ["PROV.A teknis", "PROV.A seminar", "PROV.B.1 teknis", "PROV.B.1 seminar"])
        #expect(own.map(\.indexGain) == [5.625, 4.375, 2.8125, 2.1875])
        #expect(own.map(\.totals.gain) == [45, 35, 22.5, 17.5])
        // Leaves: the same figures as their subtree rows; no unit here has its own gainers and sub-units.
        #expect(own.allSatisfy { !$0.withoutSubunits })
        let teknis = own.filter { $0.intervention == .teknis }.map(\.indexGain).reduce(0, +)
        #expect(teknis == plan.rows.first { $0.unit.kode == "PROV" && $0.intervention == .teknis }?.indexGain)
        // The default of the plan's rows and the other orders on `s`.
        #expect(InterventionRankingTests.summary(plan.rows()) == InterventionRankingTests.summary(own))
        #expect(InterventionPlan.Order.own.next == .index && InterventionPlan.Order.index.next == .unitMean)
        #expect(InterventionPlan.Order.unitMean.next == .own)
    }

    /// A parent with gainers of its own: PROV.B's Citra made S-1-only (now 20): PROV.B's own
    /// row is Citra's alone (22.5 over 1 employee, mean 20 -> 42.5), marked "without
    /// sub-units", and Dodi's gain stays in PROV.B.1's row; the subtree order still folds both.
    @Test func aParentsOwnRowHoldsOnlyItsOwnEmployees() throws {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try RankingProvince.seed(store)
        let citra = try #require(try store.records(nip: RankingProvince.nipCitra))
        for record in citra.diklat { _ = try store.delete(RecordID(kind: .diklat, id: record.id)) }
        for record in citra.skp { _ = try store.delete(RecordID(kind: .skp, id: record.id)) }
        let plan = try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019)
        let own = plan.rows(by: .own)
        let b = try #require(own.first { $0.unit.kode == "PROV.B" && $0.intervention == .teknis })
        #expect(b.withoutSubunits)
        #expect(b.totals.pegawai == 1 && b.totals.beneficiaries == 1 && b.totals.gain == 22.5)
        #expect(b.meanBefore == 20 && b.meanAfter == 42.5)
        #expect(plan.gainers(unit: "PROV.B", intervention: .teknis, withoutSubunits: true).map(\.nip) == [RankingProvince.nipCitra])
        #expect(Set(plan.gainers(unit: "PROV.B", intervention: .teknis).map(\.nip)) == [RankingProvince.nipCitra, RankingProvince.nipDodi])
        let folded = try #require(plan.rows(by: .index).first { $0.unit.kode == "PROV.B" && $0.intervention == .teknis })
        #expect(folded.totals.gain == 45 && !folded.withoutSubunits)
        // Every employee once: the own rows of an intervention add up to the root's subtree row.
        for intervention in [Intervention.teknis, .seminar] {
            let sum = own.filter { $0.intervention == intervention }.map(\.totals.gain).reduce(0, +)
            #expect(sum == plan.rows(by: .index).first { $0.unit.kode == "PROV" && $0.intervention == intervention }?.totals.gain)
        }
    }
}
