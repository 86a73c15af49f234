/// Which SKP SIASN takes (docs/ipasn-rules.md section 5: SIASN's SKP shape starts at 2022 and
/// carries a PermenPANRB 6/2022 predikat as kuadranKinerjaNilai). THE rule every place uses:
/// the stores' pending condition (SQLite `SQLiteStore.pendingCondition`, the triggers of
/// `unit_pending_counts`, the `skp_pending` partial index, PostgreSQL's the same), the bulk
/// import's per-unit pending rows (``isPending(_:)`` per imported record), the export and the
/// screens that say why an SKP is not sent.
///
/// - An SKP **before 2022** is not needed in SIASN: it is never pending (it still counts for
///   the index years it belongs to, and is still verified like any data of the index).
/// - An SKP **from 2022 on** is pending until sent; one with a PP 46/2011-only predikat
///   (``Predikat/cukup``, ``Predikat/buruk``) or only a PP 46/2011 number cannot be carried by
///   SIASN's shape: it stays pending with ``SKPSiasnStatus/needsPredikat(_:)`` as the reason,
///   naming the PermenPANRB 6/2022 predikat to choose.
public enum SKPSiasn {
    /// The first SKP year SIASN takes.
    public static let firstYear = 2022

    /// Whether an SKP of `tahun` is ever sent to SIASN.
    public static func sentToSIASN(tahun: Int) -> Bool { tahun >= firstYear }

    /// The predikat of PermenPANRB 6/2022 SIASN's kuadranKinerjaNilai holds.
    public static let siasnPredikat: [Predikat] = [.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang]

    /// What SIASN makes of `skp`.
    public static func status(_ skp: SKP) -> SKPSiasnStatus {
        guard sentToSIASN(tahun: skp.tahun) else { return .notForSIASN }
        if let predikat = skp.predikat, siasnPredikat.contains(predikat) { return .carried }
        return .needsPredikat(suggestion(skp))
    }

    /// The PermenPANRB 6/2022 predikat that scores as the SKP's PP 46/2011 one (rules section
    /// 2: Cukup and Butuh Perbaikan 15 points, Buruk and Sangat Kurang 1), nil for an SKP
    /// given only as a number (its predikat depends on the ruleset). Only a hint for the
    /// message: the admin chooses.
    static func suggestion(_ skp: SKP) -> Predikat? {
        switch skp.predikat {
        case .cukup: return .butuhPerbaikan
        case .buruk: return .sangatKurang
        default: return nil
        }
    }

    /// Whether a record is pending when it is stored unsent (an import inserts every row
    /// unsent): every record but an SKP before 2022. The bulk import counts its per-unit
    /// pending rows with this (SQLite `BulkImportTriggers.pendingRows`).
    public static func isPending(_ record: Record) -> Bool {
        if case .skp(let s) = record { return sentToSIASN(tahun: s.tahun) }
        return true
    }
}

/// What SIASN makes of one SKP (``SKPSiasn/status(_:)``).
public enum SKPSiasnStatus: Hashable, Sendable {
    /// From 2022 on with a PermenPANRB 6/2022 predikat: exported and sent as any record.
    case carried
    /// Before 2022: never sent, never pending.
    case notForSIASN
    /// From 2022 on without a PermenPANRB 6/2022 predikat: pending, the export cannot carry
    /// it until the admin chooses one (the suggestion scores the same, when there is one).
    case needsPredikat(Predikat?)
}
