/// How serious a validation finding is.
public enum Severity: String, Sendable, Codable {
    /// The input is refused.
    case error
    /// The input is accepted, but deserves a second look (a TMT before the 18th birthday).
    case warning
}

/// What is wrong with an input, as data; ``ValidationIssue/message(_:)`` says it in words
/// that name the field and the fix, in Indonesian or English.
public enum IssueCode: Hashable, Sendable {
    case required
    case nipLength(actual: Int)
    case nipNotDigits
    case nipBirthDate
    case nipTMT
    case nipSex(Character)
    case nipSequence
    case nipPPPKMarker(Character)
    case nipPPPKPeriod(Character)
    case nipBirthInFuture
    case nipTMTBeforeAdult
    case dateFormat(String)
    /// `12-11-26`: the year in two digits; `full` is the date with the year written in full.
    case dateTwoDigitYear(String, full: String)
    /// `31-02-2026`: the month has only `days` days.
    case dateNoSuchDay(String, days: Int)
    case dateInFuture(LocalDate, today: LocalDate)
    case endBeforeStart(start: LocalDate, end: LocalDate)
    case jpNotNumber(String)
    case jpNotPositive
    case jpImplausible(Int, limit: Int)
    case unknownJenis(String)
    case unknownTingkatPendidikan(String)
    case unknownLeadershipLevel(String)
    case leadershipLevelRequired
    case leadershipLevelOnlyForStruktural
    case unknownPredikat(String)
    case nilaiOutOfRange(String)
    case skpNeedsPredikatOrNilai
    case yearOutOfRange(Int, min: Int, max: Int)
    case unknownTingkatHukuman(String)
    case unknownJenisJabatan(String)
    case unknownJenjangStruktural(String)
    case unknownStatus(String)
    case unknownFlag(String)
    case unknownNIP(String)
    case unknownUnit(String)
    case unitCycle(String)
    /// The unit tree would reach `levels` levels here; at most `limit` are allowed.
    case unitTooDeep(levels: Int, limit: Int)
    case duplicate(RecordKind)
    case duplicateInFile(line: Int)
    /// A course much like one the employee has (same jenis and dates, a similar name:
    /// ``NearDuplicate``): `nama` is that course's name; `line` its line when it is an
    /// earlier row of the same file, nil when it is stored already.
    case similarCourse(nama: String, line: Int?)
    case tooLong(limit: Int)
    /// A control character (NUL, ESC ...) in a text field; the payload names it (`ESC (U+001B)`).
    case controlCharacter(String)
    case custom(id: String, en: String)
}

/// One finding about one field of an input.
public struct ValidationIssue: Hashable, Sendable, Error, CustomStringConvertible {
    /// The field, named as in the import files (`tanggal_selesai`, `jp`, `nip` ...).
    public var field: String
    public var code: IssueCode
    public var severity: Severity

    public init(field: String, code: IssueCode, severity: Severity = .error) {
        self.field = field
        self.code = code
        self.severity = severity
    }

    public var description: String { message(.en) }

