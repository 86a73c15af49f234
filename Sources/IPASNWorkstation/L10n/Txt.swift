import IPASNCore

/// One user-visible text in both languages. Every string the workstation shows comes from
/// ``L`` (the catalog), so a translation is never scattered across views.
struct Txt: Hashable, Sendable {
    let id: String
    let en: String

    init(_ id: String, _ en: String) {
        self.id = id
        self.en = en
    }

    func callAsFunction(_ language: Language) -> String { language == .id ? id : en }

    /// `text` ending a sentence: one period, also after a name that ends in one
    /// (`untuk Dormaida Sitompul, S.Pd.`, never `S.Pd..`).
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}

extension Language {
    /// The text in this language.
    func t(_ text: Txt) -> String { text(self) }

    /// A point value written the way this language writes it (`85,5`).
    func points(_ value: Double) -> String { NumberText.points(value, self) }

    /// A mean with two decimals (`63,99`).
    func mean(_ value: Double) -> String { NumberText.decimal(value, self, places: 2) }

    /// A signed difference (`+15`, `-2,5`, `±0`).
    func delta(_ value: Double) -> String {
        if abs(value) < 0.0001 { return "±0" }
        return (value > 0 ? "+" : "-") + NumberText.points(abs(value), self)
    }

    /// A signed mean difference with two decimals.
    /// The change between two means as they are shown (each rounded to two places first), so
    /// that `68,06 -> 74,72` says `+6,66`, never `+6,67` (68,0556 -> 74,7222 unrounded).
    func meanDelta(from before: Double, to after: Double) -> String {
        meanDelta(NumberText.round(after) - NumberText.round(before))
    }

    func meanDelta(_ value: Double) -> String {
        if abs(value) < 0.005 { return "±0" }
        return (value > 0 ? "+" : "-") + NumberText.decimal(abs(value), self, places: 2)
    }

    /// A share as a whole percent (`75%`), rounded down as everywhere (``NumberText/wholePercent(_:of:)``).
    func percent(_ part: Int, of whole: Int) -> String {
        NumberText.wholePercent(part, of: whole).map { "\($0)%" } ?? "-"
    }
}
