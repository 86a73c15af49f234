import Foundation
import IPASNCore
import IPASNStore

/// The proof of unit renames (`ipasn units rename`, and the renamed copy of a joining file,
/// `ipasn migrate --join --rename`), through the `Store` protocol: after the renames every
/// unit, unit figure of every compared year, employee score, pending count, account and
/// progress mark reads as before with each old code read as its new one.
///
/// ```swift
/// let proof = try UnitRenameProof(before: store, years: [2024])
/// try store.renameUnit("DISDIK", to: "KOTA-DISDIK")
/// let problems = try proof.differences(after: store, renames: ["DISDIK": "KOTA-DISDIK"])
/// ```
public struct UnitRenameProof {
    public let years: [Int]
    private let units: [OrgUnit]
    private let figures: [Int: [UnitFigure]]
    private let scores: [Int: [ScoredPegawai]]
    private let pending: [PendingCount]
    private let accounts: [Account]
    private let marks: [ProgressMark]

    /// What `store` holds before the renames.
    public init(before store: some Store, years: [Int]) throws {
        self.years = years
        units = try store.units()
        (figures, scores) = try StoreComparison.figuresAndScores(store, years: years)
        pending = try store.pendingCounts()
        accounts = try store.accounts()
        marks = try store.progressMarks()
    }

    /// One English sentence per difference; empty when every figure reads the same under the new codes.
    public func differences(after store: some Store, renames: [String: String]) throws -> [String] {
        func code(_ kode: String) -> String { renames[kode] ?? kode }
        func unit(_ u: OrgUnit) -> OrgUnit { OrgUnit(kode: code(u.kode), nama: u.nama, induk: u.induk.map(code)) }
        var found: [String] = []
        if Set(try store.units()) != Set(units.map(unit)) { found.append("The units differ.") }
        for year in years {
            let after = Dictionary(try store.unitFigures(year: year).map { ($0.unit.kode, $0) }, uniquingKeysWith: { a, _ in a })
            let expected = (figures[year] ?? []).map { figure -> UnitFigure in
                var figure = figure
                figure.unit = unit(figure.unit)
                return figure
            }
            let same = expected.allSatisfy { figure in after[figure.unit.kode].map { StoreComparison.same(figure, $0) } ?? false }
            if after.count != expected.count || !same {
                found.append("The \(year) unit figures differ.")
            }
            let moved = (scores[year] ?? []).map { scored -> ScoredPegawai in
                var scored = scored
                scored.pegawai.kodeUnit = code(scored.pegawai.kodeUnit)
                return scored
            }
            if Set(try store.scores(year: year, unit: nil)) != Set(moved) { found.append("The \(year) scores differ.") }
        }
        let pendingMoved = pending.map { PendingCount(unit: code($0.unit), kind: $0.kind, count: $0.count, oldestEntered: $0.oldestEntered) }
        if Set(try store.pendingCounts().map(Self.key)) != Set(pendingMoved.map(Self.key)) { found.append("The pending counts differ.") }
        let accountsMoved = accounts.map { Account(login: $0.login, role: $0.role, units: $0.units.map(code)) }
        if Set(try store.accounts().map(Self.key)) != Set(accountsMoved.map(Self.key)) { found.append("The accounts' units differ.") }
        let marksMoved = marks.map { StoreComparison.normalized(ProgressMark(unit: code($0.unit), dimension: $0.dimension, done: $0.done, by: $0.by, at: $0.at)) }
        if Set(try store.progressMarks().map(StoreComparison.normalized)) != Set(marksMoved) { found.append("The progress marks differ.") }
        return found
    }

    private static func key(_ count: PendingCount) -> String {
        "\(count.unit) \(count.kind.rawValue) \(count.count) \(count.oldestEntered.map { StoreComparison.millisecond($0).timeIntervalSince1970 } ?? -1)"
    }

    private static func key(_ account: Account) -> String { "\(account.login) \(account.role.rawValue) \(account.units.sorted())" }
}
