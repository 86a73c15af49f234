import Foundation

/// Turns text fields (an import row, a form) into typed values, with one
/// ``ValidationIssue`` per bad field. Keys are the import column names
/// (`docs/data-formats.md`); a missing key reads as empty.
///
/// Parsing checks each field on its own and then runs the record-level checks of
/// ``RecordValidator`` (dates against today, end not before start, JP range). It does
/// not check references (is the NIP known?) or duplicates: those need the database.
public struct RecordParser: Sendable {
    public var validator: RecordValidator

    public init(today: LocalDate) {
        validator = RecordValidator(today: today)
    }

    public init(validator: RecordValidator) {
        self.validator = validator
    }

    /// A row's or a form's fields (``RecordFields``: read by index on the import path).
    public typealias Fields = RecordFields

    // MARK: Field parsers

    /// A required or optional date in any accepted form; never after today unless `allowFuture`.
    public func date(_ fields: Fields, _ key: RecordField, required: Bool = true, allowFuture: Bool = false)
        -> Result<LocalDate?, ValidationIssue>
    {
        let text = value(fields, key)
        let field = key.name
        if text.isEmpty {
            return required ? .failure(ValidationIssue(field: field, code: .required)) : .success(nil)
        }
        guard let date = LocalDate.parse(text) else {
            return .failure(ValidationIssue(field: field, code: DateText.problem(text)))
        }
        if !allowFuture, let issue = validator.notAfterToday(date, field: field).first { return .failure(issue) }
        return .success(date)
    }

    /// JP: a positive whole number (`24 JP` and `24,0` read as 24), not over the plausible limit.
    public func jp(_ fields: Fields, _ key: RecordField = .jp) -> Result<Int, ValidationIssue> {
        let text = JPText.number(value(fields, key))
        let field = key.name
        if text.isEmpty { return .failure(ValidationIssue(field: field, code: .required)) }
        guard FastText.isDigits(text), let number = Int(text) else {
            if let number = Int(text), number <= 0 { return .failure(ValidationIssue(field: field, code: .jpNotPositive)) }
            return .failure(ValidationIssue(field: field, code: .jpNotNumber(text)))
        }
        if let issue = validator.checkJP(number, field: field).first { return .failure(issue) }
        return .success(number)
    }

    /// The NIP of a record (digits and spaces), checked only for shape: its rule depends on the
    /// employee's status, which the employee file (``pegawai(_:)``) checks in full.
    public func recordNIP(_ fields: Fields) -> Result<String, ValidationIssue> {
        let nip = NIP.normalize(value(fields, .nip))
        if nip.isEmpty { return .failure(ValidationIssue(field: "nip", code: .required)) }
        if !FastText.isDigits(nip) { return .failure(ValidationIssue(field: "nip", code: .nipNotDigits)) }
        if nip.utf8.count != 18 { return .failure(ValidationIssue(field: "nip", code: .nipLength(actual: nip.utf8.count))) }
        return .success(nip)
    }

    // MARK: Whole records

    /// A unit row: `kode, nama, induk`.
    public func unit(_ fields: Fields) -> Result<OrgUnit, ValidationFailure> {
        checkingText(fields) { parseUnit($0) }
    }

    private func parseUnit(_ fields: Fields) -> Result<OrgUnit, ValidationFailure> {
        var issues: [ValidationIssue] = []
        let kode = value(fields, .kode)
        let nama = value(fields, .nama)
        if kode.isEmpty { issues.append(ValidationIssue(field: "kode", code: .required)) }
        if nama.isEmpty { issues.append(ValidationIssue(field: "nama", code: .required)) }
        let induk = value(fields, .induk)
        if !induk.isEmpty && induk == kode { issues.append(ValidationIssue(field: "induk", code: .unitCycle(induk))) }
        guard issues.isEmpty else { return .failure(ValidationFailure(issues)) }
        return .success(OrgUnit(kode: kode, nama: nama, induk: induk.isEmpty ? nil : induk))
    }

    /// An employee row: `nip, nama, kode_unit, jenis_jabatan, jenjang, status`.
    /// NIP warnings (a TMT before the 18th birthday) come back in `warnings`.
    public func pegawai(_ fields: Fields) -> Result<(Pegawai, warnings: [ValidationIssue]), ValidationFailure> {
        checkingText(fields) { parsePegawai($0) }
    }

