import IPASNCore

/// An SKP before 2022 that SIASN holds in a version sent before it changed (``SKPSentChangeStore``).
public struct SKPHeldBySIASN: Hashable, Sendable {
    public var id: Int64
    /// The SKP as stored now (before 2022).
    public var skp: SKP
    /// The employee's current unit.
    public var unit: String
    /// The newest SIASN batch that sent it.
    public var batch: Int64

    public init(id: Int64, skp: SKP, unit: String, batch: Int64) {
        self.id = id
        self.skp = skp
        self.unit = unit
        self.batch = batch
    }
}

/// SKP that left SIASN's range after SIASN got them (branch fixes; docs/store.md, "SKP sent,
/// then moved before 2022").
///
/// Contract:
/// - ``skpHeldBySIASN(unit:)``: the SKP before 2022 (``SKPSiasn/firstYear``) of the employees
///   of `unit` and its sub-units (nil: every unit) that a SIASN batch sent and that changed
///   since (the version sent is not the current one): typically an SKP exported as 2023 and
///   then edited to 2020. The pending rule never counts them (SIASN takes no SKP before
///   2022), so ipasn will not send the change and SIASN keeps the version it got until
///   someone corrects it there; the reports and the employee page say so instead of "all
///   sent". An SKP before 2022 sent unchanged (SIASN has exactly it) is not listed. By NIP,
///   year, id; each with the newest SIASN batch that sent it. Reads; any role.
public protocol SKPSentChangeStore {
    func skpHeldBySIASN(unit: String?) throws -> [SKPHeldBySIASN]
}
