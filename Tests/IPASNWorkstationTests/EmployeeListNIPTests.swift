import IPASNCore
import IPASNStore
import Testing

@testable import IPASNWorkstation

/// Branch mem2: the employee list keeps a NIP as a number (``EmployeeListRow/nipKey``), and
/// gives its text back digit for digit, leading zeros and odd NIPs included.
@Suite struct EmployeeListNIPTests {
    @Test func aRowGivesBackItsNIPExactlyAndFindsOnlyItsOwn() {
        let nips = ["198609262015051001", "007", "7", "0", "P-0001", "1986092620150510011", "999999999999999999"]
        for nip in nips {
            let pegawai = Pegawai(nip: nip, nama: "Nama \(nip)", kodeUnit: "ROOT", jenisJabatan: .pelaksana)
            let score = EmployeeScore(nip: nip, year: 2024, kualifikasi: 10, kompetensi: 20, kinerja: 25, disiplin: 5, missing: [])
            let row = EmployeeListRow(ScoredPegawai(pegawai: pegawai, score: score))
            #expect(row.nip == nip)
            #expect(row.has(NIPKey(nip)))
            for other in nips where other != nip { #expect(!row.has(NIPKey(other)), "\(nip) vs \(other)") }
        }
        // An 18-digit NIP takes no text of its own in the row.
        let row = EmployeeListRow(
            ScoredPegawai(
                pegawai: Pegawai(nip: "198609262015051001", nama: "Budi", kodeUnit: "ROOT", jenisJabatan: .pelaksana),
                score: EmployeeScore(nip: "198609262015051001", year: 2024, kualifikasi: 0, kompetensi: 0, kinerja: 0, disiplin: 0, missing: [])))
        #expect(row.nipKey == .number(1_198_609_262_015_051_001))
    }
}
