import IPASNStore

extension App {
    /// Another session renamed a unit (``AuditAction/rename``): an open employee form showing
    /// the old code shows the new one, its other input kept; true (and the rename said on the
    /// message row) when the form on top holds typed input, which the ordinary refresh would
    /// only have warned about. A form without input reloads as any screen does.
    func followUnitRename(_ entries: [AuditEntry]) -> Bool {
        var shown = false
        // Oldest first: a code renamed twice ends at the newest.
        for entry in entries.reversed() where entry.action == .rename {
            guard case .unit(let old)? = entry.old, case .unit(let new)? = entry.new else { continue }
            for view in stack {
                guard let form = view as? PegawaiEditView else { continue }
                let changed = form.unitRenamed(from: old.kode, to: new.kode, by: entry.actor, app: self)
                if changed, view === top, form.hasUnsavedInput {
                    shown = true
                    announceRefresh(t(L.unitRenamedUnderForm(old: old.kode, new: new.kode, actor: entry.actor)), style: .warning)
                }
            }
        }
        return shown
    }
}
