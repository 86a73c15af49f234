import Foundation
import GRDB
import IPASNCore

/// The verifikator's queue, newest first (``VerificationQueueStore``; `docs/store.md`, "The
/// verifikator's queue, newest first"), on the touches the `audit` trigger keeps
/// (`record_touch`, `touch_ranges`: migration `2026-11-30-queue`), its header from the kept
/// waiting counts (``QueueWaiting``: migration `2026-11-30-pgqueue2`). With `since` or `by`,
/// `matching` is still counted from the rows (own touches, then each import range).
extension SQLiteStore {
    public func verificationQueue(_ filter: QueueFilter, limit: Int) throws -> QueuePage {
        let hasTouches = try read { db in try db.tableExists("record_touch") }
        // A file opened for reading that predates the migration: the audit log itself.
        guard hasTouches else { return try QueueFromAudit.page(self, filter: filter, limit: limit) }
        return try read { db in
            let cte = filter.unit == nil ? "" : Self.subunitsCTE
            let hasUnit = filter.unit != nil
            let unitArgs: [(any DatabaseValueConvertible)?] = filter.unit.map { [$0] } ?? []
            let narrowed = filter.since != nil || filter.touchedBy != nil
            let kinds = filter.kind.map { [$0] } ?? RecordKind.allCases
            // The header's counts: kept per unit and kind (``QueueWaiting``, migration
            // `2026-11-30-pgqueue2`), counted only in a file opened for reading that predates it.
            let kept = try db.tableExists(QueueWaiting.table) ? try sqlQueueWaiting(unit: filter.unit, SQLiteConnection(db)) : nil
            // With a unit, how each kind is read (``QueuePlan``): from the kept counts everywhere.
            let plan = try kept.map { unitCounts in
                hasUnit
                    ? QueuePlan(
                        unit: unitCounts, all: try sqlQueueWaiting(unit: nil, SQLiteConnection(db)),
                        need: QueuePlan.need(limit: limit, narrowed: narrowed))
                    : QueuePlan()
            } ?? QueuePlan()
            var found: [(id: RecordID, at: Date?, actor: String?)] = []
            var total = 0
            var matching = 0
            for kind in RecordKind.allCases {
                let waiting = QueueSQL.waiting(kind, unit: hasUnit)
                let kindTotal = try kept.map { $0[kind] ?? 0 }
                    ?? Int.fetchOne(db, sql: "\(cte) SELECT COUNT(*) \(waiting)", arguments: StatementArguments(unitArgs)) ?? 0
                total += kindTotal
                guard kinds.contains(kind) else { continue }
                if !narrowed { matching += kindTotal }
                // 1. Records with their own touch, newest first (record_touch_at / record_touch_actor).
                var ownArgs: [(any DatabaseValueConvertible)?] = unitArgs
                if let since = filter.since { ownArgs.append(since) }
                if let by = filter.touchedBy { ownArgs.append(by) }
                let join = plan.join(kind, .sqlite)
                let ownFrom = QueueSQL.ownTouches(
                    kind, unit: hasUnit, since: filter.since != nil, by: filter.touchedBy != nil, join: join)
                if narrowed && matching <= QueuePage.matchingCap {
                    matching += try Int.fetchOne(db, sql: "\(cte) \(QueueSQL.cappedCount(ownFrom))", arguments: StatementArguments(ownArgs)) ?? 0
                }
                for row in try Row.fetchAll(
                    db, sql: "\(cte) SELECT t.record_id, t.at, t.actor \(ownFrom) ORDER BY t.at DESC, t.record_id DESC LIMIT ?",
                    arguments: StatementArguments(ownArgs + [limit]))
                {
                    found.append((RecordID(kind: kind, id: row[0]), row[1], row[2]))
                }
                // 2. Records whose touch is the import that wrote them (no own touch, no newer
                //    range); with a unit read newest first over several ranges, only inside the
                //    ids its records lie between (``QueueSQL/window(_:join:)``).
                let ranges = try Row.fetchAll(db, sql: QueueSQL.ranges, arguments: [kind.rawValue])
                var window: ClosedRange<Int64>? = nil
                if plan.window(kind, ranges: ranges.count) {
                    let bounds = try Row.fetchOne(db, sql: "\(cte) \(QueueSQL.window(kind, join: join))", arguments: StatementArguments(unitArgs))
                    guard let lo: Int64 = bounds?[0], let hi: Int64 = bounds?[1] else { continue }  // none of the unit's records
                    window = lo...hi
                }
                var newer: [(first: Int64, last: Int64)] = []
                for range in ranges {
                    let first: Int64 = range[0]
                    let last: Int64 = range[1]
                    let at: Date = range[2]
                    let actor: String = range[3]
                    defer { newer.append((first, last)) }
                    if let since = filter.since, at < since { break }  // older ranges are older still
                    if let by = filter.touchedBy, actor != by { continue }
                    guard let rangeFrom = QueueSQL.inRange(kind, unit: hasUnit, first: first, last: last, newer: newer, join: join, window: window)
                    else { continue }
                    if narrowed && matching <= QueuePage.matchingCap {
                        matching += try Int.fetchOne(db, sql: "\(cte) \(QueueSQL.cappedCount(rangeFrom))", arguments: StatementArguments(unitArgs)) ?? 0
                    }
                    for id in try Int64.fetchAll(
                        db, sql: "\(cte) SELECT r.id \(rangeFrom) ORDER BY r.id DESC LIMIT ?", arguments: StatementArguments(unitArgs + [limit]))
                    {
                        found.append((RecordID(kind: kind, id: id), at, actor))
                    }
                }
                // 3. Records without a known touch (entered before the audit log held them), last:
                //    the gaps between the ranges (``QueueSQL/untouchedIDs``).
                if !narrowed && found.count < limit,
                    let untouched = QueueSQL.untouchedIDs(kind, unit: hasUnit, ranges: newer, join: join, window: window, limit: limit)
                {
                    for id in try Int64.fetchAll(db, sql: "\(cte) \(untouched)", arguments: StatementArguments(unitArgs)) {
                        found.append((RecordID(kind: kind, id: id), nil, nil))
                    }
                }
            }
            // The queue's order (``QueueFromAudit/newestFirst(_:_:)``) on the candidates, then only the page is read whole.
            let order = Dictionary(uniqueKeysWithValues: RecordKind.allCases.enumerated().map { ($1, $0) })
            found.sort { a, b in
                if a.at != b.at { return (a.at ?? .distantPast) > (b.at ?? .distantPast) }
                if a.id.kind != b.id.kind { return order[a.id.kind]! < order[b.id.kind]! }
                return a.id.id > b.id.id
            }
            var entries: [QueueEntry] = []
            for candidate in found.prefix(max(0, limit)) {
                guard let item = try item(candidate.id, db) else { continue }
                entries.append(QueueEntry(item: item, touchedAt: candidate.at, touchedBy: candidate.actor))
            }
            let counted = QueuePage.matching(matching, narrowed: narrowed)
            return QueuePage(entries: entries, matching: counted.matching, total: total, moreMatching: counted.more)
        }
    }
}
