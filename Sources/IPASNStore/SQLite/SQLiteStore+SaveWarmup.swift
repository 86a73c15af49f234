/// SQLite has nothing to ready before a first save: the connection prepares and keeps each
/// statement on first use (a few microseconds, in process) and nothing is compiled by a
/// server (``SaveWarmupStore``).
extension SQLiteStore: SaveWarmupStore {
    public func warmSavePath() throws {}
}