    private func parsePegawai(_ fields: Fields) -> Result<(Pegawai, warnings: [ValidationIssue]), ValidationFailure> {
        var issues: [ValidationIssue] = []
        let statusText = value(fields, .status).lowercased()
        let status: StatusPegawai?
        if statusText.isEmpty {
            status = .pns
        } else {
            status = StatusPegawai(rawValue: statusText)
            if status == nil { issues.append(ValidationIssue(field: "status", code: .unknownStatus(statusText))) }
        }
        let nipIssues = NIP.validate(value(fields, .nip), status: status ?? .pns, today: validator.today)
        issues += nipIssues.filter { $0.severity == .error }
        let nama = value(fields, .nama)
        if nama.isEmpty { issues.append(ValidationIssue(field: "nama", code: .required)) }
        let kodeUnit = value(fields, .kodeUnit)
        if kodeUnit.isEmpty { issues.append(ValidationIssue(field: "kode_unit", code: .required)) }
        let jabatanText = value(fields, .jenisJabatan).lowercased()
        let jabatan = JenisJabatan(rawValue: jabatanText)
        if jabatanText.isEmpty {
            issues.append(ValidationIssue(field: "jenis_jabatan", code: .required))
        } else if jabatan == nil {
            issues.append(ValidationIssue(field: "jenis_jabatan", code: .unknownJenisJabatan(jabatanText)))
        }
        var jenjang = value(fields, .jenjang)
        if jabatan == .struktural {
            let key = jenjang.lowercased().replacingOccurrences(of: " ", with: "_")
            if let level = JenjangStruktural(rawValue: key) {
                jenjang = level.rawValue
            } else {
                issues.append(
                    ValidationIssue(
                        field: "jenjang", code: jenjang.isEmpty ? .required : .unknownJenjangStruktural(jenjang)))
            }
        }
        let (aktif, keluar) = pegawaiKeluar(fields, &issues)
        guard issues.isEmpty, let status, let jabatan else { return .failure(ValidationFailure(issues)) }
        let pegawai = Pegawai(
            nip: NIP.normalize(value(fields, .nip)), nama: nama, kodeUnit: kodeUnit, jenisJabatan: jabatan,
            jenjang: jenjang, status: status, aktif: aktif, keluar: keluar)
        return .success((pegawai, nipIssues.filter { $0.severity == .warning }))
    }

    /// The optional `status_aktif` (empty or `aktif`; `pensiun`, `pindah keluar`, `meninggal`,
    /// `diberhentikan`; `nonaktif` alone for one set inactive without a reason) and
    /// `tanggal_keluar` columns of an employee row.
    private func pegawaiKeluar(_ fields: Fields, _ issues: inout [ValidationIssue]) -> (aktif: Bool, keluar: PegawaiKeluar?) {
        let text = value(fields, .statusAktif)
        let tanggalText = value(fields, .tanggalKeluar)
        if ["", "aktif", "active", "y", "ya", "1"].contains(text.lowercased()) {
            if !tanggalText.isEmpty { issues.append(ValidationIssue(field: "status_aktif", code: .required)) }
            return (true, nil)
        }
        if ["nonaktif", "tidak aktif", "inactive", "n", "0"].contains(text.lowercased()) && tanggalText.isEmpty {
            return (false, nil)
        }
        guard let alasan = AlasanKeluar.parse(text) else {
            issues.append(
                ValidationIssue(
                    field: "status_aktif",
                    code: .custom(
                        id: "Status aktif '\(text)' tidak dikenal: isi aktif, pensiun, pindah keluar, meninggal atau diberhentikan",
                        en: "Unknown active status '\(text)': write aktif, pensiun, pindah keluar, meninggal or diberhentikan")))
            return (true, nil)
        }
        guard let tanggal = collect(date(fields, .tanggalKeluar), &issues), let tanggal else { return (true, nil) }
        return (false, PegawaiKeluar(alasan: alasan, tanggal: tanggal))
    }

    /// A pendidikan row: `nip, tingkat, tanggal_lulus, nama_sekolah, jurusan`.
    public func pendidikan(_ fields: Fields) -> Result<Pendidikan, ValidationFailure> {
        checkingText(fields) { parsePendidikan($0) }
    }

    private func parsePendidikan(_ fields: Fields) -> Result<Pendidikan, ValidationFailure> {
        var issues: [ValidationIssue] = []
        let nip = collect(recordNIP(fields), &issues)
        let tingkatText = value(fields, .tingkat)
        let tingkat = EducationLevel.parse(tingkatText)
        if tingkatText.isEmpty {
            issues.append(ValidationIssue(field: "tingkat", code: .required))
        } else if tingkat == nil {
            issues.append(ValidationIssue(field: "tingkat", code: .unknownTingkatPendidikan(tingkatText)))
        }
        let lulus = collect(date(fields, .tanggalLulus, required: false), &issues)
        guard issues.isEmpty, let nip, let tingkat else { return .failure(ValidationFailure(issues)) }
        let record = Pendidikan(
            nip: nip, tingkat: tingkat, tanggalLulus: lulus ?? nil, namaSekolah: value(fields, .namaSekolah),
            jurusan: value(fields, .jurusan))
        return finish(.pendidikan(record), record)
    }

