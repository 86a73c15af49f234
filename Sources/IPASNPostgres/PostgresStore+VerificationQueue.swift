import Foundation
import IPASNCore
import IPASNStore

/// The verifikator's queue, newest first (``VerificationQueueStore``; `docs/store.md`, "The
/// verifikator's queue, newest first"), on the touches the `audit` trigger keeps
/// (`record_touch`, `touch_ranges`: migration `2026-11-30-pgqueue`), as SQLite's
/// `SQLiteStore+Queue.swift` reads its own. Four round trips in one read-only snapshot:
/// 0. the kept waiting counts of the unit (``QueueWaiting``: migration `2026-11-30-pgqueue2`)
///    and each kind's import ranges;
/// 1. per kind: the newest own touches through `record_touch_at` (or `record_touch_actor`),
///    their count when narrowed, and with a unit read newest first over several ranges the
///    ids its records lie between (``QueueSQL/window(_:join:)``);
/// 2. per range (newest first) inside that window: the newest waiting ids it holds that no own
///    touch or newer range claims (and their count when narrowed); then the newest waiting ids
///    no touch is known for, the gaps between the ranges (``QueueSQL/untouchedIDs``);
/// 3. the page's records with their employees and verification, one statement per kind.
extension PostgresStore {
    /// A record that may be on the page, with its touch.
    private struct QueueCandidate {
        var id: RecordID
        var at: Date?
        var actor: String?
    }

    /// An import's id range and its touch.
    private struct QueueRange {
        var first: Int64
        var last: Int64
        var at: Date
        var actor: String
    }

    public func verificationQueue(_ filter: QueueFilter, limit: Int) throws -> QueuePage {
        let limit = max(0, limit)
        return try read { db in
            let cte = filter.unit == nil ? "" : Self.subunitsCTE
            let hasUnit = filter.unit != nil
            let unitArgs: [(any PGBindable)?] = filter.unit.map { [$0] } ?? []
            let narrowed = filter.since != nil || filter.touchedBy != nil
            let kinds = filter.kind.map { [$0] } ?? RecordKind.allCases

            func rows(_ result: PGResult) -> [PGRow] { (0..<result.count).map { PGRow(result: result, index: $0) } }
            func perKind(_ result: PGResult) -> [RecordKind: Int] {
                var counts: [RecordKind: Int] = [:]
                for row in rows(result) {
                    let kindText: String = row[0]
                    if let kind = RecordKind(rawValue: kindText) { counts[kind] = row[1] }
                }
                return counts
            }

            // 0. The header's counts, kept per unit and kind (``QueueWaiting``, `2026-11-30-pgqueue2`),
            //    and with a unit the counts everywhere: how each kind is read (``QueuePlan``); each
            //    kind's import ranges.
            var counts: [(sql: String, arguments: PGArguments)] = [
                (QueueWaiting.countsSQL(subunits: hasUnit ? Self.subunitsCTE : nil), PGArguments(unitArgs))
            ]
            if hasUnit { counts.append((QueueWaiting.countsSQL(subunits: nil), [])) }
            for kind in kinds { counts.append((QueueSQL.ranges, [kind.rawValue])) }
            var keptResults = try db.pipelined(counts)[...]
            let kept = perKind(keptResults.removeFirst())
            let plan = hasUnit
                ? QueuePlan(unit: kept, all: perKind(keptResults.removeFirst()), need: QueuePlan.need(limit: limit, narrowed: narrowed))
                : QueuePlan()
            var ranges: [RecordKind: [QueueRange]] = [:]
            for kind in kinds {
                ranges[kind] = rows(keptResults.removeFirst()).map { QueueRange(first: $0[0], last: $0[1], at: $0[2], actor: $0[3]) }
            }

            // 1. Own touches (and their count when narrowed); with a unit read newest first over
            //    several ranges, the ids its records lie between (``QueueSQL/window(_:join:)``).
            var first: [(sql: String, arguments: PGArguments)] = []
            var windowed: [RecordKind] = []
            for kind in kinds {
                var ownArgs = unitArgs
                if let since = filter.since { ownArgs.append(since) }
                if let by = filter.touchedBy { ownArgs.append(by) }
                let join = plan.join(kind, .postgresql)
                let ownFrom = QueueSQL.ownTouches(kind, unit: hasUnit, since: filter.since != nil, by: filter.touchedBy != nil, join: join)
                if narrowed { first.append(("\(cte) \(QueueSQL.cappedCount(ownFrom))", PGArguments(ownArgs))) }
                first.append((
                    "\(cte) SELECT t.record_id, t.at, t.actor \(ownFrom) ORDER BY t.at DESC, t.record_id DESC LIMIT ?",
                    PGArguments(ownArgs + [limit])
                ))
                if plan.window(kind, ranges: ranges[kind]?.count ?? 0) {
                    first.append(("\(cte) \(QueueSQL.window(kind, join: join))", PGArguments(unitArgs)))
                    windowed.append(kind)
                }
            }
            var results = try db.pipelined(first)[...]
            func next() -> PGResult { results.removeFirst() }

            let figures = QueueWaiting.figures(kept, kinds: kinds)
            let total = figures.total
            var matching = narrowed ? 0 : figures.matching
            var found: [QueueCandidate] = []
            var windows: [RecordKind: ClosedRange<Int64>] = [:]
            var empty: Set<RecordKind> = []
            for kind in kinds {
                if narrowed { matching += Int(next().text(0, 0) ?? "") ?? 0 }
                for row in rows(next()) {
                    found.append(QueueCandidate(id: RecordID(kind: kind, id: row[0]), at: row[1], actor: row[2]))
                }
                if windowed.contains(kind) {
                    let result = next()
                    if let lo = Int64(result.text(0, 0) ?? ""), let hi = Int64(result.text(0, 1) ?? "") { windows[kind] = lo...hi } else { empty.insert(kind) }
                }
            }

            // 2. The records whose touch is the import that wrote them, then those without a known touch.
            var second: [(sql: String, arguments: PGArguments)] = []
            var decoders: [(kind: RecordKind, range: QueueRange?, isCount: Bool)] = []
            for kind in kinds where !empty.contains(kind) {
                let join = plan.join(kind, .postgresql)
                var newer: [(first: Int64, last: Int64)] = []
                for range in ranges[kind] ?? [] {
                    defer { newer.append((range.first, range.last)) }
                    if let since = filter.since, range.at < since { break }  // older ranges are older still
                    if let by = filter.touchedBy, range.actor != by { continue }
                    guard let from = QueueSQL.inRange(
                        kind, unit: hasUnit, first: range.first, last: range.last, newer: newer, join: join, window: windows[kind])
                    else { continue }
                    if narrowed {
                        second.append(("\(cte) \(QueueSQL.cappedCount(from))", PGArguments(unitArgs)))
                        decoders.append((kind, range, true))
                    }
                    second.append(("\(cte) SELECT r.id \(from) ORDER BY r.id DESC LIMIT ?", PGArguments(unitArgs + [limit])))
                    decoders.append((kind, range, false))
                }
                if !narrowed, let untouched = QueueSQL.untouchedIDs(
                    kind, unit: hasUnit, ranges: newer, join: join, window: windows[kind], limit: limit)
                {
                    second.append(("\(cte) \(untouched)", PGArguments(unitArgs)))
                    decoders.append((kind, nil, false))
                }
            }
            if !second.isEmpty {
                for (decoder, result) in zip(decoders, try db.pipelined(second)) {
                    if decoder.isCount {
                        matching += Int(result.text(0, 0) ?? "") ?? 0
                        continue
                    }
                    for row in rows(result) {
                        found.append(QueueCandidate(id: RecordID(kind: decoder.kind, id: row[0]), at: decoder.range?.at, actor: decoder.range?.actor))
                    }
                }
            }

            // The queue's order (``QueueFromAudit/newestFirst(_:_:)``) on the candidates; only the page is read whole.
            let order = Dictionary(uniqueKeysWithValues: RecordKind.allCases.enumerated().map { ($1, $0) })
            found.sort { a, b in
                if a.at != b.at { return (a.at ?? .distantPast) > (b.at ?? .distantPast) }
                if a.id.kind != b.id.kind { return order[a.id.kind]! < order[b.id.kind]! }
                return a.id.id > b.id.id
            }
            let page = Array(found.prefix(limit))
            let items = try queueItems(page.map(\.id), db)
            let entries = page.compactMap { candidate in
                items[candidate.id].map { QueueEntry(item: $0, touchedAt: candidate.at, touchedBy: candidate.actor) }
            }
            let counted = QueuePage.matching(matching, narrowed: narrowed)
            return QueuePage(entries: entries, matching: counted.matching, total: total, moreMatching: counted.more)
        }
    }

