import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Findings of the tenth user test (a city's team on one SQLite file), pressed by name.
@Suite struct UserTest10Tests {
    /// Rounds 9 and 10: the pending screen (`P`) named a sub-unit whose name another unit
    /// shares with its instansi's code ("DISDIK › Sekretariat") and the others at the same
    /// depth by their name alone ("Bidang Pembinaan SD"), in a tree already indented under
    /// that instansi. It now shows the tree as the unit list does: each unit's own name,
    /// indented under its parent.
    @Test func thePendingScreenNamesEverySubUnitAsTheUnitListDoes() throws {
        // Dewi Lestari in DISDIK.1, one of two "Sekretariat".
        let store = try SharedUnitNameTests().storeWithTwoSekretariats()
        try store.saveUnit(OrgUnit(kode: "DISDIK.2", nama: "Bidang Pembinaan SD", induk: "DISDIK"))
        let dewi = "199203152020122001"
        let eko = "199305202020121002"
        try store.savePegawai(Pegawai(nip: eko, nama: "Eko Prasetyo", kodeUnit: "DISDIK.2", jenisJabatan: .pelaksana))
        try store.add(.pendidikan(Pendidikan(nip: dewi, tingkat: .s1, tanggalLulus: day("2014-08-30"), namaSekolah: "Universitas Negeri Padang")))
        try store.add(.pendidikan(Pendidikan(nip: eko, tingkat: .d3, tanggalLulus: day("2013-08-30"), namaSekolah: "Politeknik Negeri Padang")))
        try run(store) { s in
            s.press(.pendingSIASN, in: .units)
            s.checkpoint { page in
                #expect(!page.shows("›"), "no unit prefixed with another's code: \(page)")
                let sekretariat = try #require(page.line(containing: "Sekretariat"), "\(page)")
                let bidang = try #require(page.line(containing: "Bidang Pembinaan SD"), "\(page)")
                #expect(sekretariat.hasPrefix("   Sekretariat "), "indented under Dinas Pendidikan: \(sekretariat)")
                #expect(bidang.hasPrefix("   Bidang Pembinaan SD "), "the same depth, the same form: \(bidang)")
                let disdik = try #require(page.lines.firstIndex { $0.contains("Dinas Pendidikan") })
                #expect(page.lines[disdik + 1] == sekretariat && page.lines[disdik + 2] == bidang, "\(page)")
            }
        }
    }

    /// Rounds 9 and 10: the import's problem list (`I` on the unit list) gave every employee
    /// of a missing unit an entry of their own (one screen per 20 employees); the lines of one
    /// missing unit are now one entry with their count, the file still refused whole.
    @Test func theImportProblemListNamesAMissingUnitOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ut10-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "nip;nama;kode_unit;jenis_jabatan\n199203152020122001;Dewi Lestari;BKPSDM.1;pelaksana\n"
        for n in 1...30 { csv += "1980010120050110\(String(format: "%02d", n));Pegawai \(n);SETDA;pelaksana\n" }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("pegawai.csv"))
        let store = try makeStore()
        try run(store) { s in
            s.press(.importFiles)
            s.enqueue(text: folder.path)
            s.enqueue(.enter)
            s.checkpoint { page in
                #expect(page.frame.line(0).contains("pegawai.csv"))
                #expect(page.shows("baris 3-32 (30 baris), kolom kode_unit: Kode unit \"SETDA\" bukan"), "\(page)")
                #expect(page.lines.filter { $0.hasPrefix(" • ") }.count == 1, "one entry: \(page)")
                #expect(page.shows("v: impor 1 baris yang valid saja"), "\(page)")
            }
        }
        #expect(try store.pegawai(nip: "199203152020122001") == nil, "nothing written")
    }

    /// The record form's second row named the employee's unit by its own name ("Sekretariat",
    /// one of three), where the employee page above it says "DISDIK › Sekretariat"; it now
    /// names it as the page does.
    @Test func theRecordFormNamesTheUnitAsTheEmployeePageDoes() throws {
        let store = try SharedUnitNameTests().storeWithTwoSekretariats()
        try run(store) { s in
            s.press(.search, in: .units)
            s.enqueue(text: "Dewi")
            s.press(.open, in: .search)
            s.checkpoint { page in #expect(page.shows("Unit: DISDIK › Sekretariat"), "\(page)") }
            s.press(.addDiklat, in: .employee)
            s.checkpoint { form in
                #expect(form.frame.line(1).trimmingCharacters(in: .whitespaces) == "19920315 202012 2 001  DISDIK › Sekretariat", "\(form)")
            }
        }
    }
}
