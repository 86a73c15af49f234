import Foundation

/// Checks records before they are saved: dates, JP, levels, and duplicates of records
/// already on file. Field parsing from text lives in ``RecordParser``; this type checks
/// typed records.
///
/// `today` is injected so that tests are deterministic and "no end date after today"
/// means the admin's today, not the test machine's.
public struct RecordValidator: Sendable {
    public var today: LocalDate
    /// JP above this is refused as implausible.
    public var maxJP: Int
    /// The earliest SKP year accepted.
    public var earliestYear: Int

    public init(today: LocalDate, maxJP: Int = 1000, earliestYear: Int = 1950) {
        self.today = today
        self.maxJP = maxJP
        self.earliestYear = earliestYear
    }

    /// Every problem with `record`, given the employee's other records (`existing`, which must
    /// not contain the record itself when it is being edited).
    public func validate(_ record: Record, existing: EmployeeRecords? = nil) -> [ValidationIssue] {
        validate(record, existing: existing, textChecked: false)
    }

    /// ``validate(_:existing:)`` of a record ``RecordParser`` has just made from its fields:
    /// its text fields were checked already (``TextLimits``, every field, trimmed: the same
    /// text the record holds) and a diklat's `nama` found non-empty, so those checks are not
    /// made again (issue 12, branch pgcopy5: every row of a million-row import passes here).
    /// The issues are the same as ``validate(_:existing:)``'s for such a record.
    func validateParsed(_ record: Record) -> [ValidationIssue] {
        validate(record, existing: nil, textChecked: true)
    }

    private func validate(_ record: Record, existing: EmployeeRecords?, textChecked: Bool) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        switch record {
        case .pendidikan(let r):
            if let date = r.tanggalLulus { issues += notAfterToday(date, field: "tanggal_lulus") }
            if !textChecked { issues += length(r.namaSekolah, "nama_sekolah") + length(r.jurusan, "jurusan") }
        case .diklat(let r):
            if !textChecked {
                if FastText.trimmed(r.nama).isEmpty {
                    issues.append(ValidationIssue(field: "nama", code: .required))
                }
                issues += length(r.nama, "nama") + length(r.penyelenggara, "penyelenggara")
                    + length(r.nomorSertifikat, "nomor_sertifikat")
            }
            if r.jenis == .struktural && r.tingkat == nil {
                issues.append(ValidationIssue(field: "tingkat", code: .leadershipLevelRequired))
            }
            if r.jenis != .struktural && r.tingkat != nil {
                issues.append(ValidationIssue(field: "tingkat", code: .leadershipLevelOnlyForStruktural))
            }
            issues += notAfterToday(r.tanggalMulai, field: "tanggal_mulai")
            if r.tanggalSelesai < r.tanggalMulai {
                issues.append(
                    ValidationIssue(
                        field: "tanggal_selesai", code: .endBeforeStart(start: r.tanggalMulai, end: r.tanggalSelesai)))
            } else {
                issues += notAfterToday(r.tanggalSelesai, field: "tanggal_selesai")
            }
            issues += checkJP(r.jp)
        case .skp(let r):
            if !(earliestYear...today.year).contains(r.tahun) {
                issues.append(
                    ValidationIssue(field: "tahun", code: .yearOutOfRange(r.tahun, min: earliestYear, max: today.year)))
            }
            if r.predikat == nil && r.nilai == nil {
                issues.append(ValidationIssue(field: "predikat", code: .skpNeedsPredikatOrNilai))
            }
            if let nilai = r.nilai, !(0...100).contains(nilai) {
                issues.append(ValidationIssue(field: "nilai", code: .nilaiOutOfRange(NumberText.points(nilai, .en))))
            }
        case .disiplin(let r):
            issues += notAfterToday(r.tmt, field: "tmt")
            if !textChecked { issues += length(r.jenis, "jenis") }
            if let mismatch = JenisHukuman.mismatch(jenis: r.jenis, tingkat: r.tingkat) { issues.append(mismatch) }
        }
        if let existing, isDuplicate(record, of: existing) {
            issues.append(ValidationIssue(field: duplicateField(record.kind), code: .duplicate(record.kind)))
        }
        return issues
    }

    /// Checks a JP value: positive, and not implausibly large.
    public func checkJP(_ jp: Int, field: String = "jp") -> [ValidationIssue] {
        if jp <= 0 { return [ValidationIssue(field: field, code: .jpNotPositive)] }
        if jp > maxJP { return [ValidationIssue(field: field, code: .jpImplausible(jp, limit: maxJP))] }
        return []
    }

    /// Refuses a date after today.
    public func notAfterToday(_ date: LocalDate, field: String) -> [ValidationIssue] {
        date > today ? [ValidationIssue(field: field, code: .dateInFuture(date, today: today))] : []
    }

    /// Whether the employee already has a record that this one repeats.
    public func isDuplicate(_ record: Record, of existing: EmployeeRecords) -> Bool {
        let key = DuplicateKey.of(record)
        switch record {
        case .pendidikan: return existing.pendidikan.contains { DuplicateKey.of(.pendidikan($0)) == key }
        case .diklat: return existing.diklat.contains { DuplicateKey.of(.diklat($0)) == key }
        case .skp: return existing.skp.contains { DuplicateKey.of(.skp($0)) == key }
        case .disiplin: return existing.disiplin.contains { DuplicateKey.of(.disiplin($0)) == key }
        }
    }

    private func duplicateField(_ kind: RecordKind) -> String {
        switch kind {
        case .pendidikan: return "tingkat"
        case .diklat: return "nama"
        case .skp: return "tahun"
        case .disiplin: return "tmt"
        }
    }

    /// A text field's control characters and length (``TextLimits``).
    private func length(_ text: String, _ field: String) -> [ValidationIssue] {
        TextLimits.issue(text, field: field).map { [$0] } ?? []
    }
}

