import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal

/// The database's accounts (the same store calls as `ipasn users`): login, role, units (with
/// how many sub-units each brings) and the last activity. `t` adds, Enter changes, `d` removes
/// after asking. Anyone may look; the store refuses a change by a non-operator and the screen
/// shows its message.
final class AccountsView: View {
    private(set) var accounts: [Account] = []
    private var last: [String: Date] = [:]
    private var tree = UnitTree([])
    private var cursor = ScrollList(count: 0, height: 1)

    init(app: App) {
        reload(app: app)
    }

    var context: KeyContext { .accounts }
    var keyBar: [Command] { [.help, .addAccount, .open, .removeAccount, .back, .quit] }

    var selected: Account? { accounts.isEmpty ? nil : accounts[cursor.selection] }

    func reload(app: App) {
        app.attempt {
            accounts = try app.store.accounts()
            last = try app.store.lastActivity(actors: accounts.map(\.login))
            tree = UnitTree(try app.store.units())
        }
        cursor.update(count: accounts.count)
    }

    /// `DINKES (+3 sub-unit)`: the units and how many sub-units they bring.
    func unitsText(_ account: Account, language: Language) -> String {
        guard account.role == .admin else { return "-" }
        let below = account.units.reduce(0) { $0 + max(0, tree.subtree(of: $1).count - 1) }
        return language.t(L.accountUnitsNote(account.units, subunits: below))
    }

    func handle(_ command: Command, app: App) -> Bool {
        if cursor.move(command) { return true }
        switch command {
        case .addAccount:
            app.modal = AccountForm(editing: nil, tree: tree) { [unowned self] in self.reload(app: app) }
        case .open:
            guard let account = selected else { return true }
            app.modal = AccountForm(editing: account, tree: tree) { [unowned self] in self.reload(app: app) }
        case .removeAccount:
            guard let account = selected else { return true }
            app.confirm(
                app.t(L.confirmRemoveAccount(account.login)),
                onYes: { [unowned self] in
                    if app.attempt({ try app.store.removeAccount(login: account.login) }) {
                        app.inform(app.t(L.accountRemoved(account.login)))
                    }
                    self.reload(app: app)
                })
        default:
            return false
        }
        return true
    }

    func render(into grid: inout CellGrid, rows: Int, app: App) {
        Draw.title(&grid, app.t(L.accountsTitle), right: "\(accounts.count) ")
        grid.put(app.t(L.accountsHint), row: 1, col: 1, style: .dim, maxWidth: grid.width - 2)
        let table = Table(
            [
                .init(app.t(L.colLogin), width: .fixed(16)), .init(app.t(L.colRole), width: .fixed(12)),
                .init(app.t(L.colUnits), width: .fill(minimum: 12)), .init(app.t(L.colLast), width: .fixed(16)),
            ], width: grid.width - 2)
        table.drawHeader(into: &grid, row: 2, col: 1)
        let formatter = DateFormatter()
        formatter.timeZone = app.context.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd-MM-yyyy HH:mm"
        for (offset, index) in cursor.visible(height: rows - 3).enumerated() {
            let account = accounts[index]
            table.draw(
                [
                    .init(account.login), .init(account.role.name(app.language)), .init(unitsText(account, language: app.language)),
                    .init(last[account.login].map(formatter.string(from:)) ?? app.t(L.accountsNever)),
                ], into: &grid, row: 3 + offset, col: 1, selected: index == cursor.selection)
        }
    }
}

/// Adds or changes one account: login (fixed when changing), role (Space cycles), units
/// (codes, comma-separated; their names and sub-units shown below). Ctrl-S saves through
/// `saveAccount`, whose refusal (not an operator, the last operator, an unknown unit) is shown.
final class AccountForm: Modal {
    let editing: Account?
    let tree: UnitTree
    let onClose: () -> Void
    private(set) var login: LineEditor
    private(set) var role: Role
    private(set) var units: LineEditor
    /// 0 login, 1 role, 2 units.
    private(set) var field: Int

    init(editing: Account?, tree: UnitTree, onClose: @escaping () -> Void) {
        self.editing = editing
        self.tree = tree
        self.onClose = onClose
        login = LineEditor(text: editing?.login ?? "", maxLength: 64)
        role = editing?.role ?? .admin
        units = LineEditor(text: editing?.units.joined(separator: ", ") ?? "", maxLength: 400)
        field = editing == nil ? 0 : 1
    }

    var keyBar: [Command] { [.nextField, .save, .back] }

    var unitCodes: [String] {
        units.text.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() }.filter { !$0.isEmpty }
    }

    func handle(_ key: Key, app: App) -> Bool {
        switch key {
        case .escape:
            onClose()
            return true
        case .tab, .down, .enter:
            field = field == 2 ? (editing == nil ? 0 : 1) : field + 1
        case .backTab, .up:
            field = field == (editing == nil ? 0 : 1) ? 2 : field - 1
        case .ctrl("s"), .function(2):
            return save(app: app)
        default:
            switch field {
            case 0: _ = login.handle(key)
            case 1:
                if key == .char(" ") || key == .right {
                    let all = Role.allCases
                    role = all[(all.firstIndex(of: role)! + 1) % all.count]
                } else if key == .left {
                    let all = Role.allCases
                    role = all[(all.firstIndex(of: role)! + all.count - 1) % all.count]
                }
            default: _ = units.handle(key)
            }
        }
        return false
    }

    private func save(app: App) -> Bool {
        let codes = unitCodes
        if role == .admin, let unknown = codes.first(where: { !tree.contains($0) }) {
            app.fail(app.t(L.accountUnknownUnit(unknown)))
            return false
        }
        let account = Account(login: login.text.trimmingCharacters(in: .whitespaces), role: role, units: codes)
        guard app.attempt({ try app.store.saveAccount(account) }) else { return false }
        app.inform(app.t(L.accountSaved(account.login)))
        onClose()
        return true
    }

    func render(into grid: inout CellGrid, app: App) {
        let names = tree.displayNames()
        let codes = unitCodes
        let below = codes.reduce(0) { $0 + max(0, tree.subtree(of: $1).count - 1) }
        let unitNames = codes.map { kode in names[kode].map { "\($0) (\(kode))" } ?? "? (\(kode))" }
        let marker = { (index: Int) in index == self.field ? "> " : "  " }
        var lines = [
            marker(0) + app.t(L.accountLoginLabel) + ": " + login.text,
            marker(1) + app.t(L.accountRoleLabel) + ": " + role.name(app.language),
        ]
        if role == .admin {
            lines.append(marker(2) + app.t(L.accountUnitsLabel) + ": " + units.text)
            lines.append("    " + app.t(L.accountUnitsNote(unitNames, subunits: below)))
        }
        lines += ["", app.t(L.accountFormHint)]
        var styles: [Style] = lines.indices.map { $0 < 3 && $0 == field ? .selected : .normal }
        styles[styles.count - 1] = .dim
        Dialogs.drawBox(&grid, title: app.t(editing == nil ? L.accountFormAdd : L.accountFormChange), lines: lines, styles: styles)
    }
}
