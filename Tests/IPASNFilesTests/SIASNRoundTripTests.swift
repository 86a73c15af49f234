import Foundation
import IPASNCore
import IPASNFiles
import IPASNStore
import IPASNTestSupport
import Testing

private let a = SmallProvince.nipA, b = SmallProvince.nipB, c = SmallProvince.nipC
private func day(_ text: String) -> LocalDate { TestClock.date(text) }

/// Every record kind in the forms SIASN's shapes carry, for the three employees.
private let records: [Record] = [
    .diklat(
        Diklat(
            nip: a, jenis: JenisDiklat.withID(3)!, nama: "Pelatihan Arsip Dinamis", penyelenggara: "BPSDM Prov., Makassar",
            tanggalMulai: day("2024-03-01"), tanggalSelesai: day("2024-03-03"), jp: 24, nomorSertifikat: "12/BPSDM/2024")),
    .diklat(
        Diklat(
            nip: b, jenis: JenisDiklat.withID(9)!, nama: "Seminar \"Smart ASN\"", tanggalMulai: day("2024-06-10"),
            tanggalSelesai: day("2024-06-10"), jp: 4)),
    .diklat(
        Diklat(
            nip: a, jenis: .struktural, tingkat: .pkp, nama: "PKP Angkatan II", penyelenggara: "BPSDM",
            tanggalMulai: day("2023-05-02"), tanggalSelesai: day("2023-08-30"), jp: 300, nomorSertifikat: "PKP-II/77")),
    .diklat(
        Diklat(
            nip: b, jenis: .struktural, tingkat: .pimIII, nama: "Diklatpim III Angkatan 5", penyelenggara: "LAN",
            tanggalMulai: day("2018-02-01"), tanggalSelesai: day("2018-05-30"), jp: 360)),
    .diklat(
        Diklat(
            nip: c, jenis: .struktural, tingkat: .pimIV, nama: "SEPADA Angkatan 3", tanggalMulai: day("1996-01-08"),
            tanggalSelesai: day("1996-03-30"), jp: 400)),
    .pendidikan(Pendidikan(nip: a, tingkat: .s1, tanggalLulus: day("2009-08-29"), namaSekolah: "Universitas Hasanuddin")),
    .pendidikan(Pendidikan(nip: a, tingkat: .slta, tanggalLulus: day("2004-06-15"), namaSekolah: "SMA Negeri 1 Makassar")),
    .pendidikan(Pendidikan(nip: b, tingkat: .s2, tanggalLulus: day("2020-10-01"))),
    .pendidikan(Pendidikan(nip: c, tingkat: .sd)),
    .skp(SKP(nip: a, tahun: 2023, predikat: .baik)),
    .skp(SKP(nip: a, tahun: 2024, predikat: .sangatBaik)),
    .skp(SKP(nip: b, tahun: 2024, predikat: .butuhPerbaikan)),
    .skp(SKP(nip: c, tahun: 2024, predikat: .kurang)),
    .skp(SKP(nip: c, tahun: 2023, predikat: .sangatKurang)),
    .disiplin(HukumanDisiplin(nip: b, tingkat: .ringan, tmt: day("2023-05-02"), jenis: "Teguran tertulis")),
    .disiplin(
        HukumanDisiplin(
            nip: c, tingkat: .sedang, tmt: day("2024-02-01"), jenis: "Pemotongan tunjangan kinerja 25% selama 9 bulan")),
    .disiplin(HukumanDisiplin(nip: a, tingkat: .berat, tmt: day("2022-11-15"), jenis: "Hukuman berat (putusan lama)")),
]

private let shapes: [ExportKind] = [.siasnKursus, .siasnDiklatStruktural, .siasnPendidikan, .siasnSKP, .siasnDisiplin]

private func seeded(_ list: [Record] = []) throws -> SQLiteStore {
    let store = try SQLiteStore.inMemory(context: TestClock.context())
    try SmallProvince.seed(store)
    for record in list { _ = try store.add(record) }
    return store
}

