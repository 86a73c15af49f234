import IPASNCore

/// The kompetensi records of the employee page, grouped under a heading per scoring group in
/// the order the scoring reads them (kepemimpinan, fungsional, teknis, seminar; then any jenis
/// the ruleset puts in no group), each heading with what the group earned for the post.
extension EmployeeView {
    struct DiklatSection: Equatable {
        /// Nil: the records whose jenis is in no group (they count nowhere).
        var group: DiklatGroup?
        /// What the group earned for the post; nil when the ruleset gives the post no points for it.
        var reason: Reason?
        /// Newest first, as the page lists every kind.
        var records: [StoredRecordValue]
    }

    /// The sections with records or points for the post, in scoring order; `stored` keeps its
    /// order within each section.
    static func diklatSections(_ stored: [StoredRecordValue], reasons: [Reason], rules: KompetensiRules) -> [DiklatSection] {
        var byGroup: [DiklatGroup?: [StoredRecordValue]] = [:]
        for value in stored {
            guard case .diklat(let d) = value.record else { continue }
            byGroup[rules.group(of: d.jenis), default: []].append(value)
        }
        let reasonOf = Dictionary(reasons.compactMap { r in group(of: r).map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        let order: [DiklatGroup?] = DiklatGroup.allCases.map { $0 } + [nil]
        return order.compactMap { group -> DiklatSection? in
            let records = byGroup[group] ?? []
            let reason = group.flatMap { reasonOf[$0] }
            guard !records.isEmpty || reason != nil else { return nil }
            return DiklatSection(group: group, reason: reason, records: records)
        }
    }

    /// The kompetensi group a reason speaks of.
    static func group(of reason: Reason) -> DiklatGroup? {
        switch reason {
        case .kepemimpinan: return .kepemimpinan
        case .fungsional: return .fungsional
        case .teknis: return .teknis
        case .seminar: return .seminar
        case .education, .skp, .disiplin: return nil
        }
    }

    /// `Teknis: 24 dari 20 JP pada 2024, 15 dari 15`: the group's name, then its reason's
    /// words after the reason's own label; `... : tidak dinilai untuk jabatan ini` for a group
    /// the post earns nothing from.
    static func sectionHeading(_ section: DiklatSection, _ language: Language) -> String {
        let title = language.t(L.diklatSectionTitle(section.group))
        guard section.group != nil else { return title }
        guard let reason = section.reason else { return title + ": " + language.t(L.sectionNotScored) }
        let text = reason.text(language)
        let words = text.range(of: ": ").map { String(text[$0.upperBound...]) } ?? text
        return title + ": " + words
    }
}
