import IPASNCore
import IPASNStore

/// What is still missing before a unit's dimension may be marked "selesai diinput".
///
/// After the merge with the architecture work this should use the per-unit "what is missing"
/// list of IPASNReports; until then it reads the cached scores' missing data.
enum ProgressCheck {
    /// Active employees of `unit` (and its sub-units) whose data for `dimension` is missing
    /// in the measurement year: no education on record (pendidikan), no SKP for the year
    /// (kinerja). Kompetensi and disiplin have nothing that must exist (no course and no
    /// punishment are valid data), so nothing is missing for them.
    static func missing(_ dimension: ProgressDimension, unit: String, app: App) throws -> [Pegawai] {
        let need: MissingData
        switch dimension {
        case .pendidikan: need = .pendidikan
        case .kinerja: need = .skp
        case .kompetensi, .disiplin: return []
        }
        return try app.store.scores(year: app.year, unit: unit).filter { $0.score.missing.contains(need) }
            .map(\.pegawai).sorted { ($0.nama, $0.nip) < ($1.nama, $1.nip) }
    }

    /// The question asked before marking done with employees still missing data: how many,
    /// and who (the first few by name, with their NIPs).
    static func question(_ dimension: ProgressDimension, unit: OrgUnit, missing: [Pegawai], app: App) -> String {
        let shown = missing.prefix(5).map { "\($0.nama) (\($0.nip))" }.joined(separator: ", ")
        let more = missing.count > 5 ? app.t(L.progressMissingMore(missing.count - 5)) : ""
        return app.t(L.progressMissingQuestion(app.t(L.progressDimension(dimension)), unit.nama, missing.count, app.year))
            + " " + shown + more + ". " + app.t(L.progressMarkAnyway)
    }
}