/// The export as text.
private func exported(_ store: some Store, _ kind: ExportKind, _ format: ExportFormat = .csv, selection: ExportSelection = .init())
    throws -> (text: String, result: Exporter.Result)
{
    var data = Data()
    var writer = ExportWriter(format: format, kind: kind) { data.append($0) }
    let result = try Exporter(store: store).export(kind, selection: selection, into: &writer)
    try writer.finish()
    return (String(decoding: data, as: UTF8.self), result)
}

private func sorted(_ list: [Record]) -> [String] { list.map(DuplicateKey.of).sorted() }

private func everything(_ store: some Store, _ nip: String) throws -> [Record] {
    let r = try #require(try store.records(nip: nip)).plain
    return r.pendidikan.map(Record.pendidikan) + r.diklat.map(Record.diklat) + r.skp.map(Record.skp)
        + r.disiplin.map(Record.disiplin)
}

@Suite struct SIASNShapeExportTests {
    @Test func eachShapeWritesSIASNFieldsCodesAndDayFirstDates() throws {
        let store = try seeded(records)
        #expect(
            try exported(store, .siasnDiklatStruktural).text == """
                nip,latihanStrukturalId,nomor,tanggal,tanggalSelesai,tahun,jumlahJam,institusiPenyelenggara,namaDiklat
                \(a),2,PKP-II/77,02-05-2023,30-08-2023,2023,300,BPSDM,PKP Angkatan II
                \(b),3,,01-02-2018,30-05-2018,2018,360,LAN,Diklatpim III Angkatan 5
                \(c),1,,08-01-1996,30-03-1996,1996,400,,SEPADA Angkatan 3

                """)
        // Employees in unit tree order: A (ROOT), then Budi and Citra (SUB) by name.
        #expect(
            try exported(store, .siasnPendidikan).text == """
                nip,tkPendidikanId,tglLulus,tahunLulus,namaSekolah
                \(a),40,29-08-2009,2009,Universitas Hasanuddin
                \(a),15,15-06-2004,2004,SMA Negeri 1 Makassar
                \(b),45,01-10-2020,2020,
                \(c),05,,,

                """)
        // Kuadran 1..5; the hasil/perilaku pair is one the PermenPANRB 6/2022 matrix maps to it.
        #expect(
            try exported(store, .siasnSKP).text == """
                nip,tahun,hasilKinerjaNilai,perilakuKerjaNilai,kuadranKinerjaNilai
                \(a),2023,2,2,2
                \(a),2024,1,1,1
                \(b),2024,2,3,3
                \(c),2024,3,2,4
                \(c),2023,3,3,5

                """)
        // 9 months from 1 Feb 2024 end on 31 Oct 2024; an unknown kind keeps its level and text.
        #expect(
            try exported(store, .siasnDisiplin).text == """
                nip,jenisHukumanId,jenisTingkatHukumanId,hukumanTanggal,masaTahun,masaBulan,akhirHukumTanggal,skNomor,skTanggal,keterangan
                \(a),,B,15-11-2022,,,,,,Hukuman berat (putusan lama)
                \(b),2,R,02-05-2023,0,0,,,,Teguran tertulis
                \(c),5,S,01-02-2024,0,9,31-10-2024,,,Pemotongan tunjangan kinerja 25% selama 9 bulan

                """)
        let kursus = try exported(store, .siasnKursus).text.split(separator: "\n")
        #expect(kursus.count == 3)
        #expect(kursus[1] == "\(a),3,Pelatihan Arsip Dinamis,\"BPSDM Prov., Makassar\",01-03-2024,03-03-2024,24,12/BPSDM/2024,2024")
    }

    @Test func jsonKeepsCodesWithLeadingZerosAsText() throws {
        let store = try seeded(records)
        let json = try exported(store, .siasnPendidikan, .json).text
        #expect(json.contains("{\"nip\":\"\(c)\",\"tkPendidikanId\":\"05\",\"tglLulus\":\"\",\"tahunLulus\":null,\"namaSekolah\":\"\"}"))
        let skp = try exported(store, .siasnSKP, .json).text
        #expect(skp.contains("\"kuadranKinerjaNilai\":1"))
    }

    @Test func skpBefore2022OrWithoutANewPredikatIsLeftOutAndCounted() throws {
        let store = try seeded([
            .skp(SKP(nip: a, tahun: 2021, nilai: 85)), .skp(SKP(nip: c, tahun: 2022, predikat: .cukup)),
            .skp(SKP(nip: b, tahun: 2022, predikat: .baik)),
        ])
        let out = try exported(store, .siasnSKP)
        #expect(out.result.rows == 1)
        #expect(out.result.left == 2)
        #expect(out.text.hasSuffix("\(b),2022,2,2,2\n"))
    }

    @Test func unitAndSinceSelectRecords() throws {
        let store = try seeded(records)
        // SUB holds Budi and Citra; since 2020 leaves Budi's Diklatpim III (2018) and Citra's SEPADA (1996) out.
        let sub = try exported(store, .siasnDiklatStruktural, selection: ExportSelection(unit: "SUB"))
        #expect(sub.result.rows == 2)
        let recent = try exported(store, .siasnDiklatStruktural, selection: ExportSelection(since: day("2020-01-01")))
        #expect(recent.result.rows == 1)
        #expect(recent.text.contains("PKP Angkatan II"))
        let none = try exported(store, .siasnDiklatStruktural, selection: ExportSelection(unit: "SUB", since: day("2020-01-01")))
        #expect(none.result.rows == 0)
        #expect(try exported(store, .units, selection: ExportSelection(unit: "SUB")).text == "kode,nama,induk\nSUB,Bidang,ROOT\n")
        #expect(throws: ExportError.unknownUnit("NOPE")) { try exported(store, .pegawai, selection: ExportSelection(unit: "NOPE")) }
    }

    @Test func exportedIdsAreTheRecordsWritten() throws {
        let store = try seeded(records)
        let out = try exported(store, .siasnDisiplin)
        #expect(out.result.records.count == 3)
        #expect(out.result.records.allSatisfy { $0.kind == .disiplin })
    }
}

