import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    static let records: [StoreBehaviour] = [
        StoreBehaviour("every record kind round-trips with its id") { make in
            let store = try seeded(make)
            let records: [Record] = [
                .pendidikan(Pendidikan(nip: nipA, tingkat: .s1, tanggalLulus: d("2010-08-01"), namaSekolah: "UGM", jurusan: "Hukum")),
                .diklat(
                    Diklat(
                        nip: nipA, jenis: .struktural, tingkat: .pimIV, nama: "Diklatpim IV", penyelenggara: "LAN",
                        tanggalMulai: d("2020-01-01"), tanggalSelesai: d("2020-03-01"), jp: 300, nomorSertifikat: "X/1",
                        sesuaiJabatan: false)),
                .skp(SKP(nip: nipA, tahun: 2024, predikat: .baik, nilai: 80.5)),
                .disiplin(HukumanDisiplin(nip: nipA, tingkat: .ringan, tmt: d("2024-02-01"), jenis: "teguran lisan")),
            ]
            var ids: [RecordID] = []
            for record in records { ids.append(try store.add(record).id) }
            #expect(ids.map(\.kind) == [.pendidikan, .diklat, .skp, .disiplin])
            let stored = try #require(try store.records(nip: nipA))
            #expect(stored.pegawai.nama == "Andi")
            #expect(stored.pendidikan.map { Record.pendidikan($0.value) } == [records[0]])
            #expect(stored.diklat.map { Record.diklat($0.value) } == [records[1]])
            #expect(stored.skp.map { Record.skp($0.value) } == [records[2]])
            #expect(stored.disiplin.map { Record.disiplin($0.value) } == [records[3]])
            #expect(stored.pendidikan[0].id == ids[0].id)
            #expect(stored.diklat[0].id == ids[1].id)
            #expect(stored.skp[0].id == ids[2].id)
            #expect(stored.disiplin[0].id == ids[3].id)
            #expect(try store.records(nip: nipB)?.plain == EmployeeRecords(pegawai: try #require(try store.pegawai(nip: nipB))))
            #expect(try store.records(nip: SmallProvince.stranger) == nil)
        },
        StoreBehaviour("an add is audited and refreshes the employee's score in the same change") { make in
            let store = try seeded(make)
            // C, pelaksana with no records: 0 + 0 + 0 + 5.
            #expect(try store.score(nip: nipC, year: 2024)?.total == 5)
            let result = try store.add(teknis(nipC))
            // 20 JP teknis in 2024: 22.5 kompetensi; total 27.5.
            #expect(result.score.year == 2024)
            #expect(result.score.kompetensi == 22.5)
            #expect(result.score.total == 27.5)
            #expect(try store.score(nip: nipC, year: 2024) == result.score)
            #expect(try store.scores(year: 2024, unit: "SUB").first { $0.pegawai.nip == nipC }?.score == result.score)
            let audit = try lastAudit(store)
            #expect(audit.action == .insert)
            #expect(audit.subject == .record(result.id))
            #expect(audit.nip == nipC)
            #expect(audit.old == nil)
            #expect(audit.new == .record(teknis(nipC)))
            #expect(audit.record == teknis(nipC))
            #expect(audit.actor == "test")
            #expect(audit.at == TestClock.now)
            #expect(try store.check() == [])
        },
        StoreBehaviour("an update audits old and new values; a delete keeps the whole old record") { make in
            let store = try seeded(make)
            let id = try store.add(teknis(nipC, jp: 20)).id
            let updated = try store.update(id, to: teknis(nipC, jp: 19))
            #expect(updated.id == id)
            #expect(updated.score.kompetensi == 0)  // 19 JP earns nothing: no pro-rating
            #expect(try store.records(nip: nipC)?.diklat.map(\.value.jp) == [19])
            let update = try lastAudit(store)
            #expect(update.action == .update)
            #expect(update.subject == .record(id))
            #expect(update.old == .record(teknis(nipC, jp: 20)))
            #expect(update.new == .record(teknis(nipC, jp: 19)))

            let deleted = try store.delete(id)
            #expect(deleted.score.kompetensi == 0)
            #expect(deleted.score.total == 5)
            #expect(try store.records(nip: nipC)?.diklat.isEmpty == true)
            let delete = try lastAudit(store)
            #expect(delete.action == .delete)
            #expect(delete.subject == .record(id))
            #expect(delete.nip == nipC)
            #expect(delete.old == .record(teknis(nipC, jp: 19)))
            #expect(delete.new == nil)
            #expect(try store.check() == [])
        },
        StoreBehaviour("an update that moves a record to another employee refreshes both") { make in
            let store = try seeded(make)
            let id = try store.add(teknis(nipC)).id
            let moved = try store.update(id, to: teknis(nipB))
            #expect(moved.score.nip == nipB)
            #expect(moved.score.kompetensi == 22.5)
            #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 0)
            #expect(try store.records(nip: nipB)?.diklat.map(\.id) == [id.id])
            #expect(try store.check() == [])
        },
        StoreBehaviour("unknown ids are StoreError.recordNotFound; a record cannot change kind") { make in
            let store = try seeded(make)
            let missing = RecordID(kind: .diklat, id: 4242)
            #expect(throws: StoreError.recordNotFound(missing)) { try store.update(missing, to: teknis(nipC)) }
            #expect(throws: StoreError.recordNotFound(missing)) { try store.delete(missing) }
            let id = try store.add(teknis(nipC)).id
            let skp = Record.skp(SKP(nip: nipC, tahun: 2024, predikat: .baik))
            #expect(refusal { try store.update(id, to: skp) }.count == 1)
            #expect(try store.records(nip: nipC)?.skp.isEmpty == true)
            #expect(try store.records(nip: nipC)?.diklat.count == 1)
        },
        StoreBehaviour("invalid records, unknown NIPs and duplicates are refused and nothing is written") { make in
            let store = try seeded(make)
            try store.add(teknis(nipC, "Bimtek Arsip"))
            let auditCount = try store.auditLog(limit: 1000).count
            #expect(refusal { try store.add(teknis(SmallProvince.stranger)) }.first == .unknownNIP(SmallProvince.stranger))
            // The same course typed with other case and spacing is a duplicate.
            #expect(refusal { try store.add(teknis(nipC, "  bimtek   ARSIP ")) } == [.duplicate(.diklat)])
            // Ends after today (TestClock: 2025-01-10).
            let future = refusal { try store.add(teknis(nipC, "Bimtek Lain", end: "2025-01-11")) }
            #expect(future == [.dateInFuture(d("2025-01-11"), today: TestClock.today)])
            // The same course for another employee is no duplicate.
            try store.add(teknis(nipB, "Bimtek Arsip"))
            #expect(try store.records(nip: nipC)?.diklat.count == 1)
            #expect(try store.auditLog(limit: 1000).count == auditCount + 1)
            #expect(try store.score(nip: nipC, year: 2024)?.kompetensi == 22.5)
        },
        StoreBehaviour("an update may keep its own values but not repeat another record") { make in
            let store = try seeded(make)
            let first = try store.add(teknis(nipC, "Bimtek Arsip")).id
            let second = try store.add(teknis(nipC, "Bimtek Surat")).id
            try store.update(first, to: teknis(nipC, "Bimtek Arsip"))
            #expect(refusal { try store.update(second, to: teknis(nipC, "BIMTEK ARSIP")) } == [.duplicate(.diklat)])
            #expect(try store.records(nip: nipC)?.diklat.map(\.value.nama) == ["Bimtek Arsip", "Bimtek Surat"])
        },
    ]
}
