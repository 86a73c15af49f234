/// When a store that writes its changes to a log first (SQLite's write-ahead log) copies them
/// into the database file: off the save's path for an interactive client (issue 14, branch
/// save4: an automatic checkpoint inside a save's commit was the save's p99).
///
/// Contract (docs/store.md, "Checkpoints off the save path"):
/// - A committed save is durable when the save returns, whatever this protocol is asked: the
///   log is synced at every commit (SQLite: `synchronous = FULL`); a checkpoint only moves
///   what is already durable into the database file, so when it runs changes no data.
/// - ``deferCheckpoints()``: from then on this store's own commits no longer copy the log
///   into the database inside the commit at the usual size (SQLite: 1,000 pages); only a
///   much larger log (SQLite: 10,000 pages, 40 MB) still does it there, so a client that
///   never calls ``checkpointIfDue()`` cannot grow it without bound.
/// - ``checkpointIfDue()``: copies the log when this store's commits have added at least the
///   usual size since the last copy (else does nothing, cheaply: it is called after every
///   frame), never waiting for another process's readers or writers (what it cannot copy
///   now is tried again later). Returns whether it copied.
/// - A store without such a log (PostgreSQL: the server checkpoints on its own) does nothing
///   in both and returns false.
public protocol CheckpointStore {
    /// Keeps the log's copy out of this store's commits (see the contract).
    func deferCheckpoints() throws
    /// Copies the log into the database when enough has gathered (see the contract).
    @discardableResult
    func checkpointIfDue() throws -> Bool
}
