import IPASNStore

extension PostgresStore: JoinStore {
    /// ``PostgresCopy`` on this store's database, with its own connection and transaction.
    public func copyTables(joining: Bool, _ fill: (any CopyTarget) throws -> Void) throws -> TableCopyReport {
        let copy = try PostgresCopy(conninfo, joining: joining)
        try fill(copy)
        return try copy.finish()
    }
}
