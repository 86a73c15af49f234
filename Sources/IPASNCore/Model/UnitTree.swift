/// The organisation tree built from a list of ``OrgUnit``s: parents, children, ancestors,
/// tree order, subtree membership, depth and the names a list shows.
///
/// **Tree order** is pre-order: each unit before its children, siblings (and roots) by kode.
/// A unit whose `induk` is empty or unknown is a root. Units that cannot be reached from a
/// root (they lie on a cycle of `induk` links, a unit being its own induk included, or below
/// one) are still part of the
/// tree: after the real roots, in kode order, each unit not yet placed becomes a root of
/// its own and takes its unplaced descendants with it. So ``parent(of:)`` never loops, and
/// ``unreachable`` names the units a damaged tree has cut off.
///
/// Every walk is iterative and linear in the number of units (a 20,000-level chain is
/// fine); building the tree sorts siblings, O(n log n).
public struct UnitTree: Sendable {
    /// The deepest a unit may sit: a root is level 1, its children level 2, and so on.
    /// No real organisation comes near it; an import refuses a unit deeper than this.
    public static let maximumLevels = 32

    /// Every unit, in tree order.
    public let units: [OrgUnit]
    private let position: [String: Int]
    /// Per position: the parent's position, or -1 for a root.
    private let parentIndex: [Int]
    /// Per position: the children's positions, in tree order.
    private let childIndices: [[Int]]
    /// Per position: depth (0 for a root).
    private let depths: [Int]
    /// Per position: one past the last position of its subtree (pre-order makes a subtree
    /// one contiguous range).
    private let subtreeEnd: [Int]
    /// Kodes of the units not reachable from a real root (on or below a cycle), sorted.
    public let unreachable: [String]

    /// Builds the tree. When two units share a kode, the first one counts.
    public init(_ list: [OrgUnit]) {
        var byKode: [String: OrgUnit] = [:]
        var distinct: [OrgUnit] = []
        distinct.reserveCapacity(list.count)
        for unit in list where byKode[unit.kode] == nil {
            byKode[unit.kode] = unit
            distinct.append(unit)
        }
        var children: [String: [OrgUnit]] = [:]
        var roots: [OrgUnit] = []
        for unit in distinct {
            if let parent = unit.induk, byKode[parent] != nil {
                if parent != unit.kode { children[parent, default: []].append(unit) }
            } else {
                roots.append(unit)
            }
        }
        for key in children.keys { children[key]!.sort { $0.kode < $1.kode } }
        roots.sort { $0.kode < $1.kode }

        var order: [OrgUnit] = []
        order.reserveCapacity(distinct.count)
        var position: [String: Int] = [:]
        position.reserveCapacity(distinct.count)
        var parentIndex: [Int] = []
        var depths: [Int] = []
        parentIndex.reserveCapacity(distinct.count)
        depths.reserveCapacity(distinct.count)
        // Iterative pre-order: the stack holds (unit, parent position, depth), next on top.
        func walk(from root: OrgUnit) {
            var stack: [(OrgUnit, Int, Int)] = [(root, -1, 0)]
            while let (unit, parent, depth) = stack.popLast() {
                guard position[unit.kode] == nil else { continue }
                let here = order.count
                position[unit.kode] = here
                order.append(unit)
                parentIndex.append(parent)
                depths.append(depth)
                for child in (children[unit.kode] ?? []).reversed() where position[child.kode] == nil {
                    stack.append((child, here, depth + 1))
                }
            }
        }
        for root in roots { walk(from: root) }
        let reachable = order.count
        for unit in distinct.sorted(by: { $0.kode < $1.kode }) where position[unit.kode] == nil {
            walk(from: unit)
        }
        unreachable = order[reachable...].map(\.kode).sorted()

        var childIndices = [[Int]](repeating: [], count: order.count)
        for (index, parent) in parentIndex.enumerated() where parent >= 0 { childIndices[parent].append(index) }
        var subtreeEnd = (0..<order.count).map { $0 + 1 }
        for index in stride(from: order.count - 1, through: 0, by: -1) {
            if let last = childIndices[index].last { subtreeEnd[index] = subtreeEnd[last] }
        }
        self.units = order
        self.position = position
        self.parentIndex = parentIndex
        self.childIndices = childIndices
        self.depths = depths
        self.subtreeEnd = subtreeEnd
    }

