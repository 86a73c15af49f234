import Foundation
import Testing

@testable import IPASNCore

@Suite struct UnitTreeTests {
    /// PEMDA > {DINKES > {DINKES.1 Sekretariat, DINKES.2 Bidang P2P}, BKPSDM > {BKPSDM.1 Sekretariat}},
    /// listed out of order, children before parents.
    let sample = [
        OrgUnit(kode: "DINKES.2", nama: "Bidang P2P", induk: "DINKES"),
        OrgUnit(kode: "BKPSDM.1", nama: "Sekretariat", induk: "BKPSDM"),
        OrgUnit(kode: "DINKES", nama: "Dinas Kesehatan", induk: "PEMDA"),
        OrgUnit(kode: "DINKES.1", nama: "Sekretariat", induk: "DINKES"),
        OrgUnit(kode: "PEMDA", nama: "Pemerintah Kabupaten"),
        OrgUnit(kode: "BKPSDM", nama: "Badan Kepegawaian", induk: "PEMDA"),
    ]

    @Test func treeOrderIsPreOrderWithSiblingsByKode() {
        let tree = UnitTree(sample)
        #expect(tree.units.map(\.kode) == ["PEMDA", "BKPSDM", "BKPSDM.1", "DINKES", "DINKES.1", "DINKES.2"])
        #expect(tree.units.map { tree.depth(of: $0.kode)! } == [0, 1, 2, 1, 2, 2])
        #expect(tree.levels == 3)
        #expect(tree.roots.map(\.kode) == ["PEMDA"])
        #expect(tree.unreachable.isEmpty)
        #expect(tree.count == 6)
    }

    @Test func parentsChildrenAncestors() {
        let tree = UnitTree(sample)
        #expect(tree.parent(of: "DINKES.1")?.kode == "DINKES")
        #expect(tree.parent(of: "PEMDA") == nil)
        #expect(tree.parent(of: "NOPE") == nil)
        #expect(tree.children(of: "PEMDA").map(\.kode) == ["BKPSDM", "DINKES"])
        #expect(tree.children(of: "DINKES.2").isEmpty)
        #expect(tree.ancestors(of: "DINKES.2").map(\.kode) == ["DINKES", "PEMDA"])
        #expect(tree.ancestors(of: "PEMDA").isEmpty)
        #expect(tree.unit("BKPSDM")?.nama == "Badan Kepegawaian")
        #expect(tree.depth(of: "NOPE") == nil)
    }

    @Test func subtreeMembership() {
        let tree = UnitTree(sample)
        #expect(tree.subtree(of: "DINKES").map(\.kode) == ["DINKES", "DINKES.1", "DINKES.2"])
        #expect(tree.subtree(of: "PEMDA").count == 6)
        #expect(tree.subtree(of: "NOPE").isEmpty)
        #expect(tree.isInSubtree("DINKES.1", of: "DINKES"))
        #expect(tree.isInSubtree("DINKES", of: "DINKES"))
        #expect(tree.isInSubtree("DINKES.1", of: "PEMDA"))
        #expect(!tree.isInSubtree("BKPSDM.1", of: "DINKES"))
        #expect(!tree.isInSubtree("DINKES", of: "DINKES.1"))
        #expect(!tree.isInSubtree("NOPE", of: "PEMDA"))
    }

    @Test func foldAddsSubUnitsToTheirParents() {
        let tree = UnitTree(sample)
        let folded = tree.fold(direct: ["PEMDA": 1, "DINKES": 10, "DINKES.1": 100, "DINKES.2": 1000, "BKPSDM.1": 7], zero: 0) {
            $0 += $1
        }
        // PEMDA = 1 + BKPSDM (0 + 7) + DINKES (10 + 100 + 1000) = 1118.
        #expect(folded.map(\.value) == [1118, 7, 7, 1110, 100, 1000])
        #expect(folded.map(\.depth) == [0, 1, 2, 1, 2, 2])
        #expect(tree.total(of: "DINKES", direct: ["DINKES": 10, "DINKES.1": 100, "PEMDA": 5], zero: 0) { $0 += $1 } == 110)
        #expect(tree.total(of: "NOPE", direct: ["NOPE": 3], zero: 0) { $0 += $1 } == 0)
    }

