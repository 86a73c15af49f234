import Foundation
import IPASNCore
import IPASNStore

/// What is not yet sent to SIASN, per unit: the records pending by kind (new, or changed since
/// they were sent), the records sent and deleted since (SIASN still holds them), and when the
/// oldest pending record was first entered. Units in tree order with their depth, sub-units
/// folded into their parents (a parent's row counts its own and its sub-units' records); only
/// units with something to send or report. `ipasn report pending`, the dashboard's "Blm kirim"
/// column and the workstation's pending screen show it. The SKP sent to SIASN and then moved
/// before 2022 (``SKPSentChangeStore``) are never pending, but SIASN holds an old version of
/// them: they are counted per unit (``Row/skpHeldBySIASN``), listed (``skpHeldBySIASN``), and
/// ``rowsWithHeld`` adds the units whose only news is such an SKP (what the JSON, CSV and xlsx
/// listings print, so that they miss none).
public struct PendingReport: Sendable {
    public struct Row: Hashable, Sendable {
        public var unit: OrgUnit
        /// Depth below the report's top unit (0 for it, or for a root of the whole database).
        public var depth: Int
        /// Pending records per kind, sub-units included (absent kinds: none).
        public var counts: [RecordKind: Int]
        /// Sent, then deleted, deletions not yet reported, sub-units included.
        public var deletions: Int
        /// When the oldest pending record (sub-units included) was first entered.
        public var oldestEntered: Date?
        /// That moment's calendar day in the report's time zone.
        public var oldestDay: LocalDate?
        /// Pending SKP from 2022 on that cannot be sent until a PermenPANRB 6/2022 predikat is
        /// chosen (``SKPNeedingPredikat``), sub-units included.
        public var skpNeedingPredikat: Int = 0
        /// SKP sent to SIASN and then moved before 2022 (SIASN keeps the version it got; never
        /// pending), sub-units included, whatever `since` says.
        public var skpHeldBySIASN: Int = 0
        /// Records (and reported deletions) SIASN refused, refusals in force
        /// (``SIASNRefusalStore``), sub-units included, whatever `since` says; corrected ones
        /// included (they go with the next batch).
        public var siasnRefused: Int = 0

        public func count(_ kind: RecordKind) -> Int { counts[kind] ?? 0 }
        /// Every pending record of the row.
        public var total: Int { counts.values.reduce(0, +) }
    }

    /// The unit asked about, nil for the whole database.
    public let unit: OrgUnit?
    /// The first day asked about: only records entered, changed or deleted on or after it
    /// (nil: every pending record).
    public let since: LocalDate?
    /// The units with something to send (pending or deleted since sent).
    public let rows: [Row]
    /// ``rows`` plus the units whose only news is an SKP SIASN holds in an older version
    /// (``skpHeldBySIASN``), in tree order.
    public let rowsWithHeld: [Row]
    /// The deletions to report, of the unit's employees, by kind then id.
    public let deletions: [SentDeletion]
    /// The pending SKP from 2022 on of the scope's employees that SIASN cannot take until a
    /// PermenPANRB 6/2022 predikat is chosen, by NIP, year, id (``SKPSiasnStore``), whatever
    /// `since` says (they wait for the admin's choice, not for the export).
    public let skpNeedingPredikat: [SKPPredikatAdvice]
    /// The SKP before 2022 of the scope that SIASN holds in a version sent before they
    /// changed (``SKPSentChangeStore``): never pending, so "all sent" is not the whole truth.
    public let skpHeldBySIASN: [SKPHeldBySIASN]
    /// SIASN's refusals in force of the scope's employees (``SIASNRefusalStore``), by NIP.
    public let siasnRefusals: [SIASNRefusal]

    /// Pending records of the whole scope (the top rows' sum).
    public var total: Int { topRows.map(\.total).reduce(0, +) }
    /// Pending records of one kind in the whole scope.
    public func total(_ kind: RecordKind) -> Int { topRows.map { $0.count(kind) }.reduce(0, +) }
    /// The oldest first entry in the whole scope.
    public var oldestEntered: Date? { topRows.compactMap(\.oldestEntered).min() }
    private var topRows: [Row] { rows.filter { $0.depth == 0 } }

