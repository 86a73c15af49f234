import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn units ...`: the units themselves (they come in by `ipasn import units`).
struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units", abstract: "Change a unit's code (operators only).", subcommands: [UnitsRenameCommand.self])
}

/// `ipasn units rename OLD NEW`: one transaction of the store (``UnitRenameStore``), which
/// refuses any account but an operator and checks the new code.
struct UnitsRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Change a unit's code: its employees, sub-units, admins, progress marks and figures move with it (operators only).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The unit's code now.", valueName: "old")) var old: String
    @Argument(help: ArgumentHelp("Its new code (unused).", valueName: "new")) var new: String

    func run() throws {
        let id = global.language == .id
        let store = try global.openStore(.write)
        let units = try store.units()
        guard let unit = units.first(where: { $0.kode == old }) else {
            throw CLIError(id ? "Unit \(old) tidak ada di basis data." : "No unit \(old) in the database.")
        }
        let employees = try store.pegawai(inUnit: old, includeSubunits: false).count
        let subunits = units.filter { $0.induk == old }.count
        do {
            try store.renameUnit(old, to: new)
        } catch let failure as ValidationFailure {
            throw CLIError(failure.message(global.language))
        }
        let kode = try store.renamedUnit(old) ?? new
        Output.print(
            id
                ? "unit \(unit.nama): kode \(old) -> \(kode); \(employees) pegawai dan \(subunits) sub-unit ikut pindah; riwayat lama tetap dengan kode \(old)"
                : "unit \(unit.nama): code \(old) -> \(kode); \(employees) employee(s) and \(subunits) sub-unit(s) moved with it; the old history keeps the code \(old)")
    }
}
