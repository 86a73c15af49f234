import Foundation
import IPASNCore
import Testing

@testable import IPASNStore

/// A record's audit JSON (``RecordRows/json(_:id:)``), now written in one encoding pass, is
/// byte for byte the text of the former three-step path (encode the record, parse it, add `id`
/// and `kind`, serialize with sorted keys), for records of every kind with optional fields nil
/// and set, empty, quoted, non-ASCII and emoji text, slashes, fractions and unusual dates; and
/// it reads back as the same record and id.
@Suite struct AuditJSONTests {
    /// The former implementation, kept here as the reference.
    func formerJSON(_ record: Record, id: Int64) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        switch record {
        case .pendidikan(let r): data = try encoder.encode(r)
        case .diklat(let r): data = try encoder.encode(r)
        case .skp(let r): data = try encoder.encode(r)
        case .disiplin(let r): data = try encoder.encode(r)
        }
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["id"] = id
        object["kind"] = record.kind.rawValue
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func sameTextAsTheFormerPathAndReadsBack() throws {
        var records = RecordInsertTests().records()
        records.append(.skp(SKP(nip: nipA, tahun: 2024, predikat: .baik, nilai: 87.25)))
        records.append(.skp(SKP(nip: nipA, tahun: 2023, predikat: nil, nilai: 100)))
        records.append(.skp(SKP(nip: nipA, tahun: 2022, predikat: nil, nilai: 0.1)))
        records.append(
            .diklat(
                Diklat(
                    nip: nipB, jenis: JenisDiklat.all[0], tingkat: nil, nama: "Kursus \"A/B\" \\ tab\tend",
                    penyelenggara: "BPSDM/Prov", tanggalMulai: d("2024-01-02"), tanggalSelesai: d("2024-01-03"), jp: 12,
                    nomorSertifikat: "No. 12/III/2024", sesuaiJabatan: true)))
        for (index, record) in records.enumerated() {
            let id = Int64(index + 1) * 7919
            let text = try RecordRows.json(record, id: id)
            #expect(text == (try formerJSON(record, id: id)))
            let back = try RecordRows.fromJSON(text)
            #expect(back.record == record)
            #expect(back.id == id)
        }
    }
}
