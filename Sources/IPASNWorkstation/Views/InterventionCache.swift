import IPASNReports

/// The workstation's copy of the intervention plan (``InterventionPlan`` in IPASNReports):
/// computed once, kept until the data, the year or the ruleset change (a save, an undo, an
/// import, here or in another session) or Ctrl-L.
final class InterventionCache {
    private(set) var plan: InterventionPlan?
    /// How many scans were made (tests check the cache with it).
    private(set) var computations = 0

    /// The cached plan when it still matches the store, else nil.
    func current(app: App) -> InterventionPlan? {
        guard let plan else { return nil }
        guard let stamp = try? InterventionPlan.stamp(store: app.store, year: app.year, ruleset: app.engine.ruleset),
            stamp == plan.stamp
        else { return nil }
        return plan
    }

    /// Scans the store (a second or two at province scale).
    func compute(app: App) throws -> InterventionPlan {
        let plan = try InterventionPlan.compute(store: app.store, year: app.year, ruleset: app.engine.ruleset)
        computations += 1
        self.plan = plan
        return plan
    }

    func invalidate() { plan = nil }
}
