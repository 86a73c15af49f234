import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// Findings of the sixth user test (a city's morning on one SQLite file: three unit admins, an
/// operator, a verifikator and a pimpinan, each at their own 80x24 workstation).
@Suite struct UserTest6Tests {
    /// The operator corrected an employee's name ("A.Md." to "S.Sos." after a new S-1) while the
    /// unit admin had the same employee's edit form open to change the jabatan. The admin saved
    /// 1.5 s later: the whole employee as the form had loaded it was written back, so the
    /// operator's name was silently undone (both were told "disimpan"). The second save is now
    /// refused, naming who saved first; the form stays open with the admin's input.
    @Test func theSecondEditOfOneEmployeeIsRefusedAndTheFirstStays() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ani = try AdminTerminal(shared, actor: "ani", session: "ani-1")
        let budi = try AdminTerminal(shared, actor: "budi", session: "budi-1")
        for person in [ani, budi] {
            person.openAyu()
            person.type("e")
            #expect(person.text.contains("Ubah pegawai — Ni Ketut Ayu Lestari"), "\(person.text)")
        }
        // Ani: the name (the first field). Budi: the jenjang, four fields down.
        ani.send(.ctrl("u"))
        ani.type("Ni Ketut Ayu Lestari, S.Sos.")
        ani.send(.ctrl("s"))
        ani.type("y")
        #expect(ani.text.contains("disimpan"), "\(ani.text)")
        budi.type("\t\t\t\t")
        budi.send(.ctrl("u"))
        budi.type("Analis Data")
        budi.send(.ctrl("s"))
        budi.type("y")
        let screen = budi.text
        #expect(screen.contains("Tidak disimpan: data ini sudah diubah atau dihapus oleh ani"), "\(screen)")
        #expect(screen.contains("Ubah pegawai"), "the form stays open")
        #expect(screen.contains("Analis Data"), "with Budi's input")
        let stored = try shared.open("ops", session: "check")
        #expect(try stored.pegawai(nip: ayuNIP)?.nama == "Ni Ketut Ayu Lestari, S.Sos.", "Ani's name is not written back")
        #expect(try stored.pegawai(nip: ayuNIP)?.jenjang != "Analis Data")
        // Budi leaves the form, opens the employee again (Ani's name in it) and saves his jabatan.
        budi.send(.escape)
        if budi.app.modal != nil { budi.type("y") }
        budi.type("e\t\t\t\t")
        budi.send(.ctrl("u"))
        budi.type("Analis Data")
        budi.send(.ctrl("s"))
        budi.type("y")
        let both = try stored.pegawai(nip: ayuNIP)
        #expect(both?.nama == "Ni Ketut Ayu Lestari, S.Sos.")
        #expect(both?.jenjang == "Analis Data")
    }

    /// DISDIK's admin imported an Excel sheet of a 40-person bimtek with 3 bad lines; the
    /// problem screen offered "v: impor 44 baris yang valid saja" (37 were), and after the
    /// corrected sheet was imported again (37 duplicates, 3 new) "impor 19 baris": the count
    /// read the workbook, a zip file, as lines of CSV text. It now counts the sheet's rows.
    @Test func theValidRowsOfAWorkbookAreCountedFromItsSheet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-ut6-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Peserta Bimtek Kepegawaian.xlsx").path
        func row(_ nip: String) -> [XLSXValue] {
            [
                .text(nip), .text("Bimtek"), .empty, .text("Bimtek Kepegawaian"), .text("BKN"), .date(day("2024-06-10")),
                .date(day("2024-06-11")), .number(16), .empty, .text("Y"),
            ]
        }
        // Two known employees and one NIP nobody has (line 4).
        try ImportTemplate.write(kind: .diklat, to: file, rows: [row(ayuNIP), row(budiNIP), row("199912312020121001")])
        let store = try makeStore()
        try run(store) { s in
            s.press(.importFiles)
            s.enqueue(text: file)
            s.enqueue(.enter)
            s.checkpoint { c in
                #expect(c.frame.text.contains("baris 4"), "\(c)")
                #expect(c.frame.text.contains("v: impor 2 baris yang valid saja"), "\(c)")
            }
            s.press(.importValidRows)
            s.checkpoint { c in #expect(c.frame.text.contains("Impor selesai: 2 baris masuk"), "\(c)") }
        }
    }

    /// On a full disk the verifikator's `t` (reject with a reason) said "Disk penuh: data BELUM
    /// tersimpan, tetapi isian tetap ada", but the reason dialog had closed and the typed reason
    /// was gone. A refused verdict now leaves the dialog open with the reason, to send again.
    /// (The refusal here is a role changed meanwhile, the same path as the full disk.)
    @Test func aRefusedRejectionKeepsTheTypedReason() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ops = try shared.open("ops", session: "roles")
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        let vera = try AdminTerminal(shared, actor: "vera", session: "vera-1")
        vera.type("V")
        #expect(vera.text.contains("Diklat Fungsional Analis"), "\(vera.text)")
        vera.type("t")
        vera.type("Sertifikat belum diunggah")
        try ops.saveAccount(Account(login: "vera", role: .pimpinan))
        vera.send(.enter)
        #expect(vera.text.contains("Hanya verifikator dan operator yang dapat memverifikasi data"), "refused, the rule said: \(vera.text)")
        #expect(vera.text.contains("Sertifikat belum diunggah"), "the reason is still in the dialog: \(vera.text)")
        #expect(vera.app.modal is ReasonDialog)
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        vera.send(.enter)
        #expect(vera.text.contains("Tidak memenuhi syarat: Diklat Fungsional Analis."), "\(vera.text)")
        #expect(vera.app.modal == nil)
        let verdicts = try ops.verifications(nip: ayuNIP).values.filter { $0.status == .tidak }
        #expect(verdicts.map(\.reason) == ["Sertifikat belum diunggah"])
        #expect(verdicts.map(\.by) == ["vera"])
    }

    /// The same for a whole event (`T`): the reason is asked, then the question; a refused
    /// verdict asks again with the reason as typed.
    @Test func aRefusedEventRejectionAsksAgainWithTheTypedReason() throws {
        let shared = try TwoAdminStation()
        defer { shared.remove() }
        let ops = try shared.open("ops", session: "roles")
        let course = { (nip: String) in
            Record.diklat(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(7)!, nama: "Sosialisasi Disiplin ASN", penyelenggara: "BKPSDM",
                    tanggalMulai: day("2024-05-14"), tanggalSelesai: day("2024-05-14"), jp: 4))
        }
        try ops.addBatch([course(ayuNIP), course(budiNIP)], label: "Sosialisasi Disiplin ASN")
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        let vera = try AdminTerminal(shared, actor: "vera", session: "vera-1")
        vera.type("V")
        vera.type("T")
        vera.type("Daftar hadir belum ada")
        vera.send(.enter)
        #expect(vera.question.contains("Tolak 2 data diklat 'Sosialisasi Disiplin ASN'"), "\(vera.text)")
        try ops.saveAccount(Account(login: "vera", role: .pimpinan))
        vera.type("y")
        #expect(vera.app.modal is ReasonDialog, "asked again: \(vera.text)")
        #expect(vera.text.contains("Daftar hadir belum ada"), "with the reason as typed: \(vera.text)")
        try ops.saveAccount(Account(login: "vera", role: .verifikator))
        vera.send(.enter)
        vera.type("y")
        #expect(vera.text.contains("Tidak memenuhi syarat: 2 data diklat"), "\(vera.text)")
        let verdicts = try ops.verifications(nip: budiNIP).values.filter { $0.status == .tidak }
        #expect(verdicts.map(\.reason) == ["Daftar hadir belum ada"])
    }
}
