import Foundation
import Testing

@testable import IPASNCore

/// `JenisDiklat.parse` and `LeadershipLevel.parse` read ASCII on bytes (the import's fast
/// path); they answer exactly as the plain Unicode readings for every text.
@Suite struct JenisDiklatParseTests {
    static let texts: [String] = {
        var texts = [
            "", " ", "\t", "3", " 3 ", "\t25\t", "0", "26", "-3", "+3", "+", "-", "- 3", "3.0", "03", "٣",
            "99999999999999999999", "-9223372036854775808", "9223372036854775807", "bimtek", "BIMTEK", " Bim-Tek ",
            "pjj", "P.J.J", "e-learning", "E Learning", "elearning", "community of practice", "Teknis!", "teknis 2",
            "Diklat Teknis", "Téknis", "Seminar\u{00A0}", "\u{00A0}Seminar", "Sosialisasi\r", "Outbond\n",
            "Bimbingan di Tempat Kerja", "bimbingan-di-tempat-kerja", "Pertukaran PNS", "x", "ß", "Workshop\u{1F600}",
        ]
        for jenis in JenisDiklat.all {
            texts += [jenis.nama, jenis.nama.uppercased(), jenis.nama.lowercased(), "  \(jenis.nama)\t", String(jenis.id)]
        }
        for level in LeadershipLevel.allCases {
            texts += [level.rawValue, level.displayName, "Diklat\(level.displayName)", "diklat \(level.displayName.lowercased())"]
        }
        return texts + ["PIM", "DIKLAT", "diklatpim iv", "PKN  II", "pkn-ii", "P K A", "Pim IV!", "pím iv", "PIM Ⅳ"]
    }()

    @Test func jenisReadsAsThePlainReading() {
        for text in Self.texts { #expect(JenisDiklat.parse(text) == JenisDiklat.parseUnicode(text), "\(text.debugDescription)") }
        // Hand-checked.
        #expect(JenisDiklat.parse(" 3 ")?.nama == "Teknis")
        #expect(JenisDiklat.parse("+8")?.nama == "Bimbingan Teknis")
        #expect(JenisDiklat.parse("-3") == nil)
        #expect(JenisDiklat.parse("BIM-TEK")?.id == 8)
        #expect(JenisDiklat.parse("e-learning")?.id == 16)
        #expect(JenisDiklat.parse("99999999999999999999") == nil)
        #expect(JenisDiklat.parse("Téknis") == nil)
    }

    @Test func levelReadsAsThePlainReading() {
        for text in Self.texts {
            #expect(LeadershipLevel.parse(text) == LeadershipLevel.parseUnicode(text), "\(text.debugDescription)")
        }
        #expect(LeadershipLevel.parse("Diklatpim IV") == .pimIV)
        #expect(LeadershipLevel.parse("pkn-ii") == .pknII)
        #expect(LeadershipLevel.parse("DIKLAT") == nil)
    }
}
