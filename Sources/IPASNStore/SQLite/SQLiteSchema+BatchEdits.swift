import GRDB

extension SQLiteSchema {
    /// Reopening a batch (``BatchEditStore``): a participant added or removed later is a
    /// batch row of its own whose `parent` is the batch, so that it is undone as one step
    /// while the batch's members stay the records of the batch and of its edits.
    static func batchEdits(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE batches ADD COLUMN parent INTEGER REFERENCES batches(id);
                CREATE INDEX batches_parent ON batches(parent) WHERE parent IS NOT NULL;
                """)
    }
}
