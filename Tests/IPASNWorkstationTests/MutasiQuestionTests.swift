import IPASNCore
import IPASNTerminal
import Testing

@testable import IPASNWorkstation

/// The mutasi question's texts: a unit name cut with "…" so the line fits the dialog (the
/// code never cut), and the other changes of the same save listed after the move.
@Suite struct MutasiQuestionTests {
    @Test func aLongUnitNameIsCutAndItsCodeKept() {
        let name = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
        let line = L.unitInQuestion(name: name, kode: "BKPSDM", width: 54)
        #expect(line == "Badan Kepegawaian dan Pengembangan Sumber Da… (BKPSDM)")
        #expect(DisplayWidth.width(of: line) == 54)
        #expect(L.unitInQuestion(name: "Bidang", kode: "BKPSDM.1", width: 54) == "Bidang (BKPSDM.1)")
        // A very long code keeps eight columns of the name.
        #expect(L.unitInQuestion(name: name, kode: String(repeating: "K", count: 60), width: 54).hasPrefix("Badan K…"))
    }

    @Test func otherChangesFollowTheMoveInBothLanguages() {
        let question = L.confirmMutasi(
            "Ayu", nip: "19860926 201505 1 001", from: "Bidang (B1)", to: "Dinas (D)", tanggal: "02-01-2025",
            others: "Nama pegawai \"Ayu\" -> \"Ayu Lestari\"")
        #expect(
            question.id
                == "Mutasi Ayu (19860926 201505 1 001)?\nDari: Bidang (B1)\nKe: Dinas (D)\nTanggal mutasi 02-01-2025. "
                + "Angka unitnya ikut pindah.\nJuga: Nama pegawai \"Ayu\" -> \"Ayu Lestari\"")
        #expect(
            question.en
                == "Transfer Ayu (19860926 201505 1 001)?\nFrom: Bidang (B1)\nTo: Dinas (D)\nTransfer date 02-01-2025. "
                + "Their figures move with them.\nAlso: Nama pegawai \"Ayu\" -> \"Ayu Lestari\"")
        let alone = L.confirmMutasi("Ayu", nip: "1", from: "A (A)", to: "B (B)", tanggal: "02-01-2025", others: "")
        #expect(!alone.id.contains("Juga") && !alone.en.contains("Also"))
    }
}
