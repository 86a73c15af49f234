import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let progressDraftsAndAudit: [StoreBehaviour] = [
        StoreBehaviour("progress marks are set, reopened, stamped, audited, and need a known unit") { make in
            let store = try seeded(make)
            #expect(try store.progressMarks().isEmpty)
            try store.setProgress(unit: "SUB", dimension: .disiplin, done: true)
            try store.setProgress(unit: "ROOT", dimension: .pendidikan, done: true)
            try store.setProgress(unit: "ROOT", dimension: .kinerja, done: true)
            let first = try lastAudit(store)
            #expect(first.action == .progress)
            #expect(first.subject == .progress(unit: "ROOT", dimension: .kinerja))
            #expect(first.old == nil)
            #expect(first.new == .done(true))
            try store.setProgress(unit: "ROOT", dimension: .kinerja, done: false)
            let reopened = try lastAudit(store)
            #expect(reopened.old == .done(true))
            #expect(reopened.new == .done(false))
            let marks = try store.progressMarks()
            // By unit, then dimension (by name); a reopened mark stays, not done.
            #expect(marks.map(\.unit) == ["ROOT", "ROOT", "SUB"])
            #expect(marks.map(\.dimension) == [.kinerja, .pendidikan, .disiplin])
            #expect(marks.map(\.done) == [false, true, true])
            #expect(marks.allSatisfy { $0.by == "test" && $0.at == TestClock.now })
            #expect(refusal { try store.setProgress(unit: "NOPE", dimension: .kinerja, done: true) } == [.unknownUnit("NOPE")])
            #expect(try store.progressMarks().count == 3)
        },
        StoreBehaviour("the audit log comes newest first, cut at the limit, every change with its entry") { make in
            let store = try make(TestClock.context(actor: "admin-bkpsdm", session: "s1"))
            #expect(try store.auditLog(limit: 10).isEmpty)
            try SmallProvince.seed(store)
            // Year, two units, three employees.
            let log = try store.auditLog(limit: 100)
            #expect(log.map(\.action) == [.insert, .insert, .insert, .insert, .insert, .config])
            #expect(log.map(\.subject) == [
                .pegawai(nipC), .pegawai(nipB), .pegawai(nipA), .unit("SUB"), .unit("ROOT"), .setting(.measurementYear),
            ])
            #expect(log.map(\.id) == log.map(\.id).sorted(by: >))
            #expect(log.allSatisfy { $0.actor == "admin-bkpsdm" && $0.at == TestClock.now && $0.session == "s1" })
            #expect(try store.auditLog(limit: 2).map(\.subject) == [.pegawai(nipC), .pegawai(nipB)])
            #expect(try store.auditLog(limit: 0).isEmpty)
            // undoLast takes the session it is given, and stamps the undo with the store's actor.
            try store.add(teknis(nipA))
            #expect(try store.undoLast(session: "admin-bkpsdm") == nil)
            #expect(try store.undoLast(session: "s1")?.action == .insert)
            #expect(try lastAudit(store).actor == "admin-bkpsdm")
            // The undone insert still counts as work done today.
            #expect(try store.recordsEntered(since: TestClock.now.addingTimeInterval(-60)) == ["ROOT": 1])
        },
    ]
}
