import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn import siasn-hasil FILE --batch N` through the real binary (branch siasnback): SIASN's
/// answer to an upload, typed into the uploaded file, makes the refused records pending again.
@Suite struct SIASNAnswerCLITests {
    /// The pending diklat of the whole database (every unit's own counts added).
    static func pendingDiklat(_ cli: CLI) throws -> Int {
        try ExportTrackingCLITests.store(cli).pendingCounts().filter { $0.kind == .diklat }.map(\.count).reduce(0, +)
    }

    /// The uploaded file with a `status` and an `alasan` column: `answers` by data line (2 = the first row).
    static func answered(_ lines: [String], _ answers: [Int: (String, String)]) -> String {
        lines.enumerated().map { index, line in
            if index == 0 { return line + ",status,alasan" }
            let (status, reason) = answers[index + 1] ?? ("berhasil", "")
            return line + ",\(status),\(reason)"
        }.joined(separator: "\n") + "\n"
    }

    @Test func refusedRowsComeBackPendingAndABadFileMarksNothing() throws {
        let cli = try ExportTrackingCLITests.loaded()
        defer { cli.cleanUp() }
        let now = ExportTrackingCLITests.now
        let sent = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k1.csv")], environment: now)
        #expect(sent.stderr.contains("batch ekspor #1: 7 data ditandai terkirim ke SIASN"))
        let lines = try ExportTrackingCLITests.lines(cli, "k1.csv")
        #expect(lines.count == 8)
        #expect(try Self.pendingDiklat(cli) == 0, "before: every course sent")
        // A file with bad lines: an unknown status, a refusal without a reason, a NIP not in the batch.
        var bad = Self.answered(lines, [3: ("salah", ""), 4: ("ditolak", "")]).split(separator: "\n").map(String.init)
        bad[6] = "199912312020121001" + bad[6].drop { $0 != "," }
        let badFile = try cli.write("bad.csv", bad.joined(separator: "\n") + "\n")
        let refused = try cli.run(["import", "siasn-hasil", badFile, "--batch", "1"], environment: now)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("baris 3: status \"salah\" tidak dikenal: tulis berhasil atau ditolak."), "\(refused.stderr)")
        #expect(refused.stderr.contains("baris 4: ditolak tanpa alasan: salin pesan SIASN ke kolom alasan."))
        #expect(refused.stderr.contains("baris 7: NIP 199912312020121001 tidak ada di batch #1"))
        #expect(refused.stderr.contains("3 baris bermasalah: tidak ada yang ditandai ditolak."))
        #expect(try Self.pendingDiklat(cli) == 0, "nothing marked")
        // The same in English.
        let english = try cli.run(["--lang", "en", "import", "siasn-hasil", badFile, "--batch", "1"], environment: now)
        #expect(english.stderr.contains("line 4: refused without a reason: copy SIASN's message into the alasan column."))
        // A batch that does not exist, and a missing --batch.
        #expect(try cli.run(["import", "siasn-hasil", badFile, "--batch", "9"], environment: now).stderr.contains("Tidak ada batch ekspor #9"))
        #expect(try cli.run(["import", "siasn-hasil", badFile], environment: now).status == 2)
        // SIASN refused lines 2 and 5.
        let good = try cli.write("hasil.csv", Self.answered(lines, [2: ("ditolak", "Jenis diklat tidak sesuai"), 5: ("", "Sertifikat belum diunggah")]))
        let marked = try cli.run(["import", "siasn-hasil", good, "--batch", "1"], environment: now)
        #expect(marked.status == 0, "\(marked.stderr)")
        #expect(marked.stderr.contains("batch #1: 2 baris ditolak SIASN, 5 berhasil; 2 data kembali belum terkirim"), "\(marked.stderr)")
        #expect(try Self.pendingDiklat(cli) == 2, "after: the two refused courses are pending again")
        let report = try cli.ok(["report", "pending"]).stdout
        #expect(report.contains("ditolak SIASN: Jenis diklat tidak sesuai  (batch #1, baris 2)"), "\(report)")
        #expect(report.contains("ditolak SIASN: Sertifikat belum diunggah  (batch #1, baris 5)"))
        // Unchanged, they are held back from the next export, which says why.
        let next = try cli.run(["export", "siasn-kursus", "--pending", "--out", cli.path("k2.csv")], environment: now)
        #expect(try ExportTrackingCLITests.lines(cli, "k2.csv").count == 1)
        #expect(next.stderr.contains("2 data siasn-kursus ditolak SIASN dan belum diperbaiki tidak diekspor"), "\(next.stderr)")
    }
}
