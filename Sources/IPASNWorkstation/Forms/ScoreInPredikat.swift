import Foundation

/// A score (0-100, `88,5` or `88.5`) typed where the SKP's predikat goes: the bulk SKP grid and
/// the one-employee SKP form both move it to an empty Nilai (one rule, here).
enum ScoreInPredikat {
    /// The typed text, trimmed, when it reads as a score from 0 to 100; else nil.
    static func score(_ text: String) -> String? {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard let score = Double(typed.replacingOccurrences(of: ",", with: ".")), (0...100).contains(score) else { return nil }
        return typed
    }
}