@Suite struct SIASNRoundTripTests {
    /// Export every shape, import each into a database holding only the units and employees:
    /// the same records and the same scores.
    @Test func everyShapeReadsBackIdentically() throws {
        let source = try seeded(records)
        let target = try seeded()
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn")
        defer { dir.remove() }
        for kind in shapes {
            let path = try dir.write("\(kind.rawValue).csv", try exported(source, kind).text)
            let report = try Importer(store: target).importFile(
                kind: kind.readsBackAs, path: path, skipInvalid: false, today: TestClock.today)
            #expect(report.issues.isEmpty, "\(kind.rawValue): \(report.messages())")
        }
        for nip in [a, b, c] {
            #expect(sorted(try everything(target, nip)) == sorted(try everything(source, nip)))
            #expect(try everything(target, nip).count == records.filter { $0.nip == nip }.count)
            for year in [2023, 2024] {
                #expect(try target.score(nip: nip, year: year) == source.score(nip: nip, year: year))
            }
        }
        // Equal as values, not only as duplicate keys.
        let stored = try #require(try target.records(nip: a)).plain
        #expect(Set(stored.diklat) == Set(records.compactMap { if case .diklat(let d) = $0, d.nip == a { d } else { nil } }))
        #expect(Set(stored.disiplin) == Set(records.compactMap { if case .disiplin(let h) = $0, h.nip == a { h } else { nil } }))
    }

    @Test func importingTheSameFileAgainFindsEveryRowPresent() throws {
        let store = try seeded(records)
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn")
        defer { dir.remove() }
        for kind in shapes {
            let path = try dir.write("\(kind.rawValue).csv", try exported(store, kind).text)
            let report = try Importer(store: store).importFile(
                kind: kind.readsBackAs, path: path, skipInvalid: false, today: TestClock.today)
            #expect(report.imported == 0)
            #expect(report.issues.isEmpty)
            #expect(report.alreadyPresentLines.count == (try exported(store, kind).result.rows))
        }
        #expect(try everything(store, a).count == records.filter { $0.nip == a }.count)
    }