    /// A diklat row: `nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai,
    /// jp, nomor_sertifikat, sesuai_jabatan`.
    public func diklat(_ fields: Fields) -> Result<Diklat, ValidationFailure> {
        checkingText(fields) { parseDiklat($0) }
    }

    private func parseDiklat(_ fields: Fields) -> Result<Diklat, ValidationFailure> {
        var issues: [ValidationIssue] = []
        let nip = collect(recordNIP(fields), &issues)
        let jenisText = value(fields, .jenis)
        let jenis = JenisDiklat.parse(jenisText)
        if jenisText.isEmpty {
            issues.append(ValidationIssue(field: "jenis", code: .required))
        } else if jenis == nil {
            issues.append(ValidationIssue(field: "jenis", code: .unknownJenis(jenisText)))
        }
        let tingkatText = value(fields, .tingkat)
        var tingkat: LeadershipLevel?
        if !tingkatText.isEmpty {
            tingkat = LeadershipLevel.parse(tingkatText)
            if tingkat == nil {
                issues.append(ValidationIssue(field: "tingkat", code: .unknownLeadershipLevel(tingkatText)))
            }
        }
        let nama = value(fields, .nama)
        if nama.isEmpty { issues.append(ValidationIssue(field: "nama", code: .required)) }
        let mulai = collect(date(fields, .tanggalMulai), &issues) ?? nil
        let selesai = collect(date(fields, .tanggalSelesai, allowFuture: true), &issues) ?? nil
        let jp = collect(jp(fields), &issues)
        let sesuaiText = value(fields, .sesuaiJabatan).uppercased()
        var sesuai = true
        switch sesuaiText {
        case "", "Y", "YA", "YES", "1", "TRUE": sesuai = true
        case "N", "T", "TIDAK", "NO", "0", "FALSE": sesuai = false
        default: issues.append(ValidationIssue(field: "sesuai_jabatan", code: .unknownFlag(sesuaiText)))
        }
        guard issues.isEmpty, let nip, let jenis, let mulai, let selesai, let jp else { return .failure(ValidationFailure(issues)) }
        let record = Diklat(
            nip: nip, jenis: jenis, tingkat: tingkat, nama: nama, penyelenggara: value(fields, .penyelenggara),
            tanggalMulai: mulai, tanggalSelesai: selesai, jp: jp, nomorSertifikat: value(fields, .nomorSertifikat),
            sesuaiJabatan: sesuai)
        return finish(.diklat(record), record)
    }

    /// An SKP row: `nip, tahun, predikat, nilai` (predikat may be empty when nilai is given).
    public func skp(_ fields: Fields) -> Result<SKP, ValidationFailure> {
        checkingText(fields) { parseSkp($0) }
    }

    private func parseSkp(_ fields: Fields) -> Result<SKP, ValidationFailure> {
        var issues: [ValidationIssue] = []
        let nip = collect(recordNIP(fields), &issues)
        let tahunText = value(fields, .tahun)
        let tahun = Int(tahunText)
        if tahunText.isEmpty {
            issues.append(ValidationIssue(field: "tahun", code: .required))
        } else if tahun == nil {
            issues.append(
                ValidationIssue(
                    field: "tahun", code: .custom(id: "Tahun \"\(TextLimits.echo(tahunText))\" harus 4 angka, misalnya 2024.",
                        en: "Year \"\(TextLimits.echo(tahunText))\" must be 4 digits, e.g. 2024.")))
        }
        let predikatText = value(fields, .predikat)
        var predikat: Predikat?
        if !predikatText.isEmpty {
            predikat = Predikat.parse(predikatText)
            if predikat == nil { issues.append(ValidationIssue(field: "predikat", code: .unknownPredikat(predikatText))) }
        }
        let nilaiText = value(fields, .nilai)
        var nilai: Double?
        if !nilaiText.isEmpty {
            nilai = Double(nilaiText.replacingOccurrences(of: ",", with: "."))
            if nilai == nil || !(0...100).contains(nilai!) {
                issues.append(ValidationIssue(field: "nilai", code: .nilaiOutOfRange(nilaiText)))
                nilai = nil
            }
        }
        if predikatText.isEmpty && nilaiText.isEmpty {
            issues.append(ValidationIssue(field: "predikat", code: .skpNeedsPredikatOrNilai))
        }
        guard issues.isEmpty, let nip, let tahun else { return .failure(ValidationFailure(issues)) }
        let record = SKP(nip: nip, tahun: tahun, predikat: predikat, nilai: nilai)
        return finish(.skp(record), record)
    }

