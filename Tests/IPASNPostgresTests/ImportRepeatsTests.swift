import Foundation
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The client's half of a bulk import's conflict search (``ImportRepeats``): which lines of
/// the file repeat another line. Needs no server.
struct ImportRepeatsTests {
    static let nipA = "198001012005011001"
    static let nipB = "198001012005011002"

    static func course(_ nip: String, _ nama: String, jenis: Int = 3, start: String = "2024-03-01", end: String = "2024-03-03") -> Record {
        .diklat(
            Diklat(
                nip: nip, jenis: JenisDiklat.withID(jenis)!, nama: nama, penyelenggara: "BPSDM",
                tanggalMulai: TestClock.date(start), tanggalSelesai: TestClock.date(end), jp: 20))
    }

    /// The named rows, as file lines (staged position + 2).
    static func lines(_ records: [Record], checkSimilar: Bool) -> [Int] {
        var repeats = ImportRepeats(checkSimilar: checkSimilar)
        for record in records { repeats.note(record, key: DuplicateKey.hash(record)) }
        return repeats.positions().map { $0 + 2 }
    }

    @Test func namesEveryLineOfARepeatedKeyAndNoOther() {
        let records = [
            Self.course(Self.nipA, "Bimtek Anggaran"),  // 2: repeated on 5 and 7
            Self.course(Self.nipB, "Bimtek Anggaran"),  // 3: same course, another employee
            Self.course(Self.nipA, "Bimtek Arsip", start: "2024-05-01", end: "2024-05-02"),  // 4
            Self.course(Self.nipA, "Bimtek Anggaran"),  // 5
            Self.course(Self.nipA, "Bimtek Anggaran", start: "2024-03-02"),  // 6: other dates, other key
            Self.course(Self.nipA, "Bimtek Anggaran"),  // 7
        ]
        #expect(Self.lines(records, checkSimilar: false) == [2, 5, 7])
        // The similar check adds the lines sharing employee, jenis and dates under any name.
        let similar = records + [Self.course(Self.nipA, "Bimtek Arsip Lanjut", start: "2024-05-01", end: "2024-05-02")]  // 8, like 4
        #expect(Self.lines(similar, checkSimilar: true) == [2, 4, 5, 7, 8])
        #expect(Self.lines(similar, checkSimilar: false) == [2, 5, 7])
    }

    @Test func otherKindsRepeatByTheirDedupKeyOnly() {
        let records: [Record] = [
            .skp(SKP(nip: Self.nipA, tahun: 2024, predikat: .baik)),  // 2
            .skp(SKP(nip: Self.nipB, tahun: 2024, predikat: .baik)),  // 3
            .skp(SKP(nip: Self.nipA, tahun: 2023, predikat: .baik)),  // 4
            .skp(SKP(nip: Self.nipA, tahun: 2024, predikat: .sangatBaik)),  // 5: the same year again (same key)
        ]
        #expect(Self.lines(records, checkSimilar: true) == [2, 5])
        #expect(Self.lines([], checkSimilar: true) == [])
    }
}
