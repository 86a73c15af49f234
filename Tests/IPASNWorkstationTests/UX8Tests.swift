import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The seventh user test's leftovers (branch ux8), each as the admins met it at 80x24.
@Suite struct UX8Tests {
    /// The fixture's instansi (BKPSDM, five records waiting) and a province's second one with
    /// one course waiting, entered ten minutes after the fixture's records.
    static func province() throws -> (SQLiteStore, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let path = dir.path("province.sqlite")
        let store = try makeStore(path: path)
        try store.saveUnit(OrgUnit(kode: "PROV", nama: "Prov. Jawa"))
        try store.saveUnit(OrgUnit(kode: "PROV.SOS", nama: "Dinas Sosial", induk: "PROV"))
        try store.savePegawai(Pegawai(nip: "198001012006041001", nama: "Cahya Provinsi", kodeUnit: "PROV.SOS", jenisJabatan: .pelaksana))
        let later = try SQLiteStore(path: path, context: TestClock.context(at: TestClock.now.addingTimeInterval(600)))
        try later.add(
            .diklat(
                Diklat(
                    nip: "198001012006041001", jenis: JenisDiklat.withID(3)!, nama: "Bimtek Provinsi", tanggalMulai: day("2024-06-03"),
                    tanggalSelesai: day("2024-06-04"), jp: 16)))
        return (store, dir)
    }

    /// Round 7: in a province the verifikator's `V` on the first screen was the first
    /// instansi's queue; the province's 14 saves were out of sight. Now `V` on an instansi of a
    /// database holding several lists every instansi's records, says what waits in each, names
    /// the selected record's instansi, and `f` narrows to one instansi, then to the unit.
    @Test func vOnTheFirstScreenOfAProvinceListsEveryInstansiAndFNarrowsToOne() throws {
        let (store, dir) = try Self.province()
        defer { _ = dir }
        try run(store) { s in
            s.press(.verificationQueue, in: .units)  // the cursor is on BKPSDM, the first instansi
            s.checkpoint { queue in
                #expect(queue.shows("Verifikasi — semua instansi"), "\(queue)")
                #expect(queue.shows("6 dari 6 data belum diverifikasi"), "\(queue)")
                #expect(
                    queue.shows("Per instansi: Badan Kepegawaian dan Pengembangan SDM 5 · Prov. Jawa 1"), "\(queue)")
                #expect(queue.shows("Cahya Provinsi") && queue.shows("Budi Santoso"), "\(queue)")
            }
            // The province's course is the newest (added last): on top, its instansi named below.
            s.checkpoint { queue in
                #expect(queue.selection?.contains("Cahya Provinsi") == true, "\(queue)")
                #expect(queue.shows("Bimtek Provinsi") && queue.shows("· Prov. Jawa"), "\(queue)")
            }
            s.press(.queueUnit)
            s.checkpoint { queue in
                #expect(queue.shows("Saring: instansi Prov. Jawa"), "\(queue)")
                #expect(queue.shows("1 dari 1 data yang cocok; 1 belum diverifikasi."), "the instansi's own count: \(queue)")
                #expect(!queue.shows("Budi Santoso"))
            }
            s.press(.queueUnit)  // then the row's own unit
            s.checkpoint { queue in
                #expect(queue.shows("Saring: unit PROV.SOS"), "\(queue)")
            }
            s.press(.queueUnit)  // then every instansi again
            s.checkpoint { queue in
                #expect(queue.shows("6 dari 6 data belum diverifikasi"), "\(queue)")
            }
        }
    }

    /// A database of one instansi keeps its queue as before: the unit, no per-instansi line.
    @Test func aSingleInstansisQueueIsUnchanged() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.verificationQueue, in: .units)
            s.checkpoint { queue in
                #expect(queue.shows("Verifikasi — Badan Kepegawaian"), "\(queue)")
                #expect(!queue.shows("Per instansi"), "\(queue)")
            }
        }
    }

    /// Round 7 (and ux7's leftover): the pending screen counted the SKP SIASN holds in an older
    /// version ("1 SKP terkirim lalu diubah ke sebelum 2022") and listed none. Now the unit with
    /// such an SKP is on the list and Enter lists it with the others: who, the year, and why.
    @Test func thePendingScreenListsTheSKPHeldBySIASNWithWhoYearAndWhy() throws {
        let store = try makeStore()
        let id = try SKPLeavingSIASNTests().sentSKP(store)  // Budi's SKP 2024 (and Ayu's) in SIASN batch #1
        try store.update(id, to: .skp(SKP(nip: budiNIP, tahun: 2020, predikat: .baik)))
        try run(store) { s in
            s.press(.pendingSIASN, in: .units)
            s.checkpoint { pending in
                #expect(pending.shows("1 SKP terkirim lalu diubah ke sebelum 2022 (Enter pada unit: daftarnya)"), "\(pending)")
            }
            s.press(.open, in: .pending)  // BKPSDM, its sub-unit included
            s.checkpoint { unit in
                // Budi's pending pendidikan, then his SKP SIASN holds; Ayu's pendidikan and two courses
                // (her SKP went in the batch): 4 pending.
                #expect(unit.selection?.contains("Budi Santoso") == true, "\(unit)")
                #expect(unit.line(containing: "2020")?.contains("Budi Santoso") == true, "who and the year: \(unit)")
                #expect(unit.line(containing: "2020")?.contains("SKP") == true, "\(unit)")
                #expect(unit.shows("4 data belum dikirim, 0 terkirim lalu dihapus, 1 SKP versi lama di SIASN"), "\(unit)")
            }
            s.press(.moveDown)
            s.checkpoint { unit in
                #expect(unit.selection?.contains("2020") == true, "\(unit)")
                #expect(unit.shows("SIASN menyimpan versi #1; sebelum 2022 tak dikirim: perbaiki di SIASN"), "why: \(unit)")
            }
        }
    }

    /// Round 7: the SKP grid's name column was 13 characters at 80 columns, "Asep Wibowo" and
    /// "Asep Wibowo,…" two people told apart by the NIP only. The stored SKP's column is now as
    /// wide as what it shows (here `Tersimpan`, 9), the name gets 19, and a name cut so that it
    /// looks like another keeps its end.
    @Test func theSKPGridsNamesAreWiderAndNamesCutAlikeAreToldApart() throws {
        let store = try makeStore()
        try store.savePegawai(Pegawai(nip: "198502022010011001", nama: "Asep Wibowo", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
        try store.savePegawai(
            Pegawai(nip: "198703032011011002", nama: "Asep Wibowo Kusumanegara, S.Pd.", kodeUnit: "BKPSDM", jenisJabatan: .pelaksana))
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.bulkSKP)
            s.checkpoint { grid in
                #expect(grid.shows("SKP 2024 — 5 pegawai"), "\(grid)")
                #expect(grid.line(containing: "198502022010011001")?.hasPrefix("Asep Wibowo         198502022010011001") == true, "\(grid)")
                #expect(grid.line(containing: "198703032011011002")?.hasPrefix("Asep Wibowo K…S.Pd. 198703032011011002") == true, "\(grid)")
                #expect(grid.line(containing: "Ni Ketut Ayu")?.hasPrefix("Ni Ketut Ayu Lestari") == false, "20 letters: cut at 19")
                #expect(grid.line(containing: "Ni Ketut Ayu")?.hasPrefix("Ni Ketut Ayu Lesta…") == true, "\(grid)")
            }
            s.press(.back)
        }
    }
}