    // MARK: Looking up

    public var count: Int { units.count }
    public var isEmpty: Bool { units.isEmpty }

    public func contains(_ kode: String) -> Bool { position[kode] != nil }

    public func unit(_ kode: String) -> OrgUnit? { position[kode].map { units[$0] } }

    /// The parent in the tree: nil for a root (and for a unit that had to become one).
    public func parent(of kode: String) -> OrgUnit? {
        guard let index = position[kode], parentIndex[index] >= 0 else { return nil }
        return units[parentIndex[index]]
    }

    /// The direct children, by kode.
    public func children(of kode: String) -> [OrgUnit] {
        guard let index = position[kode] else { return [] }
        return childIndices[index].map { units[$0] }
    }

    /// The roots, by kode (units cut off by a cycle last).
    public var roots: [OrgUnit] { units.indices.filter { parentIndex[$0] < 0 }.map { units[$0] } }

    /// The parent, its parent, ... up to the root (nearest first).
    public func ancestors(of kode: String) -> [OrgUnit] {
        guard var index = position[kode] else { return [] }
        var result: [OrgUnit] = []
        while parentIndex[index] >= 0 {
            index = parentIndex[index]
            result.append(units[index])
        }
        return result
    }

    /// Depth in the tree (0 for a root), nil for an unknown kode.
    public func depth(of kode: String) -> Int? { position[kode].map { depths[$0] } }

    /// The number of levels from the root to the deepest unit (0 for an empty tree).
    public var levels: Int { (depths.max() ?? -1) + 1 }

    /// Whether `kode` is `ancestor` or lies below it. O(1).
    public func isInSubtree(_ kode: String, of ancestor: String) -> Bool {
        guard let index = position[kode], let top = position[ancestor] else { return false }
        return index >= top && index < subtreeEnd[top]
    }

    /// The unit and everything below it, in tree order (empty for an unknown kode).
    public func subtree(of kode: String) -> ArraySlice<OrgUnit> {
        guard let top = position[kode] else { return [] }
        return units[top..<subtreeEnd[top]]
    }

    // MARK: Folding

    /// Per-unit values folded up the tree: each unit's value is its own plus all its
    /// sub-units' (children added in tree order). Units come in tree order with their depth.
    public func fold<Value>(
        direct: [String: Value], zero: Value, add: (inout Value, Value) -> Void
    ) -> [(unit: OrgUnit, depth: Int, value: Value)] {
        var values = [Value](repeating: zero, count: units.count)
        for index in stride(from: units.count - 1, through: 0, by: -1) {
            var value = direct[units[index].kode] ?? zero
            for child in childIndices[index] { add(&value, values[child]) }
            values[index] = value
        }
        return units.indices.map { (units[$0], depths[$0], values[$0]) }
    }

    /// The sum of the values of a unit and its sub-units.
    public func total<Value>(of kode: String, direct: [String: Value], zero: Value, add: (inout Value, Value) -> Void)
        -> Value
    {
        var value = zero
        for unit in subtree(of: kode) {
            if let own = direct[unit.kode] { add(&value, own) }
        }
        return value
    }

    // MARK: Names

    /// The name a list shows for each unit. A unit whose name another unit shares
    /// ("Sekretariat") is prefixed with its nearest ancestor of a unique name, by that
    /// ancestor's kode when it is at most 12 characters (`DINKES › Sekretariat`), else by its
    /// name, so that the distinguishing part survives truncation. A shared name without
    /// such an ancestor stays as it is.
    public func displayNames() -> [String: String] {
        var uses: [String: Int] = [:]
        for unit in units { uses[unit.nama, default: 0] += 1 }
        // Per position: the nearest unit at or above it with a unique name (-1: none).
        var nearestUnique = [Int](repeating: -1, count: units.count)
        var result: [String: String] = [:]
        result.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            let parent = parentIndex[index]
            let unique = uses[unit.nama] == 1
            let above = parent >= 0 ? nearestUnique[parent] : -1
            nearestUnique[index] = unique ? index : above
            if unique || above < 0 {
                result[unit.kode] = unit.nama
            } else {
                let tagUnit = units[above]
                let tag = tagUnit.kode.count <= 12 ? tagUnit.kode : tagUnit.nama
                result[unit.kode] = "\(tag) › \(unit.nama)"
            }
        }
        return result
    }
}
