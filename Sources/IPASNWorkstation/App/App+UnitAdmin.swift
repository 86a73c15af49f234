import IPASNCore
import IPASNStore

extension App {
    /// True (and the store's rule on the message row) when a unit admin presses a command that
    /// enters data on the screen of a unit that is neither one of theirs nor below one: the
    /// admin is told before filling a form (for a bulk course, 80 participants and a review)
    /// whose save the store would refuse. Undo and redo name this session's own changes and
    /// are left to the store. The store still checks every write: this only saves typing.
    func refusedForUnit(_ command: Command, on view: View) -> Bool {
        guard command.entersData, command != .undo, command != .redo, let kode = view.entryUnit else { return false }
        guard let account = (try? store.account(login: context.actor)) ?? nil, account.role == .admin,
            let units = try? store.units()
        else { return false }
        if Self.covers(account, unit: kode, units: units) { return false }
        warn(t(L.notYourUnitAtOnce(PermissionRule.notYourUnit(kode).message(language))))
        return true
    }

    /// True (and why on the message row) when a unit admin starts the SIASN export of records
    /// that are not all theirs: every unit's (nil), or a unit neither theirs nor below one. The
    /// export marks what it writes as sent, so another unit's admin would take those records
    /// out of everyone else's next export. Operators export everything.
    func refusedSIASNExport(unit kode: String?) -> Bool {
        guard let account = (try? store.account(login: context.actor)) ?? nil, account.role == .admin,
            let units = try? store.units()
        else { return false }
        guard let kode else {
            warn(t(L.exportPendingAllOperatorOnly))
            return true
        }
        if Self.covers(account, unit: kode, units: units) { return false }
        warn(t(L.notYourUnitAtOnce(PermissionRule.notYourUnit(kode).message(language))))
        return true
    }

    /// Whether the admin's units hold `unit` (the unit itself or one of its ancestors).
    static func covers(_ account: Account, unit: String, units: [OrgUnit]) -> Bool {
        let parents = Dictionary(units.map { ($0.kode, $0.induk) }, uniquingKeysWith: { first, _ in first })
        var current: String? = unit
        var seen = Set<String>()
        while let kode = current, seen.insert(kode).inserted {
            if account.units.contains(kode) { return true }
            current = parents[kode] ?? nil
        }
        return false
    }
}
