import ArgumentParser
import Foundation
import IPASNDemo
import IPASNStore
import IPASNTerminal
import IPASNWorkstation

/// `ipasn tui` (and `ipasn` alone): the interactive workstation.
struct WorkstationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the data-entry workstation (the default when no command is given).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try runWorkstation(global)
    }
}

// MARK: - Workstation entry point

/// Starts the interactive workstation on the database and language of `options`:
/// opens (creating on first use) the store, takes over the terminal through ncurses and
/// runs the event loop until the admin quits or the session is hung up (an open form is
/// then kept as a draft). The terminal is restored on every way out.
func runWorkstation(_ options: GlobalOptions) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        throw CLIError(
            "the workstation needs a terminal (stdin and stdout); for scripts use a command such as `ipasn score` (see `ipasn --help`).",
            code: ExitStatus.usage)
    }
    MallocArenas.useOne()
    let opened = try options.openDatabase(.create, readOnlyFallback: true, admitting: false)
    let store = opened.store
    let context = options.context
    let refusal = try GlobalOptions.refusal(store, login: context.actor)
    let screen: NcursesScreen
    do {
        screen = try NcursesScreen()
    } catch {
        throw CLIError("cannot start the terminal screen (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "")): \(Output.describe(error))")
    }
    defer { screen.shutdown() }
    if let refusal {
        // A login without an account sees who to ask, and nothing else.
        AccountNotice.show(refusal, on: screen, language: options.language)
        screen.shutdown()
        throw CLIError(refusal.message(options.language) + ".")
    }
    let workstation = try Workstation(
        store: store, screen: screen, language: options.language, context: context,
        loadDemo: {
            // The welcome screen's "coba dengan data contoh": a small regency, fast to load.
            try DemoGenerator(seed: 1, pegawai: welcomeDemoSize, today: context.today).write(to: store)
        })
    // A save that waits for another admin's import says so on the message line. The
    // observer runs while the workstation's own store call is blocked waiting, so the
    // workstation is not in use by anything else meanwhile.
    // The open form's draft while the store cannot take it (a server down): in the login's own
    // home (by its real user id, as the account is), never a shared folder.
    if let entry = getpwuid(getuid()), let home = entry.pointee.pw_dir.map({ String(cString: $0) }), !home.isEmpty {
        workstation.draftFallbackPath = Workstation.draftFallbackPath(home: home, database: options.databasePath)
    }
    if opened.isReadOnly { workstation.announceReadOnly() }
    if opened.becameFirstOperator { workstation.announceFirstOperator(context.actor) }
    let relay = WaitRelay(workstation)
    opened.setLockWaitObserver { status in relay.workstation.showLockWait(status) }
    defer { opened.setLockWaitObserver(nil) }
    try workstation.run()
}

/// Hands the workstation to the store's lock-wait observer (see `runWorkstation`).
private final class WaitRelay: @unchecked Sendable {
    let workstation: Workstation
    init(_ workstation: Workstation) { self.workstation = workstation }
}

/// Employees in the sample the welcome screen offers (about a second to load).
let welcomeDemoSize = 1000
