import Foundation
import IPASNCore

/// Undo and redo of a whole import (see `SQLStore+Undo`), once for both engines: a record import by the id
/// range its summary keeps, a unit or employee import by its list of old and new values (an
/// employee import's, since migration `2026-11-30-pegawai`, in `import_pegawai_changes`).
extension SQLStore {
    /// Reverts a whole import: the records it wrote (by their id range, refused when any of
    /// them was changed since), or each unit and employee it added or changed. Returns what a
    /// redo needs: the removed records (nil above ``redoableImportRows``, and for units and
    /// employees, whose redo reads the import's own summary).
    func undoImport(_ entry: AuditEntry, touched: inout Set<String>, _ db: Connection) throws -> AuditValue? {
        guard case .importSummary(let summary)? = entry.new else { throw Self.unreadable(entry.id) }
        if let ids = summary.ids {
            guard ids.count > 0 else { return .records([]) }
            let kind = ids.kind
            // Rows changed since (by anyone): each must be back to what the import wrote,
            // which is the old value of the first change after the import.
            let later = try db.fetchAll(
                sql: """
                    SELECT \(Self.auditColumns) FROM audit a
                    WHERE a.id > ? AND a.entity = ? AND a.action IN ('update', 'delete', 'undo', 'redo')
                      AND a.entity_id <> '' AND \(dialect.integer("a.entity_id")) BETWEEN ? AND ? ORDER BY a.id
                    """, arguments: [entry.id, kind.rawValue, ids.first, ids.last]
            ).map(sqlAuditEntry)
            var imported: [Int64: AuditValue?] = [:]
            var lastActor: [Int64: String] = [:]
            for change in later {
                guard case .record(let id) = change.subject else { continue }
                if imported[id.id] == nil { imported[id.id] = .some(change.old) }
                lastActor[id.id] = change.actor
            }
            for (rawID, value) in imported.sorted(by: { $0.key < $1.key }) {
                let current = try sqlRecord(RecordID(kind: kind, id: rawID), db)
                if current == nil || current.map(AuditValue.record) != value {
                    throw StoreError.changedSince(by: lastActor[rawID] ?? "?")
                }
            }
            let table = Self.recordTable(kind)
            for nip in try db.fetchValues(
                String.self, sql: "SELECT DISTINCT nip FROM \(table) WHERE id BETWEEN ? AND ?", arguments: [ids.first, ids.last])
            {
                touched.insert(nip)
            }
            var removed: [StoredRecord<Record>]?
            if ids.count <= Int64(Self.redoableImportRows) {
                removed = try sqlRecords(kind, ids: ids.first...ids.last, db)
            }
            try db.execute(sql: "DELETE FROM \(table) WHERE id BETWEEN ? AND ?", arguments: [ids.first, ids.last])
            return removed.map(AuditValue.records)
        } else if let changes = summary.unitChanges {
            let deleting = Set(changes.filter { $0.old == nil }.map(\.new.kode))
            for change in changes.reversed() {
                try revert(
                    .unit(change.new.kode), from: .unit(change.new), to: change.old.map(AuditValue.unit), since: entry.id,
                    deleting: deleting, touched: &touched, db)
            }
            return nil
        } else if let changes = summary.pegawaiChanges {
            // Audited before migration `2026-11-30-pegawai`: the list is in the summary.
            for change in changes.reversed() {
                try revert(
                    .pegawai(change.new.nip), from: .pegawai(change.new), to: change.old.map(AuditValue.pegawai),
                    since: entry.id, touched: &touched, db)
            }
            return nil
        } else if summary.pegawaiAdded != nil {
            // The changes are rows beside the audit row (``EmployeeImportChangesStore``), read a page at a time.
            try forEachEmployeeImportChange(entry.id, reversed: true, db) { change in
                try revert(
                    .pegawai(change.new.nip), from: .pegawai(change.new), to: change.old.map(AuditValue.pegawai),
                    since: entry.id, touched: &touched, db)
            }
            return nil
        } else if summary.imported > 0 {
            throw StoreError.cannotUndo(
                id: "Impor ini dibuat versi lama dan tidak bisa dibatalkan.",
                en: "This import was made by an older version and cannot be undone.")
        }
        return nil
    }

    /// Applies an undone import again: the records its undo kept (under their own ids), or
    /// each unit and employee change, refusing when the data is not what the undo left.
    func redoImport(_ change: AuditEntry, undo: AuditEntry, touched: inout Set<String>, _ db: Connection) throws {
        guard case .importSummary(let summary)? = change.new else { throw Self.unreadable(change.id) }
        if summary.ids != nil {
            guard case .records(let records)? = undo.old else {
                throw StoreError.cannotUndo(
                    id: "Impor sebesar ini tidak bisa diulang setelah dibatalkan: impor ulang berkasnya.",
                    en: "An import this large cannot be redone once undone: import the file again.")
            }
            for stored in records {
                let record = stored.value
                guard try sqlPegawai(nip: record.nip, db) != nil else {
                    throw StoreError.cannotUndo(
                        id: "Tidak diulang: pegawai \(record.nip) sudah tidak ada.",
                        en: "Not redone: employee \(record.nip) no longer exists.")
                }
                try sqlRefuseDuplicate(record, ignoring: RecordID(kind: record.kind, id: stored.id), db)
                _ = try sqlInsertRecord(record, id: stored.id, db)
                touched.insert(record.nip)
            }
        } else if let changes = summary.unitChanges {
            let adding = Set(changes.map(\.new.kode))
            for item in changes {
                try revert(
                    .unit(item.new.kode), from: item.old.map(AuditValue.unit), to: .unit(item.new), since: undo.id,
                    adding: adding, touched: &touched, db)
            }
        } else if let changes = summary.pegawaiChanges {
            for item in changes {
                try revert(
                    .pegawai(item.new.nip), from: item.old.map(AuditValue.pegawai), to: .pegawai(item.new), since: undo.id,
                    touched: &touched, db)
            }
        } else if summary.pegawaiAdded != nil {
            try forEachEmployeeImportChange(change.id, reversed: false, db) { item in
                try revert(
                    .pegawai(item.new.nip), from: item.old.map(AuditValue.pegawai), to: .pegawai(item.new), since: undo.id,
                    touched: &touched, db)
            }
        }
    }
}
