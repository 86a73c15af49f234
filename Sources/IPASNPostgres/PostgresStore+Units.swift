import Foundation
import IPASNStore
import IPASNCore

extension PostgresStore {
    // MARK: Units

    /// Every unit, ordered by kode.
    public func units() throws -> [OrgUnit] {
        // One round trip (BEGIN, the query and COMMIT pipelined): the dashboard reads it twice an open.
        let result = try readPipelined([("SELECT kode, nama, induk FROM units ORDER BY kode", [])])[0]
        return (0..<result.count).map { index in
            let row = PGRow(result: result, index: index)
            return OrgUnit(kode: row[0], nama: row[1], induk: row[2])
        }
    }

    func units(_ db: PGConnection) throws -> [OrgUnit] {
        try PGRow.fetchAll(db, sql: "SELECT kode, nama, induk FROM units ORDER BY kode").map {
            OrgUnit(kode: $0[0], nama: $0[1], induk: $0[2])
        }
    }

    /// Adds or replaces a unit (by kode), audited. Throws ``ValidationFailure`` with
    /// `.unknownUnit` for an unknown parent, `.unitCycle` when the parent is the unit
    /// itself or one of its descendants, and `.unitTooDeep` when the tree would be deeper
    /// than ``UnitTree/maximumLevels`` at or below the unit.
    public func saveUnit(_ unit: OrgUnit) throws {
        try transaction { db in
            var issues: [ValidationIssue] = []
            if unit.kode.isEmpty { issues.append(ValidationIssue(field: "kode", code: .required)) }
            if unit.nama.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(ValidationIssue(field: "nama", code: .required))
            }
            if let induk = unit.induk {
                var units = try self.units(db).filter { $0.kode != unit.kode }
                if induk != unit.kode && !units.contains(where: { $0.kode == induk }) {
                    issues.append(ValidationIssue(field: "induk", code: .unknownUnit(induk)))
                } else {
                    units.append(unit)
                    if let issue = StoreCodec.treeIssue(for: unit, in: UnitTree(units)) { issues.append(issue) }
                }
            }
            let old = try PGRow.fetchOne(db, sql: "SELECT kode, nama, induk FROM units WHERE kode = ?", arguments: [unit.kode])
                .map { OrgUnit(kode: $0[0], nama: $0[1], induk: $0[2]) }
            try permit(.unit(old: old, new: unit), db)
            guard issues.isEmpty else { throw ValidationFailure(issues) }
            try upsertUnit(unit, db)
            try audit(old == nil ? .insert : .update, .unit(unit.kode), nip: nil, old: old.map(AuditValue.unit), new: .unit(unit), db)
        }
    }

    func unit(kode: String, _ db: PGConnection) throws -> OrgUnit? {
        try PGRow.fetchOne(db, sql: "SELECT kode, nama, induk FROM units WHERE kode = ?", arguments: [kode])
            .map { OrgUnit(kode: $0[0], nama: $0[1], induk: $0[2]) }
    }

    /// What is wrong with `unit`'s place in `tree` (which holds it): it lies on a cycle, or
    /// the tree would be deeper than ``UnitTree/maximumLevels`` at or below it.
    static func treeIssue(for unit: OrgUnit, in tree: UnitTree) -> ValidationIssue? {
        if tree.unreachable.contains(unit.kode) {
            return ValidationIssue(field: "induk", code: .unitCycle(unit.induk ?? ""))
        }
        let deepest = tree.subtree(of: unit.kode).reduce(0) { max($0, tree.depth(of: $1.kode) ?? 0) }
        guard deepest >= UnitTree.maximumLevels else { return nil }
        return ValidationIssue(field: "induk", code: .unitTooDeep(levels: deepest + 1, limit: UnitTree.maximumLevels))
    }

    func upsertUnit(_ unit: OrgUnit, _ db: PGConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO units(kode, nama, induk) VALUES (?, ?, ?)
                ON CONFLICT(kode) DO UPDATE SET nama = excluded.nama, induk = excluded.induk
                """, arguments: [unit.kode, unit.nama, unit.induk])
    }

    // MARK: Employees

    static let pegawaiColumns = "nip, nama, kode_unit, jenis_jabatan, jenjang, status, aktif, keluar_alasan, keluar_tanggal, tmt_unit"
    /// How many columns ``pegawaiColumns`` selects (the offset of what a query selects after them).
    static let pegawaiColumnCount = 10

    static func pegawai(_ row: PGRow, offset: Int = 0) throws -> Pegawai {
        guard let jabatan = JenisJabatan(rawValue: row[offset + 3]), let status = StatusPegawai(rawValue: row[offset + 5])
        else { throw StoreError.corrupt("pegawai \(row[offset] as String): jenis_jabatan or status") }
        var pegawai = Pegawai(
            nip: row[offset], nama: row[offset + 1], kodeUnit: row[offset + 2], jenisJabatan: jabatan,
            jenjang: row[offset + 4], status: status, aktif: row[offset + 6])
        let alasan: String? = row[offset + 7]
        let tanggal: String? = row[offset + 8]
        let tmt: String? = row[offset + 9]
        if let alasan, let tanggal {
            guard let reason = AlasanKeluar(rawValue: alasan), let date = LocalDate(iso: tanggal) else {
                throw StoreError.corrupt("pegawai \(pegawai.nip): keluar_alasan or keluar_tanggal")
            }
            pegawai.keluar = PegawaiKeluar(alasan: reason, tanggal: date)
        }
        if let tmt {
            guard let date = LocalDate(iso: tmt) else { throw StoreError.corrupt("pegawai \(pegawai.nip): tmt_unit") }
            pegawai.tmtUnit = date
        }
        return pegawai
    }

    /// One employee, or nil.
    public func pegawai(nip: String) throws -> Pegawai? {
        try read { try pegawai(nip: nip, $0) }
    }

    func pegawai(nip: String, _ db: PGConnection) throws -> Pegawai? {
        try PGRow.fetchOne(db, sql: "SELECT \(Self.pegawaiColumns) FROM pegawai WHERE nip = ?", arguments: [nip])
            .map { try Self.pegawai($0) }
    }

    /// The SQL of "this unit and (optionally) its sub-units", a CTE named `sub(kode)`.
    /// `UNION` (not `UNION ALL`) keeps it finite even on a damaged tree with a cycle.
    static let subunitsCTE = """
        WITH RECURSIVE sub(kode) AS (
            SELECT ?::text COLLATE "C" UNION SELECT u.kode FROM units u JOIN sub ON u.induk = sub.kode)
        """

    /// Employees of a unit (with its sub-units when asked), ordered by name.
    public func pegawai(inUnit kode: String, includeSubunits: Bool) throws -> [Pegawai] {
        try read { db in
            let sql =
                includeSubunits
                ? "\(Self.subunitsCTE) SELECT \(Self.pegawaiColumns) FROM pegawai WHERE kode_unit IN (SELECT kode FROM sub) ORDER BY nama, nip"
                : "SELECT \(Self.pegawaiColumns) FROM pegawai WHERE kode_unit = ? ORDER BY nama, nip"
            return try PGRow.fetchAll(db, sql: sql, arguments: [kode]).map { try Self.pegawai($0) }
        }
    }

    /// Employees whose name holds every word of `query` (in any order, anywhere in the name,
    /// ignoring case and accents: see ``SearchText``), or whose NIP starts or ends with the
    /// query's digits (a NIP pasted with spaces or Excel's leading apostrophe), ordered by name.
    public func searchPegawai(_ query: String, limit: Int) throws -> [Pegawai] {
        let words = SearchText.words(query)
        let nip = SearchText.nipDigits(query)
        guard !words.isEmpty || nip != nil else { return [] }
        var conditions: [String] = []
        var arguments: [(any PGBindable)?] = []
        if !words.isEmpty {
            // Keys hold letters, digits and spaces only: no LIKE wildcard can reach the pattern.
            conditions.append("(" + words.map { _ in "search_key LIKE ?" }.joined(separator: " AND ") + ")")
            arguments += words.map { "%\($0)%" }
        }
        if let nip {
            conditions.append("nip LIKE ? OR nip LIKE ?")
            arguments += [nip + "%", "%" + nip]
        }
        arguments.append(max(0, limit))
        return try read { db in
            try PGRow.fetchAll(
                db,
                sql: """
                    SELECT \(Self.pegawaiColumns) FROM pegawai WHERE \(conditions.joined(separator: " OR "))
                    ORDER BY nama, nip LIMIT ?
                    """, arguments: PGArguments(arguments)
            ).map { try Self.pegawai($0) }
        }
    }

    /// Adds or replaces an employee (by NIP), audited, and refreshes the employee's cached
    /// scores. Throws ``ValidationFailure`` (`.unknownUnit`) when the unit does not exist.
    public func savePegawai(_ pegawai: Pegawai) throws {
        try transaction { db in
            let old = try self.pegawai(nip: pegawai.nip, db)
            try permit(.employee(oldUnit: old?.kodeUnit, newUnit: pegawai.kodeUnit), db)
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM units WHERE kode = ?", arguments: [pegawai.kodeUnit]) == true
            else { throw ValidationFailure([ValidationIssue(field: "kode_unit", code: .unknownUnit(pegawai.kodeUnit))]) }
            try db.execute(sql: Self.upsertPegawaiSQL, arguments: Self.arguments(pegawai))
            try audit(
                old == nil ? .insert : .update, .pegawai(pegawai.nip), nip: pegawai.nip, old: old.map(AuditValue.pegawai),
                new: .pegawai(pegawai), db)
            _ = try recomputeEmployee(pegawai.nip, db)
        }
    }

    static let upsertPegawaiSQL = """
        INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, jenjang, status, aktif, search_key,
            keluar_alasan, keluar_tanggal, tmt_unit)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(nip) DO UPDATE SET nama = excluded.nama, kode_unit = excluded.kode_unit,
            jenis_jabatan = excluded.jenis_jabatan, jenjang = excluded.jenjang, status = excluded.status,
            aktif = excluded.aktif, search_key = excluded.search_key, keluar_alasan = excluded.keluar_alasan,
            keluar_tanggal = excluded.keluar_tanggal, tmt_unit = excluded.tmt_unit
        """

    /// The arguments of ``upsertPegawaiSQL``: the employee and the name's search key.
    static func arguments(_ p: Pegawai) -> PGArguments {
        [
            p.nip, p.nama, p.kodeUnit, p.jenisJabatan.rawValue, p.jenjang, p.status.rawValue, p.aktif, SearchText.key(p.nama),
            p.keluar?.alasan.rawValue, p.keluar?.tanggal.iso, p.tmtUnit?.iso,
        ]
    }

    /// The number of employees (active or not).
    public func countPegawai() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM pegawai") ?? 0 }
    }
}

