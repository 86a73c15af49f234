/// How many records one actor entered for the employees of one unit (the unit's own
/// employees, not its sub-units') in some period: what ``Store/recordEntries(since:)`` returns.
public struct EntryCount: Hashable, Sendable {
    public var unit: String
    public var actor: String
    public var count: Int

    public init(unit: String, actor: String, count: Int) {
        self.unit = unit
        self.actor = actor
        self.count = count
    }

    struct Key: Hashable {
        var unit: String
        var actor: String
    }
}
