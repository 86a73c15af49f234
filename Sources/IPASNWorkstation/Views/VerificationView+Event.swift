import Foundation
import IPASNCore
import IPASNStore

/// `M` and `T` in the queue: one verdict for every waiting record of the selected record's
/// event (its batch, or the diklat of the same course), after a question that names the event
/// and the count (``EventVerdictStore``; the store checks who may, record by record).
extension VerificationView {
    func judgeEvent(of item: VerificationItem, accept: Bool, app: App) {
        app.attempt {
            guard let event = try app.store.verdictEvent(containing: item.id) else {
                app.warn(app.t(L.noEvent))
                return
            }
            guard !event.waiting.isEmpty else {
                app.warn(app.t(L.eventNothingWaits(event.skipped)))
                return
            }
            let records = L.eventRecords(event.waiting.count, event.course)
            let question = app.t(L.confirmEventVerdict(accept: accept, records, skipped: event.skipped))
            if accept {
                app.confirm(question, onYes: { [unowned self] in self.giveEventVerdict(event, status: .memenuhi, reason: "", app: app) })
            } else {
                askEventReason(event, records: records, question: question, reason: "", app: app)
            }
        }
    }

    /// The reason for rejecting a whole event, then the question; a refused verdict (a full
    /// disk, a role changed meanwhile) asks again with the reason as typed, never losing it.
    private func askEventReason(_ event: VerdictEvent, records: Txt, question: String, reason: String, app: App) {
        app.modal = ReasonDialog(recordName: app.t(records), reason: reason) { [unowned self] reason in
            app.confirm(question, onYes: { [unowned self] in
                guard !self.giveEventVerdict(event, status: .tidak, reason: reason, app: app), !reason.allSatisfy(\.isWhitespace) else { return }
                self.askEventReason(event, records: records, question: question, reason: reason, app: app)
            })
            return true
        }
    }

    @discardableResult
    private func giveEventVerdict(_ event: VerdictEvent, status: VerificationStatus, reason: String, app: App) -> Bool {
        var result = EventVerdictResult(verdict: nil, judged: 0, skipped: 0)
        // A refused rejection asks again with the reason as typed (askEventReason).
        let action: WriteAction = status == .tidak ? .verdictWithReason : .verdict
        guard app.attempt(action, { result = try app.store.setEventVerdict(event.key, status: status, reason: reason) }) else { return false }
        app.dataChangedHere()
        if app.top !== self { reload(app: app) }
        app.inform(app.t(L.eventVerdictDone(accept: status == .memenuhi, L.eventRecords(result.judged, event.course), skipped: result.skipped)))
        return true
    }
}
