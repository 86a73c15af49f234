/// A field ``RecordParser`` reads, by its import column name (`docs/data-formats.md`): its
/// position in ``RecordFields``, so that a row's fields are read by index, not hashed by name.
public enum RecordField: Int, CaseIterable, Sendable {
    case nip, nama, kode, induk, kodeUnit, jenisJabatan, jenjang, status, statusAktif, tanggalKeluar
    case tingkat, tanggalLulus, namaSekolah, jurusan, jenis, penyelenggara, tanggalMulai, tanggalSelesai, jp
    case nomorSertifikat, sesuaiJabatan, tahun, predikat, nilai, tmt

    /// The column name (`kode_unit`).
    public var name: String { Self.names[rawValue] }

    private static let names = [
        "nip", "nama", "kode", "induk", "kode_unit", "jenis_jabatan", "jenjang", "status", "status_aktif",
        "tanggal_keluar", "tingkat", "tanggal_lulus", "nama_sekolah", "jurusan", "jenis", "penyelenggara",
        "tanggal_mulai", "tanggal_selesai", "jp", "nomor_sertifikat", "sesuai_jabatan", "tahun", "predikat", "nilai",
        "tmt",
    ]

    /// The field of a column name; nil for a name the parser does not read (a SIASN field).
    public init?(name: String) {
        guard let index = Self.index[name] else { return nil }
        self.init(rawValue: index)
    }

    private static let index: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
}

/// The text fields of one import row or form, by column name: a missing field reads as nil.
///
/// The fields the parser reads (``RecordField``) sit in a fixed array, so an import row is
/// filled and read by index (a million rows: no dictionary built and hashed per row); any
/// other name (a SIASN field such as `latihanStrukturalId`) goes to a dictionary beside it.
public struct RecordFields: Sendable, ExpressibleByDictionaryLiteral {
    private var values: [String?]
    private var others: [String: String] = [:]

    /// No fields.
    public init() {
        values = Array(repeating: nil, count: RecordField.allCases.count)
    }

    public init(_ dictionary: [String: String]) {
        self.init()
        for (name, value) in dictionary { self[name] = value }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init()
        for (name, value) in elements { self[name] = value }
    }

    public subscript(field: RecordField) -> String? {
        get { values[field.rawValue] }
        set { values[field.rawValue] = newValue }
    }

    public subscript(name: String) -> String? {
        get {
            if let field = RecordField(name: name) { return values[field.rawValue] }
            return others.isEmpty ? nil : others[name]
        }
        set {
            if let field = RecordField(name: name) {
                values[field.rawValue] = newValue
            } else {
                others[name] = newValue
            }
        }
    }

    /// Whether a field the parser does not read is present (a SIASN field).
    public var hasOtherFields: Bool { !others.isEmpty }

    /// Calls `read` with each field present that the parser reads (by field: no name looked
    /// up), then `other` with each other field present, by name.
    public func forEach(read: (RecordField, String) -> Void, other: (String, String) -> Void) {
        for index in values.indices {
            if let value = values[index] { read(RecordField(rawValue: index)!, value) }
        }
        for (name, value) in others { other(name, value) }
    }
}
