import Foundation
import IPASNCore
import IPASNStore
import Testing

/// Units `prefix1 > prefix2 > ... > prefixN`, numbered from 1 (the root); line = number + 1.
private func chain(_ prefix: String, _ n: Int, under root: String? = nil) -> [Line<ImportRow>] {
    (1...n).map { i in
        Line(i + 1, .unit(OrgUnit(kode: "\(prefix)\(i)", nama: "Unit \(i)", induk: i == 1 ? root : "\(prefix)\(i - 1)")))
    }
}

@Suite struct UnitTreeDepthTests {
    @Test func thirtyTwoLevelsImportAndTheThirtyThirdIsRefusedByLine() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        var fine = ArrayRowSource(kind: .units, rows: chain("A", 32))
        #expect(try store.importRows(&fine, skipInvalid: false) == ImportOutcome(imported: 32, issues: []))

        let other = try SQLiteStore.inMemory(context: testContext)
        var deep = ArrayRowSource(kind: .units, rows: Array(chain("A", 33).reversed()))
        let outcome = try other.importRows(&deep, skipInvalid: false)
        #expect(outcome.imported == 0)
        // The 33rd unit is on line 34.
        #expect(outcome.issues == [LineIssue(line: 34, issue: ValidationIssue(field: "induk", code: .unitTooDeep(levels: 33, limit: 32)))])
        #expect(outcome.issues[0].issue.message(.en) == "Parent unit: the unit tree would reach 33 levels here; at most 32 are allowed.")
        #expect(outcome.issues[0].issue.message(.id) == "Unit induk: pohon unit akan mencapai 33 tingkat di sini; paling banyak 32 tingkat.")
        #expect(try other.units().isEmpty)
    }

    @Test func skipInvalidWritesTheFirstThirtyTwoLevels() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        var rows = ArrayRowSource(kind: .units, rows: chain("A", 40))
        let outcome = try store.importRows(&rows, skipInvalid: true)
        #expect(outcome.imported == 32)
        #expect(outcome.issues.map(\.line) == Array(34...41))
        #expect(outcome.issues.last?.issue.code == .unitTooDeep(levels: 40, limit: 32))
        #expect(try store.units().count == 32)
        #expect(try store.check() == [])
    }

    @Test func movingADeepSubtreeUnderADeepChainIsBlamedOnTheMovedUnit() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        var a = ArrayRowSource(kind: .units, rows: chain("A", 20))
        var x = ArrayRowSource(kind: .units, rows: chain("X", 15))
        _ = try store.importRows(&a, skipInvalid: false)
        _ = try store.importRows(&x, skipInvalid: false)
        // X1 under A20 puts X1 at level 21 and X15 at level 35.
        var move = ArrayRowSource(
            kind: .units,
            rows: [Line(2, .unit(OrgUnit(kode: "B", nama: "Baru", induk: "A1"))), Line(3, .unit(OrgUnit(kode: "X1", nama: "X", induk: "A20")))])
        let outcome = try store.importRows(&move, skipInvalid: false)
        #expect(outcome.issues == [LineIssue(line: 3, issue: ValidationIssue(field: "induk", code: .unitTooDeep(levels: 35, limit: 32)))])
        #expect(try store.units().first { $0.kode == "X1" }?.induk == nil)
        // Under A17 the deepest is level 32: allowed.
        var fits = ArrayRowSource(kind: .units, rows: [Line(2, .unit(OrgUnit(kode: "X1", nama: "X", induk: "A17")))])
        #expect(try store.importRows(&fits, skipInvalid: false).imported == 1)
    }

    @Test func saveUnitRefusesATreeDeeperThanThirtyTwoLevels() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        var rows = ArrayRowSource(kind: .units, rows: chain("A", 32))
        _ = try store.importRows(&rows, skipInvalid: false)
        #expect(throws: ValidationFailure([ValidationIssue(field: "induk", code: .unitTooDeep(levels: 33, limit: 32))])) {
            try store.saveUnit(OrgUnit(kode: "NEW", nama: "Seksi", induk: "A32"))
        }
        try store.saveUnit(OrgUnit(kode: "NEW", nama: "Seksi", induk: "A31"))
        #expect(try store.units().count == 33)
    }

    @Test func aTwentyThousandLevelChainIsRefusedInOnePass() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        // Deepest first, so nothing is resolved before the whole file is read.
        var rows = ArrayRowSource(kind: .units, rows: Array(chain("U", 20_000).reversed()))
        let outcome = try store.importRows(&rows, skipInvalid: false)
        #expect(outcome.imported == 0)
        #expect(outcome.issues.count == 20_000 - 32)
        #expect(outcome.issues.first == LineIssue(line: 34, issue: ValidationIssue(field: "induk", code: .unitTooDeep(levels: 33, limit: 32))))
        #expect(outcome.issues.last?.issue.code == .unitTooDeep(levels: 20_000, limit: 32))
        // Closed into a ring, every unit lies on the cycle.
        var ring = chain("U", 20_000)
        ring[0] = Line(2, .unit(OrgUnit(kode: "U1", nama: "Unit 1", induk: "U20000")))
        var cyclic = ArrayRowSource(kind: .units, rows: ring)
        let refused = try store.importRows(&cyclic, skipInvalid: false)
        #expect(refused.issues.count == 20_000)
        #expect(refused.issues.allSatisfy { if case .unitCycle = $0.issue.code { true } else { false } })
        #expect(try store.units().isEmpty)
    }

    @Test func unitsBelowARefusedParentAreRefusedToo() throws {
        let store = try SQLiteStore.inMemory(context: testContext)
        var rows = ArrayRowSource(
            kind: .units,
            rows: [
                Line(2, .unit(OrgUnit(kode: "C2", nama: "C2", induk: "C1"))),
                Line(3, .unit(OrgUnit(kode: "C1", nama: "C1", induk: "B"))),
                Line(4, .unit(OrgUnit(kode: "B", nama: "B", induk: "NOWHERE"))),
                Line(5, .unit(OrgUnit(kode: "OK", nama: "OK"))),
            ])
        let outcome = try store.importRows(&rows, skipInvalid: true)
        #expect(outcome.imported == 1)
        #expect(outcome.issues.map(\.line) == [2, 3, 4])
        #expect(outcome.issues.map(\.issue.code) == [.unknownUnit("C1"), .unknownUnit("B"), .unknownUnit("NOWHERE")])
        #expect(try store.units().map(\.kode) == ["OK"])
    }
}
