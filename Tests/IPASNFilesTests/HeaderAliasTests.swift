import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import Testing

@Suite struct HeaderAliasTests {
    /// The headers of the issue and SIASN's field names, each to its column.
    @Test(arguments: [
        ("Tanggal Mulai", ImportKind.diklat, "tanggal_mulai"), ("TANGGAL_MULAI", .diklat, "tanggal_mulai"),
        ("tgl mulai", .diklat, "tanggal_mulai"), ("Tgl. Mulai", .diklat, "tanggal_mulai"),
        ("tanggalKursus", .diklat, "tanggal_mulai"), ("tanggalSelesaiKursus", .diklat, "tanggal_selesai"),
        ("Tgl Selesai", .diklat, "tanggal_selesai"), ("Jumlah JP", .diklat, "jp"), ("jumlahJam", .diklat, "jp"),
        ("JP", .diklat, "jp"), ("namaKursus", .diklat, "nama"), ("Nama Diklat", .diklat, "nama"),
        ("institusiPenyelenggara", .diklat, "penyelenggara"), ("jenisDiklatId", .diklat, "jenis"),
        ("Jenis Diklat", .diklat, "jenis"), ("nomorSertipikat", .diklat, "nomor_sertifikat"),
        ("No. Sertifikat", .diklat, "nomor_sertifikat"), ("Sesuai Jabatan", .diklat, "sesuai_jabatan"),
        ("NIP Baru", .diklat, "nip"), ("nipBaru", .pegawai, "nip"), ("nip", .skp, "nip"),
        ("Nama Pegawai", .pegawai, "nama"), ("Kode Unit", .pegawai, "kode_unit"), ("Jenis Jabatan", .pegawai, "jenis_jabatan"),
        ("Status Pegawai", .pegawai, "status"), ("Tingkat Pendidikan", .pendidikan, "tingkat"),
        ("tkPendidikanId", .pendidikan, "tingkat"), ("Tgl Lulus", .pendidikan, "tanggal_lulus"),
        ("namaSekolah", .pendidikan, "nama_sekolah"), ("Program Studi", .pendidikan, "jurusan"),
        ("Tahun SKP", .skp, "tahun"), ("Predikat Kinerja", .skp, "predikat"), ("Nilai SKP", .skp, "nilai"),
        ("TMT Hukuman", .disiplin, "tmt"), ("hukumanTanggal", .disiplin, "tmt"), ("Tingkat Hukuman", .disiplin, "tingkat"),
        ("Jenis Hukuman", .disiplin, "jenis"), ("Kode Unit", .units, "kode"), ("Unit Induk", .units, "induk"),
        ("Nama Unit", .units, "nama"),
    ])
    func headerMapsToItsColumn(header: String, kind: ImportKind, column: String) {
        #expect(HeaderAliases.column(for: header, kind: kind) == column)
    }