    @Test func aFileWithOneNewRowAddsOnlyThatRow() throws {
        let store = try seeded([records[0]])
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn")
        defer { dir.remove() }
        let text = try exported(store, .siasnKursus).text
            + "\(b),9,Seminar Nasional,,10-06-2024,10-06-2024,4,,2024\n"
        let report = try Importer(store: store).importFile(
            kind: .diklat, path: try dir.write("k.csv", text), skipInvalid: false, today: TestClock.today)
        #expect(report.imported == 1)
        #expect(report.alreadyPresentLines == [2])
        #expect(try #require(try store.records(nip: b)).diklat.map(\.value.nama) == ["Seminar Nasional"])
    }
}

@Suite struct SIASNImportCodeTests {
    private func rows(_ kind: ImportKind, _ text: String) throws -> [Line<ImportRow>] {
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn")
        defer { dir.remove() }
        var source = try CSVImportSource(kind: kind, path: try dir.write("f.csv", text), today: TestClock.today)
        var out: [Line<ImportRow>] = []
        while let row = try source.next() { out.append(row) }
        return out
    }

    private func record(_ row: Line<ImportRow>) -> Record? {
        if case .record(let r) = row.value { return r }
        return nil
    }

    private func issues(_ row: Line<ImportRow>) -> [String] {
        if case .invalid(let failure) = row.value { return failure.issues.map { "\($0.field): \($0.message(.en))" } }
        return []
    }

    @Test func latihanStrukturalIdGivesTheLevelByTheCourseName() throws {
        let got = try rows(
            .diklat,
            """
            nip,latihanStrukturalId,tanggal,tanggalSelesai,jumlahJam,namaDiklat
            \(a),2,01-02-2024,30-05-2024,300,Pelatihan Kepemimpinan Pengawas Angkatan I
            \(a),2,01-02-2016,30-05-2016,300,
            \(a),5,01-02-2012,30-05-2012,300,PKN Tingkat I
            \(a),1,01-02-1995,30-05-1995,300,
            \(a),9,01-02-2010,30-05-2010,300,
            \(a),7,01-02-2010,30-05-2010,300,
            """)
        let levels = got.prefix(4).map { row -> String in
            guard case .diklat(let d) = record(row) else { return "invalid" }
            return "\(d.jenis.id) \(d.tingkat?.rawValue ?? "-") \(d.nama)"
        }
        #expect(
            levels == [
                "1 PKP Pelatihan Kepemimpinan Pengawas Angkatan I", "1 PIM_IV Diklatpim IV", "1 PKN_I PKN Tingkat I",
                "1 PIM_IV SEPADA",
            ])
        #expect(issues(got[4]) == ["latihanStrukturalId: Code latihanStrukturalId \"9\" is unknown; SIASN uses 1-8."])
        #expect(
            issues(got[5]).first
                == "latihanStrukturalId: latihanStrukturalId 7 (SESPATI) has no level in ipasn; fill in a tingkat column with its equal (PIM_IV ... PKN_I).")
    }

    @Test func skpFromKuadranOrFromTheMatrix() throws {
        let got = try rows(
            .skp,
            """
            tahun;nipBaru;hasilKinerjaNilai;perilakuKerjaNilai;kuadranKinerjaNilai
            2024;\(a);;;3
            2023;\(a);1;3;
            2022;\(a);3;1;
            2021;\(a);2;2;
            2020;\(a);;;6
            """)
        let predikat = got.prefix(4).map { row -> String in
            guard case .skp(let s) = record(row) else { return "invalid" }
            return s.predikat?.rawValue ?? "-"
        }
        #expect(predikat == ["butuh_perbaikan", "butuh_perbaikan", "kurang", "baik"])
        #expect(issues(got[4]).first?.hasPrefix("kuadranKinerjaNilai: Code kuadranKinerjaNilai \"6\" is unknown") == true)
    }

    @Test func disiplinFromItsIdsAndYearOnlyGraduation() throws {
        let got = try rows(
            .disiplin,
            """
            nip,jenisHukumanId,hukumanTanggal,masaTahun,masaBulan,akhirHukumanTanggal,skNomor,skTanggal
            \(a),6,01-03-2024,1,0,28-02-2025,800/12/BKPSDM,20-02-2024
            \(a),,01-03-2023,,,,,
            \(a),,01-03-2022,,,,,
            """)
        guard case .disiplin(let h) = record(got[0]) else { Issue.record("not a record: \(issues(got[0]))"); return }
        #expect(h.tingkat == .sedang)
        #expect(h.jenis == "Pemotongan tunjangan kinerja 25% selama 12 bulan")
        #expect(issues(got[1]).first?.hasPrefix("tingkat:") == true)
        let pendidikan = try rows(.pendidikan, "nip,tkPendidikanId,tahunLulus,namaSekolah\n\(a),30,2015,Politeknik\n\(a),40,2025,\n")
        guard case .pendidikan(let p) = record(pendidikan[0]), case .pendidikan(let q) = record(pendidikan[1]) else {
            Issue.record("not records"); return
        }
        #expect(p.tingkat == .d3)
        #expect(p.tanggalLulus == day("2015-12-31"))
        // This year's graduation: today at the latest (10 January 2025).
        #expect(q.tanggalLulus == TestClock.today)
    }
}

