import Foundation
import IPASNCore
import IPASNStore

/// Undo and redo name the verdicts they bring back or take away (``EventVerdictStore/verdictChanges(undo:session:)``).
extension App {
    /// What the session's next undo (redo) does to verdicts, as a sentence for its question;
    /// empty when it touches none.
    func verdictNote(undo: Bool) -> String {
        guard let changes = try? store.verdictChanges(undo: undo, session: context.session), let note = L.verdictNote(changes)
        else { return "" }
        return t(note)
    }

    /// An event verdict's entry (a `verify` entry of a batch, or its undo or redo), named as
    /// the event: "putusan memenuhi syarat untuk 40 data diklat 'Sosialisasi SKP 2025'".
    func eventVerdictText(_ entry: AuditEntry, _ batch: BatchInfo?) -> Txt? {
        guard let batch, case .verification(let given)? = entry.action == .undo ? entry.old : entry.new else { return nil }
        return L.eventVerdictChange(given.status, count: batch.count, label: batch.label)
    }
}
