import IPASNCore

/// What "lengkap" (complete) means, the one definition every figure uses: an employee's data
/// is complete when scoring misses nothing, that is when there is an education by the end
/// of the year and an SKP of the year (``EmployeeScore/complete``). The dashboard's and the
/// unit list's completeness percentage (``UnitProgress/completeness``, counted from the
/// cached scores), the `!` of the employee list and the "belum lengkap" count of the
/// missing list (``MissingRecords/incomplete``) all say this.
///
/// A course finished in the year (kompetensi) is not part of it: an employee without one
/// scores 0 kompetensi, which is a score, not missing data. The missing list still names
/// those employees (``MissingRecord/kompetensi``), as a reminder apart from the count.
public enum Completeness {
    /// The kinds whose absence makes an employee's data incomplete.
    public static let required: [MissingRecord] = [.pendidikan, .skp]

    /// Whether an employee lacking `missing` counts as complete.
    public static func isComplete(lacking missing: [MissingRecord]) -> Bool {
        !missing.contains(where: required.contains)
    }

    /// Whether a scored employee counts as complete (the cached scores' `complete`).
    public static func isComplete(_ score: EmployeeScore) -> Bool { score.missing.isEmpty }
}
