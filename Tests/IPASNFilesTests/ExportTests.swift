import Foundation
import IPASNCore
import IPASNStore
import IPASNFiles
import Testing

private let nip = "198609262015051001"

private func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

/// Runs an ``ExportWriter`` over rows and returns everything it wrote, with the number of hand-overs.
private func written(_ format: ExportFormat, _ kind: ExportKind, _ rows: [[String]]) throws -> (text: String, chunks: Int) {
    var data = Data()
    var chunks = 0
    var writer = ExportWriter(format: format, kind: kind) { chunk in
        data.append(chunk)
        chunks += 1
    }
    for row in rows { try writer.row(row) }
    try writer.finish()
    return (String(decoding: data, as: UTF8.self), chunks)
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.quote("Dinas Kesehatan") == "Dinas Kesehatan")
        #expect(CSVWriter.quote("a,b") == "\"a,b\"")
        #expect(CSVWriter.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.quote("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.quote("cr\rhere") == "\"cr\rhere\"")
        // A comma is plain text in a semicolon file, and the other way round.
        #expect(CSVWriter.quote("a,b", separator: ";") == "a,b")
        #expect(CSVWriter.quote("a;b", separator: ";") == "\"a;b\"")
        #expect(CSVWriter.quote("a;b") == "a;b")
        // A separator outside ASCII is looked for as a character.
        #expect(CSVWriter.quote("x§y", separator: "§") == "\"x§y\"")
        #expect(CSVWriter.quote("Ruslï, S.Kom") == "\"Ruslï, S.Kom\"")
    }

    @Test func recordsAndLines() {
        #expect(CSVWriter.record(["1", "", "x,y"]) == "1,,\"x,y\"")
        #expect(CSVWriter.record([]) == "")
        #expect(CSVWriter.line(["a", "b"]) == "a,b\r\n")
        #expect(CSVWriter.line(["a", "b;c"], separator: ";") == "a;\"b;c\"\r\n")
        #expect(CSVWriter.line(["a", "b"], lineEnd: .lf) == "a,b\n")
    }
}

@Suite struct ExportWriterTests {
    @Test func csvHasTheHeaderThenOneLineARow() throws {
        let out = try written(.csv, .skp, [[nip, "2023", "", "82.5"], [nip, "2024", "baik", ""]])
        #expect(out.text == "nip,tahun,predikat,nilai\n\(nip),2023,,82.5\n\(nip),2024,baik,\n")
        #expect(out.chunks == 1)
    }

    @Test func emptyCSVIsTheHeaderAlone() throws {
        #expect(try written(.csv, .units, []).text == "kode,nama,induk\n")
    }

    @Test func jsonWritesNumbersNullsAndStringsInColumnOrder() throws {
        let out = try written(.json, .skp, [[nip, "2023", "", "82.5"], [nip, "2024", "baik"]])
        #expect(
            out.text == """
                [
                  {"nip":"\(nip)","tahun":2023,"predikat":"","nilai":82.5},
                  {"nip":"\(nip)","tahun":2024,"predikat":"baik","nilai":null}
                ]

                """)
    }

    @Test func jsonEscapesTrickyTextAndSplitsChunksBetweenRows() throws {
        let tricky = "Rusli\u{0308} \"Ucok\" C:\\dir\n\t\u{1} 张 👩🏽‍💻"
        let line = #"  {"nip":"\#(nip)","tahun":2024,"predikat":"Rusli\#u{0308} \"Ucok\" C:\\dir\n\t\u0001 张 👩🏽‍💻","nilai":null}"#
        let out = try written(.json, .skp, Array(repeating: [nip, "2024", tricky, ""], count: 1_000))
        #expect(out.chunks > 1)
        #expect(out.text == "[\n" + Array(repeating: line, count: 1_000).joined(separator: ",\n") + "\n]\n")
    }

    @Test func emptyJSONIsAnEmptyArray() throws {
        #expect(try written(.json, .diklat, []).text == "[]\n")
    }

    @Test func aNumericColumnThatIsNotANumberStaysAString() throws {
        let out = try written(.json, .skp, [[nip, "dua ribu", "", "1e400x"]])
        #expect(out.text.contains("\"tahun\":\"dua ribu\""))
        #expect(out.text.contains("\"nilai\":\"1e400x\""))
    }

    @Test func largeExportsAreHandedOverInChunks() throws {
        let row = [nip, "Nama yang cukup panjang untuk mengisi buffer", "UNIT-001", "pelaksana", "", "pns"]
        let out = try written(.csv, .pegawai, Array(repeating: row, count: 2_000))
        #expect(out.chunks > 1)
        #expect(out.text.split(separator: "\n").count == 2_001)
    }
}

