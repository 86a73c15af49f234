import Foundation
import Testing

/// `ipasn import diklat` refuses courses much like one the employee has (issue 9): the
/// same employee, jenis and dates with a similar name, stored or earlier in the file.
@Suite struct SimilarCourseImportTests {
    @Test func similarCoursesAreListedWithWhatTheyResembleAndRefusedUnlessAllowed() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        // Stored: Ayu's "Pelatihan Kurikulum Merdeka" (jenis 3, 5-7 Feb 2024).
        let file = try cli.write(
            "diklat-mirip.csv",
            """
            nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan
            \(Fixture.nipA),3,,PELATIHAN KURIKULUM MERDEKA.,BBGP,2024-02-05,2024-02-07,24,,Y
            \(Fixture.nipB),3,,Bimtek Tata Naskah Dinas,BKPSDM,2024-05-06,2024-05-07,16,,Y
            \(Fixture.nipB),3,,Bimtek Tata Naskah,BKPSDM,2024-05-06,2024-05-07,16,,Y
            \(Fixture.nipC),3,,Bimtek Tata Naskah Dinas,BKPSDM,2024-05-06,2024-05-07,16,,Y

            """)
        let before = try cli.ok(["export", "diklat"]).stdout
        let refused = try cli.run(["import", "diklat", file])
        #expect(refused.status == 1)
        // Line 2 is the stored course in capitals with a full stop; line 4 drops a word of line 3.
        #expect(refused.stderr.contains("baris 2, kolom nama: Mirip kursus \"Pelatihan Kurikulum Merdeka\" yang sudah tersimpan"), "\(refused.stderr)")
        #expect(refused.stderr.contains("baris 4, kolom nama: Mirip kursus \"Bimtek Tata Naskah Dinas\" di baris 3"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("baris 3,"), "line 3 is fine")
        #expect(!refused.stderr.contains("baris 5,"), "another employee's course is fine")
        #expect(refused.stderr.contains("2 baris mirip kursus yang sudah ada"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--allow-similar"))
        #expect(refused.stderr.contains("2 masalah ditemukan; tidak ada yang diimpor."), "\(refused.stderr)")
        #expect(try cli.ok(["export", "diklat"]).stdout == before, "all or nothing")

        let english = try cli.run(["import", "--lang", "en", "diklat", file])
        #expect(english.stderr.contains("line 4, column nama: Resembles the course \"Bimtek Tata Naskah Dinas\" on line 3"), "\(english.stderr)")

        let allowed = try cli.ok(["import", "diklat", file, "--allow-similar"])
        #expect(allowed.stdout.contains("diimpor 4"), "\(allowed.stdout)")
        let after = try cli.ok(["export", "diklat"]).stdout
        #expect(after.split(separator: "\n").count == before.split(separator: "\n").count + 4)
    }
}