/// The identity of a record for duplicate detection: two records with the same key are the
/// same fact entered twice. Storage may keep it in a unique index.
///
/// - diklat: employee, jenis, name ignoring case and spacing, start and end dates;
/// - pendidikan: employee, tingkat, graduation date, school and jurusan (ignoring case and
///   spacing: two S-1 degrees from different schools, or in different subjects, are two degrees);
/// - SKP: employee and year (one SKP per year);
/// - disiplin: employee, tingkat, TMT and what it was (ignoring case and spacing).
public enum DuplicateKey {
    public static func of(_ record: Record) -> String {
        switch record {
        case .pendidikan(let r):
            return "pendidikan|\(r.nip)|\(r.tingkat.rawValue)|\(r.tanggalLulus?.iso ?? "")|"
                + "\(normalizedName(r.namaSekolah))|\(normalizedName(r.jurusan))"
        case .diklat(let r):
            return "diklat|\(r.nip)|\(r.jenis.id)|\(normalizedName(r.nama))|\(r.tanggalMulai.iso)|\(r.tanggalSelesai.iso)"
        case .skp(let r):
            return "skp|\(r.nip)|\(r.tahun)"
        case .disiplin(let r):
            return "disiplin|\(r.nip)|\(r.tingkat.rawValue)|\(r.tmt.iso)|\(normalizedName(r.jenis))"
        }
    }

    /// A 64-bit digest of ``of(_:)`` (FNV-1a over its UTF-8 bytes), stable across runs and
    /// machines, for a compact unique index. Two different keys of one employee colliding is
    /// about as likely as 1 in 10^13 for a thousand records.
    ///
    /// Computed by streaming the key's parts into the hash without building the key string
    /// (it runs for every row of a million-row import); the result is the same number.
    public static func hash(_ record: Record) -> Int64 {
        var h = FNV1a()
        switch record {
        case .pendidikan(let r):
            h.add("pendidikan|"); h.add(r.nip); h.add("|"); h.add(r.tingkat.rawValue); h.add("|")
            if let date = r.tanggalLulus { h.add(date) }
            h.add("|"); h.addNormalizedName(r.namaSekolah); h.add("|"); h.addNormalizedName(r.jurusan)
        case .diklat(let r):
            h.add("diklat|"); h.add(r.nip); h.add("|"); h.add(r.jenis.id); h.add("|")
            h.addNormalizedName(r.nama); h.add("|"); h.add(r.tanggalMulai); h.add("|"); h.add(r.tanggalSelesai)
        case .skp(let r):
            h.add("skp|"); h.add(r.nip); h.add("|"); h.add(r.tahun)
        case .disiplin(let r):
            h.add("disiplin|"); h.add(r.nip); h.add("|"); h.add(r.tingkat.rawValue); h.add("|"); h.add(r.tmt)
            h.add("|"); h.addNormalizedName(r.jenis)
        }
        return Int64(bitPattern: h.value)
    }

    /// Lowercased, with runs of whitespace collapsed to one space and the ends trimmed.
    public static func normalizedName(_ text: String) -> String {
        // ASCII fast path (nearly every course name): one pass over the bytes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 { return unicodeNormalizedName(text) }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unicodeNormalizedName(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// 64-bit FNV-1a, fed piece by piece.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte: byte) }
    }

    /// An integer's decimal digits, as string interpolation writes them (no String made).
    mutating func add(_ number: Int) {
        if number < 0 { add(byte: UInt8(ascii: "-")) }
        let magnitude = number.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            add(byte: UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// A date as ISO `YYYY-MM-DD`.
    mutating func add(_ date: LocalDate) {
        addPadded(date.year, 4); add(byte: UInt8(ascii: "-")); addPadded(date.month, 2); add(byte: UInt8(ascii: "-"))
        addPadded(date.day, 2)
    }

    private mutating func addPadded(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            add(byte: UInt8(ascii: "0") + UInt8((rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// The bytes of ``DuplicateKey/normalizedName(_:)``, without building it for ASCII text.
    mutating func addNormalizedName(_ text: String) {
        var copy = self
        var pendingSpace = false
        var started = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                add(DuplicateKey.unicodeNormalizedName(text))
                return
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = started
            default:
                if pendingSpace {
                    copy.add(byte: 0x20)
                    pendingSpace = false
                }
                started = true
                copy.add(byte: byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        self = copy
    }
}
