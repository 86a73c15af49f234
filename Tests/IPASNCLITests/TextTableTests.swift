import Foundation
import Testing

/// The CLI's tables pad by display width: names with combining marks, CJK or emoji keep
/// every later column in place.
@Suite struct TextTableTests {
    static let units = "kode,nama,induk\nDNS,Dinas 東京 Kesehatan Kota,\n"
    /// "Ruslï" with a combining diaeresis (NFD), a CJK name and an emoji.
    static let pegawai = """
        nip,nama,kode_unit,jenis_jabatan
        198609262015051001,Rusli\u{0308},DNS,pelaksana
        199001012014022002,张伟 Wibowo Putra,DNS,pelaksana
        197503152000031003,Budi 👍,DNS,pelaksana

        """

    func loaded() throws -> CLI {
        let cli = try CLI()
        try cli.ok(["import", "units", try cli.write("units.csv", Self.units)])
        try cli.ok(["import", "pegawai", try cli.write("pegawai.csv", Self.pegawai)])
        return cli
    }

    @Test func scoreTableAlignsWideAndCombiningNames() throws {
        let cli = try loaded()
        defer { cli.cleanUp() }
        let lines = try cli.ok(["score", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        let rest = " DNS       0    0    0   5     5 Sangat Rendah *"  // no punishment: disiplin 5
        #expect(lines.contains("198609262015051001 Rusli\u{0308}        " + rest))
        // 17 cells cut to 13: the two CJK characters take four, the ellipsis one.
        #expect(lines.contains("199001012014022002 张伟 Wibowo …" + rest))
        #expect(lines.contains("197503152000031003 Budi 👍      " + rest))
    }

    @Test func unitReportAlignsAWideUnitName() throws {
        let cli = try loaded()
        defer { cli.cleanUp() }
        let lines = try cli.ok(["report", "units", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        // The code and the name share one 27-cell cell (Peg is 3 wide for counts below 1,000):
        // "Dinas 東京 Kesehatan Kota" (24 cells) after "DNS " is cut to 23, the ellipsis included.
        #expect(lines.contains("DNS Dinas 東京 Kesehatan K…   3    0  0,00  0,00  0,00 5,00   5,00 Sangat Rendah"), "\(lines)")
        #expect(lines[0] == "Unit                        Peg Lkp%  Kual  Komp   Kin  Dis  Total Kategori")
    }

    @Test func interventionReportAlignsAWideUnitName() throws {
        let cli = try loaded()
        defer { cli.cleanUp() }
        let lines = try cli.ok(["report", "interventions", "--year", "2024"]).stdout.split(separator: "\n").map(String.init)
        // Indonesian column names in an Indonesian report (they were English: "Intervention Gain of Mean").
        #expect(lines[0].hasPrefix("Unit" + String(repeating: " ", count: 16) + "Intervensi"))
        #expect(lines[0].hasSuffix("Naik dari Indeks+  Unit+   Jadi Kat.baru"), "\(lines[0])")
        #expect(lines.last?.contains("Naik = pegawai yang totalnya akan naik, dari = pegawai di unit") == true)
        // "DNS Dinas 東京 Kesehatan Kota" is 28 cells: cut to 19, so the intervention starts in cell 21.
        let rows = lines.filter { $0.hasPrefix("DNS ") }
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row.hasPrefix("DNS Dinas 東京 Kes… "))
            #expect(row.dropFirst("DNS Dinas 東京 Kes… ".count).first?.isLetter == true)
        }
    }
}