    /// The records `ids` with their employees and verification, one statement per kind in one
    /// round trip (a record gone meanwhile is left out).
    private func queueItems(_ ids: [RecordID], _ db: PGConnection) throws -> [RecordID: VerificationItem] {
        let byKind = Dictionary(grouping: ids, by: \.kind)
        let kinds = RecordKind.allCases.filter { byKind[$0] != nil }
        guard !kinds.isEmpty else { return [:] }
        let person = Self.pegawaiColumns.split(separator: ",").map { "p." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        let statements: [(sql: String, arguments: PGArguments)] = kinds.map { kind in
            let columns = (["id"] + PGRecordRows.columns(kind)).map { "r." + $0 }.joined(separator: ", ")
            let list = "{" + (byKind[kind] ?? []).map { String($0.id) }.joined(separator: ",") + "}"
            return (
                """
                SELECT \(columns), \(person), \(Self.verificationColumns)
                FROM \(PGRecordRows.table(kind)) r JOIN pegawai p ON p.nip = r.nip
                LEFT JOIN verification v ON v.kind = '\(kind.rawValue)' AND v.record_id = r.id
                WHERE r.id = ANY(?::bigint[])
                """, [list]
            )
        }
        var items: [RecordID: VerificationItem] = [:]
        for (kind, result) in zip(kinds, try db.pipelined(statements)) {
            let personAt = 1 + PGRecordRows.columns(kind).count
            let verificationAt = personAt + Self.pegawaiColumnCount
            for index in 0..<result.count {
                let row = PGRow(result: result, index: index)
                let id = RecordID(kind: kind, id: row[0])
                let verification = row.text(verificationAt) == nil ? .unverified : try Self.verification(row, offset: verificationAt)
                items[id] = VerificationItem(
                    id: id, record: try PGRecordRows.decode(kind, row), pegawai: try Self.pegawai(row, offset: personAt),
                    verification: verification)
            }
        }
        return items
    }
}
