import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The undo and redo questions name what they revert, for every kind of change: one SKP
/// saved from the SKP grid is "SKP 2024 untuk <nama>", never "untuk 1 peserta"; a group of
/// SKP are employees, a group event's diklat are participants.
@Suite struct UndoWordingTests {
    static func skp(_ nip: String, _ tahun: Int = 2024) -> Record {
        .skp(SKP(nip: nip, tahun: tahun, predikat: .baik))
    }

    @Test func oneSKPOfTheGridIsNamedWithItsEmployeeNotAsParticipants() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        // What the SKP grid saves for one filled row: a batch labelled "SKP 2024".
        try ani.store.addBatch([Self.skp(ayuNIP)], label: "SKP 2024")
        ani.type("u")
        #expect(ani.question == "Batalkan penyimpanan SKP 2024 untuk Ni Ketut Ayu Lestari?")
        ani.type("y")
        #expect(ani.text.contains("Dibatalkan: penyimpanan SKP 2024 untuk Ni Ketut Ayu Lestari."))
        #expect(!ani.text.contains("peserta"))
        #expect(try ani.store.records(nip: ayuNIP)?.skp.isEmpty == true)
        ani.type("U")
        #expect(ani.question == "Ulangi penyimpanan SKP 2024 untuk Ni Ketut Ayu Lestari?")
    }

    @Test func aGroupOfSKPIsEmployeesAndAGroupEventIsParticipants() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        try ani.store.addBatch([Self.skp(ayuNIP), Self.skp(budiNIP)], label: "SKP 2024")
        ani.type("u")
        #expect(ani.question == "Batalkan penyimpanan SKP 2024 untuk 2 pegawai?")
        ani.type("y")
        let course = Diklat(
            nip: ayuNIP, jenis: JenisDiklat.withID(7)!, nama: "Sosialisasi SKP", tanggalMulai: day("2024-05-02"),
            tanggalSelesai: day("2024-05-02"), jp: 4)
        var forBudi = course
        forBudi.nip = budiNIP
        let event = try ani.store.addBatch([.diklat(course), .diklat(forBudi)], label: "Sosialisasi SKP")
        // A participant removed later: that one change, by name, from the event.
        let budisRecord = try #require(event.ids.last)
        _ = try ani.store.removeFromBatch(event.batch, record: budisRecord)
        ani.type("u")
        #expect(ani.question == "Batalkan penghapusan Budi Santoso dari 'Sosialisasi SKP'?")
        ani.type("y")
        ani.type("u")
        #expect(ani.question == "Batalkan penyimpanan diklat 'Sosialisasi SKP' untuk 2 peserta?")
    }

    @Test func singleRecordsAndEmployeeChangesAreNamedByWhatTheyDid() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        try ani.store.add(Self.skp(ayuNIP, 2023))
        ani.type("u")
        #expect(ani.question == "Batalkan penyimpanan SKP 2023 untuk Ni Ketut Ayu Lestari?")
        ani.type("t")
        var ayu = try #require(try ani.store.pegawai(nip: ayuNIP))
        ayu.aktif = false
        ayu.keluar = PegawaiKeluar(alasan: .pensiun, tanggal: day("2024-06-30"))
        try ani.store.changePegawai(ayu)
        ani.type("u")
        #expect(ani.question == "Batalkan penonaktifan Ni Ketut Ayu Lestari (198609262015051001)?")
        ani.type("y")
        var moved = try #require(try ani.store.pegawai(nip: budiNIP))
        moved.kodeUnit = "BKPSDM.1"
        moved.tmtUnit = day("2024-01-02")
        try ani.store.changePegawai(moved)
        ani.type("u")
        #expect(ani.question == "Batalkan mutasi Budi Santoso (197001012000031002) dari BKPSDM ke BKPSDM.1?")
    }

    /// The English texts, straight from the catalog, for each kind of record and a batch.
    @Test func inEnglish() {
        let at = Date(timeIntervalSince1970: 0)
        func entry(_ action: AuditAction, _ record: Record, batch: Int64? = nil) -> AuditEntry {
            AuditEntry(
                id: 1, at: at, actor: "ani", action: action, subject: .record(RecordID(kind: record.kind, id: 1)), nip: record.nip,
                old: action == .insert ? nil : .record(record), new: action == .insert ? .record(record) : nil, batch: batch)
        }
        let skp = Self.skp(ayuNIP)
        let course = Record.diklat(
            Diklat(
                nip: ayuNIP, jenis: JenisDiklat.withID(7)!, nama: "Sosialisasi SKP", tanggalMulai: day("2024-05-02"),
                tanggalSelesai: day("2024-05-02"), jp: 4))
        let punishment = Record.disiplin(HukumanDisiplin(nip: ayuNIP, tingkat: .ringan, tmt: day("2024-02-01"), jenis: "Teguran lisan"))
        let school = Record.pendidikan(Pendidikan(nip: ayuNIP, tingkat: .s1, namaSekolah: "Universitas Udayana"))
        func en(_ e: AuditEntry, _ name: String?, _ batch: BatchInfo? = nil) -> String {
            Language.en.t(L.confirmUndo(L.changeSubject(e, employeeName: name, batch: batch)))
        }
        #expect(en(entry(.insert, skp), "Ayu") == "Undo saving SKP 2024 for Ayu?")
        #expect(en(entry(.delete, course), "Ayu") == "Undo deleting course 'Sosialisasi SKP' for Ayu?")
        #expect(en(entry(.insert, punishment), "Ayu") == "Undo saving punishment Ringan (TMT 01-02-2024) for Ayu?")
        #expect(en(entry(.insert, school), "Ayu") == "Undo saving education S-1 Universitas Udayana for Ayu?")
        let grid = BatchInfo(id: 4, label: "SKP 2024", at: at, actor: "ani", count: 1)
        #expect(en(entry(.insert, skp, batch: 4), "Ayu", grid) == "Undo saving SKP 2024 for Ayu?")
        var many = grid
        many.count = 12
        #expect(en(entry(.insert, skp, batch: 4), "Ayu", many) == "Undo saving SKP 2024 for 12 employees?")
        let event = BatchInfo(id: 5, label: "Sosialisasi SKP", at: at, actor: "ani", count: 15)
        #expect(en(entry(.insert, course, batch: 5), "Ayu", event) == "Undo saving course 'Sosialisasi SKP' for 15 participants?")
        let added = BatchInfo(id: 6, label: "Sosialisasi SKP", at: at, actor: "ani", count: 1, parent: 5)
        #expect(en(entry(.insert, course, batch: 6), "Ayu", added) == "Undo adding Ayu to 'Sosialisasi SKP'?")
        #expect(en(entry(.delete, course, batch: 6), "Ayu", added) == "Undo removing Ayu from 'Sosialisasi SKP'?")
        #expect(
            Language.id.t(L.confirmRedo(L.changeSubject(entry(.insert, course, batch: 6), employeeName: "Ayu", batch: added)))
                == "Ulangi penambahan Ayu ke 'Sosialisasi SKP'?")
    }
}
