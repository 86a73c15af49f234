import IPASNStore

extension Command {
    /// Commands that enter or change data (records, employees, units, participants, imports,
    /// undo/redo). A read-only role (``Role/verifikator``, ``Role/pimpinan``) does not see them in
    /// the key bar, and pressing one says the store's rule at once instead of opening a form
    /// whose save the store would refuse. The store still checks every write: this only saves
    /// a reader from typing into a form for nothing.
    var entersData: Bool {
        switch self {
        case .undo, .redo, .editUnit, .importFiles, .addPegawai, .addDiklat, .addPendidikan, .addSKP, .addDisiplin,
            .deleteRecord, .editPegawai, .toggleAktif, .addParticipants, .removeParticipant, .importSimilar, .bulkSKP,
            .bulkPendidikan:
            return true
        default:
            return false
        }
    }

    /// Whether `role` (a read-only one) is kept from this command: the data commands, and for a
    /// pimpinan also the SIASN export of the pending records (it marks them sent: the BKPSDM
    /// team's verifikator sends, branch siasnback) and the progress dialog (a verifikator
    /// confirms or reopens marks there).
    func refused(for role: Role) -> Bool {
        entersData || (role == .pimpinan && (self == .exportPending || self == .markProgress))
    }
}

extension App {
    /// The acting account's role when it may only read (verifikator, pimpinan); nil otherwise,
    /// also for a database without accounts.
    static func readOnlyRole(store: Store, login: String) -> Role? {
        guard let role = (try? store.account(login: login))??.role else { return nil }
        return role == .verifikator || role == .pimpinan ? role : nil
    }

    /// The commands of a key bar this account may use.
    func usable(_ commands: [Command]) -> [Command] {
        guard let role = readOnlyRole else { return commands }
        return commands.filter { !$0.refused(for: role) }
    }

    /// True (and the rule on the message row) when a read-only role presses a command that
    /// enters data.
    func refusedForRole(_ command: Command) -> Bool {
        guard let role = readOnlyRole, command.refused(for: role) else { return false }
        // In the queue a verifikator undoes (redoes) their verdict for a whole event (EventVerdictStore).
        if role == .verifikator, command == .undo || command == .redo, top is VerificationView { return false }
        warn(PermissionRule.readOnlyRole(role).message(language))
        return true
    }
}