    /// Per unit, its OWN pending records (sub-units not folded): what the dashboard shows
    /// beside each unit's other direct figures. One cheap store call.
    public static func directTotals(store: any Store) throws -> [String: Int] {
        var totals: [String: Int] = [:]
        for count in try store.pendingCounts() { totals[count.unit, default: 0] += count.count }
        return totals
    }

    /// A moment's calendar day in a time zone.
    public static func day(_ moment: Date, _ timeZone: TimeZone) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The first moment of a calendar day in a time zone.
    public static func start(of day: LocalDate, _ timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// With `since`, only the pending records entered or changed on or after that day (in
    /// `timeZone`), and only the sent records deleted on or after it
    /// (``ChangeSinceStore``); the oldest first entry is still the first entry of the oldest
    /// of those records, which may be before the day.
    /// - Throws: ``ReportError/unknownUnit(_:)`` for a unit that does not exist.
    public static func compute(
        store: any Store, unit: String? = nil, since: LocalDate? = nil, timeZone: TimeZone = .current
    ) throws -> PendingReport {
        let units = try store.units()
        let tree = UnitTree(units)
        if let unit, !tree.contains(unit) { throw ReportError.unknownUnit(unit) }
        struct Figures {
            var counts: [RecordKind: Int] = [:]
            var deletions = 0
            var needing = 0
            var held = 0
            var refused = 0
            var oldest: Date?
        }
        var direct: [String: Figures] = [:]
        let moment = since.map { start(of: $0, timeZone) }
        for count in try moment.map({ try store.pendingCounts(changedSince: $0) }) ?? store.pendingCounts() {
            direct[count.unit, default: Figures()].counts[count.kind, default: 0] += count.count
            if let at = count.oldestEntered {
                direct[count.unit]!.oldest = min(direct[count.unit]!.oldest ?? at, at)
            }
        }
        let deletions =
            try moment.map { try store.sentDeletions(kind: nil, unit: unit, deletedSince: $0) }
            ?? store.sentDeletions(kind: nil, unit: unit)
        for deletion in deletions {
            if let kode = deletion.unit { direct[kode, default: Figures()].deletions += 1 }
        }
        // Listed whatever `since` says: they wait for the admin's choice, not for the export.
        let needing = try store.skpNeedingPredikat(unit: unit)
        for skp in needing { direct[skp.unit, default: Figures()].needing += 1 }
        let held = try store.skpHeldBySIASN(unit: unit)
        for skp in held { direct[skp.unit, default: Figures()].held += 1 }
        // SIASN's refusals, counted in their employee's unit (a refusal names the NIP).
        let refusals = try store.siasnRefusals(unit: unit)
        var unitOf: [String: String?] = [:]
        for refusal in refusals {
            if unitOf[refusal.nip] == nil { unitOf[refusal.nip] = try store.pegawai(nip: refusal.nip)?.kodeUnit }
            if let kode = unitOf[refusal.nip] ?? nil { direct[kode, default: Figures()].refused += 1 }
        }
        let folded = tree.fold(direct: direct, zero: Figures()) { sum, part in
            sum.counts.merge(part.counts, uniquingKeysWith: +)
            sum.deletions += part.deletions
            sum.needing += part.needing
            sum.held += part.held
            sum.refused += part.refused
            if let at = part.oldest { sum.oldest = min(sum.oldest ?? at, at) }
        }
        let topDepth = unit.flatMap(tree.depth(of:)) ?? 0
        let listed = folded.filter { entry in
            (unit.map { tree.isInSubtree(entry.unit.kode, of: $0) } ?? true)
                && (entry.value.counts.values.contains { $0 > 0 } || entry.value.deletions > 0 || entry.value.held > 0
                    || entry.value.refused > 0)
        }.map {
            Row(
                unit: $0.unit, depth: $0.depth - topDepth, counts: $0.value.counts, deletions: $0.value.deletions,
                oldestEntered: $0.value.oldest, oldestDay: $0.value.oldest.map { day($0, timeZone) },
                skpNeedingPredikat: $0.value.needing, skpHeldBySIASN: $0.value.held, siasnRefused: $0.value.refused)
        }
        return PendingReport(
            unit: unit.flatMap(tree.unit), since: since, rows: listed.filter { $0.total > 0 || $0.deletions > 0 },
            rowsWithHeld: listed, deletions: deletions, skpNeedingPredikat: needing.map(SKPPredikatAdvice.init),
            skpHeldBySIASN: held, siasnRefusals: refusals)
    }
}
