import IPASNCore
import IPASNStore

/// SIASN's "Export Data ASN" employee file (`NIP_BARU`, `NAMA`, `UNOR_ID`, `JENIS_JABATAN_ID`,
/// `JABATAN_NAMA`, `TINGKAT_PENDIDIKAN_ID`, `TAHUN_LULUS`, `PENDIDIKAN_NAMA` ...): imported as
/// `pegawai` (``SIASNImportFields`` maps its codes), and its last education as `pendidikan`
/// records, so an office starts from what SIASN holds.
public enum SIASNEmployeeFile {
    /// Whether a pegawai file carries SIASN's education columns.
    public static func carriesPendidikan(header: [String]) -> Bool {
        header.contains { HeaderAliases.key($0) == "tingkatpendidikanid" }
    }
}

extension Importer {
    /// Imports the education of SIASN's employee file (one pendidikan record per employee with a
    /// `TINGKAT_PENDIDIKAN_ID`; rows without one are passed over, not refused). Records the
    /// database holds already are passed over as in ``importFile(kind:path:sheet:skipInvalid:today:skipExisting:)``.
    /// Run after the employees are imported. Refused rows go to `NAME.pendidikan.rejected.csv`
    /// (the employees' own to `NAME.rejected.csv`).
    public func importEmployeeFileEducation(
        path: String, sheet: String? = nil, skipInvalid: Bool, today: LocalDate
    ) throws -> ImportReport {
        if Self.isXLSX(path) {
            let open = { WithoutEducation(try XLSXImportSource(kind: .pendidikan, path: path, sheet: sheet, today: today)) }
            let xlsx = try XLSXImportSource(kind: .pendidikan, path: path, sheet: sheet, today: today)
            return try run(
                WithoutEducation(xlsx), kind: .pendidikan, path: path, skipInvalid: skipInvalid,
                existing: try ExistingRows(rows: try open(), store: store), rejectedSuffix: "pendidikan", windows1252: { false }
            ) { issues, target in
                try Self.writeRejectedXLSX(from: path, sheet: sheet, headerRow: xlsx.headerRow, issues: issues, to: target)
            }
        }
        let csv = try CSVImportSource(kind: .pendidikan, path: path, today: today)
        return try run(
            WithoutEducation(csv), kind: .pendidikan, path: path, skipInvalid: skipInvalid,
            existing: try ExistingRows(rows: WithoutEducation(try CSVImportSource(kind: .pendidikan, path: path, today: today)), store: store),
            rejectedSuffix: "pendidikan", windows1252: { csv.reader.isWindows1252 }
        ) { issues, target in try Self.writeRejected(from: path, issues: issues, to: target) }
    }
}

/// Passes over the rows of an employee file whose only problem is that they name no education
/// level (an employee SIASN holds no education for).
struct WithoutEducation<Inner: ImportRowSource & Sendable>: ImportRowSource, Sendable {
    var inner: Inner
    var kind: ImportKind { inner.kind }

    init(_ inner: Inner) { self.inner = inner }

    mutating func next() throws -> Line<ImportRow>? {
        while let line = try inner.next() {
            if case .invalid(let failure) = line.value,
                failure.issues.allSatisfy({ $0.field == "tingkat" && $0.code == .required })
            {
                continue
            }
            return line
        }
        return nil
    }
}
