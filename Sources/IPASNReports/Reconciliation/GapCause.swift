import Foundation
import IPASNCore
import IPASNStore

/// When and in which export batch a record was sent to SIASN (from export tracking).
public struct SentRecordInfo: Hashable, Sendable {
    public var batch: Int64
    public var date: LocalDate

    public init(batch: Int64, date: LocalDate) {
        self.batch = batch
        self.date = date
    }
}

/// Looks up whether a record was sent to SIASN; nil when it was not, or when nobody knows.
public typealias SentInfoLookup = @Sendable (RecordID) -> SentRecordInfo?

/// One record that explains a gap between BKN's figure and ipasn's.
public struct GapRecord: Hashable, Sendable {
    /// The record's id in the store (nil when the records were read without ids: no
    /// ``SentInfoLookup`` was given).
    public var id: RecordID?
    public var record: Record
    public var sent: SentRecordInfo?

    public init(id: RecordID?, record: Record, sent: SentRecordInfo? = nil) {
        self.id = id
        self.record = record
        self.sent = sent
    }

    /// "S-2 2019", "diklat teknis 24 JP 2024", "SKP 2024 Sangat Baik", "hukuman disiplin ringan 2024",
    /// with "(batch 12, dikirim 03-03)" when it was sent.
    public func text(_ language: Language) -> String {
        let id = language == .id
        var text: String
        switch record {
        case .pendidikan(let p):
            text = p.tingkat.displayName + (p.tanggalLulus.map { " \($0.year)" } ?? "")
        case .diklat(let d):
            let jenis = d.jenis.nama.lowercased()
            let level = d.tingkat.map { " \($0.displayName)" } ?? ""
            text = (id ? "diklat \(jenis)" : "\(jenis) course") + level + " \(d.jp) JP \(d.tanggalSelesai.year)"
        case .skp(let s):
            text = "SKP \(s.tahun)" + (s.predikat.map { " \($0.displayName)" } ?? "")
                + (s.predikat == nil ? s.nilai.map { " (\(NumberText.decimal($0, language)))" } ?? "" : "")
        case .disiplin(let h):
            text = id
                ? "hukuman disiplin \(h.tingkat.rawValue) \(h.tmt.year)"
                : "\(h.tingkat.rawValue) punishment \(h.tmt.year)"
        }
        if let sent {
            let day = String(format: "%02d-%02d", sent.date.day, sent.date.month)
            text += id ? " (batch \(sent.batch), dikirim \(day))" : " (batch \(sent.batch), sent \(day))"
        }
        return text
    }
}

/// Why BKN's figure for one dimension differs from ipasn's, as data; ``text(_:)`` says it.
public enum GapCause: Hashable, Sendable {
    /// ipasn counts these records and BKN does not: without them ipasn's figure equals BKN's.
    /// When ipasn is higher they are missing from SIASN (or not counted there); when ipasn
    /// is lower they are in ipasn but not in SIASN (a punishment).
    case records([GapRecord], ipasnHigher: Bool)
    /// BKN counts more than ipasn and no ipasn record explains it: SIASN holds data ipasn lacks.
    case bknHasMore
    /// ipasn counts more than BKN and no set of ipasn's records explains the gap.
    case unexplained
}

/// What BKN's figure corresponds to (a level, a predikat), to name with a cause.
public enum GapHint: Hashable, Sendable {
    /// The education levels worth BKN's kualifikasi figure.
    case education([EducationLevel])
    /// The predikat worth BKN's kinerja figure, for the year.
    case predikat([Predikat], year: Int)

    public func text(_ language: Language) -> String {
        let id = language == .id
        switch self {
        case .education(let levels):
            let names = levels.map(\.displayName).joined(separator: "/")
            return id ? "BKN menghitung setara \(names)" : "BKN counts the equivalent of \(names)"
        case .predikat(let list, let year):
            let names = list.map(\.displayName).joined(separator: "/")
            return id ? "BKN menghitung SKP \(year) \(names)" : "BKN counts SKP \(year) \(names)"
        }
    }
}

extension Reconciliation {
    /// The export tracker's answer to "was this record sent to SIASN, and when": the batch and
    /// its day (in `timeZone`) for a record whose current version a SIASN batch holds; nil for a
    /// record never sent or changed since (pending again), so the cause then reads as unsent.
    public static func sentInfo(from store: Store, timeZone: TimeZone) -> SentInfoLookup {
        { id in
            guard let sending = (try? store.sentInfo([id]))?[id], sending.current else { return nil }
            return SentRecordInfo(batch: sending.batch, date: PendingReport.day(sending.at, timeZone))
        }
    }
}