    /// The message in a language: what is wrong with which field, and how to fix it.
    public func message(_ language: Language) -> String {
        let f = FieldNames.label(field, language)
        let id = language == .id
        switch code {
        case .required:
            return id ? "\(f) wajib diisi." : "\(f) is required."
        case .nipLength(let actual):
            return id
                ? "\(f) harus 18 angka; yang diisi \(actual) angka. Periksa kembali NIP."
                : "\(f) must have 18 digits; got \(actual). Check the NIP."
        case .nipNotDigits:
            return id ? "\(f) hanya boleh berisi angka (spasi boleh)." : "\(f) may contain digits only (spaces allowed)."
        case .nipBirthDate:
            return id
                ? "\(f): 8 angka pertama harus tanggal lahir yang ada (TTTTBBHH)."
                : "\(f): the first 8 digits must be a real birth date (YYYYMMDD)."
        case .nipTMT:
            return id
                ? "\(f): angka ke-9 s.d. 14 harus TMT CPNS (TTTTBB, bulan 01-12)."
                : "\(f): digits 9 to 14 must be the TMT CPNS (YYYYMM, month 01-12)."
        case .nipSex(let c):
            return id
                ? "\(f): angka ke-15 (jenis kelamin) harus 1 atau 2, bukan \(c)."
                : "\(f): digit 15 (sex) must be 1 or 2, not \(c)."
        case .nipSequence:
            return id ? "\(f): 3 angka terakhir (nomor urut) harus 001-999." : "\(f): the last 3 digits (sequence) must be 001-999."
        case .nipPPPKMarker(let c):
            return id
                ? "\(f): NIP PPPK harus berangka 2 di posisi ke-13, bukan \(c). Periksa status (PNS/PPPK)."
                : "\(f): a PPPK NIP has the digit 2 at position 13, not \(c). Check the status (PNS/PPPK)."
        case .nipPPPKPeriod(let c):
            return id ? "\(f): angka periode PPPK (ke-14) harus 1-9, bukan \(c)." : "\(f): the PPPK period digit (14th) must be 1-9, not \(c)."
        case .nipBirthInFuture:
            return id ? "\(f): tanggal lahir di NIP ada di masa depan." : "\(f): the birth date in the NIP is in the future."
        case .nipTMTBeforeAdult:
            return id
                ? "\(f): TMT di NIP sebelum usia 18 tahun; periksa kembali."
                : "\(f): the TMT in the NIP is before the 18th birthday; check it."
        case .dateFormat(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" bukan tanggal yang benar. Tulis HH-BB-TTTT, HH/BB/TTTT atau TTTT-BB-HH, misalnya 31-12-2024."
                : "\(f) \"\(TextLimits.echo(text))\" is not a valid date. Use DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD, e.g. 31-12-2024."
        case .dateTwoDigitYear(let text, let full):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" memakai tahun dua angka. Tulis tahun lengkap (misalnya \(full))."
                : "\(f) \"\(TextLimits.echo(text))\" has a two-digit year. Write the year in full (e.g. \(full))."
        case .dateNoSuchDay(let text, let days):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\": tanggal itu tidak ada (bulannya hanya \(days) hari)."
                : "\(f) \"\(TextLimits.echo(text))\": that day does not exist (the month has only \(days) days)."
        case .dateInFuture(let date, let today):
            return id
                ? "\(f) \(date.dayFirst) belum terjadi (hari ini \(today.dayFirst)). Isi tanggal yang sudah lewat."
                : "\(f) \(date.iso) is after today (\(today.iso)). Enter a date that has passed."
        case .endBeforeStart(let start, let end):
            return id
                ? "\(f) \(end.dayFirst) sebelum tanggal mulai \(start.dayFirst). Tanggal selesai harus sama atau sesudahnya."
                : "\(f) \(end.iso) is before the start date \(start.iso). The end must be on or after the start."
        case .jpNotNumber(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" harus bilangan bulat positif, misalnya 24."
                : "\(f) \"\(TextLimits.echo(text))\" must be a positive whole number, e.g. 24."
        case .jpNotPositive:
            return id ? "\(f) harus lebih dari 0." : "\(f) must be greater than 0."
        case .jpImplausible(let value, let limit):
            return id
                ? "\(f) \(value) terlalu besar (paling banyak \(limit)). Periksa angka JP di sertifikat."
                : "\(f) \(value) is implausible (at most \(limit)). Check the JP on the certificate."
        case .unknownJenis(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" tidak dikenal. Isi nomor jenis SIASN 1-25 atau namanya (misalnya 3 atau Teknis)."
                : "\(f) \"\(TextLimits.echo(text))\" is unknown. Use the SIASN jenis id 1-25 or its name (e.g. 3 or Teknis)."
        case .unknownTingkatPendidikan(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" tidak dikenal. Isi misalnya SD, SLTP, SLTA, D3, D4, S1, S2, S3 atau kode SIASN (40)."
                : "\(f) \"\(TextLimits.echo(text))\" is unknown. Use e.g. SD, SLTP, SLTA, D3, D4, S1, S2, S3 or the SIASN code (40)."
        case .unknownLeadershipLevel(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" tidak dikenal. Isi PIM_IV, PKP, PIM_III, PKA, PIM_II, PKN_II, PIM_I atau PKN_I."
                : "\(f) \"\(TextLimits.echo(text))\" is unknown. Use PIM_IV, PKP, PIM_III, PKA, PIM_II, PKN_II, PIM_I or PKN_I."
        case .leadershipLevelRequired:
            return id
                ? "\(f) wajib diisi untuk diklat Struktural (misalnya PIM_III atau PKA)."
                : "\(f) is required for a Struktural course (e.g. PIM_III or PKA)."
        case .leadershipLevelOnlyForStruktural:
            return id
                ? "\(f) hanya untuk diklat Struktural; kosongkan untuk jenis lain."
                : "\(f) is for Struktural courses only; leave it empty for other kinds."
        case .unknownPredikat(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" tidak dikenal. Isi sangat_baik, baik, cukup, butuh_perbaikan, kurang, buruk atau sangat_kurang."
                : "\(f) \"\(TextLimits.echo(text))\" is unknown. Use sangat_baik, baik, cukup, butuh_perbaikan, kurang, buruk or sangat_kurang."
        case .nilaiOutOfRange(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" harus angka 0 sampai 100 (koma atau titik untuk desimal)."
                : "\(f) \"\(TextLimits.echo(text))\" must be a number from 0 to 100."
        case .skpNeedsPredikatOrNilai:
            return id ? "Isi predikat atau nilai SKP (salah satu)." : "Give the SKP predikat or its number (one of them)."
        case .yearOutOfRange(let year, let min, let max):
            return id ? "\(f) \(year) harus antara \(min) dan \(max)." : "\(f) \(year) must be between \(min) and \(max)."
        case .unknownTingkatHukuman(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" tidak dikenal. Isi ringan, sedang atau berat."
                : "\(f) \"\(TextLimits.echo(text))\" is unknown. Use ringan, sedang or berat."
        case .unknownJenisJabatan(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" tidak dikenal. Isi struktural, fungsional atau pelaksana."
                : "\(f) \"\(TextLimits.echo(text))\" is unknown. Use struktural, fungsional or pelaksana."
        case .unknownJenjangStruktural(let text):
            return id
                ? "\(f) \"\(TextLimits.echo(text))\" tidak dikenal untuk jabatan struktural. Isi jpt_utama, jpt_madya, jpt_pratama, administrator atau pengawas."
                : "\(f) \"\(TextLimits.echo(text))\" is unknown for a struktural post. Use jpt_utama, jpt_madya, jpt_pratama, administrator or pengawas."
        case .unknownStatus(let text):
            return id ? "\(f) \"\(TextLimits.echo(text))\" tidak dikenal. Isi pns atau pppk." : "\(f) \"\(TextLimits.echo(text))\" is unknown. Use pns or pppk."
        case .unknownFlag(let text):
            return id ? "\(f) \"\(TextLimits.echo(text))\" harus Y atau N." : "\(f) \"\(TextLimits.echo(text))\" must be Y or N."
        case .unknownNIP(let nip):
            return id
                ? "\(f) \(TextLimits.echo(nip)) belum terdaftar sebagai pegawai. Impor atau tambahkan pegawainya dulu."
                : "\(f) \(TextLimits.echo(nip)) is not a known employee. Import or add the employee first."
        case .unknownUnit(let kode):
            return id
                ? "\(f) \"\(TextLimits.echo(kode))\" bukan unit yang terdaftar. Impor atau tambahkan unitnya dulu."
                : "\(f) \"\(TextLimits.echo(kode))\" is not a known unit. Import or add the unit first."
        case .unitTooDeep(let levels, let limit):
            return id
                ? "\(f): pohon unit akan mencapai \(levels) tingkat di sini; paling banyak \(limit) tingkat."
                : "\(f): the unit tree would reach \(levels) levels here; at most \(limit) are allowed."
        case .unitCycle(let kode):
            return id
                ? "\(f) \"\(TextLimits.echo(kode))\" membuat lingkaran di pohon unit (unit menjadi induk dirinya sendiri)."
                : "\(f) \"\(TextLimits.echo(kode))\" makes a cycle in the unit tree (a unit would be its own ancestor)."
        case .duplicate(.skp):
            // An SKP's identity is its employee and year: a second one of the year is refused
            // whatever its predikat, so "the same record" would mislead an admin correcting it.
            return id
                ? "SKP tahun itu sudah ada untuk pegawai ini (satu SKP per tahun). Untuk mengganti predikat atau nilainya, ubah SKP yang tersimpan."
                : "This employee already has an SKP for that year (one SKP per year). To change its rating or score, edit the stored SKP."
        case .duplicate(let kind):
            return id
                ? "Data \(kind.rawValue) yang sama sudah ada untuk pegawai ini (duplikat). Tidak perlu diisi lagi."
                : "The same \(kind.rawValue) record already exists for this employee (duplicate)."
        case .duplicateInFile(let line):
            return id ? "Baris ini sama dengan baris \(line) (duplikat)." : "This row repeats line \(line) (duplicate)."
        case .similarCourse(let nama, let line):
            let name = TextLimits.echo(nama)
            if let line {
                return id
                    ? "Mirip kursus \"\(name)\" di baris \(line) (jenis dan tanggal sama, nama hampir sama): mungkin kursus yang sama ditulis dua kali. Samakan namanya, atau izinkan yang mirip bila memang berbeda."
                    : "Resembles the course \"\(name)\" on line \(line) (same jenis and dates, nearly the same name): probably one course written twice. Use one spelling, or allow similar courses if they really differ."
            }
            return id
                ? "Mirip kursus \"\(name)\" yang sudah tersimpan untuk pegawai ini (jenis dan tanggal sama, nama hampir sama): mungkin kursus yang sama. Samakan namanya, atau izinkan yang mirip bila memang berbeda."
                : "Resembles the course \"\(name)\" already stored for this employee (same jenis and dates, nearly the same name): probably the same course. Use one spelling, or allow similar courses if they really differ."
        case .tooLong(let limit):
            return id ? "\(f) terlalu panjang (paling banyak \(limit) karakter)." : "\(f) is too long (at most \(limit) characters)."
        case .controlCharacter(let name):
            return id
                ? "\(f) berisi karakter kendali \(name) (tidak terlihat, biasanya ikut tersalin). Hapus karakter itu."
                : "\(f) contains the control character \(name) (invisible, usually copied along). Remove it."
        case .custom(let idText, let enText):
            return id ? idText : enText
        }
    }
}

/// The readable labels of the fields, for messages and forms.
public enum FieldNames {
    public static func label(_ field: String, _ language: Language) -> String {
        let labels: [String: (String, String)] = [
            "nip": ("NIP", "NIP"),
            "nama": ("Nama", "Name"),
            "kode": ("Kode unit", "Unit code"),
            "induk": ("Unit induk", "Parent unit"),
            "kode_unit": ("Kode unit", "Unit code"),
            "jenis_jabatan": ("Jenis jabatan", "Post type"),
            "jenjang": ("Jenjang", "Level"),
            "status": ("Status", "Status"),
            "tingkat": ("Tingkat", "Level"),
            "tanggal_lulus": ("Tanggal lulus", "Graduation date"),
            "nama_sekolah": ("Nama sekolah", "School"),
            "jurusan": ("Jurusan", "Major"),
            "jenis": ("Jenis", "Kind"),
            "penyelenggara": ("Penyelenggara", "Organiser"),
            "tanggal_mulai": ("Tanggal mulai", "Start date"),
            "tanggal_selesai": ("Tanggal selesai", "End date"),
            "jp": ("JP", "JP"),
            "nomor_sertifikat": ("Nomor sertifikat", "Certificate number"),
            "sesuai_jabatan": ("Sesuai jabatan", "Matches post"),
            "tahun": ("Tahun", "Year"),
            "predikat": ("Predikat", "Rating"),
            "nilai": ("Nilai", "Score"),
            "tmt": ("TMT", "Effective date"),
            "tmt_unit": ("Tanggal mutasi", "Transfer date"),
            "status_aktif": ("Status aktif", "Active status"),
            "alasan_keluar": ("Alasan nonaktif", "Reason inactive"),
            "tanggal_keluar": ("Tanggal keluar", "Leaving date"),
        ]
        guard let pair = labels[field] else { return field }
        return language == .id ? pair.0 : pair.1
    }
}

/// One or more validation findings that refuse an input.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "; ") }

    /// All messages in a language, one per line.
    public func message(_ language: Language) -> String {
        issues.map { $0.message(language) }.joined(separator: "\n")
    }
}
