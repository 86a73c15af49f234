import Foundation
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The bulk import's COPY rows written straight into the buffer (``PGCopyBuffer``,
/// ``PGRecordRows/encode(_:key:into:)``) are byte for byte the rows of the plain form: the
/// record's ``PGRecordRows/arguments(_:key:)`` as text, escaped. Needs no server.
struct PGCopyBufferTests {
    static let nip = "198001012005011001"

    /// The plain form: one row of the arguments' texts.
    static func plain(_ record: Record, key: Int64) -> [UInt8] {
        var buffer = PGCopyBuffer()
        buffer.row(PGRecordRows.arguments(record, key: key).values)
        return buffer.bytes
    }

    static func encoded(_ record: Record, key: Int64) -> [UInt8] {
        var buffer = PGCopyBuffer()
        PGRecordRows.encode(record, key: key, into: &buffer)
        buffer.endRow()
        return buffer.bytes
    }

    @Test func everyKindEncodesAsItsArguments() {
        let awkward = "Bimtek\t\"Arsip\"\\n\nbaris\r kedua – Éé"
        let records: [Record] = [
            .diklat(
                Diklat(
                    nip: Self.nip, jenis: JenisDiklat.withID(1)!, tingkat: .pimIV, nama: awkward, penyelenggara: "",
                    tanggalMulai: TestClock.date("2024-03-01"), tanggalSelesai: TestClock.date("2024-12-31"), jp: 0,
                    nomorSertifikat: "12\\34", sesuaiJabatan: false)),
            .diklat(
                Diklat(
                    nip: Self.nip, jenis: JenisDiklat.withID(16)!, nama: "E-Learning", tanggalMulai: LocalDate(year: 987, month: 1, day: 9)!,
                    tanggalSelesai: TestClock.date("2025-01-10"), jp: 1_234_567)),
            .pendidikan(Pendidikan(nip: Self.nip, tingkat: .sd)),
            .pendidikan(
                Pendidikan(nip: Self.nip, tingkat: .sltpKejuruan, tanggalLulus: TestClock.date("1999-06-30"), namaSekolah: "SMP\t1", jurusan: "IPA")),
            .skp(SKP(nip: Self.nip, tahun: 2024)),
            .skp(SKP(nip: Self.nip, tahun: 2023, predikat: .sangatBaik, nilai: 91.25)),
            .skp(SKP(nip: Self.nip, tahun: 2022, predikat: .baik, nilai: -0.5)),
            .disiplin(HukumanDisiplin(nip: Self.nip, tingkat: .berat, tmt: TestClock.date("2021-02-03"))),
            .disiplin(HukumanDisiplin(nip: Self.nip, tingkat: .ringan, tmt: TestClock.date("2021-02-03"), jenis: "teguran\\lisan")),
        ]
        for record in records {
            for key in [DuplicateKey.hash(record), 0, -1, Int64.min, Int64.max] {
                let encoded = Self.encoded(record, key: key)
                #expect(encoded == Self.plain(record, key: key), "\(record) key \(key): \(String(decoding: encoded, as: UTF8.self))")
            }
        }
        // Hand-checked: the escapes, NULL, the flag, the dates and the numbers of the first row.
        #expect(
            String(decoding: Self.encoded(records[0], key: -42), as: UTF8.self)
                == "198001012005011001\t1\tPIM_IV\tBimtek\\t\"Arsip\"\\\\n\\nbaris\\r kedua – Éé\t\t2024-03-01\t2024-12-31\t0\t12\\\\34\t0\t-42\n")
        #expect(
            String(decoding: Self.encoded(records[2], key: 7), as: UTF8.self) == "198001012005011001\tSD\t\\N\t\t\t7\n")
    }

    @Test func rowsOfFieldsAreSeparatedAndEnded() {
        var buffer = PGCopyBuffer()
        buffer.integer(3)
        buffer.null()
        buffer.text("a")
        buffer.endRow()
        buffer.integer(Int64.min)
        buffer.endRow()
        buffer.row([nil, "b\tc", ""])
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "3\t\\N\ta\n-9223372036854775808\n\\N\tb\\tc\t\n")
        buffer.removeAll()
        #expect(buffer.count == 0)
    }
}
