import Foundation
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNPostgres

/// The first load's COPY in binary format (``PGCopyBuffer/binary``, branch pgcopy6) stores
/// exactly the rows the text format stores: every record kind, with awkward text (tabs, line
/// breaks, backslashes, quotes, letters beyond ASCII), NULLs, dates before 1970 and 2000 and
/// on a leap day, doubles, the extreme dedup keys. Each set of rows is copied into two empty
/// copies of its real table, once as text and once as binary, and the two compared row for row.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct PGCopyBinaryTests {
    static let nip = "198001012005011001"

    static var records: [Record] {
        let awkward = "Bimtek\t\"Arsip\"\\n\nbaris\r kedua – Éé"
        func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }
        return [
            .diklat(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(1)!, tingkat: .pimIV, nama: awkward, penyelenggara: "",
                    tanggalMulai: day(2024, 3, 1), tanggalSelesai: day(2024, 12, 31), jp: 0, nomorSertifikat: "12\\34",
                    sesuaiJabatan: false)),
            .diklat(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(16)!, nama: "E-Learning", tanggalMulai: day(987, 1, 9),
                    tanggalSelesai: day(2000, 2, 29), jp: 1_234_567)),
            .diklat(
                Diklat(
                    nip: nip, jenis: JenisDiklat.withID(8)!, nama: "Bimtek Aplikasi SIPD", penyelenggara: "Bapelkes Provinsi",
                    tanggalMulai: day(1999, 12, 31), tanggalSelesai: day(2000, 1, 1), jp: 17, nomorSertifikat: "318/8961/BPSDM/2024")),
            .pendidikan(Pendidikan(nip: nip, tingkat: .sd)),
            .pendidikan(
                Pendidikan(nip: nip, tingkat: .sltpKejuruan, tanggalLulus: day(1969, 6, 30), namaSekolah: "SMP\t1", jurusan: "IPA")),
            .skp(SKP(nip: nip, tahun: 2024)),
            .skp(SKP(nip: nip, tahun: 2023, predikat: .sangatBaik, nilai: 91.25)),
            .skp(SKP(nip: nip, tahun: 2022, predikat: .baik, nilai: 0.1)),
            .skp(SKP(nip: nip, tahun: 2021, predikat: .baik, nilai: -0.5)),
            .disiplin(HukumanDisiplin(nip: nip, tingkat: .berat, tmt: day(2021, 2, 3))),
            .disiplin(HukumanDisiplin(nip: nip, tingkat: .ringan, tmt: day(1900, 3, 1), jenis: "teguran\\lisan")),
        ]
    }

    @Test func everyKindStoresTheSameRowsInBinaryAsInText() throws {
        let databases = TestDatabases()
        defer { databases.dropAll() }
        let db = try PGConnection(conninfo: try databases.makeConninfo())
        let keys: [Int64] = [0, -1, Int64.min, Int64.max, 42]
        for kind in RecordKind.allCases {
            let rows = Self.records.filter { $0.kind == kind }
            #expect(!rows.isEmpty)
            let table = PGRecordRows.table(kind)
            var copied: [String: [String]] = [:]
            for binary in [false, true] {
                let target = "copy_\(binary ? "binary" : "text")_\(table)"
                try db.execute(sql: "CREATE TEMP TABLE \(target) (LIKE \(table) INCLUDING DEFAULTS)")
                var next = 0
                let count = try db.copyIn(table: target, columns: ["id"] + PGRecordRows.columns(kind), binary: binary) { buffer in
                    guard next < rows.count * keys.count else { return false }
                    let record = rows[next / keys.count]
                    buffer.integer(Int64(next + 1))
                    PGRecordRows.encode(record, key: keys[next % keys.count], into: &buffer)
                    buffer.endRow()
                    next += 1
                    return true
                }
                #expect(count == rows.count * keys.count)
                copied[target] = try String.fetchAll(db, sql: "SELECT t::text FROM \(target) t ORDER BY id")
            }
            let text = copied["copy_text_\(table)"] ?? []
            #expect(text.count == rows.count * keys.count)
            #expect(copied["copy_binary_\(table)"] == text, "\(table)")
        }
        // Hand-checked: the binary dates and numbers as the server reads them.
        let diklat = try String.fetchAll(
            db, sql: "SELECT tanggal_mulai::text || ' ' || tanggal_selesai::text || ' ' || jp || ' ' || sesuai_jabatan FROM copy_binary_diklat ORDER BY id")
        #expect(diklat[0] == "2024-03-01 2024-12-31 0 0")
        #expect(diklat[5] == "0987-01-09 2000-02-29 1234567 1")
        #expect(diklat[10] == "1999-12-31 2000-01-01 17 1")
        #expect(
            try String.fetchAll(db, sql: "SELECT COALESCE(nilai::text, 'NULL') FROM copy_binary_skp WHERE id % 5 = 1 ORDER BY id")
                == ["NULL", "91.25", "0.1", "-0.5"])
        #expect(try Int64.fetchAll(db, sql: "SELECT dedup_key FROM copy_binary_disiplin ORDER BY id LIMIT 5") == [0, -1, Int64.min, Int64.max, 42])
    }

    /// The binary date: days since 2000-01-01, proleptic Gregorian (PostgreSQL's own), hand-checked.
    @Test func binaryDatesCountDaysFrom2000() {
        func days(_ year: Int, _ month: Int, _ day: Int) -> Int { PGCopyBuffer.daysSince2000(LocalDate(year: year, month: month, day: day)!) }
        #expect(days(2000, 1, 1) == 0)
        #expect(days(2000, 3, 1) == 60)  // 2000 is a leap year
        #expect(days(1999, 12, 31) == -1)
        #expect(days(2001, 1, 1) == 366)
        #expect(days(1970, 1, 1) == -10_957)
        #expect(days(2024, 12, 31) == 9_131)
    }
}
