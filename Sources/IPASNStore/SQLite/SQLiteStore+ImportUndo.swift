import Foundation
import GRDB
import IPASNCore

/// Undo and redo of a whole import (see ``SQLiteStore`` undo): a record import by the id
/// range its audit row keeps, a unit or employee import by its list of old and new values.
extension SQLiteStore {
    /// Reverts a whole import: the records it wrote (by their id range, refused when any of
    /// them was changed since), or each unit and employee it added or changed. Returns what a
    /// redo needs: the removed records as a JSON array (nil above ``redoableImportRows``), or
    /// the import's summary for units and employees.
    func undoImport(_ entry: AuditEntry, touched: inout Set<String>, _ db: Database) throws -> String? {
        guard let json = entry.newValue, let summary = try? JSONDecoder().decode(ImportSummary.self, from: Data(json.utf8))
        else { throw StoreError.corrupt("audit row \(entry.id): import summary") }
        if let ids = summary.ids {
            var removed: [String] = []
            var tooMany = false
            for (table, range) in ids.sorted(by: { $0.key < $1.key }) {
                guard let kind = RecordKind(rawValue: table), range.count == 2 else { continue }
                // Rows changed since (by anyone): each must be back to what the import wrote,
                // which is the old value of the first change after the import.
                let later = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT entity_id, old_value, actor FROM audit
                        WHERE id > ? AND entity = ? AND action IN ('update', 'delete', 'undo', 'redo')
                          AND CAST(entity_id AS INTEGER) BETWEEN ? AND ? ORDER BY id
                        """, arguments: [entry.id, table, range[0], range[1]])
                var imported: [String: String?] = [:]
                var lastActor: [String: String] = [:]
                for row in later {
                    let key: String = row[0]
                    if imported[key] == nil { imported[key] = .some(row[1]) }
                    lastActor[key] = row[2]
                }
                for (key, value) in imported.sorted(by: { $0.key < $1.key }) {
                    guard let rawID = Int64(key) else { continue }
                    let current = try record(RecordID(kind: kind, id: rawID), db)
                    let expected = try value.map { try RecordRows.fromJSON($0).record }
                    if current == nil || current != expected {
                        throw StoreError.changedSince(by: lastActor[key] ?? "?")
                    }
                }
                for nip in try String.fetchAll(
                    db, sql: "SELECT DISTINCT nip FROM \(RecordRows.table(kind)) WHERE id BETWEEN ? AND ?",
                    arguments: [range[0], range[1]])
                {
                    touched.insert(nip)
                }
                if range[1] - range[0] < Int64(Self.redoableImportRows) - Int64(removed.count) {
                    for row in try Row.fetchAll(
                        db, sql: RecordRows.selectSQL(kind) + " WHERE id BETWEEN ? AND ? ORDER BY id",
                        arguments: [range[0], range[1]])
                    {
                        removed.append(try RecordRows.json(try RecordRows.decode(kind, row), id: row[0]))
                    }
                } else {
                    tooMany = true
                }
                try db.execute(
                    sql: "DELETE FROM \(RecordRows.table(kind)) WHERE id BETWEEN ? AND ?", arguments: [range[0], range[1]])
            }
            return tooMany ? nil : "[" + removed.joined(separator: ",") + "]"
        } else if let changes = summary.changes {
            let json = entry.newValue
            let deleting = Set(changes.filter { $0.old == nil }.map(\.key))
            for change in changes.reversed() {
                try revert(
                    entity: summary.kind, key: change.key, from: change.new, to: change.old, since: entry.id,
                    deleting: deleting, touched: &touched, db)
            }
            return json
        } else if summary.imported > 0 {
            throw StoreError.cannotUndo(
                id: "Impor ini dibuat versi lama dan tidak bisa dibatalkan.",
                en: "This import was made by an older version and cannot be undone.")
        }
        return nil
    }

    /// Applies an undone import again: the records its undo kept (under their own ids), or
    /// each unit and employee change, refusing when the data is not what the undo left.
    func redoImport(_ change: AuditEntry, undo: AuditEntry, touched: inout Set<String>, _ db: Database) throws {
        guard let json = change.newValue, let summary = try? JSONDecoder().decode(ImportSummary.self, from: Data(json.utf8))
        else { throw StoreError.corrupt("audit row \(change.id): import summary") }
        if summary.ids != nil {
            guard let kept = undo.oldValue, let rows = try? JSONSerialization.jsonObject(with: Data(kept.utf8)) as? [Any]
            else {
                throw StoreError.cannotUndo(
                    id: "Impor sebesar ini tidak bisa diulang setelah dibatalkan: impor ulang berkasnya.",
                    en: "An import this large cannot be redone once undone: import the file again.")
            }
            for object in rows {
                let text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
                let (record, id) = try RecordRows.fromJSON(text)
                guard try pegawai(nip: record.nip, db) != nil else {
                    throw StoreError.cannotUndo(
                        id: "Tidak diulang: pegawai \(record.nip) sudah tidak ada.",
                        en: "Not redone: employee \(record.nip) no longer exists.")
                }
                try refuseDuplicate(record, ignoring: RecordID(kind: record.kind, id: id), db)
                _ = try insert(record, id: id, db)
                touched.insert(record.nip)
            }
        } else if let changes = summary.changes {
            for item in changes {
                try revert(
                    entity: summary.kind, key: item.key, from: item.old, to: item.new, since: undo.id, touched: &touched, db)
            }
        }
    }
}
