import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// Who did what, history and confirmed marks (`docs/store.md`, "Team: activity, history,
    /// confirmed marks").
    static let team: [StoreBehaviour] = [
        StoreBehaviour(shared: "activity counts record changes per unit, actor and source, net of undo") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "ani-1")
            let r1 = try ani.add(teknis(nipA, "Satu")).id  // ROOT
            let r2 = try ani.add(teknis(nipB, "Dua")).id  // SUB
            try ani.update(r1, to: teknis(nipA, "Satu", jp: 24))  // ROOT, changed
            try ani.add(teknis(nipC, "Tiga"))  // SUB, then undone: counts nothing
            try ani.undoLast(session: "ani-1")
            try ani.delete(r2)  // SUB: deleted, undone, redone: one deletion
            try ani.undoLast(session: "ani-1")
            try ani.redoLast(session: "ani-1")
            let budi = try open("budi", "budi-1")
            var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipC, "Impor"))), Line(3, .record(teknis(nipA, "Impor")))])
            _ = try budi.importRows(&rows, skipInvalid: false)
            var undone = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipC, "Batal")))])
            _ = try budi.importRows(&undone, skipInvalid: false)
            try budi.undoLast(session: "budi-1")  // an undone import counts nothing
            let now = TestClock.now
            let counts = try ani.activity(from: now.addingTimeInterval(-3600), until: now.addingTimeInterval(3600))
            #expect(
                counts == [
                    ActivityCount(unit: "ROOT", actor: "ani", source: .typed, entered: 1, changed: 1, last: now),
                    ActivityCount(unit: "ROOT", actor: "budi", source: .imported, entered: 1, last: now),
                    ActivityCount(unit: "SUB", actor: "ani", source: .typed, entered: 1, deleted: 1, last: now),
                    ActivityCount(unit: "SUB", actor: "budi", source: .imported, entered: 1, last: now),
                ])
            // The period is [from, until): nothing before or from the moment on.
            #expect(try ani.activity(from: now.addingTimeInterval(1), until: now.addingTimeInterval(3600)) == [])
            #expect(try ani.activity(from: now.addingTimeInterval(-3600), until: now) == [])
            #expect(try ani.lastActivity(actors: ["ani", "budi", "nobody"]) == ["ani": now, "budi": now])
        },
        StoreBehaviour(shared: "activity counts a change when it was made, and the demo apart from imports") { newDatabase in
            let open = try newDatabase()
            let yesterday = TestClock.now.addingTimeInterval(-86_400)
            let early = try open(TestClock.context(actor: "ops", session: "s1", at: yesterday))
            try SmallProvince.seed(early)
            try early.add(teknis(nipB, "Kemarin"))
            var demo = DemoRows(inner: ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipC, "Contoh")))]))
            _ = try early.importRows(&demo, skipInvalid: false)
            var summary = ImportSummary(
                kind: .diklat, imported: 1, issues: 0, skipInvalid: false, byUnit: ["SUB": 1],
                ids: ImportedIDs(kind: .diklat, first: 2, last: 2))
            summary.demo = true
            #expect(try early.auditLog(limit: 1).first?.new == .importSummary(summary))
            let today = try open(TestClock.context(actor: "ops", session: "s2"))
            try today.add(teknis(nipB, "Hari ini"))
            let morning = TestClock.now.addingTimeInterval(-3600)
            #expect(
                try today.activity(from: morning, until: TestClock.now.addingTimeInterval(1)) == [
                    ActivityCount(unit: "SUB", actor: "ops", source: .typed, entered: 1, last: TestClock.now)
                ])
            #expect(
                try today.activity(from: yesterday, until: morning) == [
                    ActivityCount(unit: "SUB", actor: "ops", source: .typed, entered: 1, last: yesterday),
                    ActivityCount(unit: "SUB", actor: "ops", source: .demo, entered: 1, last: yesterday),
                ])
        },
        StoreBehaviour(shared: "verdicts count per unit and verifikator in the period; document marks and belum count nothing") {
            newDatabase in
            let open = try newDatabase()
            let (op, _) = try team(open)
            let a = try op.add(teknis(nipA, "Satu")).id  // ROOT
            let b = try op.add(teknis(nipB, "Dua")).id  // SUB
            let c = try op.add(teknis(nipC, "Tiga")).id  // SUB
            let yesterday = TestClock.now.addingTimeInterval(-86_400)
            let early = try open(TestClock.context(actor: "vera", at: yesterday))
            try early.setVerification([c], status: .memenuhi, reason: "")  // yesterday
            let vera = try open(TestClock.context(actor: "vera"))
            try vera.setVerification([a, b], status: .memenuhi, reason: "")
            try vera.setVerification([b], status: .tidak, reason: "Sertifikat tidak terbaca")
            try vera.setVerification([b], status: .tidak, reason: "Sertifikat palsu")  // a new verdict: its reason changed
            try vera.setVerification([a], status: .belum, reason: "")  // no verdict
            try vera.setDocument(c, inHand: true, path: "map 3")  // no verdict
            try op.setVerification([c], status: .tidak, reason: "Tanggal salah")  // the operator's verdict
            let now = TestClock.now
            #expect(
                try op.verdicts(from: now.addingTimeInterval(-3600), until: now.addingTimeInterval(1)) == [
                    VerdictCount(unit: "ROOT", actor: "vera", verified: 1, rejected: 0, last: now),
                    VerdictCount(unit: "SUB", actor: "test", verified: 0, rejected: 1, last: now),
                    VerdictCount(unit: "SUB", actor: "vera", verified: 1, rejected: 2, last: now),
                ])
            #expect(
                try op.verdicts(from: yesterday, until: now) == [
                    VerdictCount(unit: "SUB", actor: "vera", verified: 1, rejected: 0, last: yesterday)
                ])
            #expect(try op.verdicts(from: now.addingTimeInterval(1), until: now.addingTimeInterval(3600)) == [])
        },
        StoreBehaviour(shared: "history of an employee and of a unit, newest first, paged by id") { newDatabase in
            let open = try sharedSeeded(newDatabase)
            let ani = try open("ani", "ani-1")
            let a1 = try ani.add(teknis(nipA, "Satu")).id
            try ani.add(teknis(nipB, "Dua"))
            try ani.update(a1, to: teknis(nipA, "Satu", jp: 30))
            try ani.setProgress(unit: "SUB", dimension: .kompetensi, done: true)
            try ani.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT"))
            try ani.add(teknis(nipC, "Tiga"))
            let all = try ani.auditLog(limit: 100)
            // Andi: his save at seeding, the insert and the update of his course.
            let andi = all.filter { $0.nip == nipA }
            #expect(andi.count == 3)
            let first = try ani.history(.pegawai(nipA), before: nil, limit: 2)
            #expect(first == Array(andi.prefix(2)))
            #expect(first.map(\.action) == [.update, .insert])
            let second = try ani.history(.pegawai(nipA), before: first.last!.id, limit: 2)
            #expect(second == [andi[2]])
            #expect(second.first?.subject == .pegawai(nipA))
            #expect(try ani.history(.pegawai(nipA), before: second.last!.id, limit: 2) == [])
            // SUB: Budi and Citra's entries and the unit's own save and mark, never Andi's.
            let sub = all.filter { entry in
                if let nip = entry.nip { return nip != nipA }
                switch entry.subject {
                case .unit("SUB"), .progress(unit: "SUB", _): return true
                default: return false
                }
            }
            #expect(sub.count == 7)  // SUB saved twice, Budi, Citra, two courses, one mark
            #expect(try ani.history(.unit("SUB"), before: nil, limit: 100) == sub)
            let page = try ani.history(.unit("SUB"), before: nil, limit: 3)
            #expect(page == Array(sub.prefix(3)))
            #expect(try ani.history(.unit("SUB"), before: page.last!.id, limit: 100) == Array(sub.dropFirst(3)))
            // ROOT holds everything below it, settings and accounts excepted.
            let root = all.filter { entry in
                switch entry.subject {
                case .setting, .account, .importFile: return false
                default: return true
                }
            }
            #expect(try ani.history(.unit("ROOT"), before: nil, limit: 100) == root)
            #expect(try ani.history(.unit("NOPE"), before: nil, limit: 10) == [])
        },
        StoreBehaviour(shared: "a verifikator confirms or reopens a done mark with a reason; admins and pimpinan cannot") {
            newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let vera = try open(TestClock.context(actor: "vera"))
            let kepala = try open(TestClock.context(actor: "pak-kepala"))
            let tamu = try open(TestClock.context(actor: "tamu"))
            // Nothing to confirm before the admin marks the dimension done.
            #expect(
                refusal { try vera.confirmProgress(unit: "SUB", dimension: .kinerja) } == [
                    .custom(
                        id: "Dimensi kinerja unit SUB belum ditandai selesai diinput.",
                        en: "The kinerja dimension of unit SUB is not marked as entered.")
                ])
            try sari.setProgress(unit: "SUB", dimension: .kinerja, done: true)
            let audits = try op.auditLog(limit: 1000).count
            #expect(refusedRule { try sari.confirmProgress(unit: "SUB", dimension: .kinerja) } == .reviewerOnly)
            #expect(refusedRule { try kepala.confirmProgress(unit: "SUB", dimension: .kinerja) } == .reviewerOnly)
            #expect(refusedRule { try sari.reopenProgress(unit: "SUB", dimension: .kinerja, reason: "x") } == .reviewerOnly)
            #expect(
                refusedRule { try tamu.confirmProgress(unit: "SUB", dimension: .kinerja) }
                    == .noAccount(login: "tamu", operators: ["test"]))
            #expect(try op.auditLog(limit: 1000).count == audits)
            #expect(try op.progressReviews() == [])

            try vera.confirmProgress(unit: "SUB", dimension: .kinerja)
            #expect(
                try op.progressReviews() == [
                    ProgressReview(unit: "SUB", dimension: .kinerja, confirmed: true, by: "vera", at: TestClock.now)
                ])
            let confirmed = try lastAudit(op)
            #expect(confirmed.action == .confirm)
            #expect(confirmed.actor == "vera")
            #expect(confirmed.subject == .progress(unit: "SUB", dimension: .kinerja))
            // Marking again (a new mark) leaves the confirmation behind.
            let later = try open(TestClock.context(actor: "sari", at: TestClock.now.addingTimeInterval(60)))
            try later.setProgress(unit: "SUB", dimension: .kinerja, done: true)
            #expect(try op.progressReviews() == [])

            // Reopening needs a reason, and clears the mark and the parent's above it.
            try op.setProgress(unit: "LAIN", dimension: .kinerja, done: true)
            try op.setProgress(unit: "ROOT", dimension: .kinerja, done: true)
            #expect(refusal { try vera.reopenProgress(unit: "SUB", dimension: .kinerja, reason: "  ") } == [.required])
            try vera.reopenProgress(unit: "SUB", dimension: .kinerja, reason: "SKP 3 pegawai belum ada")
            let marks = try op.progressMarks().filter { $0.dimension == .kinerja && $0.unit != "LAIN" }
            #expect(marks.map(\.unit) == ["ROOT", "SUB"])
            #expect(marks.allSatisfy { !$0.done && $0.by == "vera" })
            #expect(
                try op.progressReviews() == [
                    ProgressReview(
                        unit: "SUB", dimension: .kinerja, confirmed: false, by: "vera", at: TestClock.now,
                        reason: "SKP 3 pegawai belum ada")
                ])
            let reopened = try lastAudit(op)
            #expect(reopened.action == .progress)
            #expect(reopened.new == .done(false))
            #expect(refusal { try vera.reopenProgress(unit: "SUB", dimension: .kinerja, reason: "lagi") }.count == 1)
            #expect(refusal { try op.confirmProgress(unit: "NOPE", dimension: .kinerja) } == [.unknownUnit("NOPE")])
            #expect(try op.check() == [])
        },
    ]
}

/// A row source marked as the demo sample.
struct DemoRows<Inner: ImportRowSource>: ImportRowSource {
    var inner: Inner
    var kind: ImportKind { inner.kind }
    var isDemo: Bool { true }
    mutating func next() throws -> Line<ImportRow>? { try inner.next() }
}
