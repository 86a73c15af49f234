import Foundation
import IPASNTestSupport
import Testing

/// `--format csv-id` (`;`, decimal comma, UTF-8 with BOM, CRLF) read back by Python's csv module
/// with `delimiter=';'` and `utf-8-sig`, as a spreadsheet with Indonesian settings would read it.
@Suite struct CSVIDTests {
    /// Python's reading of a file: the rows as lists of fields.
    private func python(_ path: String) throws -> [[String]] {
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f, delimiter=';'))))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONSerialization.jsonObject(with: data) as? [[String]] ?? []
    }

    /// The command's standard output as bytes (the harness decodes it, dropping a BOM).
    private func rawStdout(_ cli: CLI, _ args: [String]) throws -> Data {
        let out = cli.path("raw-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "b=\"$0\"; d=\"$1\"; shift; \"$b\" --db \"$d\" \"$@\" > \"\(out)\"", try #require(CLI.binary).path, cli.database.path] + args
        process.environment = ["HOME": cli.directory.path, "PATH": "/usr/bin:/bin"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Data(contentsOf: URL(fileURLWithPath: out))
    }

    @Test func scoreReportsAndExportsReadBackInColumns() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Fixture.load(into: cli)
        let bytes = try rawStdout(cli, ["score", "--year", "2024", "--format", "csv-id"])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let score = String(decoding: bytes, as: UTF8.self)
        #expect(score.contains("nip;nama;kode_unit;year;kualifikasi;"))
        #expect(score.contains("\r\n"))
        let path = cli.path("score.csv")
        try bytes.write(to: URL(fileURLWithPath: path))
        let rows = try python(path)
        #expect(rows.first == ["nip", "nama", "kode_unit", "year", "kualifikasi", "kompetensi", "kinerja", "disiplin", "total", "category", "complete", "missing"])
        // Budi: 5 + 22.5 + 30 + 3 = 60.5, with a decimal comma; a comma in a name needs no quotes.
        #expect(rows.contains(["199001012014022002", "Budi Santoso", "DINAS.01", "2024", "5", "22,5", "30", "3", "60,5", "Sangat Rendah", "true", ""]))
        #expect(rows.contains { $0.first == "197503152000031003" && $0[1] == "Citra Dewi, S.E., M.M." })

        let units = try cli.write("units.csv", try cli.ok(["report", "units", "--year", "2024", "--format", "csv-id"]).stdout)
        let unitRows = try python(units)
        let plain = try cli.ok(["report", "units", "--year", "2024", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(unitRows.count == plain.count)
        #expect(unitRows[0] == plain[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        // Every mean is written with a decimal comma, never a point.
        #expect(unitRows.dropFirst().allSatisfy { row in !row.contains { $0.contains(".") && Double($0) != nil } })

        try cli.ok(["export", "skp", "--format", "csv-id", "--out", cli.path("skp-id.csv")])
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: cli.path("skp-id.csv"))).prefix(3)) == [0xEF, 0xBB, 0xBF])
        let skp = try python(cli.path("skp-id.csv"))
        #expect(skp.first == ["nip", "tahun", "predikat", "nilai"])
        // A csv-id export imports back (the reader takes `;`, the BOM and the decimal comma).
        let other = try CLI()
        defer { other.cleanUp() }
        for kind in ["units", "pegawai"] {
            try cli.ok(["export", kind, "--format", "csv-id", "--out", cli.path("\(kind)-id.csv")])
            try other.ok(["import", kind, cli.path("\(kind)-id.csv")])
        }
        try other.ok(["import", "skp", cli.path("skp-id.csv")])
        #expect(try other.ok(["export", "skp"]).stdout == (try cli.ok(["export", "skp"]).stdout))
    }
}
