import IPASNCore

/// `docs/keyboard.md`, generated from the keymap (a test keeps the file in step).
public enum KeymapDoc {
    public static func markdown(_ keymap: Keymap = .standard) -> String {
        var text = """
            # ipasn workstation: keyboard

            Generated from `Keymap.standard` (Sources/IPASNWorkstation/Commands/Keymap.swift);
            the help screen (F1 or `?`) and the key bar at the bottom of every screen come from
            the same table. Every F-key has a letter or Ctrl alternative. In forms and in the
            search field printable keys are typed as text, so there the letter keys of a
            command do not apply: use its F-key or Ctrl key.

            In a picker field (jenis diklat, tingkat, predikat ...) type the name, its start or
            the SIASN number: the matching choices drop down, Up/Down move through them and
            Tab or Enter takes the highlighted one. Typed text is taken only when it means one
            choice: the exact name first, else the only choice that starts with it (`ba` is
            Baik, `sem` is Seminar), else the only one with a word that starts with it. When
            it fits several (`sos`: Sosial Kultural, Sosialisasi) or none, Tab takes nothing:
            the list stays open, the field is marked and the message row says why; Up/Down
            choose in the list (they never move to another field while the cursor is in a
            picker), or Esc clears the text (a second Esc leaves the form). Dates are typed
            `31-12-2024`, `31/12/2024` or `2024-12-31`.

            | Command | Keys | Where | What it does |
            |---|---|---|---|

            """
        for row in rows(keymap) {
            text += "| `\(row.id)` | \(row.keys) | \(row.contexts) | \(row.description) |\n"
        }
        text += """

            Entering a field (Tab, Shift-Tab, or the form opening on it) that holds text
            selects that text, in every form (record, bulk course, pegawai, unit, tambah unit dan
            pegawai) and every field but a picker: dates, numbers and free text (nama, jenjang,
            nama diklat, penyelenggara) alike, drawn selected. The first character typed or pasted
            replaces the whole text; Left/Right, Home/End, Backspace or any other editing key
            keeps it and edits it (End then types on at its end). A picker's text is never
            selected: its cursor stays at the end. A restored draft puts the cursor back where
            it was, not selected.

            Editing keys inside a field: Left/Right, Home/End (also Ctrl-A/Ctrl-E), Backspace,
            Del, Ctrl-U (clear the field), Ctrl-K (delete to the end), Ctrl-W (delete a word).
            Home, End, Insert, Delete, PgUp/PgDn and F1-F12 work as xterm, PuTTY, tmux, GNU
            screen, rxvt and the Linux console send them; a key the workstation does not know
            does nothing (it is never taken as Esc nor typed).

            Pasting (bracketed paste) types the text into the field: colours and control
            characters are dropped, a tab or a line break moves to the next field (a row copied
            from a spreadsheet fills the form in order). A paste never runs a command nor
            answers a question.

            One event, many participants (a sosialisasi, a bimtek): in a unit's employee list
            Space chooses or lets go of the employee under the cursor (and moves down), `v`
            marks the start of a run and `v` again at its end chooses the whole run, `*`
            chooses every employee shown (again: lets them go), `f` opens a filter (words
            matched against the name, the jabatan and the jenis jabatan; Enter keeps it, Esc
            clears it). The title shows how many are chosen. Pasting a column of NIPs (from
            Excel or an attendance list; apostrophes, spaces and a header line are fine)
            chooses those employees, and lists on screen every NIP that is unknown or belongs
            to another unit. `k` opens one course form for everyone chosen; after a course is
            filled in, `F` shows only those who do not have it yet. Ctrl-S shows the review
            (each participant's kompetensi and total before -> after, duplicates and similar
            courses marked, the unit mean before -> after; Space there leaves a participant
            out, or back in); Ctrl-S there saves everyone in one transaction. Esc lets go of the filter, then of the choice, then leaves. In
            search results (`/`), where letters are typed, Ins chooses employees of any unit
            (the choice stays while you search again) and F7 opens the course form for them.

            When the terminal is smaller than 60x16 only resizing it and quitting (F10,
            Ctrl-C, which keep an open form as a draft) do anything.

            Safety: leaving a form or quitting with unsaved input asks first (Ya/Tidak). When
            the terminal is closed or the process is told to stop (SIGHUP/SIGTERM), the open
            form is kept as a draft and offered on the next start; the draft is also written
            every few idle seconds. A draft belongs to the window (session) that has the form
            open: another window of the same login is not offered it while that window is open
            (it says it is alive with its autosave, every 30 seconds); the next start offers it
            once that window is closed (at once) or, killed, has been silent for 90 seconds.

            """
        return text
    }

    static func rows(_ keymap: Keymap) -> [(id: String, keys: String, contexts: String, description: String)] {
        Command.allCases.compactMap { command in
            let bindings = keymap.bindings.filter { $0.command == command }
            guard !bindings.isEmpty else { return nil }
            let keys = keymap.keyNames(for: command).map { "`\($0)`" }.joined(separator: ", ")
            let contexts: String
            if bindings.contains(where: { $0.contexts.isEmpty }) {
                contexts = "everywhere"
            } else {
                let set = bindings.reduce(into: Set<KeyContext>()) { $0.formUnion($1.contexts) }
                contexts = KeyContext.allCases.filter(set.contains).map(\.rawValue).joined(separator: ", ")
            }
            return (command.id, keys, contexts, command.description.en + " (" + command.description.id + ")")
        }
    }
}