/// SIASN's "Export Data ASN" file, as offices download it (upper-case headers, many columns
/// ipasn does not keep).
private let employeeFile = """
    PNS_ID,NIP_BARU,NIP_LAMA,NAMA,GELAR_DEPAN,GELAR_BELAKANG,TEMPAT_LAHIR_NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,AGAMA_NAMA,JENIS_PEGAWAI_NAMA,KEDUDUKAN_HUKUM_NAMA,STATUS_CPNS_PNS,GOL_AKHIR_NAMA,TMT_GOLONGAN,MK_TAHUN,MK_BULAN,JENIS_JABATAN_ID,JENIS_JABATAN_NAMA,JABATAN_ID,JABATAN_NAMA,ESELON_ID,TMT_JABATAN,TINGKAT_PENDIDIKAN_ID,TINGKAT_PENDIDIKAN_NAMA,PENDIDIKAN_ID,PENDIDIKAN_NAMA,TAHUN_LULUS,UNOR_ID,UNOR_NAMA,INSTANSI_INDUK_NAMA,LOKASI_KERJA_NAMA
    A8ACA7,\(a),340012345,ANDI,,S.Sos,MAKASSAR,26-09-1986,M,Islam,PNS Daerah,Aktif,P,III/c,01-04-2019,9,0,4,Jabatan Fungsional Umum,JFU1,Pengadministrasi Umum,,01-01-2020,40,S-1/Sarjana,P1,S-1 Ilmu Administrasi Negara,2009,ROOT,Pemerintah Kota,Pemkot,Makassar
    A8ACA8,\(b),,BUDI,Dr.,M.Si,GOWA,01-01-1990,M,Islam,PNS Daerah,Aktif,P,IV/a,01-04-2019,5,0,1,Jabatan Struktural,JS1,Kepala Bidang,32,01-01-2022,45,S-2,P2,S-2 Manajemen,2016,SUB,Bidang,Pemkot,Makassar
    A8ACA9,\(c),,CITRA,,,MAROS,31-12-1975,F,Islam,PNS Daerah,Aktif,P,III/d,01-04-2010,24,0,2,Jabatan Fungsional Tertentu,JFT1,Analis Kepegawaian Ahli Muda,,01-01-2021,,,,,,SUB,Bidang,Pemkot,Makassar

    """

