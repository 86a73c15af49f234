import IPASNCore

/// A screen where employees are chosen for a bulk entry (a unit's list, search results):
/// what the bulk course form and its review need from it.
protocol BulkSource: View {
    /// The unit whose mean the form and the review show before -> after (nil: none, when
    /// the participants come from anywhere).
    var bulkUnit: OrgUnit? { get }
    /// The course last filled in for this screen's participants.
    var lastCourse: Diklat? { get set }
    /// After the batch is saved: the choice is done with and the figures are reloaded.
    func bulkSaved(app: App)
}
