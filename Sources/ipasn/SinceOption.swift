import Foundation
import IPASNCore

/// The `--since DAY` of the reports that list records (`report pending`): a day as the
/// other options take it, not after today.
enum SinceOption {
    /// - Throws: a ``CLIError`` naming the option and the fix, for text that is not a date or
    ///   a day after `today` (nothing can have changed yet).
    static func day(_ text: String, today: LocalDate) throws -> LocalDate {
        guard let day = LocalDate.parse(text) else {
            throw CLIError(
                Output.text(
                    id: "--since \(text): bukan tanggal (YYYY-MM-DD atau DD-MM-YYYY).",
                    en: "--since \(text): not a date (YYYY-MM-DD or DD-MM-YYYY)."))
        }
        guard day <= today else {
            throw CLIError(
                Output.text(
                    id: "--since \(day.dayFirst) jatuh setelah hari ini (\(today.dayFirst)); belum ada yang berubah sejak hari itu.",
                    en: "--since \(day.dayFirst) is after today (\(today.dayFirst)); nothing can have changed since then."))
        }
        return day
    }
}