    @Test func sharedNamesArePrefixedWithTheNearestUniqueAncestor() {
        let names = UnitTree(sample).displayNames()
        #expect(names["DINKES.1"] == "DINKES › Sekretariat")
        #expect(names["BKPSDM.1"] == "BKPSDM › Sekretariat")
        #expect(names["DINKES"] == "Dinas Kesehatan")
        // Long kode: the ancestor's name; two levels of shared names skip to the unique one.
        let units = [
            OrgUnit(kode: "1.02.03.04.05", nama: "Dinas Pendidikan"),
            OrgUnit(kode: "A", nama: "Sekretariat", induk: "1.02.03.04.05"),
            OrgUnit(kode: "A.1", nama: "Umum", induk: "A"),
            OrgUnit(kode: "B", nama: "Sekretariat"),
            OrgUnit(kode: "B.1", nama: "Umum", induk: "B"),
        ]
        let more = UnitTree(units).displayNames()
        #expect(more["A"] == "Dinas Pendidikan › Sekretariat")
        #expect(more["A.1"] == "Dinas Pendidikan › Umum")
        // No ancestor with a unique name: left as it is.
        #expect(more["B"] == "Sekretariat")
        #expect(more["B.1"] == "Umum")
    }

    @Test func unknownParentsAreRootsAndDuplicateKodesCountOnce() {
        let tree = UnitTree([
            OrgUnit(kode: "B", nama: "B", induk: "GONE"), OrgUnit(kode: "A", nama: "A"),
            OrgUnit(kode: "A", nama: "second A"), OrgUnit(kode: "A.1", nama: "A1", induk: "A"),
        ])
        #expect(tree.units.map(\.kode) == ["A", "A.1", "B"])
        #expect(tree.unit("A")?.nama == "A")
        #expect(tree.roots.map(\.kode) == ["A", "B"])
        #expect(tree.unreachable.isEmpty)
    }

    @Test func cyclesAreCutOffAndStillListed() {
        // ROOT > R1; X <-> Y is a cycle with Z below Y; S is its own parent.
        let tree = UnitTree([
            OrgUnit(kode: "ROOT", nama: "Root"), OrgUnit(kode: "R1", nama: "R1", induk: "ROOT"),
            OrgUnit(kode: "X", nama: "X", induk: "Y"), OrgUnit(kode: "Y", nama: "Y", induk: "X"),
            OrgUnit(kode: "Z", nama: "Z", induk: "Y"), OrgUnit(kode: "S", nama: "S", induk: "S"),
        ])
        #expect(tree.unreachable == ["S", "X", "Y", "Z"])
        // Reachable units first; then, by kode, each unplaced unit becomes a root.
        #expect(tree.units.map(\.kode) == ["ROOT", "R1", "S", "X", "Y", "Z"])
        #expect(tree.units.map { tree.depth(of: $0.kode)! } == [0, 1, 0, 0, 1, 2])
        #expect(tree.parent(of: "X") == nil)
        #expect(tree.ancestors(of: "Z").map(\.kode) == ["Y", "X"])
        #expect(tree.isInSubtree("Z", of: "X"))
        #expect(!tree.isInSubtree("X", of: "Y"))
        let folded = tree.fold(direct: ["X": 1, "Y": 2, "Z": 4, "S": 8], zero: 0) { $0 += $1 }
        #expect(folded.map(\.value) == [0, 0, 8, 7, 6, 4])
        #expect(tree.displayNames().count == 6)
    }

    @Test func aTwentyThousandLevelChainIsWalkedWithoutRecursion() {
        let n = 20_000
        // Listed deepest first, so that nothing can rely on parents coming first.
        let units = (0..<n).reversed().map { i in
            OrgUnit(kode: String(format: "U%05d", i), nama: "Seksi", induk: i == 0 ? nil : String(format: "U%05d", i - 1))
        }
        let tree = UnitTree(units)
        #expect(tree.count == n)
        #expect(tree.levels == n)
        #expect(tree.units.first?.kode == "U00000")
        #expect(tree.units.last?.kode == "U19999")
        #expect(tree.depth(of: "U19999") == n - 1)
        #expect(tree.ancestors(of: "U19999").count == n - 1)
        #expect(tree.isInSubtree("U19999", of: "U00000"))
        #expect(tree.subtree(of: "U10000").count == 10_000)
        let folded = tree.fold(direct: Dictionary(uniqueKeysWithValues: units.map { ($0.kode, 1) }), zero: 0) { $0 += $1 }
        #expect(folded.first?.value == n)
        #expect(folded.last?.value == 1)
        let names = tree.displayNames()
        #expect(names["U19999"] == "Seksi")
        // The same chain closed into a cycle: every unit is cut off, none is lost.
        var cyclic = units
        cyclic[cyclic.count - 1].induk = "U19999"
        let broken = UnitTree(cyclic)
        #expect(broken.unreachable.count == n)
        #expect(broken.count == n)
        #expect(broken.levels == n)
    }
}
