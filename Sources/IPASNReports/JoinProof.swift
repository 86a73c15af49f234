import Foundation
import IPASNCore
import IPASNStore

/// The proof of a join (`ipasn migrate --to TARGET --join`), through the `Store` protocol on
/// both engines: the joining file's units read the same in the target as in the file (every
/// employee with its records, every cached year's scores and unit figures, the pending
/// counts, the verifikator's queue, the accounts, the progress marks, the audit log), the ids
/// moved by the join (``UsedIDs``) taken into account; and the target's other instansi read
/// after the join as they did before it (their units, scores, unit figures, pending counts).
///
/// ```swift
/// let proof = try JoinProof(before: target, years: years)
/// let result = try DatabaseJoin.join(source: file, into: target, login: login)
/// let problems = try proof.differences(source: file, target: target, used: result.used)
/// ```
public struct JoinProof {
    /// The years compared.
    public let years: [Int]
    private let units: [OrgUnit]
    private let figures: [Int: [UnitFigure]]
    private let scores: [Int: [ScoredPegawai]]
    private let pending: [String]

    /// What the target holds before the join.
    public init(before target: some Store, years: [Int]) throws {
        self.years = years
        units = try target.units()
        (figures, scores) = try StoreComparison.figuresAndScores(target, years: years)
        pending = try target.pendingCounts().map(Self.key)
    }

    /// One English sentence per difference (at most 50); empty when the proof holds.
    public func differences(source: some Store, target: some Store, used: UsedIDs) throws -> [String] {
        var found: [String] = []
        func differ(_ what: String) { if found.count < 50 { found.append(what) } }
        let mine = Set(units.map(\.kode))
        let theirs = try source.units()
        let joined = Set(theirs.map(\.kode))
        let after = try target.units()
        if after.filter({ mine.contains($0.kode) }) != units { differ("The target's own units changed.") }
        if after.filter({ joined.contains($0.kode) }) != theirs { differ("The joined units differ from the file's.") }
        let pendingAfter = try target.pendingCounts()
        if pendingAfter.filter({ mine.contains($0.unit) }).map(Self.key) != pending { differ("The target's own pending counts changed.") }
        if pendingAfter.filter({ joined.contains($0.unit) }).map(Self.key) != (try source.pendingCounts().map(Self.key)) {
            differ("The joined units' pending counts differ from the file's.")
        }
        for year in years {
            let figuresAfter = try target.unitFigures(year: year)
            if !Self.same(figuresAfter.filter { mine.contains($0.unit.kode) }, figures[year] ?? []) {
                differ("The target's own \(year) unit figures changed.")
            }
            if !Self.same(figuresAfter.filter { joined.contains($0.unit.kode) }, try source.unitFigures(year: year)) {
                differ("The joined units' \(year) figures differ from the file's.")
            }
            let scoresAfter = try target.scores(year: year, unit: nil)
            if Set(scoresAfter.filter { mine.contains($0.pegawai.kodeUnit) }) != Set(scores[year] ?? []) {
                differ("The target's own \(year) scores changed.")
            }
            if Set(scoresAfter.filter { joined.contains($0.pegawai.kodeUnit) }) != Set(try source.scores(year: year, unit: nil)) {
                differ("The joined employees' \(year) scores differ from the file's.")
            }
        }
        let roots = theirs.filter { unit in unit.induk == nil || !joined.contains(unit.induk!) }
        for root in roots {
            for pegawai in try source.pegawai(inUnit: root.kode, includeSubunits: true) {
                if try target.pegawai(nip: pegawai.nip) != pegawai { differ("Employee \(pegawai.nip) differs.") }
                if try source.records(nip: pegawai.nip).map({ Self.moved($0, used) }) != target.records(nip: pegawai.nip) {
                    differ("The records of employee \(pegawai.nip) differ.")
                }
            }
            for status in VerificationStatus.allCases {
                let file = try source.verificationQueue(unit: root.kode, status: status, limit: 1_000_000).map { Self.key($0, moved: used.records) }
                let there = try target.verificationQueue(unit: root.kode, status: status, limit: 1_000_000).map { Self.key($0, moved: 0) }
                if file != there { differ("The verification queue (\(status.rawValue)) of \(root.kode) differs from the file's.") }
            }
        }
        let accounts = try target.accounts()
        for account in try source.accounts() where !accounts.contains(account) { differ("Account \(account.login) differs.") }
        let marks = Set(try target.progressMarks().map(StoreComparison.normalized))
        if !Set(try source.progressMarks().map(StoreComparison.normalized)).isSubset(of: marks) {
            differ("The progress marks differ.")
        }
        let limit = StoreComparison.auditEntriesCompared
        let log = try source.auditLog(limit: limit).map { StoreComparison.normalized(Self.moved($0, used)) }
        if log != (try target.auditLog(limit: log.count).map(StoreComparison.normalized)) {
            differ("The audit log differs from the file's.")
        }
        return found
    }

    private static func key(_ count: PendingCount) -> String {
        "\(count.unit) \(count.kind.rawValue) \(count.count) \(count.oldestEntered.map { StoreComparison.millisecond($0).timeIntervalSince1970 } ?? -1)"
    }

    private static func key(_ item: VerificationItem, moved: Int64) -> String {
        "\(item.id.kind.rawValue) \(item.id.id + moved) \(item.pegawai.nip) \(item.verification.status.rawValue) \(item.verification.by ?? "")"
    }

    private static func same(_ a: [UnitFigure], _ b: [UnitFigure]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { StoreComparison.same($0, $1) }
    }

    /// The file's records as the join stored them: ids moved above the target's.
    static func moved(_ records: StoredEmployeeRecords, _ used: UsedIDs) -> StoredEmployeeRecords {
        var records = records
        func move<T>(_ list: [StoredRecord<T>]) -> [StoredRecord<T>] { list.map { StoredRecord(id: $0.id + used.records, value: $0.value) } }
        records.pendidikan = move(records.pendidikan)
        records.diklat = move(records.diklat)
        records.skp = move(records.skp)
        records.disiplin = move(records.disiplin)
        return records
    }

    /// The file's audit entry as the join stored it.
    static func moved(_ entry: AuditEntry, _ used: UsedIDs) -> AuditEntry {
        var entry = entry
        entry.id += used.audit
        entry.undoes = entry.undoes.map { $0 + used.audit }
        entry.batch = entry.batch.map { $0 + used.batches }
        if case .record(let id) = entry.subject { entry.subject = .record(RecordID(kind: id.kind, id: id.id + used.records)) }
        func move(_ value: AuditValue) -> AuditValue {
            switch value {
            case .importSummary(var summary):
                summary.ids = summary.ids.map { ImportedIDs(kind: $0.kind, first: $0.first + used.records, last: $0.last + used.records) }
                return .importSummary(summary)
            case .records(let list): return .records(list.map { StoredRecord(id: $0.id + used.records, value: $0.value) })
            default: return value
            }
        }
        entry.old = entry.old.map(move)
        entry.new = entry.new.map(move)
        return entry
    }
}
