import Foundation
import IPASNCore
import IPASNStore

/// "Since when" a verifikator narrows the queue to.
public enum QueueSince: String, CaseIterable, Sendable {
    /// Everything waiting.
    case all
    /// Entered or changed since the start of yesterday ("sejak kemarin": what came in since
    /// the last working day's visit).
    case yesterday
    /// Entered or changed today.
    case today

    /// The next choice of the `s` key: all, since yesterday, today, all again.
    public var next: QueueSince {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The first moment counted: the start of the day in `timeZone` (nil: no bound).
    public func moment(now: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        switch self {
        case .all: return nil
        case .today: return today
        case .yesterday: return calendar.date(byAdding: .day, value: -1, to: today)
        }
    }
}

/// The verifikator's queue as both front ends show it: what is waiting in a unit, newest
/// first (what came in today on top, not under last month's), narrowed by unit, kind, since
/// when and who entered it, with the counts "shown of matching of waiting".
public struct VerificationQueue: Hashable, Sendable {
    /// The unit the queue was opened on (nil: every unit).
    public var scope: String?
    /// A sub-unit to narrow to (its own sub-units included); nil: the whole scope.
    public var unit: String?
    public var kind: RecordKind?
    public var since: QueueSince
    /// A day to count from instead of ``since`` (the command line's `--since DAY`).
    public var sinceDay: LocalDate?
    /// Only what this login entered or changed last.
    public var by: String?

    public init(scope: String?, unit: String? = nil, kind: RecordKind? = nil, since: QueueSince = .all, by: String? = nil) {
        self.scope = scope
        self.unit = unit
        self.kind = kind
        self.since = since
        self.by = by
    }

    /// Whether any filter narrows the queue.
    public var isFiltered: Bool { unit != nil || kind != nil || since != .all || sinceDay != nil || by != nil }

    /// The next kind of the `j` key: every kind, then each kind in turn.
    public static func nextKind(after kind: RecordKind?) -> RecordKind? {
        guard let kind else { return RecordKind.allCases.first }
        let all = RecordKind.allCases
        let index = all.firstIndex(of: kind)! + 1
        return index < all.count ? all[index] : nil
    }

    /// The store's filter, with "since" as of `now` in `timeZone`.
    public func filter(now: Date, timeZone: TimeZone) -> QueueFilter {
        let moment = sinceDay.map { PendingReport.start(of: $0, timeZone) } ?? since.moment(now: now, timeZone: timeZone)
        return QueueFilter(unit: unit ?? scope, kind: kind, since: moment, touchedBy: by)
    }

    /// The first `limit` records and the counts.
    public func page(_ store: some Store, now: Date, timeZone: TimeZone, limit: Int) throws -> QueuePage {
        try store.verificationQueue(filter(now: now, timeZone: timeZone), limit: limit)
    }
}

extension QueuePage {
    /// `matching` as a header shows it: the number, or "1.000+" ("1,000+" in English) when more
    /// records match a `since` or `by` filter than the store counts (``QueuePage/matchingCap``).
    public func matchingText(_ language: Language) -> String {
        guard moreMatching else { return String(matching) }
        var digits = String(matching)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: language == .id ? "." : ",") + "+"
    }
}
