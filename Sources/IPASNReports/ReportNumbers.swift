import IPASNCore

/// How every report writes its numbers for a person: the one formatter of the CLI's tables
/// (`ipasn report ...`, `score`, `reconcile`), the way the workstation's screens write them
/// (``NumberText``): a decimal comma in Indonesian (`70,17`), a point in English (`70.17`).
/// CSV and JSON are for machines and keep a point whatever the language (``machine``);
/// `csv-id` turns it into a comma for Indonesian Excel itself.
public struct ReportNumbers: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// CSV and JSON: a decimal point in every language.
    public static let machine = ReportNumbers(.en)

    /// A point value: whole numbers without decimals, halves with one (`22,5`).
    public func points(_ value: Double) -> String { NumberText.points(value, language) }

    /// A mean with two decimals (`70,17`).
    public func mean(_ value: Double) -> String { NumberText.decimal(value, language) }

    /// A whole percent rounded down (``NumberText/wholePercent(_:of:)``), `-` when there is
    /// nothing to count.
    public func percent(_ part: Int, of whole: Int) -> String {
        NumberText.wholePercent(part, of: whole).map(String.init) ?? "-"
    }
}
