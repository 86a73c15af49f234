import Foundation
import Testing

@testable import IPASNFiles

/// Branch pgcopy6: a long ASCII field that repeats (an employee's NIP on consecutive rows, a
/// course's name) is made into a String once (``CSVFieldInterner``); every field still reads
/// exactly as its bytes, including a column of values that never repeat (its table stops
/// after the trial) and fields that share a table slot.
@Suite struct CSVFieldInternerTests {
    static let courses = [
        "Bimtek Aplikasi SIPD", "Sosialisasi Netralitas ASN", "Pelatihan Kepemimpinan Pengawas", "Diklat Teknis Pengadaan Barang",
        "Workshop Penyusunan Anggaran",
    ]

    /// 20,000 rows: a NIP in runs of three, one of five course names, a certificate number
    /// that never repeats, a short flag, and a course name quoted every 7th row.
    static func rows() -> [[String]] {
        (0..<20_000).map { i in
            [
                "1980010120050110\(String(format: "%02d", i / 3 % 100))", courses[i % 5],
                "CERT/\(String(format: "%06d", i))/BKPSDM/2024", i % 2 == 0 ? "Y" : "N",
            ]
        }
    }

    @Test func repeatedFieldsAreMadeOnceAndEveryFieldReadsAsItsBytes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-intern-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let rows = Self.rows()
        var text = "nip,nama,nomor_sertifikat,sesuai_jabatan\n"
        for (i, row) in rows.enumerated() {
            let nama = i % 7 == 0 ? "\"\(row[1])\"" : row[1]
            text += [row[0], nama, row[2], row[3]].joined(separator: ",") + "\n"
        }
        try Data(text.utf8).write(to: url)
        let reader = try CSVReader(path: url.path, chunkSize: 1 << 12)
        var read: [[String]] = []
        _ = try reader.next()  // the header
        while let record = try reader.next() { read.append(record.fields) }
        #expect(read == rows)
        // The same String's storage: an employee's NIP on its three rows, a course's name on
        // every fifth row (not a quoted one: quoted fields are made as before).
        func storage(_ string: String) -> UnsafeRawPointer? {
            string.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        }
        #expect(storage(read[3][0]) == storage(read[4][0]) && storage(read[4][0]) == storage(read[5][0]))
        #expect(storage(read[5][0]) != storage(read[6][0]))
        #expect(storage(read[1][1]) == storage(read[6][1]) && storage(read[6][1]) == storage(read[11][1]))
        #expect(storage(read[1][2]) != storage(read[6][2]))
    }

    @Test func theInternerAnswersEachFieldWithItsOwnText() {
        var interner = CSVFieldInterner()
        func string(_ text: String, _ column: Int) -> String {
            Array(text.utf8).withUnsafeBufferPointer { interner.string($0, column: column) }
        }
        // Short fields (inline Strings) and the empty field; then long ones in any order, per column.
        #expect(string("", 0) == "")
        #expect(string("Y", 3) == "Y")
        let long = ["Kementerian Dalam Negeri", "Bapelkes Provinsi Jawa", "Kementerian Dalam Negeri", "BPSDM Provinsi Jawa Barat"]
        for _ in 0..<3 {
            for (index, text) in long.enumerated() {
                #expect(string(text, 1) == text)
                #expect(string(text, index % 2 == 0 ? 2 : 5) == text)
            }
        }
        // Ten thousand values that never repeat: the table gives up, every value still right.
        for i in 0..<10_000 {
            let text = "CERT/\(i)/BKPSDM/2024/XYZ"
            #expect(string(text, 4) == text)
        }
        #expect(string("Kementerian Dalam Negeri", 4) == "Kementerian Dalam Negeri")
    }
}
