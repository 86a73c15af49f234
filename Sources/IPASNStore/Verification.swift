import Foundation
import IPASNCore

/// Where a record stands in verification (SIASN's verifikasi).
public enum VerificationStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// New, or changed since its last verdict: waiting for a verifikator.
    case belum
    /// Memenuhi syarat: the verifikator accepted it.
    case memenuhi
    /// Tidak memenuhi syarat: the verifikator rejected it, with a reason.
    case tidak

    /// The status as the admins say it.
    public func name(_ language: Language) -> String {
        switch self {
        case .belum: return language == .id ? "belum diverifikasi" : "not verified"
        case .memenuhi: return language == .id ? "memenuhi syarat" : "accepted"
        case .tidak: return language == .id ? "tidak memenuhi syarat" : "rejected"
        }
    }

    /// A one-cell mark for lists: `·` belum, `✓` memenuhi, `✗` tidak.
    public var mark: String {
        switch self {
        case .belum: return "·"
        case .memenuhi: return "✓"
        case .tidak: return "✗"
        }
    }
}

/// One record's verification: its status (with the reason of a rejection, who gave the
/// verdict and when) and whether its document is in hand.
public struct RecordVerification: Hashable, Sendable, Codable {
    public var status: VerificationStatus
    /// Why the record does not meet the requirements (only for ``VerificationStatus/tidak``).
    public var reason: String
    /// Who gave the verdict (nil while belum).
    public var by: String?
    /// When the verdict was given (the store's clock; nil while belum).
    public var at: Date?
    /// Whether the record's document (sertifikat diklat/kursus, SK hukuman disiplin, dokumen
    /// SKP, ijazah) is in hand.
    public var documentInHand: Bool
    /// Where the document is (a path or a name), optional; empty when not given.
    public var documentPath: String

    public init(
        status: VerificationStatus = .belum, reason: String = "", by: String? = nil, at: Date? = nil,
        documentInHand: Bool = false, documentPath: String = ""
    ) {
        self.status = status
        self.reason = reason
        self.by = by
        self.at = at
        self.documentInHand = documentInHand
        self.documentPath = documentPath
    }

    /// A record nobody has verified and whose document nobody has marked.
    public static let unverified = RecordVerification()
}

/// One record in a verification list: the record, its employee and its verification.
public struct VerificationItem: Hashable, Sendable {
    public var id: RecordID
    public var record: Record
    public var pegawai: Pegawai
    public var verification: RecordVerification

    public init(id: RecordID, record: Record, pegawai: Pegawai, verification: RecordVerification) {
        self.id = id
        self.record = record
        self.pegawai = pegawai
        self.verification = verification
    }
}

/// The records of one unit by status (the unit's own employees, sub-units not folded in).
public struct VerificationCounts: Hashable, Sendable {
    public var belum: Int
    public var memenuhi: Int
    public var tidak: Int
    /// Records whose document is in hand, whatever their status.
    public var documents: Int

    public init(belum: Int = 0, memenuhi: Int = 0, tidak: Int = 0, documents: Int = 0) {
        self.belum = belum
        self.memenuhi = memenuhi
        self.tidak = tidak
        self.documents = documents
    }

    public var total: Int { belum + memenuhi + tidak }

    public subscript(status: VerificationStatus) -> Int {
        switch status {
        case .belum: return belum
        case .memenuhi: return memenuhi
        case .tidak: return tidak
        }
    }

    public mutating func add(_ other: VerificationCounts) {
        belum += other.belum
        memenuhi += other.memenuhi
        tidak += other.tidak
        documents += other.documents
    }
}
