import IPASNCore
import IPASNReports
import IPASNStore

/// What is still missing before a unit's dimension may be marked "selesai diinput".
enum ProgressCheck {
    /// Active employees of `unit` (and its sub-units) whose data for `dimension` is missing
    /// in the measurement year: no education on record (pendidikan), no SKP for the year
    /// (kinerja), as the per-unit "what is missing" list of IPASNReports (``MissingRecords``)
    /// says. Kompetensi and disiplin have nothing that must exist (no course and no
    /// punishment are valid data), so nothing is missing for them. By name, then NIP.
    static func missing(_ dimension: ProgressDimension, unit: String, app: App) throws -> [Pegawai] {
        let need: MissingRecord
        switch dimension {
        case .pendidikan: need = .pendidikan
        case .kinerja: need = .skp
        case .kompetensi, .disiplin: return []
        }
        let report = try MissingRecords.compute(store: app.store, unit: unit, year: app.year, ruleset: app.engine.ruleset)
        return report.entries.filter { $0.missing.contains(need) }.map(\.pegawai)
            .sorted { ($0.nama, $0.nip) < ($1.nama, $1.nip) }
    }

    /// The names (and codes) of the units below `unit` (any depth) not marked done for `dimension`: the
    /// store refuses to mark a parent done before them, so the dialog says so before asking
    /// anything else.
    static func openSubunits(_ dimension: ProgressDimension, unit: String, app: App) throws -> [String] {
        let units = try app.store.units()
        let done = Set(try app.store.progressMarks().filter { $0.dimension == dimension && $0.done }.map(\.unit))
        var children: [String: [OrgUnit]] = [:]
        for u in units { if let induk = u.induk { children[induk, default: []].append(u) } }
        var open: [OrgUnit] = []
        var queue = [unit]
        var seen: Set<String> = [unit]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where seen.insert(child.kode).inserted {
                if !done.contains(child.kode) { open.append(child) }
                queue.append(child.kode)
            }
        }
        return open.sorted { $0.kode < $1.kode }.map { "\($0.nama) (\($0.kode))" }
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
