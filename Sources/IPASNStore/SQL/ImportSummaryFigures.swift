import Foundation

/// What the activity counts read from a record import's audit summary (``ImportSummary``):
/// whether it was the demo, and the rows written per unit.
///
/// Decoded once per summary text and kept (issue 14): the dashboard's activity panel and the
/// entry counts read the week's import audit rows on every open, and decoding each JSON
/// summary (hundreds of per-unit counts) again was a visible part of an open. An audit row is
/// never changed, and the key is the summary's text itself, so a kept value can never be
/// stale, whatever database or store read it. At most ``limit`` summaries are kept.
struct ImportSummaryFigures: Sendable {
    let demo: Bool
    let byUnit: [String: Int]

    static let limit = 256
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [String: ImportSummaryFigures] = [:]

    /// The figures of an import summary's JSON text, or nil when it does not decode.
    static func of(_ json: String) -> ImportSummaryFigures? {
        lock.lock()
        let known = kept[json]
        lock.unlock()
        if let known { return known }
        guard let summary = try? JSONDecoder().decode(ImportSummary.self, from: Data(json.utf8)) else { return nil }
        let figures = ImportSummaryFigures(demo: summary.demo == true, byUnit: summary.byUnit)
        lock.lock()
        if kept.count >= limit { kept.removeAll() }
        kept[json] = figures
        lock.unlock()
        return figures
    }
}
