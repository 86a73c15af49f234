import IPASNCore
import IPASNStore

/// BKN's official IP ASN (from SIASN, per employee) beside ipasn's for one measurement year:
/// per employee each dimension that differs and its likely cause, per unit the points BKN does
/// not count, and the employees only one side knows. `ipasn reconcile` prints it, the
/// workstation's reconciliation screen draws it, the xlsx report writes it.
///
/// Ranking: employees by points lost (what ipasn counts and BKN does not, summed over the
/// dimensions where ipasn is higher), then by the total gap, unit order, name and NIP; units
/// by points lost, then by how much their mean would rise, then tree order. Sending the
/// missing data raises the index most where the points lost are largest.
public struct Reconciliation: Sendable {
    /// One dimension where BKN and ipasn differ.
    public struct Difference: Hashable, Sendable {
        public var dimension: ScoreDimension
        public var bkn: Double
        public var ipasn: Double
        public var cause: GapCause
        public var hint: GapHint?

        /// ipasn minus BKN: positive when BKN does not count what ipasn does.
        public var gap: Double { ipasn - bkn }

        /// "kompetensi: BKN 0, ipasn 22,5: diklat teknis 24 JP 2024 belum terhitung di SIASN".
        public func text(_ language: Language) -> String {
            let name = dimension.displayName(language).lowercased()
            return "\(name): BKN \(NumberText.points(bkn, language)), ipasn \(NumberText.points(ipasn, language)): "
                + causeText(language)
        }

        /// How many records a cause names before counting the rest.
        public static let namedRecords = 3

        /// The cause alone, in words.
        public func causeText(_ language: Language) -> String {
            let id = language == .id
            var text: String
            switch cause {
            case .records(let records, let higher):
                // At most three named; the rest counted (a BKN figure of 0 against a year of courses).
                var list = records.prefix(Self.namedRecords).map { $0.text(language) }.joined(separator: ", ")
                if records.count > Self.namedRecords {
                    let more = records.count - Self.namedRecords
                    list += id ? " dan \(more) catatan lain" : " and \(more) more record\(more == 1 ? "" : "s")"
                }
                if higher {
                    let counted = records.contains { $0.sent != nil || $0.record.kind == .diklat }
                    text = list + (id
                        ? (counted ? " belum terhitung di SIASN" : " belum ada di SIASN")
                        : (counted ? " not counted in SIASN yet" : " not in SIASN yet"))
                } else {
                    text = list + (id ? " ada di ipasn, tidak ada di SIASN" : " is in ipasn but not in SIASN")
                }
            case .bknHasMore:
                text = id
                    ? "BKN lebih tinggi: SIASN memuat data yang belum ada di ipasn"
                    : "BKN is higher: SIASN holds data ipasn lacks"
            case .unexplained:
                text = id
                    ? "tidak ada catatan di ipasn yang menjelaskan selisih ini; periksa data di SIASN"
                    : "no record in ipasn explains this gap; check the data in SIASN"
            }
            if let hint { text += " (\(hint.text(language)))" }
            return text
        }
    }

    /// One employee in both BKN's file and ipasn.
    public struct Entry: Hashable, Sendable {
        public var pegawai: Pegawai
        public var bkn: BKNResultRow
        public var ipasn: EmployeeScore
        /// The dimensions that differ, in dimension order (empty when the figures agree).
        public var differences: [Difference]

        /// Points ipasn counts and BKN does not (dimensions where ipasn is higher).
        public var pointsLost: Double { differences.reduce(0) { $0 + max(0, $1.gap) } }
        /// ipasn's total minus BKN's.
        public var gap: Double { ipasn.total - bkn.total }
    }

    /// One unit's totals (its own employees; sub-units are units of their own here).
    public struct UnitTotal: Hashable, Sendable {
        public var unit: OrgUnit
        /// The unit's name as lists show it (`DINKES › Sekretariat`).
        public var name: String
        /// Employees compared.
        public var employees: Int
        /// Employees with at least one difference.
        public var differing: Int
        public var pointsLost: Double
        public var bknTotal: Double
        public var ipasnTotal: Double

        public var bknMean: Double { employees > 0 ? bknTotal / Double(employees) : 0 }
        public var ipasnMean: Double { employees > 0 ? ipasnTotal / Double(employees) : 0 }
        /// How much the unit's mean at BKN would rise if BKN counted what ipasn does.
        public var meanRise: Double { employees > 0 ? pointsLost / Double(employees) : 0 }
    }

    /// An employee of BKN's file who is in ipasn but not active there.
    public struct Inactive: Hashable, Sendable {
        public var bkn: BKNResultRow
        public var pegawai: Pegawai
    }

    public let year: Int
    /// The unit asked about (sub-units included), nil for the whole database.
    public let unit: OrgUnit?
    /// Every employee compared, ranked (those who agree last).
    public let entries: [Entry]
    /// Units with compared employees, ranked.
    public let units: [UnitTotal]
    /// Employees in BKN's file whose NIP ipasn does not know.
    public let unknown: [BKNResultRow]
    /// Employees in BKN's file who are not active in ipasn.
    public let inactive: [Inactive]
    /// Active ipasn employees (in the unit asked about) missing from BKN's file, in unit order.
    public let notInFile: [Pegawai]
    /// Employees of BKN's file who are active in ipasn outside the unit asked about.
    public let outsideUnit: Int

    /// Entries with at least one difference.
    public var differing: [Entry] { entries.filter { !$0.differences.isEmpty } }
    /// All points lost.
    public var pointsLost: Double { units.reduce(0) { $0 + $1.pointsLost } }

