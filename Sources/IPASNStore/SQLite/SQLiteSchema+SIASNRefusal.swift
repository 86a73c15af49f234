import GRDB
import IPASNCore

extension SQLiteSchema {
    /// Migration `2026-12-04-siasnback`: SIASN's refusals of an upload's rows, kept per batch
    /// and record (``SIASNRefusalStore``): the version the batch sent, the answer's line and
    /// reason, who marked it and when. A refusal is in force while no later SIASN batch holds
    /// the record (or its deletion); the index by record answers the page's and the export's
    /// "is it refused" in one probe.
    static let siasnRefusals = """
        CREATE TABLE siasn_refusals (
            batch     INTEGER NOT NULL REFERENCES export_batches(id),
            kind      TEXT NOT NULL,
            record_id INTEGER NOT NULL,
            deleted   INTEGER NOT NULL DEFAULT 0,
            version   INTEGER NOT NULL,
            nip       TEXT NOT NULL,
            line      INTEGER NOT NULL,
            reason    TEXT NOT NULL,
            actor     TEXT NOT NULL,
            at        TEXT NOT NULL,
            PRIMARY KEY (batch, kind, record_id)
        ) WITHOUT ROWID;
        CREATE INDEX siasn_refusals_record ON siasn_refusals(kind, record_id, batch);
        """
}
