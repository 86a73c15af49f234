import IPASNCore

/// Which pending rule a piece of schema SQL is made for, and THE pending test itself, written
/// once for both engines (each passes its NULL-safe "not equal", ``SQLDialect/distinctFrom``).
/// A record is pending while no SIASN batch holds its current version (`sent_no` differs from
/// `change_no`); from `2026-11-30-skp2022` on, an SKP before ``SKPSiasn/firstYear`` is never
/// pending, because SIASN does not take it. Migrations written before that rule keep building
/// their SQL with ``tracking`` so that an upgrade replays them exactly as they ran.
public enum PendingRule: Sendable {
    /// `2026-11-30-recompute2` as it was written: every unsent record is pending.
    case tracking
    /// From `2026-11-30-skp2022` on (the rule in force).
    case skp2022

    /// The pending test for a row alias (`new`, `old`, `r`); an empty alias gives the bare
    /// columns (a partial index's `WHERE`).
    public func condition(_ r: String, _ kind: RecordKind, distinctFrom: String) -> String {
        let p = r.isEmpty ? "" : "\(r)."
        let unsent = "\(p)sent_no \(distinctFrom) \(p)change_no"
        guard self == .skp2022, kind == .skp else { return unsent }
        return "\(unsent) AND \(p)tahun >= \(SKPSiasn.firstYear)"
    }

    /// ``condition(_:_:distinctFrom:)`` of `record` just inserted (`sent_no` NULL, `change_no`
    /// 0: unsent): what the insert triggers count (a PostgreSQL first load counts it itself).
    public func pendingWhenInserted(_ record: IPASNCore.Record) -> Bool {
        guard self == .skp2022, case .skp(let skp) = record else { return true }
        return skp.tahun >= SKPSiasn.firstYear
    }
}
