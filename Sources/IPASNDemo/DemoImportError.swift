import Foundation
import IPASNCore
import IPASNStore

/// The store refused demo rows (a bug in the generator, or a store whose today is earlier).
public struct DemoImportError: Error, CustomStringConvertible {
    public var kind: CSVFileKind
    public var issues: [LineIssue]

    public var description: String {
        let first = issues.prefix(5).map { "row \($0.line - 1): \($0.issue.field): \($0.issue.message(.en))" }
        return "the store refused \(issues.count) demo \(kind.rawValue) row(s): " + first.joined(separator: "; ")
    }
}
