import IPASNStore

/// The server writes its own log and checkpoints on its own schedule, outside any client's
/// save (docs/deployment.md: `checkpoint_timeout`, `max_wal_size`): nothing to defer or run.
extension PostgresStore: CheckpointStore {
    public func deferCheckpoints() throws {}

    @discardableResult
    public func checkpointIfDue() throws -> Bool { false }
}
