/// How the verification status of a record (belum diverifikasi, memenuhi syarat, tidak
/// memenuhi syarat) enters the scores: part of the ruleset, so a BKD decides it as data.
///
/// Records not yet verified always count (the admin's entry stands until a verifikator
/// looks at it); records found to meet the requirements count. Whether a rejected record
/// (tidak memenuhi syarat) still counts is ``rejectedRecordsCount``: by default it does not,
/// so the figures a unit is measured by are the figures that would pass SIASN's check.
public struct VerificationRules: Hashable, Sendable, Codable {
    /// Whether a record a verifikator rejected still earns its points (`rejected_records_count`).
    public var rejectedRecordsCount: Bool

    public init(rejectedRecordsCount: Bool = false) {
        self.rejectedRecordsCount = rejectedRecordsCount
    }

    private enum CodingKeys: String, CodingKey {
        case rejectedRecordsCount = "rejected_records_count"
    }

    /// The JSON key of the section in a ruleset file.
    static let key = "verification"
}
