import IPASNCore
import IPASNReports
import IPASNStore

/// The command line's words for SKP that SIASN does not take (branch skp2022, ``SKPSiasn``).
enum SkpSiasnMessages {
    /// The export's notice for SKP before 2022 left out (only an export of every record meets them).
    static func before2022(_ n: Int) -> String {
        Output.text(
            id: "\(n) data SKP sebelum 2022 tidak diekspor: SIASN hanya menerima SKP tahun 2022 ke atas (tidak perlu dikirim)",
            en: "\(n) SKP record\(n == 1 ? "" : "s") before 2022 left out: SIASN only takes SKP from 2022 on (not needed there)")
    }

    /// The heading of the SKP from 2022 on that stay pending until a predikat is chosen.
    static func needsPredikat(_ n: Int) -> String {
        Output.text(
            id: "\(n) data SKP 2022 ke atas belum bisa dikirim dan tetap belum dikirim: predikatnya PP 46/2011; "
                + "ubah ke predikat PermenPANRB 6/2022 (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang):",
            en: "\(n) SKP record\(n == 1 ? "" : "s") from 2022 on cannot be sent and stay\(n == 1 ? "s" : "") unsent: PP 46/2011 predikat; "
                + "change to a PermenPANRB 6/2022 predikat (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang):")
    }

    /// One such SKP: `  NIP  SKP 2023 Cukup: pilih Butuh Perbaikan`.
    static func line(_ skp: SKP) -> String { line(SKPPredikatAdvice(SKPNeedingPredikat(id: 0, skp: skp, unit: ""))) }

    /// One such SKP of the pending report.
    static func line(_ skp: SKPPredikatAdvice) -> String {
        let what = skp.predikat?.displayName ?? skp.nilai.map { "nilai \($0)" } ?? "-"
        let advice: String
        if let suggestion = skp.choose {
            advice = Output.text(
                id: "\(what) (PP 46/2011): ubah ke \(suggestion.displayName)", en: "\(what) (PP 46/2011): change to \(suggestion.displayName)")
        } else {
            advice = Output.text(id: "\(what): pilih predikatnya", en: "\(what): choose its predikat")
        }
        return "  \(NIP.formatted(skp.nip))  SKP \(skp.tahun)  \(advice)"
    }

    /// The heading plus one line per SKP (at most `limit`, then how many more).
    static func list(_ skps: [SKPNeedingPredikat], limit: Int = 50) -> [String] { list(skps.map(SKPPredikatAdvice.init), limit: limit) }

    /// SKP sent to SIASN and then moved before 2022 (``SKPSentChangeStore``): a heading and
    /// one line each, `  NIP  SKP 2020  SIASN: versi batch #3`.
    static func held(_ skps: [SKPHeldBySIASN], limit: Int = 50) -> [String] {
        guard !skps.isEmpty else { return [] }
        let n = skps.count
        var lines = [
            Output.text(
                id: "\(n) data SKP sudah dikirim ke SIASN lalu diubah ke tahun sebelum 2022: SIASN tetap menyimpan versi "
                    + "yang dikirim dan ipasn tidak mengirim perubahannya (SKP sebelum 2022 tidak dikirim); perbaiki di SIASN:",
                en: "\(n) SKP record\(n == 1 ? " was" : "s were") sent to SIASN, then moved before 2022: SIASN keeps the version "
                    + "it got and ipasn does not send the change (SKP before 2022 are not sent); correct \(n == 1 ? "it" : "them") in SIASN:")
        ]
        lines += skps.prefix(limit).map { skp in
            "  \(NIP.formatted(skp.skp.nip))  SKP \(skp.skp.tahun)  "
                + Output.text(id: "di SIASN: versi batch #\(skp.batch)", en: "in SIASN: the version of batch #\(skp.batch)")
        }
        if skps.count > limit {
            lines.append(Output.text(id: "  ... dan \(skps.count - limit) lagi", en: "  ... and \(skps.count - limit) more"))
        }
        return lines
    }

    /// The heading plus one line per SKP of the pending report (at most `limit`, then how many more).
    static func list(_ skps: [SKPPredikatAdvice], limit: Int = 50) -> [String] {
        guard !skps.isEmpty else { return [] }
        var lines = [needsPredikat(skps.count)] + skps.prefix(limit).map { line($0) }
        if skps.count > limit {
            lines.append(Output.text(id: "  ... dan \(skps.count - limit) lagi", en: "  ... and \(skps.count - limit) more"))
        }
        return lines
    }
}
