import Foundation
import IPASNCore

/// ``EventVerdictStore``, once for both engines (see its documentation and docs/store.md,
/// "A verdict for a whole event").
extension SQLStore {
    public func verdictEvent(containing record: RecordID) throws -> VerdictEvent? {
        try sqlRead { db in try sqlVerdictEvent(.record(record), db) }
    }

    public func verdictEvent(batch: Int64) throws -> VerdictEvent? {
        try sqlRead { db in try sqlVerdictEvent(.batch(batch), db) }
    }

    @discardableResult
    public func setEventVerdict(_ key: VerdictEvent.Key, status: VerificationStatus, reason: String) throws -> EventVerdictResult {
        guard status != .belum else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "status",
                    code: .custom(
                        id: "Putusan untuk satu kegiatan: memenuhi atau tidak memenuhi syarat.",
                        en: "A verdict for an event is accepted or rejected."))
            ])
        }
        let reason = try Self.checkedVerdictReason(status: status, reason)
        return try sqlWrite { db in
            try permitVerdict(db)
            guard let event = try sqlVerdictEvent(key, db) else {
                if case .record(let id) = key { throw StoreError.recordNotFound(id) }
                throw ValidationFailure([ValidationIssue(field: "batch", code: .required)])
            }
            guard !event.waiting.isEmpty else { return EventVerdictResult(verdict: nil, judged: 0, skipped: event.skipped) }
            let verdict = try db.insertReturningID(
                sql: "INSERT INTO batches(label, at, actor, \(dialect.batchCount)) VALUES (?, ?, ?, ?)",
                arguments: [event.course.nama, context.now(), context.actor, event.waiting.count])
            let leftOut = try !sqlRuleset(db).verification.rejectedRecordsCount
            var nips = Set<String>()
            for id in event.waiting {
                // The permission of every record, in this transaction.
                try permitVerdict(db)
                guard let record = try sqlRecord(id, db) else { throw StoreError.recordNotFound(id) }
                let old = try verificationRow(id, db) ?? .unverified
                var new = old
                new.status = status
                new.reason = status == .tidak ? reason : ""
                new.by = context.actor
                new.at = context.now()
                try writeVerification(id, new, since: nil, db)
                try sqlAudit(.verify, .record(id), nip: record.nip, old: .verification(old), new: .verification(new), batch: verdict, db)
                if leftOut && status == .tidak { nips.insert(record.nip) }
            }
            for nip in nips.sorted() { _ = try sqlRecomputeEmployee(nip, db) }
            return EventVerdictResult(verdict: verdict, judged: event.waiting.count, skipped: event.skipped)
        }
    }

    public func verdictChanges(undo: Bool, session: String) throws -> [VerdictChange] {
        try sqlRead { db in
            // The entries the undo (redo) reverses: the change (the undo a redo reverses), or
            // every entry of its batch; each leaves a record as its `old` value says.
            let entries: [AuditEntry]
            if undo {
                guard let entry = try nextUndoEntry(session: session, db), entry.action != .import else { return [] }
                entries = try entry.batch.map { try sessionEntries(batch: $0, session: session, undo: true, db) } ?? [entry]
            } else {
                guard let undoEntry = try nextRedoEntry(session: session, db), let changeID = undoEntry.undoes,
                    try auditEntry(id: changeID, db)?.action != .import
                else { return [] }
                entries = try undoEntry.batch.map { try sessionEntries(batch: $0, session: session, undo: false, db) } ?? [undoEntry]
            }
            var changes: [VerdictChange] = []
            for entry in entries {
                guard case .record(let id) = entry.subject else { continue }
                let now = try verificationRow(id, db) ?? .unverified
                let after: RecordVerification?
                if case .verification(let old)? = entry.old {
                    after = old
                } else if entry.old == nil {
                    after = nil
                } else {
                    after = try verdictInForce(id, before: entry.id, db) ?? Self.belum(keeping: now)
                }
                changes.append(VerdictChange(id: id, now: now, after: after))
            }
            // Only the records whose verdict (status, or who gave it) changes.
            return changes.filter { change in
                guard let after = change.after else { return change.now.status != .belum }
                return after.status != change.now.status || after.by != change.now.by
            }
        }
    }

    // MARK: Undo and redo of an event verdict

    /// Whether `entry` (the next to undo) is an event verdict's: a `verify` entry of a batch, or
    /// the redo of one.
    func isEventVerdict(_ entry: AuditEntry) -> Bool {
        guard entry.batch != nil, case .verification? = entry.new else { return false }
        return true
    }

    /// Takes an event verdict back (`undo`) or gives it again, in the current transaction: every
    /// entry of `batch` the session has not reversed yet, each record set back from its entry's
    /// `new` to its `old` verification (the document mark as it is now), refusing with
    /// ``StoreError/changedSince(by:)`` when a record no longer has the verdict the entry left.
    func sqlReverseEventVerdict(_ batch: Int64, session: String, undo: Bool, _ db: Connection) throws {
        try permitVerdict(db)
        let leftOut = try !sqlRuleset(db).verification.rejectedRecordsCount
        var nips = Set<String>()
        for entry in try sessionEntries(batch: batch, session: session, undo: undo, db) {
            guard case .record(let id) = entry.subject, case .verification(let left)? = entry.new,
                case .verification(let back)? = entry.old
            else { throw Self.unreadable(entry.id) }
            try permitVerdict(db)
            let current = try verificationRow(id, db)
            guard let current, Self.sameVerdict(current, left) else {
                throw StoreError.changedSince(by: try changedBy(.record(id), since: entry.id, db))
            }
            var target = current
            target.status = back.status
            target.reason = back.reason
            target.by = back.by
            target.at = back.at
            try writeVerification(id, target, since: nil, db)
            try sqlAudit(
                undo ? .undo : .redo, .record(id), nip: entry.nip, old: .verification(current), new: .verification(target),
                undoes: entry.id, batch: batch, db)
            if leftOut && (current.status == .tidak) != (target.status == .tidak), let nip = entry.nip { nips.insert(nip) }
        }
        for nip in nips.sorted() where try sqlPegawai(nip: nip, db) != nil { _ = try sqlRecomputeEmployee(nip, db) }
    }

    /// The session's entries of `batch` an undo (newest first: changes and redos not undone
    /// yet) or a redo (oldest first: undos not redone yet) reverses.
    private func sessionEntries(batch: Int64, session: String, undo: Bool, _ db: Connection) throws -> [AuditEntry] {
        let sql =
            undo
            ? """
            SELECT \(Self.auditColumns) FROM audit a
            WHERE a.session = ? AND a.batch = ? AND a.action IN (\(Self.undoableActions), 'verify')
              AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id AND u.action = 'undo')
            ORDER BY a.id DESC
            """
            : """
            SELECT \(Self.auditColumns) FROM audit a
            WHERE a.session = ? AND a.batch = ? AND a.action = 'undo'
              AND NOT EXISTS (SELECT 1 FROM audit r WHERE r.undoes = a.id AND r.action IN ('redo', 'import'))
            ORDER BY a.id
            """
        return try db.fetchAll(sql: sql, arguments: [session, batch]).map(sqlAuditEntry)
    }

    // MARK: The event

    /// The event of `key` as it stands in the current transaction; nil when there is none.
    func sqlVerdictEvent(_ key: VerdictEvent.Key, _ db: Connection) throws -> VerdictEvent? {
        var batch: Int64?
        var course: Diklat?
        switch key {
        case .batch(let id):
            guard try batchRow(id, db) != nil else { return nil }
            batch = id
        case .record(let id):
            guard id.kind == .diklat, case .diklat(let diklat)? = try sqlRecord(id, db) else { return nil }
            course = diklat
            batch = try self.batch(containing: id, db)
        }
        var members: [RecordID]
        if let batch {
            members = try memberIDs(batch, db).filter { $0.kind == .diklat }
        } else if let course {
            let name = DuplicateKey.normalizedName(course.nama)
            members = try db.fetchAll(
                sql: "SELECT id, nama FROM diklat WHERE tanggal_mulai = ? AND tanggal_selesai = ? AND penyelenggara = ? ORDER BY id",
                arguments: [course.tanggalMulai, course.tanggalSelesai, course.penyelenggara]
            ).compactMap { row in
                let nama: String = row[1]
                return DuplicateKey.normalizedName(nama) == name ? RecordID(kind: .diklat, id: row[0]) : nil
            }
        } else {
            members = []
        }
        var waiting: [RecordID] = []
        var skipped = 0
        for id in members {
            guard let record = try sqlRecord(id, db) else { continue }
            if course == nil, case .diklat(let diklat) = record { course = diklat }
            let status = try verificationRow(id, db)?.status ?? .belum
            if status == .belum, try sqlPegawai(nip: record.nip, db)?.aktif == true {
                waiting.append(id)
            } else {
                skipped += 1
            }
        }
        guard let course else { return nil }
        return VerdictEvent(key: key, course: course, batch: batch, waiting: waiting, skipped: skipped)
    }

    // MARK: Rules

    /// The reason of a verdict, trimmed: required for `tidak`, without control characters
    /// (``VerificationStore/setVerification(_:status:reason:)`` and event verdicts, both engines).
    package static func checkedVerdictReason(status: VerificationStatus, _ text: String) throws -> String {
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if status == .tidak && reason.isEmpty {
            throw ValidationFailure([
                ValidationIssue(
                    field: "alasan",
                    code: .custom(
                        id: "Alasan wajib diisi untuk data yang tidak memenuhi syarat: tulis apa yang harus diperbaiki.",
                        en: "A reason is required for a rejected record: say what must be corrected."))
            ])
        }
        if let bad = TextLimits.firstControlCharacter(reason) {
            throw ValidationFailure([
                ValidationIssue(
                    field: "alasan",
                    code: .custom(
                        id: "Alasan berisi karakter kendali \(TextLimits.name(of: bad)); hapus karakter itu.",
                        en: "The reason contains the control character \(TextLimits.name(of: bad)); remove it."))
            ])
        }
        return reason
    }

    /// Whether two verifications carry the same verdict (status, reason, who, when).
    static func sameVerdict(_ a: RecordVerification, _ b: RecordVerification) -> Bool {
        // Moments compared to the millisecond: each engine keeps its own precision.
        let moment = { (date: Date?) in date.map { ($0.timeIntervalSince1970 * 1000).rounded() } }
        return a.status == b.status && a.reason == b.reason && a.by == b.by && moment(a.at) == moment(b.at)
    }

    /// Belum, with the document mark of `now`.
    static func belum(keeping now: RecordVerification) -> RecordVerification {
        RecordVerification(documentInHand: now.documentInHand, documentPath: now.documentPath)
    }
}