@Suite struct SIASNEmployeeFileTests {
    private func store() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(context: TestClock.context())
        try store.saveUnit(OrgUnit(kode: "ROOT", nama: "Pemerintah Kota"))
        try store.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "ROOT"))
        return store
    }

    @Test func employeesAndTheirEducationImportAndAreRecognisedTheSecondTime() throws {
        let store = try store()
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn")
        defer { dir.remove() }
        let path = try dir.write("DATA_ASN.csv", employeeFile)
        let importer = Importer(store: store)
        let first = try importer.importFile(kind: .pegawai, path: path, skipInvalid: false, today: TestClock.today)
        #expect(first.issues.isEmpty, "\(first.messages())")
        #expect(first.imported == 3)
        #expect(
            try store.pegawai(nip: a)
                == Pegawai(nip: a, nama: "ANDI", kodeUnit: "ROOT", jenisJabatan: .pelaksana, jenjang: "Pengadministrasi Umum"))
        // Eselon III.b (32) is Administrator.
        #expect(
            try store.pegawai(nip: b)
                == Pegawai(nip: b, nama: "BUDI", kodeUnit: "SUB", jenisJabatan: .struktural, jenjang: "administrator"))
        #expect(try store.pegawai(nip: c)?.jenjang == "Analis Kepegawaian Ahli Muda")
        #expect(SIASNEmployeeFile.carriesPendidikan(header: try CSVImportSource(kind: .pegawai, path: path, today: TestClock.today).header))
        let education = try importer.importEmployeeFileEducation(path: path, skipInvalid: false, today: TestClock.today)
        #expect(education.issues.isEmpty, "\(education.messages())")
        // Citra has no education in the file: passed over, not refused.
        #expect(education.imported == 2)
        #expect(
            try store.records(nip: b)?.pendidikan.map(\.value)
                == [Pendidikan(nip: b, tingkat: .s2, tanggalLulus: day("2016-12-31"), jurusan: "S-2 Manajemen")])
        // The same file again: everything is there already.
        let again = try importer.importFile(kind: .pegawai, path: path, skipInvalid: false, today: TestClock.today)
        #expect(again.imported == 0)
        #expect(again.alreadyPresentLines == [2, 3, 4])
        let educationAgain = try importer.importEmployeeFileEducation(path: path, skipInvalid: false, today: TestClock.today)
        #expect(educationAgain.imported == 0)
        #expect(educationAgain.alreadyPresentLines == [2, 3])
        #expect(try store.records(nip: a)?.pendidikan.count == 1)
    }

    @Test func theEmployeeFileAsAnExcelWorkbookWithATitleAboveTheHeader() throws {
        let store = try store()
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn")
        defer { dir.remove() }
        let path = dir.path("DATA ASN.xlsx")
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet("Sheet1")
        try sheet.write("EXPORT DATA ASN - PEMERINTAH KOTA", row: 0, column: 0)
        for (i, line) in employeeFile.split(separator: "\n").enumerated() {
            try sheet.write(row: i + 2, texts: line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        }
        try writer.close()
        let importer = Importer(store: store)
        let first = try importer.importFile(kind: .pegawai, path: path, skipInvalid: false, today: TestClock.today)
        #expect(first.issues.isEmpty, "\(first.messages())")
        #expect(first.imported == 3)
        let education = try importer.importEmployeeFileEducation(path: path, skipInvalid: false, today: TestClock.today)
        #expect(education.imported == 2)
        #expect(try store.records(nip: a)?.pendidikan.map(\.value.tingkat) == [.s1])
    }

    @Test func refusedEducationGoesToItsOwnRejectedFile() throws {
        let store = try store()
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn")
        defer { dir.remove() }
        let path = try dir.write("DATA_ASN.csv", employeeFile.replacingOccurrences(of: ",45,S-2,", with: ",99,S-9,"))
        let importer = Importer(store: store)
        _ = try importer.importFile(kind: .pegawai, path: path, skipInvalid: true, today: TestClock.today)
        let education = try importer.importEmployeeFileEducation(path: path, skipInvalid: true, today: TestClock.today)
        #expect(education.imported == 1)
        #expect(education.rejectedPath == dir.path("DATA_ASN.pendidikan.rejected.csv"))
        let rejected = try String(contentsOfFile: dir.path("DATA_ASN.pendidikan.rejected.csv"), encoding: .utf8)
        #expect(rejected.contains(b) && rejected.contains("99"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("DATA_ASN.rejected.csv")))
    }

    @Test func anUnknownJenisJabatanIdIsNamed() throws {
        let store = try store()
        let dir = try TemporaryDirectory(prefix: "ipasn-siasn")
        defer { dir.remove() }
        let path = try dir.write("asn.csv", "NIP_BARU,NAMA,UNOR_ID,JENIS_JABATAN_ID\n\(a),ANDI,ROOT,3\n")
        let report = try Importer(store: store).importFile(kind: .pegawai, path: path, skipInvalid: false, today: TestClock.today)
        #expect(report.imported == 0)
        #expect(report.messages().first == "line 2, column jenisJabatanId: Code jenisJabatanId \"3\" is unknown; SIASN uses 1, 2, 4.")
    }
}
