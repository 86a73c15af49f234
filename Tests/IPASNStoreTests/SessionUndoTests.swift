import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// What SQLiteStore adds to the undo contract (the contract itself is in the conformance
/// suite, `StoreConformance+Undo/Redo/ImportUndo`): the size above which an import's undo
/// keeps no copy, how sessions are made, and how the audit table holds the typed entries.
@Suite struct SessionUndoTests {
    @Test func anImportTooLargeToKeepIsUndoneButNotRedone() throws {
        let store = try seededStore(context: TestClock.context(actor: "ani", session: "s1"))
        let n = SQLiteStore.redoableImportRows + 1
        var rows = ArrayRowSource(
            kind: .diklat, rows: (0..<n).map { Line($0 + 2, .record(teknis(nipA, "Kursus \($0)", jp: 1))) })
        #expect(try store.importRows(&rows, skipInvalid: false).imported == n)
        try store.undoLast(session: "s1")
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
        let undo = try #require(try store.auditLog(limit: 1).first)
        #expect(undo.action == .undo && undo.old == nil, "no copy of 20,001 rows in the audit log")
        #expect(throws: StoreError.cannotUndo(
            id: "Impor sebesar ini tidak bisa diulang setelah dibatalkan: impor ulang berkasnya.",
            en: "An import this large cannot be redone once undone: import the file again.")) {
            try store.redoLast(session: "s1")
        }
        #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
    }

    /// The command line builds the store's context and the workstation's separately: they
    /// must be one session, or the workstation would find nothing of its own to undo.
    @Test func contextsOfOneProcessShareTheSessionByDefault() {
        let store = StoreContext(actor: "ani")
        let workstation = StoreContext(actor: "ani")
        #expect(store.session == workstation.session)
        #expect(store.session == StoreContext.processSession)
        #expect(StoreContext.newSession() != StoreContext.newSession())
    }

    /// The audit table keeps an import's undo with the kind and no id, and the removed
    /// records as one JSON array; both read back typed.
    @Test func anImportsUndoIsStoredAndReadBackTyped() throws {
        let store = try seededStore(context: TestClock.context(actor: "ani", session: "s1"))
        var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipA, "Impor")))])
        #expect(try store.importRows(&rows, skipInvalid: false).imported == 1)
        try store.undoLast(session: "s1")
        let row = try #require(
            try store.writer.read { db in
                try Row.fetchOne(db, sql: "SELECT action, entity, entity_id, old_value, new_value, session FROM audit ORDER BY id DESC LIMIT 1")
            })
        #expect(row[0] as String == "undo")
        #expect(row[1] as String == "diklat")
        #expect(row[2] as String == "")
        let old: String = row[3]
        #expect(old.hasPrefix("[{") && old.contains("\"nama\":\"Impor\"") && old.contains("\"id\":1"))
        #expect(row[4] as String? == nil)
        #expect(row[5] as String == "s1")
        let entry = try #require(try store.auditLog(limit: 1).first)
        #expect(entry.subject == .importFile(.diklat))
        #expect(entry.old == .records([StoredRecord(id: 1, value: teknis(nipA, "Impor"))]))
    }
}
