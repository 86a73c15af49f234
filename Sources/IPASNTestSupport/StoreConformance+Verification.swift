import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// A bkn-2019 copy that counts rejected records.
    static let countingRejected: Ruleset = {
        var rules = Ruleset.bkn2019
        rules.id = "bkn-2019-hitung-ditolak"
        rules.verification.rejectedRecordsCount = true
        return rules
    }()

    /// Verification (`docs/store.md` "Verification"): the operator "test", the admin "sari"
    /// of SUB, the verifikator "vera" and the pimpinan "pak-kepala" on one database.
    static let verification: [StoreBehaviour] = [
        StoreBehaviour(shared: "a verdict changes the status, is audited and takes a rejected record out of the scores") { newDatabase in
            let open = try newDatabase()
            let (op, _) = try team(open)
            let sari = try open(TestClock.context(actor: "sari", session: "sari-1"))
            let vera = try open(TestClock.context(actor: "vera", session: "vera-1"))
            let id = try sari.add(teknis(nipB)).id
            #expect(try vera.verification(of: id) == .unverified)
            #expect(try vera.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            // A rejection needs a reason, named in the message.
            do {
                try vera.setVerification([id], status: .tidak, reason: "   ")
                Issue.record("a rejection without a reason was accepted")
            } catch let failure as ValidationFailure {
                #expect(failure.issues.map(\.field) == ["alasan"])
                #expect(failure.message(.id).hasPrefix("Alasan wajib diisi"))
            }
            let before = try op.auditLog(limit: 100).count
            #expect(try vera.setVerification([id], status: .tidak, reason: " Sertifikat tidak terbaca ") == 1)
            let rejected = RecordVerification(status: .tidak, reason: "Sertifikat tidak terbaca", by: "vera", at: TestClock.now)
            #expect(try op.verification(of: id) == rejected)
            #expect(try op.auditLog(limit: 100).count == before + 1)
            let entry = try lastAudit(op)
            #expect(entry.action == .verify)
            #expect(entry.subject == .record(id))
            #expect(entry.nip == nipB)
            #expect(entry.actor == "vera")
            #expect(entry.old == .verification(.unverified))
            #expect(entry.new == .verification(rejected))
            // Rejected: out of the scores (5 + 0), but in the figures as entered (5 + 22.5).
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            #expect(try op.scores(year: 2024, unit: "SUB").map(\.score.total) == [5, 5])
            #expect(try op.directUnitTotals(year: 2024)["SUB"]?.kompetensi == 0)
            #expect(try op.directUnitTotalsAsEntered(year: 2024)["SUB"]?.kompetensi == 22.5)
            #expect(try op.directUnitTotalsAsEntered(year: 2024)["ROOT"] == op.directUnitTotals(year: 2024)["ROOT"])
            let asEntered = try op.unitFiguresAsEntered(year: 2024).first { $0.unit.kode == "SUB" }
            #expect(asEntered?.mean(.kompetensi) == 11.25)  // 22.5 over Budi and Citra
            // The admin's list of rejections: their unit, and the unit above it.
            #expect(try op.rejectedRecords(inUnits: ["SUB"]).map(\.id) == [id])
            #expect(try op.rejectedRecords(inUnits: ["ROOT"]).map(\.verification.reason) == ["Sertifikat tidak terbaca"])
            #expect(try op.rejectedRecords(inUnits: ["LAIN"]).isEmpty)
            #expect(try op.check() == [])
            // A full recompute gives the same scores.
            try op.recomputeAll(year: 2024)
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            #expect(try op.directUnitTotalsAsEntered(year: 2024)["SUB"]?.kompetensi == 22.5)
            #expect(try op.check() == [])
            // Accepted: counts again; the same verdict twice changes nothing.
            #expect(try vera.setVerification([id], status: .memenuhi, reason: "ignored") == 1)
            #expect(try op.verification(of: id).reason == "")
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            #expect(try op.directUnitTotalsAsEntered(year: 2024) == op.directUnitTotals(year: 2024))
            #expect(try vera.setVerification([id], status: .memenuhi, reason: "") == 0)
            // The operator verifies too.
            #expect(try op.setVerification([id], status: .belum, reason: "") == 1)
            #expect(try op.verification(of: id) == .unverified)
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "a changed record is belum diverifikasi again, in the change's transaction; an unchanged save keeps the verdict") { newDatabase in
            let open = try newDatabase()
            _ = try team(open)
            let sari = try open(TestClock.context(actor: "sari", session: "sari-1"))
            let vera = try open(TestClock.context(actor: "vera", session: "vera-1"))
            let id = try sari.add(teknis(nipB)).id
            try vera.setVerification([id], status: .tidak, reason: "JP salah")
            try sari.setDocument(id, inHand: true, path: "/arsip/bimtek.pdf")
            #expect(try vera.score(nip: nipB, year: 2024)?.kompetensi == 0)
            // Saving it unchanged keeps the verdict.
            try sari.update(id, to: teknis(nipB))
            #expect(try vera.verification(of: id).status == .tidak)
            // Corrected: belum again, counted again, the document mark kept.
            try sari.update(id, to: teknis(nipB, jp: 24))
            #expect(try vera.verification(of: id) == RecordVerification(documentInHand: true, documentPath: "/arsip/bimtek.pdf"))
            #expect(try vera.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            #expect(try vera.rejectedRecords(inUnits: nil).isEmpty)
            // Undone: the old values are back with the verdict they had (StoreConformance+VerdictUndo).
            try vera.setVerification([id], status: .memenuhi, reason: "")
            #expect(try sari.undoLast(session: "sari-1")?.action == .update)
            #expect(try vera.verification(of: id).status == .tidak)
            #expect(try sari.redoLast(session: "sari-1") != nil)
            #expect(try vera.verification(of: id).status == .memenuhi)
            // Deleted and restored by an undo: with its verdict and document mark.
            try vera.setVerification([id], status: .tidak, reason: "Ganda")
            try sari.delete(id)
            #expect(try sari.undoLast(session: "sari-1")?.action == .delete)
            #expect(
                try vera.verification(of: id)
                    == RecordVerification(status: .tidak, reason: "Ganda", by: "vera", at: TestClock.now, documentInHand: true, documentPath: "/arsip/bimtek.pdf"))
            #expect(try vera.score(nip: nipB, year: 2024)?.kompetensi == 0)
            #expect(try vera.check() == [])
        },
        StoreBehaviour(shared: "only a verifikator or an operator gives verdicts; admins mark documents of their units") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let pimpinan = try open(TestClock.context(actor: "pak-kepala"))
            let vera = try open(TestClock.context(actor: "vera"))
            let stranger = try open(TestClock.context(actor: "tamu"))
            let mine = try sari.add(teknis(nipB)).id
            let other = try op.add(teknis(nipD)).id
            let before = try op.auditLog(limit: 100).count
            #expect(refusedRule { try sari.setVerification([mine], status: .memenuhi, reason: "") } == .verifiersOnly(.admin))
            #expect(refusedRule { try pimpinan.setVerification([mine], status: .tidak, reason: "x") } == .verifiersOnly(.pimpinan))
            #expect(refusedRule { try stranger.setVerification([mine], status: .memenuhi, reason: "") } == .noAccount(login: "tamu", operators: ["test"]))
            #expect(refusedRule { try sari.setDocument(other, inHand: true, path: "") } == .notYourUnit("LAIN"))
            #expect(refusedRule { try pimpinan.setDocument(mine, inHand: true, path: "") } == .readOnlyRole(.pimpinan))
            #expect(PermissionRule.verifiersOnly(.admin).message(.id) == "Hanya verifikator dan operator yang dapat memverifikasi data; peran admin unit tidak dapat")
            #expect(try op.auditLog(limit: 100).count == before)  // nothing written
            #expect(try op.verification(of: mine) == .unverified)
            try sari.setDocument(mine, inHand: true, path: " /arsip/sertifikat.pdf ")
            #expect(try op.verification(of: mine) == RecordVerification(documentInHand: true, documentPath: "/arsip/sertifikat.pdf"))
            let entry = try lastAudit(op)
            #expect(entry.action == .verify)
            #expect(entry.new == .verification(RecordVerification(documentInHand: true, documentPath: "/arsip/sertifikat.pdf")))
            try vera.setDocument(other, inHand: true, path: "")
            try vera.setDocument(other, inHand: false, path: "ignored")
            #expect(try op.verification(of: other) == .unverified)
            #expect(try op.verifications(nip: nipB) == [mine: RecordVerification(documentInHand: true, documentPath: "/arsip/sertifikat.pdf")])
            #expect(storeError { try vera.setVerification([RecordID(kind: .skp, id: 999)], status: .memenuhi, reason: "") } == .recordNotFound(RecordID(kind: .skp, id: 999)))
        },
        StoreBehaviour(shared: "the ruleset decides whether rejected records count; the cache follows a ruleset change") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let vera = try open(TestClock.context(actor: "vera"))
            let id = try sari.add(teknis(nipB)).id
            try op.setRuleset(countingRejected)
            try vera.setVerification([id], status: .tidak, reason: "Sertifikat kedaluwarsa")
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            #expect(try op.directUnitTotalsAsEntered(year: 2024) == op.directUnitTotals(year: 2024))
            #expect(try op.check() == [])
            try op.setRuleset(nil)  // back to bkn-2019: rejected records do not count
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 0)
            #expect(try op.directUnitTotalsAsEntered(year: 2024)["SUB"]?.kompetensi == 22.5)
            #expect(try op.check() == [])
            try op.setRuleset(countingRejected)
            #expect(try op.score(nip: nipB, year: 2024)?.kompetensi == 22.5)
            #expect(try op.directUnitTotalsAsEntered(year: 2024) == op.directUnitTotals(year: 2024))
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "the queue per unit is oldest first; verdicts on many records are one transaction; counts per unit") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let vera = try open(TestClock.context(actor: "vera"))
            let b1 = try sari.add(teknis(nipB, "Bimtek Satu")).id
            let c1 = try sari.add(teknis(nipC, "Bimtek Dua")).id
            let skp = try sari.add(.skp(SKP(nip: nipB, tahun: 2024, predikat: .baik))).id
            let a1 = try op.add(teknis(nipA, "Bimtek Tiga")).id
            let d1 = try op.add(teknis(nipD, "Bimtek Empat")).id
            #expect(try vera.verificationQueue(unit: "SUB", status: .belum, limit: 10).map(\.id) == [b1, c1, skp])
            #expect(try vera.verificationQueue(unit: "ROOT", status: .belum, limit: 10).map(\.id) == [b1, c1, a1, d1, skp])
            #expect(try vera.verificationQueue(unit: nil, status: .belum, limit: 2).map(\.id) == [b1, c1])
            let first = try #require(try vera.verificationQueue(unit: "SUB", status: .belum, limit: 1).first)
            #expect(first.pegawai.nama == "Budi")
            #expect(first.record == teknis(nipB, "Bimtek Satu"))
            // All or nothing: an unknown id refuses the whole verdict.
            #expect(storeError { try vera.setVerification([b1, RecordID(kind: .diklat, id: 999)], status: .memenuhi, reason: "") } == .recordNotFound(RecordID(kind: .diklat, id: 999)))
            #expect(try vera.verification(of: b1) == .unverified)
            let before = try op.auditLog(limit: 100).count
            #expect(try vera.setVerification([b1, c1, b1], status: .memenuhi, reason: "") == 2)
            #expect(try op.auditLog(limit: 100).count == before + 2)
            #expect(try vera.verificationQueue(unit: "SUB", status: .belum, limit: 10).map(\.id) == [skp])
            #expect(try vera.verificationQueue(unit: "SUB", status: .memenuhi, limit: 10).map(\.id) == [b1, c1])
            // A record changed after its verdict comes back after the records never verified.
            try sari.update(b1, to: teknis(nipB, "Bimtek Satu", jp: 30))
            #expect(try vera.verificationQueue(unit: "SUB", status: .belum, limit: 10).map(\.id) == [skp, b1])
            try vera.setVerification([skp], status: .tidak, reason: "Dokumen SKP belum ada")
            try vera.setDocument(c1, inHand: true, path: "")
            #expect(try vera.verificationQueue(unit: "SUB", status: .tidak, limit: 10).map(\.verification.reason) == ["Dokumen SKP belum ada"])
            let counts = try vera.verificationCounts()
            #expect(counts["SUB"] == VerificationCounts(belum: 1, memenuhi: 1, tidak: 1, documents: 1))
            #expect(counts["ROOT"] == VerificationCounts(belum: 1))
            #expect(counts["LAIN"] == VerificationCounts(belum: 1))
            #expect(try op.check() == [])
        },
        StoreBehaviour(
            shared: "the oldest-first queue reads a small unit through its employees; never-judged records come before those back to belum"
        ) { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let vera = try open(TestClock.context(actor: "vera"))
            // Seven diklat in LAIN: SUB's two are a small share of the nine waiting, so with a
            // limit of 1 SUB's employees are read first (``QueuePlan``), with 5 its records by id.
            let others = try (1...7).map { try op.add(teknis(nipD, "Bimtek Lain \($0)", end: "2024-03-1\($0)")).id }
            let mine = try sari.add(teknis(nipB, "Bimtek Sub")).id
            let marked = try sari.add(teknis(nipC, "Bimtek Dokumen")).id
            // A document mark makes a verification row, but the record was never judged: key 0.
            try vera.setDocument(marked, inHand: true, path: "")
            // Judged, then changed: back to belum, after every never-judged record.
            try vera.setVerification([others[0]], status: .memenuhi, reason: "")
            try op.update(others[0], to: teknis(nipD, "Bimtek Lain 1", jp: 30, end: "2024-03-11"))
            #expect(try vera.verificationQueue(unit: "SUB", status: .belum, limit: 1).map(\.id) == [mine])
            #expect(try vera.verificationQueue(unit: "SUB", status: .belum, limit: 5).map(\.id) == [mine, marked])
            #expect(try vera.verificationQueue(unit: nil, status: .belum, limit: 2).map(\.id) == [others[1], others[2]])
            #expect(try vera.verificationQueue(unit: nil, status: .belum, limit: 20).map(\.id) == Array(others.dropFirst()) + [mine, marked, others[0]])
            #expect(try vera.verificationQueue(unit: "LAIN", status: .belum, limit: 3).map(\.id) == [others[1], others[2], others[3]])
            #expect(try vera.verificationQueue(unit: "LAIN", status: .belum, limit: 20).last?.id == others[0])
        },
    ]
}
