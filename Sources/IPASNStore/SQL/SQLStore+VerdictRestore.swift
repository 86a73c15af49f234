import Foundation
import IPASNCore

/// Undo and redo put back the verification that went with the content they restore (issue
/// 10's follow-up): a rejected record that an admin corrected and then undid is rejected
/// again, with the verifikator's reason, not belum as if never checked.
///
/// The verdict is taken from the audit trail, never from the caller: the verification in
/// force for a record just before audit entry `X` (the change an undo reverses, or the undo a
/// redo reverses) is the `new` value of the newest `verify` entry on the record before `X`,
/// unless a change of the record's values lies between them (a change resets to belum; a save
/// with the same values does not). Only its status, reason, verifier and moment come back
/// (the document mark is the current one: the document did not change with the content),
/// except for a record an undo brings back from a delete, whose row went with it: its
/// document mark comes back too. The restored state is written in the undo's transaction as
/// a state change of the `verification` row (so its triggers see it) and audited as a
/// `verify` entry by the acting login whose `undoes` names the undo or redo entry (the
/// verdict counts of `verdicts(from:until:)` leave such entries out: nobody judged anything).
extension SQLStore {
    /// The newest audit id now (entries above it were written after this point of the transaction).
    func sqlNewestAuditID(_ db: Connection) throws -> Int64 {
        try db.fetchValue(Int64.self, sql: "SELECT MAX(id) FROM audit") ?? 0
    }

    /// Restores, for every record `session` undid or redid after audit id `mark`, the
    /// verification that went with the content it put back (see above).
    func restoreVerdicts(after mark: Int64, session: String, _ db: Connection) throws {
        let reversals = try db.fetchAll(
            sql: """
                SELECT \(Self.auditColumns) FROM audit a
                WHERE a.id > ? AND a.session = ? AND a.action IN ('undo', 'redo') AND a.undoes IS NOT NULL
                ORDER BY a.id
                """, arguments: [mark, session]
        ).map(sqlAuditEntry)
        for reversal in reversals {
            guard case .record(let id) = reversal.subject, let away = reversal.undoes, reversal.new != nil else { continue }
            try restoreVerdict(id, before: away, reversal: reversal, db)
        }
    }

    /// The verification in force for a record just before audit entry `before`, from the
    /// audit trail: nil when the record was belum then (or had no verify entry).
    func verdictInForce(_ id: RecordID, before: Int64, _ db: Connection) throws -> RecordVerification? {
        let (entity, key) = StoreCodec.entity(.record(id))
        guard
            let entry = try db.fetchOne(
                sql: """
                    SELECT \(Self.auditColumns) FROM audit a
                    WHERE a.entity_id = ? AND a.entity = ? AND a.id < ?
                      AND (a.action = 'verify' OR a.old_value \(dialect.distinctFrom) a.new_value)
                    ORDER BY a.id DESC LIMIT 1
                    """, arguments: [key, entity, before]
            ).map(sqlAuditEntry),
            // A verdict given, or one an undo or redo of an event verdict put back.
            case .verification(let verification)? = entry.new
        else { return nil }
        return verification
    }

    private func restoreVerdict(_ id: RecordID, before away: Int64, reversal: AuditEntry, _ db: Connection) throws {
        let current = try verificationRow(id, db)
        guard let found = try verdictInForce(id, before: away, db) else { return }
        var target = current ?? .unverified
        target.status = found.status
        target.reason = found.reason
        target.by = found.by
        target.at = found.at
        if current == nil {
            target.documentInHand = found.documentInHand
            target.documentPath = found.documentPath
        }
        let old = current ?? .unverified
        guard target != old else { return }
        try sqlRestoreVerification(id, target, before: away, db)
        try sqlAudit(
            .verify, .record(id), nip: reversal.nip, old: .verification(old), new: .verification(target), undoes: reversal.id,
            batch: nil, db)
        // The caller's refresh of the touched employees (the reversal's nip among them) follows.
    }
}
