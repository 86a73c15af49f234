import Foundation
import IPASNFiles
import Testing

@Suite struct CSVStyleTests {
    @Test func indonesianNumbersLinesAndPreamble() {
        let id = CSVStyle.indonesian
        #expect(id.number("72.75") == "72,75")
        #expect(id.number("-3.5") == "-3,5")
        #expect(id.number("85") == "85")
        // Not a number: left alone (a version, a unit kode with a point, a date).
        #expect(id.number("DINAS.01") == "DINAS.01")
        #expect(id.number("1.2.3") == "1.2.3")
        #expect(id.number("1e5") == "1e5")
        #expect(CSVStyle.plain.number("72.75") == "72.75")
        #expect(id.line(["a", "b;c", "22,5"]) == "a;\"b;c\";22,5\r\n")
        #expect(id.preamble == "\u{FEFF}")
        #expect(CSVStyle.plain.preamble.isEmpty)
    }

    @Test func exportWriterInCSVIDConvertsOnlyNumericColumns() throws {
        var data = Data()
        var writer = ExportWriter(format: .csvID, kind: .skp) { data.append($0) }
        try writer.row(["198609262015051001", "2023", "", "82.5"])
        try writer.row(["198609262015051001", "2024", "baik", ""])
        try writer.finish()
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(
            String(decoding: data.dropFirst(3), as: UTF8.self)
                == "nip;tahun;predikat;nilai\r\n198609262015051001;2023;;82,5\r\n198609262015051001;2024;baik;\r\n")
    }
}
