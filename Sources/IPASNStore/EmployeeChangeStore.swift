import Foundation
import IPASNCore

/// Employees change: an edit of an employee's data, a mutasi to another unit (with its
/// date), an inactivation (pensiun, pindah keluar, meninggal, diberhentikan: a reason and a
/// date) and a reactivation. The contract is `docs/store.md`, "Employees change"; the
/// conformance suite's behaviours are in `StoreConformance+Employees.swift`.
///
/// - **One transaction, one audit row.** Every change is audited as an
///   ``AuditAction/update`` of ``AuditSubject/pegawai(_:)`` with the whole employee before and
///   after, and the employee's cached scores are refreshed in the same transaction, so it is
///   undone and redone like any employee save (``Store/undoLast(session:)``).
/// - **Figures.** A mutasi moves the employee's figures to the new unit at once (the figures
///   follow the employee's current unit). An inactive employee counts in a year's figures
///   only when they left after 31 December of that year (``Pegawai/counts(inYear:)``).
public protocol EmployeeChangeStore: AnyObject, Sendable {
    /// Changes an existing employee (found by NIP) to `pegawai`, checked as one change:
    ///
    /// - `nama` must not be empty and a struktural post needs its jenjang; the unit must exist;
    /// - a new unit is a mutasi: its date (``Pegawai/tmtUnit``) is required, not after today
    ///   and not before the previous mutasi; an inactive employee cannot be moved;
    /// - `aktif == false` needs ``Pegawai/keluar`` (reason and date, not after today); an
    ///   active employee's `keluar` is cleared;
    /// - permissions: the employee's current unit must be the acting admin's; a mutasi into a
    ///   unit that is not theirs is ``PermissionRule/mutasiOutside(unit:operators:)`` (an
    ///   operator does it).
    ///
    /// With `original` (the employee as the form showed it when opened), the change is
    /// refused with ``StoreError/editedMeanwhile(by:)`` (naming who saved the employee last)
    /// when the stored employee differs from it: two people editing one employee at once, the
    /// second save would otherwise write back the first one's fields as they were.
    ///
    /// Returns the stored employee, or nil when nothing differs (nothing written, no audit).
    /// Throws ``ValidationFailure`` (`.unknownNIP` for an unknown NIP) or ``StoreError``.
    @discardableResult
    func changePegawai(_ pegawai: Pegawai, expecting original: Pegawai?) throws -> Pegawai?

    /// The employee's changes still in effect, oldest first: every audited save of the employee
    /// (workstation, CLI, an employee import), leaving out those undone (and not redone).
    /// The workstation derives the mutasi history from it (``PegawaiHistory``).
    func pegawaiHistory(nip: String) throws -> [PegawaiHistory.Step]
}

extension EmployeeChangeStore {
    /// ``changePegawai(_:expecting:)`` without the check of what the form showed (the
    /// command line and imports, which read the employee in the same step).
    @discardableResult
    public func changePegawai(_ pegawai: Pegawai) throws -> Pegawai? {
        try changePegawai(pegawai, expecting: nil)
    }
}

/// One employee's history of saves, as ``EmployeeChangeStore/pegawaiHistory(nip:)`` gives it.
public enum PegawaiHistory {
    /// One change in effect: when, who, and the employee before (nil when added) and after.
    public struct Step: Hashable, Sendable {
        public var at: Date
        public var actor: String
        public var old: Pegawai?
        public var new: Pegawai

        public init(at: Date, actor: String, old: Pegawai?, new: Pegawai) {
            self.at = at
            self.actor = actor
            self.old = old
            self.new = new
        }
    }

    /// One move between units.
    public struct Mutasi: Hashable, Sendable {
        /// The date of the move (the new ``Pegawai/tmtUnit``), nil when not known (an import).
        public var tanggal: LocalDate?
        public var dari: String
        public var ke: String
        public var at: Date
        public var actor: String

        public init(tanggal: LocalDate?, dari: String, ke: String, at: Date, actor: String) {
            self.tanggal = tanggal
            self.dari = dari
            self.ke = ke
            self.at = at
            self.actor = actor
        }
    }

    /// The mutasi among the steps: each step that changed the unit, oldest first.
    public static func mutasi(_ steps: [Step]) -> [Mutasi] {
        steps.compactMap { step in
            guard let old = step.old, old.kodeUnit != step.new.kodeUnit else { return nil }
            return Mutasi(tanggal: step.new.tmtUnit, dari: old.kodeUnit, ke: step.new.kodeUnit, at: step.at, actor: step.actor)
        }
    }
}
