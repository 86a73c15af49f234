import Foundation

/// Changing a unit's code (`ipasn units rename OLD NEW`, and a joining city's unit landing
/// under another code: `ipasn migrate --join --rename OLD=NEW`), on both engines.
///
/// The rename is an operator's, in ONE transaction with its permission check: the unit, its
/// sub-units' parent, its employees, the admins' units, its progress marks and their reviews and
/// its SIASN export batches move to the new code; the kept per-unit figures (score totals,
/// pending and waiting counts) follow the employees. History is not rewritten: audit rows and an
/// employee import's change list keep the code as it was when they were written, and one audit
/// row (``AuditAction/rename``, subject `.unit(NEW)`, old the unit under OLD, new under NEW)
/// says who renamed what and when. A session opened before the rename that saves an employee
/// into OLD (a form loaded before) or marks OLD's progress follows the rename
/// (``renamedUnit(_:)``) while no unit holds OLD again.
public protocol UnitRenameStore {
    /// Renames unit `old` to `new`. Throws ``StoreError/notPermitted(_:)``
    /// (`.operatorOnly(.unitRename)`) for any account but an operator, and ``ValidationFailure``
    /// for an unknown `old` (`kode`, `.unknownUnit`), a `new` that is not a valid unit code as an
    /// import checks it (empty, a control character, too long) or that a unit already holds.
    func renameUnit(_ old: String, to new: String) throws
    /// The code unit `kode` carries now when it was renamed away (following every later
    /// rename); nil when a unit holds `kode` or it was never renamed.
    func renamedUnit(_ kode: String) throws -> String?
}
