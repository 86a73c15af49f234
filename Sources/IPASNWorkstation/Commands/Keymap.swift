import IPASNCore
import IPASNTerminal

/// Which keys trigger a command, and where.
public struct Binding: Hashable, Sendable {
    public var command: Command
    public var keys: [Key]
    /// Empty means every context.
    public var contexts: Set<KeyContext>

    public init(_ command: Command, _ keys: [Key], in contexts: Set<KeyContext> = []) {
        self.command = command
        self.keys = keys
        self.contexts = contexts
    }

    func applies(in context: KeyContext) -> Bool { contexts.isEmpty || contexts.contains(context) }
}

/// The one table from keys to commands. The help screen, key bars and `docs/keyboard.md`
/// are all generated from it, so they can never disagree with what the keys do.
public struct Keymap: Hashable, Sendable {
    public var bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    static let lists: Set<KeyContext> = [
        .welcome, .units, .employees, .employee, .dashboard, .interventions, .missing, .search, .review, .help,
        .importReport, .verification, .history, .activity, .accounts, .pending, .reconcile, .batches, .batch,
    ]
    static let browse: Set<KeyContext> = [.units, .employees, .employee, .dashboard]

    /// The default keys.
    public static let standard = Keymap(bindings: [
        Binding(.help, [.function(1), .char("?")]),
        Binding(.quit, [.function(10), .char("q"), .ctrl("c")]),
        Binding(.back, [.escape]),
        Binding(.refresh, [.ctrl("l")]),
        Binding(.open, [.enter], in: [.welcome, .units, .employees, .employee, .dashboard, .interventions, .missing, .search, .dialog, .verification, .accounts, .pending, .reconcile,
            .batches]),
        // In a dialog: the choices of the import's kind (``ImportKindDialog``).
        Binding(.moveUp, [.up], in: lists.union([.dialog])),
        Binding(.moveDown, [.down], in: lists.union([.dialog])),
        Binding(.pageUp, [.pageUp], in: lists),
        Binding(.pageDown, [.pageDown], in: lists),
        Binding(.first, [.home], in: lists),
        Binding(.last, [.end], in: lists),
        Binding(.search, [.char("/"), .ctrl("f")], in: browse),
        Binding(.sort, [.char("s"), .function(6)], in: [.employees, .dashboard, .interventions]),
        Binding(.dashboard, [.function(5), .char("b")], in: [.units, .employees, .employee]),
        Binding(.interventions, [.char("i"), .function(4)], in: [.units, .dashboard]),
        Binding(.missingRecords, [.char("l")], in: [.units, .employees, .dashboard]),
        Binding(.pendingSIASN, [.char("P")], in: [.units, .dashboard]),
        Binding(.exportPending, [.char("x")], in: [.pending]),
        Binding(.minimumSize, [.char("f")], in: [.interventions]),
        Binding(.reconcile, [.char("R")], in: [.units, .dashboard]),
        Binding(.exportReport, [.char("x")], in: [.units, .dashboard, .interventions, .reconcile]),
        Binding(.undo, [.char("u"), .ctrl("z")], in: [.units, .employees, .employee, .batches, .batch, .verification]),
        Binding(.redo, [.char("U"), .ctrl("r")], in: [.units, .employees, .employee, .batches, .batch, .verification]),
        Binding(.editUnit, [.char("e")], in: [.units]),
        Binding(.importFiles, [.char("I")], in: [.units]),
        Binding(.markProgress, [.char("m"), .function(8)], in: [.units, .employees]),
        Binding(.addPegawai, [.char("t"), .insert], in: [.units, .employees]),
        Binding(.toggleSelect, [.char(" ")], in: [.employees, .review]),
        Binding(.toggleSelect, [.insert], in: [.search]),
        Binding(.selectRange, [.char("v")], in: [.employees]),
        Binding(.selectAll, [.char("*")], in: [.employees]),
        Binding(.filter, [.char("f")], in: [.employees]),
        Binding(.filterLacking, [.char("F")], in: [.employees]),
        Binding(.addDiklat, [.char("k"), .function(7)], in: [.employee, .employees, .search]),
        Binding(.addPendidikan, [.char("p")], in: [.employee]),
        Binding(.addSKP, [.char("n")], in: [.employee]),
        Binding(.addDisiplin, [.char("h")], in: [.employee]),
        Binding(.deleteRecord, [.char("d"), .delete], in: [.employee]),
        Binding(.nextField, [.tab, .enter, .down], in: [.form]),
        Binding(.previousField, [.backTab, .up], in: [.form]),
        Binding(.save, [.ctrl("s"), .function(2)], in: [.form, .review, .grid]),
        Binding(.nextRow, [.enter, .down], in: [.grid]),
        Binding(.previousRow, [.up], in: [.grid]),
        Binding(.nextField, [.tab], in: [.grid]),
        Binding(.previousField, [.backTab], in: [.grid]),
        Binding(.replaceExisting, [.function(3), .ctrl("g")], in: [.grid]),
        Binding(.keepExisting, [.function(4), .ctrl("k")], in: [.grid]),
        Binding(.saveAndAdd, [.ctrl("n"), .function(3)], in: [.form]),
        Binding(.chooseImport, [.char("1")], in: [.welcome]),
        Binding(.chooseDemo, [.char("2")], in: [.welcome]),
        Binding(.chooseBlank, [.char("3")], in: [.welcome]),
        Binding(.importValidRows, [.char("v"), .function(2)], in: [.importReport]),
        Binding(.importSimilar, [.char("m")], in: [.importReport]),
        Binding(.batches, [.char("B")], in: [.units, .employees, .employee]),
        Binding(.bulkSKP, [.char("n")], in: [.employees]),
        Binding(.bulkPendidikan, [.char("p")], in: [.employees]),
        Binding(.addParticipants, [.char("t"), .insert], in: [.batch]),
        Binding(.removeParticipant, [.char("d"), .delete], in: [.batch]),
        Binding(.confirmYes, [.char("y"), .char("Y")], in: [.dialog]),
        Binding(.confirmNo, [.char("t"), .char("T"), .char("n"), .char("N")], in: [.dialog]),
        Binding(.editPegawai, [.char("e")], in: [.employees, .employee]),
        Binding(.toggleAktif, [.char("a")], in: [.employees, .employee]),
        Binding(.verificationQueue, [.char("V")], in: [.units, .employees, .dashboard]),
        Binding(.acceptRecord, [.char("m")], in: [.verification]),
        Binding(.rejectRecord, [.char("t")], in: [.verification]),
        Binding(.acceptEvent, [.char("M")], in: [.verification]),
        Binding(.rejectEvent, [.char("T")], in: [.verification]),
        Binding(.toggleDocument, [.char("D")], in: [.verification, .employee]),
        Binding(.queueKind, [.char("j")], in: [.verification]),
        Binding(.queueSince, [.char("s")], in: [.verification]),
        Binding(.queueBy, [.char("o")], in: [.verification]),
        Binding(.queueUnit, [.char("f")], in: [.verification]),
        Binding(.queueClear, [.char("c")], in: [.verification]),
        Binding(.queueRefused, [.char("S")], in: [.verification]),
        Binding(.figuresAsEntered, [.char("v")], in: [.dashboard]),
        Binding(.history, [.char("H")], in: [.units, .employees, .employee]),
        Binding(.activity, [.char("w")], in: [.dashboard]),
        Binding(.accounts, [.char("A")], in: [.units, .dashboard]),
        Binding(.nextPeriod, [.char("p")], in: [.activity]),
        Binding(.toggleGrouping, [.char("g")], in: [.activity]),
        Binding(.confirmMark, [.char("c")], in: [.dialog]),
        Binding(.reopenMark, [.char("r")], in: [.dialog]),
        Binding(.addAccount, [.char("t"), .insert], in: [.accounts]),
        Binding(.removeAccount, [.char("d"), .delete], in: [.accounts]),
        Binding(.openEvent, [.char("o")], in: [.employee]),
        Binding(.reloadStored, [.ctrl("r"), .function(5)], in: [.form]),
    ])

    /// The command a key triggers in a context. In contexts that type text, printable keys
    /// never become commands.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        if context.typesText, case .char = key { return nil }
        for binding in bindings where binding.applies(in: context) && binding.keys.contains(key) {
            return binding.command
        }
        return nil
    }

    /// The keys bound to a command in a context (all of them, first is the primary).
    public func keys(for command: Command, in context: KeyContext? = nil) -> [Key] {
        bindings.filter { $0.command == command && (context.map($0.applies(in:)) ?? true) }
            .flatMap(\.keys)
            .filter { key in
                guard let context, context.typesText, case .char = key else { return true }
                return false
            }
    }

    /// The names of the keys (`F1`, `?`), without repeats.
    public func keyNames(for command: Command, in context: KeyContext? = nil) -> [String] {
        var seen: [String] = []
        for key in keys(for: command, in: context) where !seen.contains(key.name) { seen.append(key.name) }
        return seen
    }

    /// `F1,?` — the keys as shown in key bars and help.
    public func keyText(for command: Command, in context: KeyContext? = nil) -> String {
        keyNames(for: command, in: context).joined(separator: ",")
    }
}