    /// A disiplin row: `nip, tingkat, tmt, jenis`.
    public func disiplin(_ fields: Fields) -> Result<HukumanDisiplin, ValidationFailure> {
        checkingText(fields) { parseDisiplin($0) }
    }

    private func parseDisiplin(_ fields: Fields) -> Result<HukumanDisiplin, ValidationFailure> {
        var issues: [ValidationIssue] = []
        let nip = collect(recordNIP(fields), &issues)
        let tingkatText = value(fields, .tingkat)
        let tingkat = TingkatHukuman.parse(tingkatText)
        if tingkatText.isEmpty {
            issues.append(ValidationIssue(field: "tingkat", code: .required))
        } else if tingkat == nil {
            issues.append(ValidationIssue(field: "tingkat", code: .unknownTingkatHukuman(tingkatText)))
        }
        let tmt = collect(date(fields, .tmt), &issues) ?? nil
        guard issues.isEmpty, let nip, let tingkat, let tmt else { return .failure(ValidationFailure(issues)) }
        let record = HukumanDisiplin(nip: nip, tingkat: tingkat, tmt: tmt, jenis: value(fields, .jenis))
        return finish(.disiplin(record), record)
    }

    /// Any record kind from its fields.
    public func record(_ kind: RecordKind, _ fields: Fields) -> Result<Record, ValidationFailure> {
        switch kind {
        case .pendidikan: return pendidikan(fields).map(Record.pendidikan)
        case .diklat: return diklat(fields).map(Record.diklat)
        case .skp: return skp(fields).map(Record.skp)
        case .disiplin: return disiplin(fields).map(Record.disiplin)
        }
    }

    // MARK: Helpers

    /// The trimmed value of a field ("" when absent).
    public func value(_ fields: Fields, _ field: RecordField) -> String {
        FastText.trimmed(fields[field] ?? "")
    }

    /// Runs a record's parser after the text check of every field (``TextLimits``): a field
    /// with a control character or over its limit is reported for that alone, together with
    /// the other fields' problems.
    private func checkingText<T>(_ fields: Fields, _ parse: (Fields) -> Result<T, ValidationFailure>)
        -> Result<T, ValidationFailure>
    {
        let textIssues = TextLimits.issues(fields)
        if textIssues.isEmpty { return parse(fields) }
        let bad = Set(textIssues.map(\.field))
        var clean = fields
        for field in bad { clean[field] = "" }
        var issues = textIssues
        if case .failure(let failure) = parse(clean) {
            issues += failure.issues.filter { !bad.contains($0.field) }
        }
        return .failure(ValidationFailure(issues))
    }

    private func collect<T>(_ result: Result<T, ValidationIssue>, _ issues: inout [ValidationIssue]) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let issue):
            issues.append(issue)
            return nil
        }
    }

    private func finish<T>(_ record: Record, _ value: T) -> Result<T, ValidationFailure> {
        let issues = validator.validateParsed(record).filter { $0.severity == .error }
        return issues.isEmpty ? .success(value) : .failure(ValidationFailure(issues))
    }
}

/// The parser over a dictionary of fields by name: the forms' and the tests' way in (an import
/// row fills ``RecordFields`` by index instead).
extension RecordParser {
    public func unit(_ fields: [String: String]) -> Result<OrgUnit, ValidationFailure> { unit(RecordFields(fields)) }

    public func pegawai(_ fields: [String: String]) -> Result<(Pegawai, warnings: [ValidationIssue]), ValidationFailure> {
        pegawai(RecordFields(fields))
    }

    public func pendidikan(_ fields: [String: String]) -> Result<Pendidikan, ValidationFailure> {
        pendidikan(RecordFields(fields))
    }

    public func diklat(_ fields: [String: String]) -> Result<Diklat, ValidationFailure> { diklat(RecordFields(fields)) }

    public func skp(_ fields: [String: String]) -> Result<SKP, ValidationFailure> { skp(RecordFields(fields)) }

    public func disiplin(_ fields: [String: String]) -> Result<HukumanDisiplin, ValidationFailure> {
        disiplin(RecordFields(fields))
    }

    public func record(_ kind: RecordKind, _ fields: [String: String]) -> Result<Record, ValidationFailure> {
        record(kind, RecordFields(fields))
    }
}
