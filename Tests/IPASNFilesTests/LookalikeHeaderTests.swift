import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTestSupport
import Testing

/// Seventh user test: the province's employee file had a `Jabatan/Jenjang` header, ignored
/// without a word, and 19 struktural rows then said "Jenjang wajib diisi". A header that
/// contains the name or an alias of a column the file lacks is now named once, with the
/// column to rename it to (branch ux8).
@Suite struct LookalikeHeaderTests {
    private let header = ["NIP", "Nama Pegawai", "Kode Unit", "Jenis Jabatan", "Jabatan/Jenjang"]

    @Test func aHeaderContainingAMissingColumnsNameIsNamedWithThatColumn() throws {
        let map = try ColumnMap(header: header, kind: .pegawai)
        #expect(map.lookalikes == [UnknownHeader(header: "Jabatan/Jenjang", column: "E", suggestion: "jenjang")])
        #expect(map.names == ["nip", "nama", "kode_unit", "jenis_jabatan", nil])
        // The longest name inside the header wins: `Keterangan Status Aktif Pegawai` holds
        // `status` (the status column) and `statusaktif` (status_aktif).
        let other = try ColumnMap(header: header.dropLast() + ["Keterangan Status Aktif Pegawai"], kind: .pegawai)
        #expect(other.lookalikes.map(\.suggestion) == ["status_aktif"])
    }

    @Test func aHeaderIsNotNamedWhenTheColumnIsThereOrTheNameIsShortOrAbsent() throws {
        // The file has the jenjang column: the other header is just an extra column.
        let present = try ColumnMap(header: header.dropLast() + ["Jenjang Jabatan", "Jabatan/Jenjang Lama"], kind: .pegawai)
        #expect(present.lookalikes.isEmpty)
        // A row number, a remark, and a name shorter than five letters (`nama` in `Nama Ibu`).
        let extras = try ColumnMap(header: header.dropLast() + ["No", "Keterangan", "Nama Ibu"], kind: .pegawai)
        #expect(extras.lookalikes.isEmpty)
    }

    @Test func theImportSaysItOnceBeforeTheRowsItLeavesEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ipasn-lookalike-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pegawai.csv").path
        try Data(
            ("NIP;Nama Pegawai;Kode Unit;Jenis Jabatan;Jabatan/Jenjang\r\n"
                + "199912312020121001;Dewi;ROOT;struktural;Eselon III.a\r\n"
                + "199812312020121001;Eka;ROOT;struktural;Eselon IV.a\r\n").utf8
        ).write(to: URL(fileURLWithPath: path))
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Provinsi"))
        let report = try Importer(store: store).importFile(kind: .pegawai, path: path, skipInvalid: false, today: TestClock.today)
        #expect(report.imported == 0)
        #expect(report.issues.count == 2, "each row still says what it lacks: \(report.messages())")
        #expect(report.issues.allSatisfy { $0.issue.field == "jenjang" })
        #expect(
            report.lookalikeMessages(.id) == [
                "Judul \"Jabatan/Jenjang\" (kolom E) tidak dibaca, dan berkas ini tidak punya kolom jenjang. "
                    + "Jika isinya jenjang, ganti judulnya menjadi \"jenjang\"."
            ])
        #expect(report.lookalikeMessages(.en).first?.hasPrefix("Header \"Jabatan/Jenjang\" (column E) is not read") == true)
    }
}
