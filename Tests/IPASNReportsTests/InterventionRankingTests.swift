import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import IPASNTestSupport
import Testing

/// The intervention plan ranked by the rise of the whole index (employee-weighted) and, as an
/// option, by the rise of the unit mean; the figures are worked by hand in ``RankingProvince``.
@Suite struct InterventionRankingTests {
    static func plan(unit: String? = nil) throws -> InterventionPlan {
        let store = try SQLiteStore.inMemory(context: context("ani"))
        try RankingProvince.seed(store)
        return try InterventionPlan.compute(store: store, year: 2024, ruleset: .bkn2019, unit: unit)
    }

    static func summary(_ rows: [InterventionPlan.Row]) -> [String] {
        rows.map { "\($0.unit.kode) \($0.intervention.rawValue)" }
    }

    @Test func theIndexOrderPutsTheLargeUnitBeforeTheSmallOne() throws {
        let plan = try Self.plan()
        #expect(plan.scopePegawai == 8)
        #expect(plan.index == 63.75, "510 / 8")
        #expect(plan.indexCategory.name == "Rendah")
        #expect(
            Self.summary(plan.rows) == [
                "PROV teknis", "PROV seminar", "PROV.A teknis", "PROV.A seminar",
                // Equal index rise (22.5 / 8): the larger rise of the unit mean first (22.5 > 11.25).
                "PROV.B.1 teknis", "PROV.B teknis", "PROV.B.1 seminar", "PROV.B seminar",
            ])
        #expect(plan.rows.map(\.indexGain) == [8.4375, 6.5625, 5.625, 4.375, 2.8125, 2.8125, 2.1875, 2.1875])
        #expect(plan.rows(by: .index, minimumPegawai: 1) == plan.rows)
        // The large unit: 2 of 6 gain, the index rises 45 / 8 = 5.625, the unit mean 45 / 6 = 7.5.
        let a = plan.rows[2]
        #expect(a.totals.beneficiaries == 2 && a.totals.pegawai == 6 && a.totals.gain == 45)
        #expect(a.totals.meanGain == 7.5)
        #expect(abs(a.meanBefore - 400.0 / 6) < 1e-9)
        #expect(plan.indexAfter(a) == 69.375)
    }

    @Test func theUnitMeanOrderIsTheFormerOne() throws {
        let plan = try Self.plan()
        #expect(
            Self.summary(plan.rows(by: .unitMean)) == [
                "PROV.B.1 teknis", "PROV.B.1 seminar", "PROV.B teknis", "PROV.B seminar", "PROV teknis", "PROV.A teknis",
                "PROV seminar", "PROV.A seminar",
            ])
        #expect(plan.rows(by: .unitMean).map { NumberText.round($0.totals.meanGain) } == [22.5, 17.5, 11.25, 8.75, 8.44, 7.5, 6.56, 5.83])
        // The small-units filter keeps each order.
        #expect(Self.summary(plan.rows(by: .unitMean, minimumPegawai: 5)) == ["PROV teknis", "PROV.A teknis", "PROV seminar", "PROV.A seminar"])
        #expect(Self.summary(plan.rows(by: .index, minimumPegawai: 2)) == [
            "PROV teknis", "PROV seminar", "PROV.A teknis", "PROV.A seminar", "PROV.B teknis", "PROV.B seminar",
        ])
    }

    @Test func categoriesChangeForTheUnitAndForTheIndexSeparately() throws {
        let plan = try Self.plan()
        func row(_ kode: String, _ intervention: Intervention) throws -> InterventionPlan.Row {
            try #require(plan.rows.first { $0.unit.kode == kode && $0.intervention == intervention })
        }
        // PROV teknis: 63.75 + 8.4375 = 72.19: the index (and PROV, the same employees) Rendah -> Sedang.
        let whole = try row("PROV", .teknis)
        #expect(whole.indexCategoryChanges && whole.indexCategoryAfter.name == "Sedang")
        #expect(whole.categoryChanges && whole.categoryAfter.name == "Sedang")
        // PROV seminar: 70.31 stays Rendah.
        #expect(try !row("PROV", .seminar).indexCategoryChanges)
        // PROV.A teknis: the unit 66.67 -> 74.17 Rendah -> Sedang, the index 69.38 stays Rendah.
        let a = try row("PROV.A", .teknis)
        #expect(a.categoryBefore.name == "Rendah" && a.categoryAfter.name == "Sedang")
        #expect(!a.indexCategoryChanges && a.indexCategoryAfter.name == "Rendah")
        // PROV.B seminar: 55 -> 63.75 Sangat Rendah -> Rendah; PROV.B.1 stays Sangat Rendah.
        let b = try row("PROV.B", .seminar)
        #expect(b.categoryBefore.name == "Sangat Rendah" && b.categoryAfter.name == "Rendah")
        #expect(try !row("PROV.B.1", .teknis).categoryChanges)
    }

    @Test func aUnitScopeIsTheIndexOfThatUnit() throws {
        // Limited to PROV.B: 2 employees, index 55 (Sangat Rendah); Dodi's 22.5 raises it 11.25.
        let plan = try Self.plan(unit: "PROV.B")
        #expect(plan.scopePegawai == 2)
        #expect(plan.index == 55)
        #expect(Self.summary(plan.rows) == ["PROV.B.1 teknis", "PROV.B teknis", "PROV.B.1 seminar", "PROV.B seminar"])
        #expect(plan.rows.map(\.indexGain) == [11.25, 11.25, 8.75, 8.75])
        #expect(plan.rows.allSatisfy { $0.indexCategoryChanges && $0.indexCategoryAfter.name == "Rendah" }, "66.25 and 63.75")
    }
}
