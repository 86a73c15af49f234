import Foundation

/// One dimension's points, maximum and reasons.
public struct DimensionExplanation: Hashable, Sendable {
    public var dimension: ScoreDimension
    public var points: Double
    public var max: Double
    public var reasons: [Reason]
}

/// The full reasoning behind an ``EmployeeScore``.
public struct ScoreExplanation: Hashable, Sendable {
    public var score: EmployeeScore
    public var category: Category
    public var dimensions: [DimensionExplanation]

    /// Several lines of text: one per dimension and its reasons, then the total.
    public func text(_ language: Language) -> String {
        var lines: [String] = []
        for d in dimensions {
            lines.append(
                "\(d.dimension.displayName(language)): \(NumberText.points(d.points, language)) / \(NumberText.points(d.max, language))"
            )
            lines.append(contentsOf: d.reasons.map { "  - " + $0.text(language) })
        }
        lines.append("Total: \(NumberText.points(score.total, language)) (\(category.name))")
        if !score.missing.isEmpty {
            let label = language == .id ? "Belum lengkap" : "Incomplete"
            lines.append("\(label): " + score.missing.map { $0.displayName(language) }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
