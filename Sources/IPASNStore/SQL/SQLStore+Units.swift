import Foundation
import IPASNCore

/// Units and employees, once for both engines: a unit's save (its place in the tree checked),
/// an employee's save (audited, the scores refreshed), the lists and the search.
///
/// What stays in each engine is what differs: reading a `pegawai` row (``sqlPegawaiRow(_:offset:)``:
/// the recompute decodes every employee through the engine's own row type), the one employee
/// and every unit as the save path and the dashboard read them (prepared statements; PostgreSQL's
/// `units()` pipelined in one round trip), the sub-units CTE (PostgreSQL types its parameter)
/// and the upsert's arguments (the bulk import binds them millions of times).
extension SQLStore {
    // MARK: Units

    /// Adds or replaces a unit (by kode), audited. Throws ``ValidationFailure`` with
    /// `.unknownUnit` for an unknown parent, `.unitCycle` when the parent is the unit
    /// itself or one of its descendants, and `.unitTooDeep` when the tree would be deeper
    /// than ``UnitTree/maximumLevels`` at or below the unit.
    public func saveUnit(_ unit: OrgUnit) throws {
        try sqlWrite { db in
            var issues: [ValidationIssue] = []
            if unit.kode.isEmpty { issues.append(ValidationIssue(field: "kode", code: .required)) }
            if unit.nama.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(ValidationIssue(field: "nama", code: .required))
            }
            if let induk = unit.induk {
                var units = try sqlUnits(db).filter { $0.kode != unit.kode }
                if induk != unit.kode && !units.contains(where: { $0.kode == induk }) {
                    issues.append(ValidationIssue(field: "induk", code: .unknownUnit(induk)))
                } else {
                    units.append(unit)
                    if let issue = Self.treeIssue(for: unit, in: UnitTree(units)) { issues.append(issue) }
                }
            }
            let old = try self.unit(kode: unit.kode, db)
            try sqlPermit(.unit(old: old, new: unit), db)
            guard issues.isEmpty else { throw ValidationFailure(issues) }
            try upsertUnit(unit, db)
            try sqlAudit(
                old == nil ? .insert : .update, .unit(unit.kode), nip: nil, old: old.map(AuditValue.unit), new: .unit(unit),
                batch: nil, db)
        }
    }

    /// One unit, or nil.
    package func unit(kode: String, _ db: Connection) throws -> OrgUnit? {
        try db.fetchOne(sql: "SELECT kode, nama, induk FROM units WHERE kode = ?", arguments: [kode])
            .map { OrgUnit(kode: $0[0], nama: $0[1], induk: $0[2]) }
    }

    /// What is wrong with `unit`'s place in `tree` (which holds it): it lies on a cycle, or
    /// the tree would be deeper than ``UnitTree/maximumLevels`` at or below it.
    package static func treeIssue(for unit: OrgUnit, in tree: UnitTree) -> ValidationIssue? {
        if tree.unreachable.contains(unit.kode) {
            return ValidationIssue(field: "induk", code: .unitCycle(unit.induk ?? ""))
        }
        let deepest = tree.subtree(of: unit.kode).reduce(0) { max($0, tree.depth(of: $1.kode) ?? 0) }
        guard deepest >= UnitTree.maximumLevels else { return nil }
        return ValidationIssue(field: "induk", code: .unitTooDeep(levels: deepest + 1, limit: UnitTree.maximumLevels))
    }

    /// Adds or overwrites a unit.
    package func upsertUnit(_ unit: OrgUnit, _ db: Connection) throws {
        try db.execute(
            sql: """
                INSERT INTO units(kode, nama, induk) VALUES (?, ?, ?)
                ON CONFLICT(kode) DO UPDATE SET nama = excluded.nama, induk = excluded.induk
                """, arguments: [unit.kode, unit.nama, unit.induk])
    }

    // MARK: Employees

    /// The columns ``sqlPegawaiRow(_:offset:)`` reads, of `pegawai`.
    package static var pegawaiColumns: String {
        "nip, nama, kode_unit, jenis_jabatan, jenjang, status, aktif, keluar_alasan, keluar_tanggal, tmt_unit"
    }
    /// How many columns ``pegawaiColumns`` selects (the offset of what a query selects after them).
    package static var pegawaiColumnCount: Int { 10 }

    /// One employee, or nil.
    public func pegawai(nip: String) throws -> Pegawai? {
        try sqlRead { try sqlPegawai(nip: nip, $0) }
    }

    /// Employees of a unit (with its sub-units when asked), ordered by name.
    public func pegawai(inUnit kode: String, includeSubunits: Bool) throws -> [Pegawai] {
        let sql =
            includeSubunits
            ? "\(dialect.subunits) SELECT \(Self.pegawaiColumns) FROM pegawai WHERE kode_unit IN (SELECT kode FROM sub) ORDER BY nama, nip"
            : "SELECT \(Self.pegawaiColumns) FROM pegawai WHERE kode_unit = ? ORDER BY nama, nip"
        return try sqlRead { db in try db.fetchAll(sql: sql, arguments: [kode]).map { try sqlPegawaiRow($0, offset: 0) } }
    }

    /// Employees whose name holds every word of `query` (in any order, anywhere in the name,
    /// ignoring case and accents: see ``SearchText``), or whose NIP starts or ends with the
    /// query's digits (a NIP pasted with spaces or Excel's leading apostrophe), ordered by name.
    public func searchPegawai(_ query: String, limit: Int) throws -> [Pegawai] {
        let words = SearchText.words(query)
        let nip = SearchText.nipDigits(query)
        guard !words.isEmpty || nip != nil else { return [] }
        var conditions: [String] = []
        var arguments: SQLArguments = []
        if !words.isEmpty {
            // Keys hold letters, digits and spaces only: no LIKE wildcard can reach the pattern.
            conditions.append("(" + words.map { _ in "search_key LIKE ?" }.joined(separator: " AND ") + ")")
            arguments += SQLArguments(words.map { "%\($0)%" })
        }
        if let nip {
            conditions.append("nip LIKE ? OR nip LIKE ?")
            arguments += [nip + "%", "%" + nip]
        }
        arguments += [max(0, limit)]
        return try sqlRead { db in
            try db.fetchAll(
                sql: """
                    SELECT \(Self.pegawaiColumns) FROM pegawai WHERE \(conditions.joined(separator: " OR "))
                    ORDER BY nama, nip LIMIT ?
                    """, arguments: arguments
            ).map { try sqlPegawaiRow($0, offset: 0) }
        }
    }

    /// Adds or replaces an employee (by NIP), audited, and refreshes the employee's cached
    /// scores. Throws ``ValidationFailure`` (`.unknownUnit`) when the unit does not exist.
    public func savePegawai(_ pegawai: Pegawai) throws {
        try sqlWrite { db in
            var pegawai = pegawai
            // A form loaded before its unit was renamed saves into the renamed unit.
            let exists: Bool
            (pegawai.kodeUnit, exists) = try sqlUnitFollowingRename(pegawai.kodeUnit, db)
            let old = try sqlPegawai(nip: pegawai.nip, db)
            try sqlPermit(.employee(oldUnit: old?.kodeUnit, newUnit: pegawai.kodeUnit), db)
            guard exists else { throw ValidationFailure([ValidationIssue(field: "kode_unit", code: .unknownUnit(pegawai.kodeUnit))]) }
            try sqlUpsertPegawai(pegawai, db)
            try sqlAudit(
                old == nil ? .insert : .update, .pegawai(pegawai.nip), nip: pegawai.nip, old: old.map(AuditValue.pegawai),
                new: .pegawai(pegawai), batch: nil, db)
            _ = try sqlRecomputeEmployee(pegawai.nip, db)
        }
    }

    /// The upsert of one employee; each engine binds its arguments (`arguments(_:)`: the
    /// employee and the name's search key).
    package static var upsertPegawaiSQL: String {
        """
        INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, jenjang, status, aktif, search_key,
            keluar_alasan, keluar_tanggal, tmt_unit)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(nip) DO UPDATE SET nama = excluded.nama, kode_unit = excluded.kode_unit,
            jenis_jabatan = excluded.jenis_jabatan, jenjang = excluded.jenjang, status = excluded.status,
            aktif = excluded.aktif, search_key = excluded.search_key, keluar_alasan = excluded.keluar_alasan,
            keluar_tanggal = excluded.keluar_tanggal, tmt_unit = excluded.tmt_unit
        """
    }

    /// The number of employees (active or not).
    public func countPegawai() throws -> Int {
        try sqlRead { try $0.fetchValue(Int.self, sql: "SELECT COUNT(*) FROM pegawai") ?? 0 }
    }
}