    /// Compares `rows` (BKN's file) with ipasn's scores for `year`.
    /// - Parameters:
    ///   - unit: a unit kode (its sub-units included), nil for everything.
    ///   - sentInfo: which export batch sent a record, and when (nil: not known).
    /// - Throws: ``ReportError/unknownUnit(_:)`` for a unit that does not exist; store errors.
    public static func compute(
        store: Store, rows: [BKNResultRow], year: Int, unit kode: String? = nil, ruleset: Ruleset,
        sentInfo: SentInfoLookup? = nil
    ) throws -> Reconciliation {
        let tree = UnitTree(try store.units())
        if let kode, !tree.contains(kode) { throw ReportError.unknownUnit(kode) }
        let names = tree.displayNames()
        var position: [String: Int] = [:]
        for (index, unit) in tree.units.enumerated() { position[unit.kode] = index }
        let scored = try store.scores(year: year, unit: kode)
        var byNIP: [String: ScoredPegawai] = [:]
        byNIP.reserveCapacity(scored.count)
        for item in scored { byNIP[item.pegawai.nip] = item }

        let explainer = GapExplainer(engine: ScoringEngine(ruleset: ruleset), year: year, sentInfo: sentInfo)
        var entries: [Entry] = []
        var unknown: [BKNResultRow] = []
        var inactive: [Inactive] = []
        var outside = 0
        var inFile = Set<String>()
        var pending: [String: Int] = [:]  // NIP → index in entries, for those who differ
        for row in rows {
            inFile.insert(row.nip)
            guard let item = byNIP[row.nip] else {
                if let pegawai = try store.pegawai(nip: row.nip) {
                    if !pegawai.aktif {
                        inactive.append(Inactive(bkn: row, pegawai: pegawai))
                    } else {
                        outside += 1
                    }
                } else {
                    unknown.append(row)
                }
                continue
            }
            if ScoreDimension.allCases.contains(where: { abs(item.score[$0] - row[$0]) > 0.005 }) {
                pending[row.nip] = entries.count
            }
            entries.append(Entry(pegawai: item.pegawai, bkn: row, ipasn: item.score, differences: []))
        }
        // The records of the employees who differ: in one pass over the store, or, when
        // export tracking can say which records were sent, each employee's records with their ids.
        func explain(_ index: Int, _ stored: StoredEmployeeRecords, withIDs: Bool) {
            let row = entries[index].bkn, score = entries[index].ipasn
            entries[index].differences = ScoreDimension.allCases.filter { abs(score[$0] - row[$0]) > 0.005 }.map {
                explainer.explain(stored, dimension: $0, bkn: row[$0], withIDs: withIDs)
            }
        }
        if sentInfo != nil {
            for (nip, index) in pending {
                if let stored = try store.records(nip: nip) { explain(index, stored, withIDs: true) }
            }
        } else if !pending.isEmpty {
            try store.forEachEmployeeRecords(inUnit: kode) { records in
                guard let index = pending[records.pegawai.nip] else { return }
                func numbered<T>(_ list: [T]) -> [StoredRecord<T>] {
                    list.enumerated().map { StoredRecord(id: Int64($0.offset), value: $0.element) }
                }
                let stored = StoredEmployeeRecords(
                    pegawai: records.pegawai, pendidikan: numbered(records.pendidikan), diklat: numbered(records.diklat),
                    skp: numbered(records.skp), disiplin: numbered(records.disiplin))
                explain(index, stored, withIDs: false)
            }
        }
        entries.sort {
            if $0.pointsLost != $1.pointsLost { return $0.pointsLost > $1.pointsLost }
            if abs($0.gap) != abs($1.gap) { return abs($0.gap) > abs($1.gap) }
            let a = position[$0.pegawai.kodeUnit] ?? Int.max, b = position[$1.pegawai.kodeUnit] ?? Int.max
            return (a, $0.pegawai.nama, $0.pegawai.nip) < (b, $1.pegawai.nama, $1.pegawai.nip)
        }

        var totals: [String: UnitTotal] = [:]
        for entry in entries {
            let kodeUnit = entry.pegawai.kodeUnit
            var total =
                totals[kodeUnit]
                ?? UnitTotal(
                    unit: tree.unit(kodeUnit) ?? OrgUnit(kode: kodeUnit, nama: kodeUnit),
                    name: names[kodeUnit] ?? kodeUnit, employees: 0, differing: 0, pointsLost: 0, bknTotal: 0,
                    ipasnTotal: 0)
            total.employees += 1
            if !entry.differences.isEmpty { total.differing += 1 }
            total.pointsLost += entry.pointsLost
            total.bknTotal += entry.bkn.total
            total.ipasnTotal += entry.ipasn.total
            totals[kodeUnit] = total
        }
        let units = totals.values.sorted {
            if $0.pointsLost != $1.pointsLost { return $0.pointsLost > $1.pointsLost }
            if $0.meanRise != $1.meanRise { return $0.meanRise > $1.meanRise }
            return (position[$0.unit.kode] ?? Int.max) < (position[$1.unit.kode] ?? Int.max)
        }
        var missing = scored.map(\.pegawai).filter { !inFile.contains($0.nip) }
        missing.sort {
            let a = position[$0.kodeUnit] ?? Int.max, b = position[$1.kodeUnit] ?? Int.max
            return (a, $0.nama, $0.nip) < (b, $1.nama, $1.nip)
        }
        return Reconciliation(
            year: year, unit: kode.flatMap { tree.unit($0) }, entries: entries, units: units,
            unknown: unknown.sorted { $0.line < $1.line }, inactive: inactive, notInFile: missing,
            outsideUnit: outside)
    }

    /// The entries of one unit (its own employees), ranked.
    public func entries(ofUnit kode: String) -> [Entry] { entries.filter { $0.pegawai.kodeUnit == kode } }
}
