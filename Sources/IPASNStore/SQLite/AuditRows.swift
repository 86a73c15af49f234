import Foundation
import GRDB
import IPASNCore

/// How a typed ``AuditEntry`` maps to the `audit` table: `action`, `entity` and `entity_id`
/// as text (an import and its undo: the kind and an empty id), `session` and `undoes` as
/// they are, the old and new values as JSON (or plain text for the small settings), in the
/// format the table has always held, so older databases read back typed.
enum AuditRows {
    static let columns =
        "a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.nip, a.old_value, a.new_value, a.undoes, a.session, a.batch"

    /// The `entity` and `entity_id` columns of a subject.
    static func entity(_ subject: AuditSubject) -> (entity: String, id: String) {
        switch subject {
        case .record(let id): return (id.kind.rawValue, String(id.id))
        case .unit(let kode): return ("units", kode)
        case .pegawai(let nip): return ("pegawai", nip)
        case .setting(let setting): return ("config", setting.rawValue)
        case .progress(let unit, let dimension): return ("progress", "\(unit)/\(dimension.rawValue)")
        case .importFile(let kind): return (kind.rawValue, "")
        case .account(let login): return ("accounts", login)
        case .siasnBatch(let number): return ("export_batches", String(number))
        }
    }

    /// The stored text of a value (the subject gives a record its id).
    static func text(_ value: AuditValue, _ subject: AuditSubject) throws -> String {
        switch value {
        case .record(let record):
            guard case .record(let id) = subject else { throw StoreError.corrupt("a record audited without its id") }
            return try RecordRows.json(record, id: id.id)
        case .unit(let unit): return try RecordRows.json(unit)
        case .pegawai(let pegawai): return try RecordRows.json(pegawai)
        case .measurementYear(let year): return String(year)
        case .ruleset(let ruleset): return try RecordRows.json(ruleset)
        case .done(let done): return done ? "true" : "false"
        case .importSummary(let summary): return try RecordRows.json(summary)
        case .account(let account): return try RecordRows.json(account)
        case .records(let records):
            return "[" + (try records.map { try RecordRows.json($0.value, id: $0.id) }).joined(separator: ",") + "]"
        case .verification(let verification): return try RecordRows.json(verification)
        case .unreadable(let text): return text
        }
    }

    /// Reads one row of ``columns``.
    static func entry(_ row: Row) throws -> AuditEntry {
        let id: Int64 = row[0]
        let actionText: String = row[3]
        let entity: String = row[4]
        let entityID: String = row[5]
        guard let action = AuditAction(rawValue: actionText) else {
            throw StoreError.corrupt("audit \(id): unknown action \(actionText)")
        }
        guard let subject = subject(action: action, entity: entity, entityID: entityID) else {
            throw StoreError.corrupt("audit \(id): unknown subject \(entity) \(entityID)")
        }
        let old: String? = row[7]
        let new: String? = row[8]
        return AuditEntry(
            id: id, at: row[1], actor: row[2], action: action, subject: subject, nip: row[6],
            old: old.map { value($0, subject) }, new: new.map { value($0, subject) }, session: row[10], undoes: row[9],
            batch: row[11])
    }

    static func subject(action: AuditAction, entity: String, entityID: String) -> AuditSubject? {
        // An import, its undo and its redo name the kind with no id.
        if action == .import || entityID.isEmpty { return ImportKind(rawValue: entity).map(AuditSubject.importFile) }
        if let kind = RecordKind(rawValue: entity) {
            return Int64(entityID).map { .record(RecordID(kind: kind, id: $0)) }
        }
        switch entity {
        case "units": return .unit(entityID)
        case "pegawai": return .pegawai(entityID)
        case "accounts": return .account(entityID)
        case "export_batches": return Int64(entityID).map(AuditSubject.siasnBatch)
        case "config": return StoreSetting(rawValue: entityID).map(AuditSubject.setting)
        case "progress":
            guard let slash = entityID.lastIndex(of: "/"),
                let dimension = ProgressDimension(rawValue: String(entityID[entityID.index(after: slash)...]))
            else { return nil }
            return .progress(unit: String(entityID[..<slash]), dimension: dimension)
        default: return nil
        }
    }

    /// A stored value read back as the subject's type; ``AuditValue/unreadable(_:)`` when it
    /// does not read.
    static func value(_ text: String, _ subject: AuditSubject) -> AuditValue {
        let data = Data(text.utf8)
        let decoder = JSONDecoder()
        let decoded: AuditValue?
        switch subject {
        case .record:
            decoded =
                (try? RecordRows.fromJSON(text)).map { .record($0.record) }
                ?? (try? decoder.decode(RecordVerification.self, from: data)).map(AuditValue.verification)
        case .unit: decoded = (try? decoder.decode(OrgUnit.self, from: data)).map(AuditValue.unit)
        case .pegawai: decoded = (try? decoder.decode(Pegawai.self, from: data)).map(AuditValue.pegawai)
        case .setting(.measurementYear): decoded = Int(text).map(AuditValue.measurementYear)
        case .setting(.ruleset): decoded = (try? decoder.decode(Ruleset.self, from: data)).map(AuditValue.ruleset)
        case .progress: decoded = text == "true" ? .done(true) : text == "false" ? .done(false) : nil
        case .importFile:
            decoded = (try? decoder.decode(ImportSummary.self, from: data)).map(AuditValue.importSummary) ?? records(text)
        case .account: decoded = (try? decoder.decode(Account.self, from: data)).map(AuditValue.account)
        case .siasnBatch: decoded = nil
        }
        return decoded ?? .unreadable(text)
    }

    /// The records an undone import removed (a JSON array of records with their ids), or nil.
    static func records(_ text: String) -> AuditValue? {
        guard text.hasPrefix("["), let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else {
            return nil
        }
        var records: [StoredRecord<IPASNCore.Record>] = []
        for object in array {
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
                let (record, id) = try? RecordRows.fromJSON(String(decoding: data, as: UTF8.self))
            else { return nil }
            records.append(StoredRecord(id: id, value: record))
        }
        return .records(records)
    }
}
