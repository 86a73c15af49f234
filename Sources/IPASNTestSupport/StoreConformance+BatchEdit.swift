import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// ``BatchEditStore``: a batch opened again, a participant added or removed; and the
    /// import's near-duplicate check.
    static let batchEdit: [StoreBehaviour] = [
        StoreBehaviour("a batch is listed with its members; an addition copies its course, one step to undo") { make in
            let store = try seeded(make)
            let saved = try store.addBatch([teknis(nipA, "Sosialisasi SKP"), teknis(nipB, "Sosialisasi SKP")], label: "Sosialisasi SKP")
            try store.add(teknis(nipC, "Kursus Lain", jp: 8))
            let list = try store.batches(limit: 10)
            #expect(list.map(\.info.id) == [saved.batch])
            #expect(list.first?.info.label == "Sosialisasi SKP")
            #expect(list.first?.members == 2)
            #expect(list.first?.template == teknis(nipA, "Sosialisasi SKP"))
            let before = try #require(try store.batchMembers(saved.batch))
            #expect(before.members.map(\.pegawai.nip).sorted() == [nipA, nipB].sorted())
            #expect(Set(before.members.map(\.id)) == Set(saved.ids))
            // Citra joins: the same course, her NIP. 8 JP earned her nothing; 28 JP teknis earn a
            // pelaksana 22.5 kompetensi: total 5 -> 27.5.
            let scoreC = try store.score(nip: nipC, year: 2024)
            let added = try store.addToBatch(saved.batch, nips: [nipC])
            #expect(added.ids.count == 1)
            #expect(added.batch != saved.batch, "the addition is a change of its own")
            #expect(try store.batch(id: added.batch)?.parent == saved.batch)
            #expect(try store.records(nip: nipC)?.diklat.map(\.value.nama).sorted() == ["Kursus Lain", "Sosialisasi SKP"])
            #expect(try store.records(nip: nipC)?.diklat.first { $0.value.nama == "Sosialisasi SKP" }?.value == {
                if case .diklat(let d) = teknis(nipC, "Sosialisasi SKP") { return d }
                return nil
            }(), "every course field is the batch's")
            #expect(added.scores[nipC] == (try store.score(nip: nipC, year: 2024)))
            #expect(scoreC?.kompetensi == 0 && scoreC?.total == 5)
            #expect(added.scores[nipC]?.kompetensi == 22.5 && added.scores[nipC]?.total == 27.5)
            #expect(try store.batchMembers(saved.batch)?.members.count == 3)
            #expect(try store.batches(limit: 10).first?.members == 3)
            #expect(try store.batches(limit: 10).count == 1, "an addition is not listed as a batch")
            #expect(try store.batch(containing: added.ids[0]) == saved.batch, "an added record belongs to the batch")
            #expect(try store.batch(containing: saved.ids[0]) == saved.batch)
            let single = try #require(try store.records(nip: nipC)?.diklat.first { $0.value.nama == "Kursus Lain" })
            #expect(try store.batch(containing: recordID(single)) == nil)
            let entry = try lastAudit(store)
            #expect(entry.action == .insert && entry.batch == added.batch && entry.nip == nipC)
            // Undo takes back the addition only, not the batch.
            let undone = try store.undoLast(session: "test")
            #expect(undone?.batch == added.batch)
            #expect(try store.records(nip: nipC)?.diklat.map(\.value.nama) == ["Kursus Lain"])
            #expect(try store.score(nip: nipC, year: 2024) == scoreC)
            #expect(try store.batchMembers(saved.batch)?.members.count == 2)
            #expect(try store.records(nip: nipA)?.diklat.count == 1)
            try store.redoLast(session: "test")
            #expect(try store.batchMembers(saved.batch)?.members.count == 3)
            #expect(try store.check().isEmpty)
        },
        StoreBehaviour("an addition with a participant who has the course already writes nothing") { make in
            let store = try seeded(make)
            let saved = try store.addBatch([teknis(nipA, "Bimtek")], label: "Bimtek")
            try store.add(teknis(nipC, "Bimtek"))
            let log = try store.auditLog(limit: 1000)
            do {
                try store.addToBatch(saved.batch, nips: [nipB, nipC])
                Issue.record("a duplicate participant was added")
            } catch let refused as BatchRefused {
                #expect(refused.refusals.map(\.index) == [1])
                #expect(refused.refusals.first?.issues.map(\.code) == [.duplicate(.diklat)])
            }
            #expect(try store.records(nip: nipB)?.diklat.isEmpty == true, "all or nothing")
            #expect(try store.auditLog(limit: 1000) == log)
            #expect(throws: ValidationFailure.self) { try store.addToBatch(saved.batch, nips: []) }
            #expect(throws: ValidationFailure.self) { try store.addToBatch(saved.batch + 99, nips: [nipB]) }
            #expect(try store.batchMembers(saved.batch + 99) == nil)
        },
        StoreBehaviour("a removal deletes one member, audited, and its undo brings the record back under its id") { make in
            let store = try seeded(make)
            let saved = try store.addBatch([teknis(nipA, "Bimtek"), teknis(nipB, "Bimtek")], label: "Bimtek")
            let other = try store.add(teknis(nipC, "Lain"))
            let scoreB = try store.score(nip: nipB, year: 2024)
            let removed = try store.removeFromBatch(saved.batch, record: saved.ids[1])
            #expect(removed.id == saved.ids[1])
            #expect(removed.score.kompetensi == 0, "Budi's only course is gone")
            #expect(try store.records(nip: nipB)?.diklat.isEmpty == true)
            #expect(try store.batchMembers(saved.batch)?.members.map(\.pegawai.nip) == [nipA])
            #expect(try store.batch(containing: saved.ids[1]) == nil, "a removed record is no member")
            let entry = try lastAudit(store)
            #expect(entry.action == .delete && entry.nip == nipB)
            let edit = try #require(entry.batch)
            #expect(edit != saved.batch)
            #expect(try store.batch(id: edit)?.parent == saved.batch)
            #expect(try store.batch(id: edit)?.label == "Bimtek")
            // A record that is no member cannot be removed through the batch.
            #expect(throws: StoreError.self) { try store.removeFromBatch(saved.batch, record: other.id) }
            #expect(throws: StoreError.self) { try store.removeFromBatch(saved.batch, record: saved.ids[1]) }
            let undone = try store.undoLast(session: "test")
            #expect(undone?.batch == edit)
            #expect(try store.records(nip: nipB)?.diklat.map(\.id) == [saved.ids[1].id])
            #expect(try store.score(nip: nipB, year: 2024) == scoreB)
            #expect(try store.batchMembers(saved.batch)?.members.count == 2)
            #expect(try store.records(nip: nipC)?.diklat.count == 1, "the undo took back the removal only")
            #expect(try store.batch(containing: saved.ids[1]) == saved.batch, "a member again")
            #expect(try store.check().isEmpty)
        },
        StoreBehaviour("an import refuses a course much like one stored or on an earlier line, unless allowed") { make in
            let store = try seeded(make)
            try store.add(teknis(nipA, "Bimtek Arsip Digital"))
            let log = try store.auditLog(limit: 1000)
            let rows: [Line<ImportRow>] = [
                Line(2, .record(teknis(nipA, "Bimtek Arsip  Digital."))),  // punctuation: like the stored one
                Line(3, .record(teknis(nipB, "Pelatihan Kearsipan"))),
                Line(4, .record(teknis(nipB, "Pelatihan Kearsipn"))),  // a slip: like line 3
                Line(5, .record(teknis(nipB, "Pelatihan Kearsipan", end: "2024-03-04"))),  // other dates: fine
                Line(6, .record(teknis(nipC, "Pelatihan Kearsipan"))),  // another employee: fine
            ]
            var refused = ArrayRowSource(kind: .diklat, rows: rows)
            let outcome = try store.importRows(&refused, skipInvalid: false)
            #expect(outcome.imported == 0)
            #expect(outcome.issues.map(\.line) == [2, 4])
            #expect(
                outcome.issues.map(\.issue.code) == [
                    .similarCourse(nama: "Bimtek Arsip Digital", line: nil), .similarCourse(nama: "Pelatihan Kearsipan", line: 3),
                ])
            #expect(outcome.issues.allSatisfy { $0.issue.field == "nama" })
            #expect(try store.auditLog(limit: 1000) == log, "nothing written")
            var allowed = ArrayRowSource(kind: .diklat, rows: rows)
            allowed.allowsSimilar = true
            #expect(try store.importRows(&allowed, skipInvalid: false).imported == 5)
            #expect(try store.records(nip: nipB)?.diklat.count == 3)
            #expect(try store.check().isEmpty)
        },
    ]
}