@Suite struct ExportKindTests {
    let pegawai = Pegawai(nip: nip, nama: "Ruslï", kodeUnit: "DINKES", jenisJabatan: .pelaksana)
    let teknis = Diklat(
        nip: nip, jenis: JenisDiklat.all[2], nama: "Bimtek SIASN, angkatan II", penyelenggara: "BKD",
        tanggalMulai: date(2024, 2, 5), tanggalSelesai: date(2024, 2, 8), jp: 32, nomorSertifikat: "123/BKD")
    let pim = Diklat(
        nip: nip, jenis: .struktural, tingkat: LeadershipLevel.allCases.first, nama: "PKA",
        tanggalMulai: date(2023, 3, 1), tanggalSelesai: date(2023, 6, 30), jp: 300)

    @Test func importKindsHaveTheImportColumns() {
        for kind in ImportKind.allCases {
            let export = ExportKind(rawValue: kind.rawValue)!
            #expect(export.importKind == kind)
            #expect(export.columns == kind.columns)
        }
        #expect(ExportKind.siasnKursus.importKind == nil)
        #expect(ExportKind.siasnKursus.columns.first == "nip")
        #expect(ExportKind.siasnKursus.columns.count == 9)
    }

    @Test func numericColumnsNameNumbers() {
        #expect(ExportKind.diklat.numericColumns.map { ExportKind.diklat.columns[$0] }.sorted() == ["jenis", "jp"])
        #expect(ExportKind.skp.numericColumns.map { ExportKind.skp.columns[$0] }.sorted() == ["nilai", "tahun"])
        #expect(
            ExportKind.siasnKursus.numericColumns.map { ExportKind.siasnKursus.columns[$0] }.sorted()
                == ["jenisDiklatId", "jumlahJam", "tahunKursus"])
        #expect(ExportKind.units.numericColumns.isEmpty)
    }

    @Test func recordRowsAreTheImportFields() {
        let records = EmployeeRecords(
            pegawai: pegawai, diklat: [teknis, pim], skp: [SKP(nip: nip, tahun: 2023, nilai: 82.5)])
        #expect(
            ExportKind.diklat.rows(records) == [
                [nip, "3", "", "Bimtek SIASN, angkatan II", "BKD", "2024-02-05", "2024-02-08", "32", "123/BKD", "Y"],
                [nip, "1", LeadershipLevel.allCases.first!.rawValue, "PKA", "", "2023-03-01", "2023-06-30", "300", "", "Y"],
            ])
        #expect(ExportKind.skp.rows(records) == [[nip, "2023", "", "82.5"]])
        #expect(ExportKind.pendidikan.rows(records).isEmpty)
        #expect(ExportKind.units.rows(records).isEmpty)
        #expect(ExportKind.pegawai.rows(records).isEmpty)
    }

    @Test func siasnKursusLeavesOutLeadershipAndWritesDayFirstDates() {
        let records = EmployeeRecords(pegawai: pegawai, diklat: [teknis, pim])
        #expect(
            ExportKind.siasnKursus.rows(records) == [
                [nip, "3", "Bimtek SIASN, angkatan II", "BKD", "05-02-2024", "08-02-2024", "32", "123/BKD", "2024"]
            ])
        #expect(SIASNKursus.includes(teknis))
        #expect(!SIASNKursus.includes(pim))
    }

    @Test func unitsAndPegawaiFields() {
        #expect(ImportFormat.fields(OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT")) == ["SUB", "Bidang", "ROOT"])
        #expect(ImportFormat.fields(OrgUnit(kode: "ROOT", nama: "Kota")) == ["ROOT", "Kota", ""])
        #expect(ImportFormat.fields(pegawai) == [nip, "Ruslï", "DINKES", "pelaksana", "", "pns", "aktif", ""])
        var retired = pegawai
        retired.aktif = false
        retired.keluar = PegawaiKeluar(alasan: .pindahKeluar, tanggal: LocalDate(year: 2024, month: 6, day: 30)!)
        #expect(ImportFormat.fields(retired).suffix(2) == ["pindah_keluar", "2024-06-30"])
        #expect(ImportFormat.number(85) == "85")
        #expect(ImportFormat.number(82.5) == "82.5")
        #expect(ImportKind.diklat.fileName == "diklat.csv")
    }
}
