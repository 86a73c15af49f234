import Foundation

/// Why one indicator earned its points, as data; ``Reason/text(_:)`` puts it in words.
public enum Reason: Hashable, Sendable {
    /// The highest education counted, or nil when none is on record by the cut-off.
    case education(level: EducationLevel?, cutoff: LocalDate, earned: Double)
    /// A leadership course: the best level finished by the cut-off, the level the post needs.
    case kepemimpinan(best: LeadershipLevel?, required: LeadershipLevel?, earned: Double, possible: Double)
    /// Fungsional courses finished by the cut-off that match the post; `ignored` were marked not matching.
    case fungsional(counted: Int, ignored: Int, earned: Double, possible: Double)
    /// Teknis JP in the window against the minimum.
    case teknis(jp: Int, minimum: Int, years: ClosedRange<Int>, earned: Double, possible: Double)
    /// Seminar-group records in the window.
    case seminar(count: Int, years: ClosedRange<Int>, earned: Double, possible: Double)
    /// The SKP of the year (nil when none), with its number when given.
    case skp(year: Int, predikat: Predikat?, nilai: Double?, earned: Double)
    /// The heaviest punishment in the window (nil when none) and how many there were.
    case disiplin(heaviest: TingkatHukuman?, count: Int, years: ClosedRange<Int>, earned: Double)

    /// The points this indicator earned.
    public var earned: Double {
        switch self {
        case .education(_, _, let e), .kepemimpinan(_, _, let e, _), .fungsional(_, _, let e, _),
            .teknis(_, _, _, let e, _), .seminar(_, _, let e, _), .skp(_, _, _, let e),
            .disiplin(_, _, _, let e):
            return e
        }
    }

    /// The reason in words, e.g. "teknis: 14 of 20 JP in 2024, 0 of 15".
    public func text(_ language: Language) -> String {
        let id = language == .id
        func pts(_ value: Double) -> String { NumberText.points(value, language) }
        func span(_ years: ClosedRange<Int>) -> String {
            years.lowerBound == years.upperBound ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
        }
        switch self {
        case .education(let level, let cutoff, let earned):
            guard let level else {
                return id
                    ? "pendidikan: belum ada riwayat pendidikan s.d. \(cutoff.dayFirst), 0"
                    : "education: none on record by \(cutoff.iso), 0"
            }
            return id
                ? "pendidikan: tertinggi \(level.displayName), \(pts(earned))"
                : "education: highest \(level.displayName), \(pts(earned))"
        case .kepemimpinan(let best, let required, let earned, let possible):
            let bestText = best?.displayName ?? (id ? "belum ada" : "none")
            let needText = required?.displayName ?? "?"
            return id
                ? "kepemimpinan: \(bestText), syarat \(needText) atau lebih tinggi, \(pts(earned)) dari \(pts(possible))"
                : "leadership: \(bestText), needs \(needText) or higher, \(pts(earned)) of \(pts(possible))"
        case .fungsional(let counted, let ignored, let earned, let possible):
            let extra =
                ignored > 0 ? (id ? " (\(ignored) tidak sesuai jabatan)" : " (\(ignored) not matching the post)") : ""
            return id
                ? "fungsional: \(counted) diklat\(extra), \(pts(earned)) dari \(pts(possible))"
                : "functional: \(counted) course\(counted == 1 ? "" : "s")\(extra), \(pts(earned)) of \(pts(possible))"
        case .teknis(let jp, let minimum, let years, let earned, let possible):
            return id
                ? "teknis: \(jp) dari \(minimum) JP pada \(span(years)), \(pts(earned)) dari \(pts(possible))"
                : "teknis: \(jp) of \(minimum) JP in \(span(years)), \(pts(earned)) of \(pts(possible))"
        case .seminar(let count, let years, let earned, let possible):
            return id
                ? "seminar: \(count) kegiatan pada \(span(years)), \(pts(earned)) dari \(pts(possible))"
                : "seminar: \(count) in \(span(years)), \(pts(earned)) of \(pts(possible))"
        case .skp(let year, let predikat, let nilai, let earned):
            guard let predikat else {
                return id ? "SKP \(year): belum ada, 0" : "SKP \(year): none, 0"
            }
            let number = nilai.map { " (\(NumberText.decimal($0, language)))" } ?? ""
            return "SKP \(year): \(predikat.displayName)\(number), \(pts(earned))"
        case .disiplin(let heaviest, let count, let years, let earned):
            guard let heaviest else {
                return id
                    ? "disiplin: tanpa hukuman pada \(span(years)), \(pts(earned))"
                    : "discipline: no punishment in \(span(years)), \(pts(earned))"
            }
            return id
                ? "disiplin: \(count) hukuman pada \(span(years)), terberat \(heaviest.rawValue), \(pts(earned))"
                : "discipline: \(count) punishment\(count == 1 ? "" : "s") in \(span(years)), heaviest \(heaviest.rawValue), \(pts(earned))"
        }
    }
}
