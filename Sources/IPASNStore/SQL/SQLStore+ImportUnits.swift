import Foundation
import IPASNCore

/// A unit file's import, once for both engines (the rest of `importRows` stays in each engine's
/// `+Import`: its transaction, record and employee paths differ): every row read first, as
/// parents may come after their children, then the tree checked once (unknown parents, cycles,
/// too deep, a refused parent's subtree) and the accepted units written.
extension SQLStore {
    /// Reads a unit file's rows, checks the tree they make with the stored units, writes the
    /// units it accepts and lists the changes (`changes`, for the import's audit summary);
    /// returns how many units were written. Refusals go to `issues`, by line.
    package func importUnits(
        _ rows: inout some ImportRowSource, issues: inout [LineIssue], changes: inout [ImportChange<OrgUnit>], _ db: Connection
    ) throws -> Int {
        var merged: [String: OrgUnit] = [:]
        for unit in try sqlUnits(db) { merged[unit.kode] = unit }
        let stored = merged
        var fileUnits: [Line<OrgUnit>] = []
        var lineOf: [String: Int] = [:]
        while let line = try rows.next() {
            switch line.value {
            case .unit(let unit):
                if let earlier = lineOf[unit.kode] {
                    issues.append(LineIssue(line: line.number, issue: ValidationIssue(field: "kode", code: .duplicateInFile(line: earlier))))
                    continue
                }
                lineOf[unit.kode] = line.number
                fileUnits.append(Line(line.number, unit))
            case .invalid, .pegawai, .record:
                StoreCodec.refuse(line, into: &issues)
            }
        }
        // Resolve the tree now that every row is known: parents may come after children.
        // Every step is linear in the number of units (a 20,000-level chain included).
        for line in fileUnits { merged[line.value.kode] = line.value }
        var rejected: Set<String> = []
        for line in fileUnits {
            if let induk = line.value.induk, merged[induk] == nil {
                issues.append(LineIssue(line: line.number, issue: ValidationIssue(field: "induk", code: .unknownUnit(induk))))
                rejected.insert(line.value.kode)
            }
        }
        let tree = UnitTree(Array(merged.values))
        let cut = Set(tree.unreachable)
        for line in fileUnits where !rejected.contains(line.value.kode) && cut.contains(line.value.kode) {
            issues.append(
                LineIssue(line: line.number, issue: ValidationIssue(field: "induk", code: .unitCycle(line.value.induk ?? ""))))
            rejected.insert(line.value.kode)
        }
        // Too deep: a unit of the file below level `maximumLevels` is refused; a unit already in
        // the database that the file pushes that deep is blamed on its nearest unit in the file.
        var nearestInFile: [String: String] = [:]
        var deepest: [String: Int] = [:]
        for unit in tree.units {
            let inFile = lineOf[unit.kode] != nil
            let blamed = inFile ? unit.kode : tree.parent(of: unit.kode).flatMap { nearestInFile[$0.kode] }
            guard let blamed else { continue }
            nearestInFile[unit.kode] = blamed
            let depth = tree.depth(of: unit.kode) ?? 0
            if depth >= UnitTree.maximumLevels { deepest[blamed] = max(deepest[blamed] ?? 0, depth) }
        }
        for (kode, depth) in deepest where !rejected.contains(kode) {
            let issue = ValidationIssue(field: "induk", code: .unitTooDeep(levels: depth + 1, limit: UnitTree.maximumLevels))
            issues.append(LineIssue(line: lineOf[kode]!, issue: issue))
            rejected.insert(kode)
        }
        // A unit whose parent was refused cannot be written either (skip-invalid mode). Tree
        // order puts every parent before its children, so one pass reaches the whole subtree.
        for unit in tree.units where !rejected.contains(unit.kode) {
            guard let line = lineOf[unit.kode], let induk = unit.induk, rejected.contains(induk) else { continue }
            issues.append(LineIssue(line: line, issue: ValidationIssue(field: "induk", code: .unknownUnit(induk))))
            rejected.insert(unit.kode)
        }
        var imported = 0
        for line in fileUnits where !rejected.contains(line.value.kode) {
            let old = stored[line.value.kode]
            if old != line.value { changes.append(ImportChange(old: old, new: line.value)) }
            try upsertUnit(line.value, db)
            imported += 1
        }
        return imported
    }
}