    @Test func everyColumnNameAndAliasMapsToItsOwnColumn() {
        for kind in ImportKind.allCases {
            #expect(HeaderAliases.aliases(kind).map(\.column) == kind.columns)
            for (column, aliases) in HeaderAliases.aliases(kind) {
                for alias in [column] + aliases { #expect(HeaderAliases.column(for: alias, kind: kind) == column, "\(alias)") }
            }
        }
    }

    @Test func headersOfOtherKindsAndRowNumbersAreNotTaken() {
        #expect(HeaderAliases.column(for: "No", kind: .diklat) == nil)
        #expect(HeaderAliases.column(for: "Keterangan", kind: .diklat) == nil)
        #expect(HeaderAliases.column(for: "Tanggal Lulus", kind: .diklat) == nil)
    }

    @Test func nearestKnownColumnByEditDistance() {
        #expect(HeaderAliases.nearest(to: "Tangal Mulai", kind: .diklat)?.column == "tanggal_mulai")
        #expect(HeaderAliases.nearest(to: "tanggal_mulai", kind: .diklat)?.distance == 0)
        #expect(HeaderAliases.nearest(to: "Jumlah Jem", kind: .diklat)?.column == "jp")
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
    }

    @Test func aMisspeltRequiredHeaderIsNamedWithTheNearestColumn() throws {
        let header = ["NIP", "Jenis", "Nama Diklat", "Tangal Mulai", "Tanggal Selesai", "JP"]
        #expect(
            throws: ImportFileError.unknownColumns(
                kind: .diklat, unknown: [UnknownHeader(header: "Tangal Mulai", column: "D", suggestion: "tanggal_mulai")],
                missing: ["tanggal_mulai"])
        ) { _ = try ColumnMap(header: header, kind: .diklat) }
        let message = ImportFileError.unknownColumns(
            kind: .diklat, unknown: [UnknownHeader(header: "Tangal Mulai", column: "D", suggestion: "tanggal_mulai")],
            missing: ["tanggal_mulai"]
        ).message(.id)
        #expect(message.hasPrefix("Judul kolom tidak dikenal: \"Tangal Mulai\" di kolom D (maksudnya tanggal_mulai?)."))
        #expect(message.contains("Kolom wajib tidak ada: tanggal_mulai."))
    }

    @Test func aMisspeltOptionalHeaderIsRefusedNotDropped() throws {
        let header = ["nip", "jenis", "nama", "tanggal_mulai", "tanggal_selesai", "jp", "Nomor Sertifkat"]
        #expect(
            throws: ImportFileError.unknownColumns(
                kind: .diklat, unknown: [UnknownHeader(header: "Nomor Sertifkat", column: "G", suggestion: "nomor_sertifikat")],
                missing: [])
        ) { _ = try ColumnMap(header: header, kind: .diklat) }
    }

    @Test func extraColumnsFarFromAnyNameAndTrailingEmptyHeadersAreIgnored() throws {
        let map = try ColumnMap(
            header: ["No", "NIP Baru", "Jenis Diklat", "namaKursus", "tglMulai", "Tgl Selesai", "Jumlah JP", "Keterangan", "", ""],
            kind: .diklat)
        #expect(map.names == [nil, "nip", "jenis", "nama", "tanggal_mulai", "tanggal_selesai", "jp", nil, nil, nil])
        #expect(map.width == 8)
    }

    @Test func twoHeadersForOneColumnAreRefused() {
        #expect(throws: ImportFileError.duplicateColumn(kind: .skp, column: "nip", headers: ["NIP", "NIP Baru"])) {
            _ = try ColumnMap(header: ["NIP", "NIP Baru", "tahun", "predikat"], kind: .skp)
        }
    }

    /// End to end: a CSV with SIASN's names imports.
    @Test func aFileWithSIASNHeadersImports() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write(
            "riwayat kursus.csv",
            """
            nipBaru;jenisDiklatId;namaKursus;institusiPenyelenggara;tanggalKursus;tanggalSelesaiKursus;jumlahJam;nomorSertipikat
            \(XLSXTest.nipA);3;Pengelolaan Keuangan;BPKAD;05-02-2024;07-02-2024;24;KEU/7

            """)
        let store = try XLSXTest.seededStore()
        let report = try Importer(store: store).importFile(kind: .diklat, path: path, skipInvalid: false, today: XLSXTest.today)
        #expect(report.issues.isEmpty)
        #expect(report.imported == 1)
        let records = try store.records(nip: XLSXTest.nipA)?.diklat.map(\.value)
        #expect(
            records == [
                (
                    Diklat(
                        nip: XLSXTest.nipA, jenis: .withID(3)!, nama: "Pengelolaan Keuangan", penyelenggara: "BPKAD",
                        tanggalMulai: LocalDate(year: 2024, month: 2, day: 5)!,
                        tanggalSelesai: LocalDate(year: 2024, month: 2, day: 7)!, jp: 24, nomorSertifikat: "KEU/7"))
            ])
    }
}
