import IPASNCore

/// What one import holds: units, employees, or one kind of record. The store reads it from
/// ``ImportRowSource/kind``; the file formats (columns and the like) extend it in IPASNFiles.
public enum ImportKind: String, CaseIterable, Hashable, Sendable, Codable {
    case units
    case pegawai
    case pendidikan
    case diklat
    case skp
    case disiplin

    /// The record kind, for the four record kinds.
    public var recordKind: RecordKind? { RecordKind(rawValue: rawValue) }
}
