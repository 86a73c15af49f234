import Foundation
import IPASNCore

/// What ``Store/addBatch(_:label:)`` wrote: one batch (a sosialisasi for 15 colleagues),
/// its records' ids in the order given, and every participant's new score.
public struct BatchResult: Hashable, Sendable {
    /// The batch id every audit row of the batch carries (``AuditEntry/batch``).
    public var batch: Int64
    /// The new records' ids, in the order of the records given.
    public var ids: [RecordID]
    /// Each participant's score for the measurement year after the batch, by NIP.
    public var scores: [String: EmployeeScore]

    public init(batch: Int64, ids: [RecordID], scores: [String: EmployeeScore]) {
        self.batch = batch
        self.ids = ids
        self.scores = scores
    }
}

/// A batch refused as a whole: the records that are invalid, each with its position in the
/// list, its employee and its issues. Nothing of the batch was written.
public struct BatchRefused: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Refusal: Hashable, Sendable {
        /// The record's position in the list given to ``Store/addBatch(_:label:)``.
        public var index: Int
        public var nip: String
        public var issues: [ValidationIssue]

        public init(index: Int, nip: String, issues: [ValidationIssue]) {
            self.index = index
            self.nip = nip
            self.issues = issues
        }
    }

    public var refusals: [Refusal]

    public init(_ refusals: [Refusal]) {
        self.refusals = refusals
    }

    public var description: String {
        refusals.map { "#\($0.index) \($0.nip): " + $0.issues.map(\.description).joined(separator: "; ") }
            .joined(separator: " | ")
    }
}

/// A stored batch: what the admin called the event, when and by whom it was saved, and how
/// many records it wrote.
public struct BatchInfo: Hashable, Sendable {
    public var id: Int64
    public var label: String
    public var at: Date
    public var actor: String
    public var count: Int
    /// For a later addition to or removal from a batch (``BatchEditStore``): that batch;
    /// nil for a batch itself.
    public var parent: Int64?

    public init(id: Int64, label: String, at: Date, actor: String, count: Int, parent: Int64? = nil) {
        self.id = id
        self.label = label
        self.at = at
        self.actor = actor
        self.count = count
        self.parent = parent
    }
}
