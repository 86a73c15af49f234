import Foundation
import IPASNStore

/// The import path field starts at the path this admin imported last (`~/Documents/...`),
/// kept per account as drafts are (a draft of the form ``importPathForm``: never offered to
/// restore, never shown to another admin).
extension App {
    static let importPathForm = "import-path"

    /// The path this admin's last import used, as typed (nil before the first import).
    func lastImportPath() -> String? {
        let drafts = (try? store.loadDrafts(owner: context.actor)) ?? []
        return drafts.first { $0.form == Self.importPathForm }?.fields["path"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Keeps `path` (as typed) as this admin's last import path; a store that cannot keep it
    /// (a full disk, a lost server) only means the field starts empty next time.
    func rememberImportPath(_ path: String) {
        let draft = Draft(form: Self.importPathForm, nip: "", editing: nil, fields: ["path": path], savedAt: context.now())
        try? store.saveDraft(draft, owner: context.actor)
    }
}
