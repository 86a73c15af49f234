import IPASNCore
import IPASNReports
import IPASNStore

/// A record's SIASN state on the employee page: one character and the batch (`✓#3`), so the
/// record keeps its words at 80 columns (a course name was cut to 9 characters beside
/// `✓ #3 10-01-2025`); the page's legend line says what each character means, and the message
/// row says the whole state of the selected record (``text``).
struct SIASNMark: Hashable {
    enum State: CaseIterable {
        /// Sent in the batch and still as sent.
        case sent
        /// Changed since the batch sent it: goes with the next one.
        case changed
        /// Never sent.
        case unsent
        /// SIASN refused it (not corrected yet).
        case refused
        /// Refused, corrected since: goes with the next batch.
        case refusedCorrected
        /// An SKP before 2022: SIASN does not take it.
        case notForSIASN
        /// An SKP whose predikat SIASN cannot take (PP 46/2011).
        case needsPredikat
        /// Sent, then moved before 2022: SIASN keeps the version it got.
        case held

        /// The one character shown (ASCII or the page's own `✓`, one column wide everywhere; not `~`,
        /// which an ASCII terminal shows for a cut name's `…`).
        var symbol: String {
            switch self {
            case .sent: return "✓"
            case .changed: return "*"
            case .unsent: return "-"
            case .refused: return "S"
            case .refusedCorrected: return "s"
            case .notForSIASN: return "x"
            case .needsPredikat: return "!"
            case .held: return "="
            }
        }
    }

    var state: State
    var batch: Int64?
    /// The state in words (the marks of earlier rounds: `✓ #3 10-01-2025`, `belum dikirim`).
    var text: String

    /// The column's text: `✓#3`, `-`.
    var short: String { state.symbol + (batch.map { "#\($0)" } ?? "") }

    /// The mark of a stored record: SIASN's refusal first, then what ``EmployeeView/sentMark(_:record:app:)`` says.
    static func of(_ sending: RecordSending?, refusal: SIASNRefusal?, record: Record, app: App) -> SIASNMark {
        let text = refusal.map { app.t(L.siasnRefusedMark($0.batch, corrected: $0.corrected)) }
            ?? EmployeeView.sentMark(sending, record: record, app: app)
        if let refusal { return SIASNMark(state: refusal.corrected ? .refusedCorrected : .refused, batch: refusal.batch, text: text) }
        if case .skp(let skp) = record {
            switch SKPSiasn.status(skp) {
            case .notForSIASN where sending == nil: return SIASNMark(state: .notForSIASN, batch: nil, text: text)
            case .notForSIASN where sending?.current == false: return SIASNMark(state: .held, batch: sending?.batch, text: text)
            case .needsPredikat where sending?.current != true: return SIASNMark(state: .needsPredikat, batch: nil, text: text)
            default: break
            }
        }
        guard let sending else { return SIASNMark(state: .unsent, batch: nil, text: text) }
        return SIASNMark(state: sending.current ? .sent : .changed, batch: sending.batch, text: text)
    }

    /// The legend of the states on a page, in a fixed order: `SIASN: ✓ terkirim  - belum dikirim`.
    static func legend(_ states: Set<State>, _ language: Language) -> String? {
        let shown = State.allCases.filter(states.contains)
        guard !shown.isEmpty else { return nil }
        return "SIASN: " + shown.map { "\($0.symbol) " + language.t(L.siasnMarkMeaning($0)) }.joined(separator: "  ")
    }
}
