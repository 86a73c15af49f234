import IPASNStore
import IPASNTerminal

/// A form that edits stored data and can take another admin's save of it under the input
/// (``Command/reloadStored``): the live refresh names who saved it (``editedBy``).
protocol ReloadsStored: AnyObject {
    /// What the form edits, as the audit log names it (nil: a new record).
    var editedSubject: AuditSubject? { get }
    /// Who saved it since the form opened, when known.
    var editedBy: String? { get set }
}

/// A form refused because another admin saved the same data meanwhile, reloaded
/// (``Command/reloadStored``): a three-way merge of field texts by key.
///
/// - `base`: the texts the form showed when it opened (what the admin first saw);
/// - `typed`: the texts in the form now;
/// - `stored`: the texts of the data as stored now (the other admin's save).
///
/// A field the admin changed (typed differs from base) keeps what they typed; every other
/// field takes the stored text. Nothing is saved: the admin reads what changed and saves again.
struct StoredReload: Hashable, Sendable {
    /// The texts the form holds after the reload.
    var merged: [String: String]
    /// The fields the other admin changed (stored differs from base), the admin's typing kept
    /// out of them; in the form's order.
    var theirs: [String]
    /// The fields the admin changed that the other admin left alone: kept as typed.
    var mine: [String]
    /// The fields both changed, to different texts: the admin's text kept, theirs shown.
    var clashes: [String]
    /// The stored texts (the other admin's), by key.
    var stored: [String: String]

    /// `order`: the form's field keys, in the form's order.
    init(order: [String], base: [String: String], typed: [String: String], stored: [String: String]) {
        var merged: [String: String] = [:]
        var theirs: [String] = []
        var mine: [String] = []
        var clashes: [String] = []
        for key in order {
            let was = base[key] ?? ""
            let now = stored[key] ?? ""
            let input = typed[key] ?? ""
            let typedHere = input != was
            let changedThere = now != was
            merged[key] = typedHere ? input : now
            if typedHere && changedThere && input != now {
                clashes.append(key)
            } else if changedThere && !typedHere {
                theirs.append(key)
            } else if typedHere && !changedThere {
                mine.append(key)
            }
        }
        self.merged = merged
        self.theirs = theirs
        self.mine = mine
        self.clashes = clashes
        self.stored = stored
    }

    /// Whether the stored data differs from what the form first showed at all.
    var storedChanged: Bool { !theirs.isEmpty || !clashes.isEmpty }

    /// The message row after the reload: which fields `actor` changed (marked `*`), which
    /// input was kept, where both changed (theirs named); each field by its label in `fields`.
    func message(by actor: String?, fields: [FormField], app: App) -> (text: String, style: Style) {
        let save = app.keymap.keyText(for: .save, in: .form)
        guard storedChanged else { return (app.t(L.reloadNothingChanged(save: save)), .ok) }
        let label = { (key: String) in fields.first { $0.key == key }?.label(app.language) ?? key }
        let text = L.reloadedStored(
            by: actor, theirs: theirs.map(label).joined(separator: ", "), mine: mine.map(label).joined(separator: ", "),
            clashes: clashes.map { L.clashField(label($0), actor, stored[$0] ?? "") }.joined(separator: ", "), save: save)
        return (app.t(text), .warning)
    }
}
