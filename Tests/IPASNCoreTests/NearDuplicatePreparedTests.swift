@testable import IPASNCore
import Testing

/// The import prepares each incoming course name once (``NearDuplicate/Name``) instead of
/// once per stored course it meets: the warnings must be exactly those of the string
/// comparison as it was (re-deriving both names every time), pinned here on every pair.
@Suite struct NearDuplicatePreparedTests {
    static let names = [
        "Bimtek Pengelolaan Arsip", "BIMTEK  pengelolaan arsip", "Bimtek Pengelolaan Arsip.", "Bimtek, Pengelolaan-Arsip",
        "Pelatihan E-Learning", "Pelatihan eLearning", "Bimtek Pengelolaan Arsip Dinamis", "Bimtek Arsip Dinamis",
        "Bimtek Pengelolan Arsip", "Bimtek Pengelolaan Asrip", "Sosialisasi SKP", "Sosialisasi SKP ", "Sosialisasi SPIP",
        "Bimtek Pengelolaan Keuangan", "Bimtek Arsip", "Bimtek", "Pelatihan Arsip Tingkat Dasar",
        "Pelatihan Arsip Tingkat Lanjut", "Diklat A", "Diklat B C", "Diklat Angkatan 1", "Diklat Angkatan 2",
        "Kursus 10", "Kursus 110", "Pelatihan Kepemimpinan Pengawas", "Pelatihan Kepemimpinan Pengawas Angkatan II",
        "Pelatihan Kepemimpinan Pengawass", "Penyusunan Anggaran Daerah", "Penyusunan Anggaran Daerah 2024",
        "Pelatihan Kearsipan Tingkat Dasar", "Pelatihan Kérsipan Tingkat Dasar", "Sosialisasi Pengadaan Barang/Jasa",
        "sosialisasi pengadaan barang jasa", "", "  ", "Seminar Nasional", "Seminar Internasional",
    ]

    /// The comparison before preparing: each name re-derived per call (as 2026-11-30's SimilarCourseCheck did).
    static func reference(_ stored: String, _ incoming: String) -> Bool {
        guard DuplicateKey.normalizedName(stored) != DuplicateKey.normalizedName(incoming) else { return false }
        let x = NearDuplicate.words(stored)
        let y = NearDuplicate.words(incoming)
        if x.isEmpty || y.isEmpty { return false }
        if x == y { return true }
        if NearDuplicate.numbers(x) != NearDuplicate.numbers(y) { return false }
        if x.joined() == y.joined() { return true }
        if NearDuplicate.oneWordApart(x, y) { return true }
        let limit = min(stored.count, incoming.count) >= 20 ? 2 : 1
        return NearDuplicate.editDistance(Array(x.joined(separator: " ")), Array(y.joined(separator: " ")), limit: limit) <= limit
    }

    @Test func thePreparedComparisonWarnsExactlyAsTheStringComparison() {
        var warnings = 0
        for incoming in Self.names {
            let prepared = NearDuplicate.Name(incoming)
            for stored in Self.names {
                let expected = Self.reference(stored, incoming)
                #expect(NearDuplicate.nearDuplicate(stored, of: prepared) == expected, "\(stored) vs \(incoming)")
                if expected { warnings += 1 }
            }
        }
        // Hand-checked anchors: these pairs warn, exact repeats and different courses do not.
        #expect(NearDuplicate.nearDuplicate("Bimtek Pengelolan Arsip", of: NearDuplicate.Name("Bimtek Pengelolaan Arsip")))
        #expect(!NearDuplicate.nearDuplicate("BIMTEK  pengelolaan arsip", of: NearDuplicate.Name("Bimtek Pengelolaan Arsip")))
        #expect(!NearDuplicate.nearDuplicate("Diklat Angkatan 2", of: NearDuplicate.Name("Diklat Angkatan 1")))
        #expect(warnings > 20, "the list exercises the warning, not only its absence")
    }
}
