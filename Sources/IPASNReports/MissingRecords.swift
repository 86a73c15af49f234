import IPASNCore
import IPASNStore

/// A kind of record an employee should have for the measurement year.
public enum MissingRecord: String, CaseIterable, Sendable, Codable {
    /// No education on record (by the end of the year), as scoring sees it.
    case pendidikan
    /// No SKP for the year, as scoring sees it (the ruleset says which SKP counts).
    case skp
    /// No diklat, course or seminar finished in the year.
    case kompetensi

    /// The word lists use: `pendidikan`/`education`, `SKP`, `kompetensi`/`competence`.
    public func displayName(_ language: Language) -> String {
        let names: (id: String, en: String) =
            self == .pendidikan ? ("pendidikan", "education") : self == .skp ? ("SKP", "SKP") : ("kompetensi", "competence")
        return language == .id ? names.id : names.en
    }
}

/// The per-unit "what is missing" list: every active employee of a unit (sub-units included)
/// without an SKP, a pendidikan or a kompetensi record for the year, in unit tree order,
/// then by name and NIP. `ipasn report missing` and the workstation's list show it.
/// "Belum lengkap" is ``Completeness``'s (pendidikan or SKP missing: ``incomplete``); a
/// missing kompetensi is listed as a reminder, not counted as incomplete.
public struct MissingRecords: Sendable {
    public struct Entry: Hashable, Sendable {
        public var pegawai: Pegawai
        /// What this employee lacks, in the order pendidikan, skp, kompetensi (never empty).
        public var missing: [MissingRecord]
    }

    public let year: Int
    /// The unit asked about, nil for the whole database.
    public let unit: OrgUnit?
    /// Active employees looked at.
    public let pegawai: Int
    public let entries: [Entry]

    /// How many employees lack each kind.
    public func count(_ kind: MissingRecord) -> Int { entries.filter { $0.missing.contains(kind) }.count }
    /// Employees whose data is not complete (``Completeness``: no pendidikan or no SKP), the
    /// same count the completeness percentage leaves out.
    public var incomplete: Int { entries.count { !Completeness.isComplete(lacking: $0.missing) } }
    /// Employees with complete data (``Completeness``).
    public var complete: Int { pegawai - incomplete }
    /// Complete employees' share, 0 ... 1 (0 without employees): ``UnitProgress/completeness``.
    public var completeness: Double { pegawai == 0 ? 0 : Double(complete) / Double(pegawai) }

    /// Throws ``ReportError/unknownUnit(_:)`` for a unit that does not exist.
    public static func compute(store: Store, unit kode: String?, year: Int, ruleset: Ruleset) throws -> MissingRecords {
        let tree = UnitTree(try store.units())
        if let kode, !tree.contains(kode) { throw ReportError.unknownUnit(kode) }
        let engine = ScoringEngine(ruleset: ruleset)
        var entries: [Entry] = []
        var count = 0
        try store.forEachEmployeeRecords(inUnit: kode) { records in
            count += 1
            let missing = Self.missing(records, year: year, engine: engine)
            if !missing.isEmpty { entries.append(Entry(pegawai: records.pegawai, missing: missing)) }
        }
        var position: [String: Int] = [:]
        for (index, unit) in tree.units.enumerated() { position[unit.kode] = index }
        entries.sort {
            let a = position[$0.pegawai.kodeUnit] ?? Int.max
            let b = position[$1.pegawai.kodeUnit] ?? Int.max
            return (a, $0.pegawai.nama, $0.pegawai.nip) < (b, $1.pegawai.nama, $1.pegawai.nip)
        }
        return MissingRecords(year: year, unit: kode.flatMap { tree.unit($0) }, pegawai: count, entries: entries)
    }

    /// What one employee lacks for `year`.
    public static func missing(_ records: EmployeeRecords, year: Int, engine: ScoringEngine) -> [MissingRecord] {
        let scored = engine.score(records, year: year).missing
        var result: [MissingRecord] = []
        if scored.contains(.pendidikan) { result.append(.pendidikan) }
        if scored.contains(.skp) { result.append(.skp) }
        if !records.diklat.contains(where: { $0.tanggalSelesai.year == year }) { result.append(.kompetensi) }
        return result
    }
}
