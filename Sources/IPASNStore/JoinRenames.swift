import Foundation
import IPASNCore

/// The unit codes a joining file's units take in the target (`ipasn migrate --join --rename
/// OLD=NEW`, repeatable, and `--rename-prefix P`, which puts `P` before the code of every unit
/// of the file that no `--rename` names). The source file is only read: the renames are made,
/// each an audited ``UnitRenameStore/renameUnit(_:to:)`` of the joining operator, in a copy of
/// it (SQLite's backup of one snapshot), and the copy joins. So the rename moves every
/// reference exactly as `ipasn units rename` does, and the target's history says who renamed
/// what and when.
public struct JoinRenames: Sendable, Equatable {
    /// Old code and new, in the order given.
    public var pairs: [Pair]
    public var prefix: String?

    public struct Pair: Sendable, Equatable {
        public var old: String
        public var new: String
    }

    public var isEmpty: Bool { pairs.isEmpty && (prefix ?? "").isEmpty }

    /// Reads `--rename OLD=NEW` options; nil (and the option's text) for one that is not `A=B`.
    public static func parse(_ options: [String], prefix: String?) -> Result<JoinRenames, BadOption> {
        var pairs: [Pair] = []
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return .failure(BadOption(text: option)) }
            pairs.append(Pair(old: parts[0], new: parts[1]))
        }
        return .success(JoinRenames(pairs: pairs, prefix: prefix))
    }

    /// A `--rename` option that is not `OLD=NEW`.
    public struct BadOption: Error, Equatable, Sendable {
        public var text: String
    }

    /// The renames of `units` (the file's), old code to new: each named pair, then the prefix
    /// for every other unit.
    public func mapping(units: [OrgUnit]) -> [Pair] {
        var result = pairs
        if let prefix, !prefix.isEmpty {
            let named = Set(pairs.map(\.old))
            result += units.filter { !named.contains($0.kode) }.map { Pair(old: $0.kode, new: prefix + $0.kode) }
        }
        return result
    }

    /// Copies `source` to `path` (which must not exist) and makes the renames in the copy
    /// through the store as `context`'s actor (who must be an operator of the file, as the
    /// join requires); returns the copy and the renames made. A rename the store refuses
    /// (an unknown code, an invalid or used new one, a caller who is not the operator) throws.
    public func renamedCopy(of source: SQLiteStore, at path: String, context: StoreContext) throws -> (SQLiteStore, [Pair]) {
        try source.backup(to: path)
        let copy = try SQLiteStore(path: path, context: context)
        let renames = mapping(units: try copy.units())
        for pair in renames { try copy.renameUnit(pair.old, to: pair.new) }
        return (copy, renames)
    }
}
