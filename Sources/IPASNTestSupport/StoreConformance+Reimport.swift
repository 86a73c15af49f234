import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// Re-importing employees, dry runs, the pendidikan identity and employee search.
    static let reimportAndSearch: [StoreBehaviour] = [
        StoreBehaviour("a pegawai re-import reports each changed employee with its line, and counts the added ones") { make in
            let store = try seeded(make)
            var rows = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),  // as on file
                    Line(3, .pegawai(Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana))),
                    Line(4, .pegawai(Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
                ])
            let outcome = try store.importRows(&rows, skipInvalid: false, dryRun: false)
            #expect(outcome.imported == 3)
            #expect(outcome.added == 1)
            #expect(!outcome.dryRun)
            #expect(outcome.changes == [
                PegawaiChange(
                    line: 3, old: Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana),
                    new: Pegawai(nip: nipB, nama: "Budi Santoso", kodeUnit: "ROOT", jenisJabatan: .pelaksana))
            ])
            #expect(outcome.changes.first?.summary == "\(nipB): nama \"Budi\" -> \"Budi Santoso\"; kode_unit SUB -> ROOT")
            // The import keeps the old values (for undo): the changed one and the added one.
            let entry = try lastAudit(store)
            guard case .importSummary(let summary) = entry.new else {
                Issue.record("an import is audited with its summary")
                return
            }
            #expect(summary.employeeCounts?.added == 1 && summary.employeeCounts?.changed == 1)
            let kept = try store.employeeImportChanges(of: entry)
            #expect(kept.map(\.old?.nama) == ["Budi", nil])
            #expect(kept.map(\.new.nama) == ["Budi Santoso", "Dewi"])
        },
        StoreBehaviour("a dry run checks and counts as the import would, and writes nothing (no audit entry)") { make in
            let store = try seeded(make)
            let before = try store.auditLog(limit: 1000).count
            var rows = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(Pegawai(nip: nipA, nama: "Andi Baso", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
                    Line(3, .pegawai(Pegawai(nip: SmallProvince.stranger, nama: "Dewi", kodeUnit: "NOPE", jenisJabatan: .pelaksana))),
                ])
            let outcome = try store.importRows(&rows, skipInvalid: true, dryRun: true)
            #expect(outcome.dryRun)
            #expect(outcome.imported == 1)
            #expect(outcome.issues.map(\.line) == [3])
            #expect(outcome.changes.map(\.new.nama) == ["Andi Baso"])
            #expect(try store.pegawai(nip: nipA)?.nama == "Andi")
            #expect(try store.pegawai(nip: SmallProvince.stranger) == nil)
            #expect(try store.auditLog(limit: 1000).count == before)
            // Records too: counted, not stored.
            var records = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipA)))])
            #expect(try store.importRows(&records, skipInvalid: false, dryRun: true).imported == 1)
            #expect(try store.records(nip: nipA)?.diklat.isEmpty == true)
        },
        StoreBehaviour("a second degree of the same level from another school is stored; the same school twice is not") { make in
            let store = try seeded(make)
            _ = try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "Universitas Hasanuddin", jurusan: "Hukum")))
            _ = try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "Universitas Gadjah Mada", jurusan: "Hukum")))
            _ = try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "Universitas Hasanuddin", jurusan: "Ekonomi")))
            #expect(try store.records(nip: nipA)?.pendidikan.count == 3)
            // Case and surrounding spaces do not make another school.
            #expect(refusal {
                _ = try store.add(.pendidikan(Pendidikan(nip: nipA, tingkat: .s1, namaSekolah: "universitas hasanuddin ", jurusan: "HUKUM")))
            } == [.duplicate(.pendidikan)])
        },
        StoreBehaviour("search ignores case and accents, takes words in any order, and NIPs by start or end") { make in
            let store = try seeded(make)
            let rusli = "198001012005011001"
            try store.savePegawai(Pegawai(nip: rusli, nama: "Muhammad Ruslï Pratama", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            for query in ["rusli", "RUSLI", "ruslï", "pratama ruslï", "rus pra", "pra  RUS"] {
                #expect(try store.searchPegawai(query, limit: 10).map(\.nip) == [rusli], "\(query)")
            }
            #expect(try store.searchPegawai("rusli budi", limit: 10).isEmpty, "every word must match")
            // A NIP pasted from a spreadsheet (leading apostrophe, spaces), or its end.
            #expect(try store.searchPegawai("'198001012005011001", limit: 10).map(\.nip) == [rusli])
            #expect(try store.searchPegawai(" 19800101 200501 1 001 ", limit: 10).map(\.nip) == [rusli])
            #expect(try store.searchPegawai("011001", limit: 10).map(\.nip) == [rusli])
            // A query of no word and no digit finds nobody.
            #expect(try store.searchPegawai("   ", limit: 10).isEmpty)
        },
    ]
}
