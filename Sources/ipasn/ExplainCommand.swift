import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn explain NIP`: why an employee has the points they have.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one employee's score, dimension by dimension.",
        discussion: "The text is English unless --lang or $IPASN_LANG asks for Indonesian.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var yearOption: YearOption

    @Argument(help: ArgumentHelp("The employee's NIP (spaces are ignored).", valueName: "nip"))
    var nip: String

    func run() throws {
        let store = try global.openStore()
        let year = try yearOption.resolve(store)
        let key = NIP.normalize(nip)
        guard let stored = try store.records(nip: key) else {
            throw CLIError(
                global.language == .id
                    ? "tidak ada pegawai dengan NIP \(nip) di basis data." : "no employee with NIP \(nip) in the database.")
        }
        let ruleset = try store.ruleset()
        let language = global.language
        let explanation = ScoringEngine(ruleset: ruleset).explain(stored.plain, year: year)
        Output.print(Self.header(stored.pegawai, units: try store.units(), year: year, ruleset: ruleset, language: language))
        print("")
        Output.print(explanation.text(language))
    }

    /// Who the employee is: name, grouped NIP, unit, post, status, year and ruleset.
    static func header(_ p: Pegawai, units: [OrgUnit], year: Int, ruleset: Ruleset, language: Language) -> String {
        let id = language == .id
        let unitName = units.first { $0.kode == p.kodeUnit }?.nama
        let unit = unitName.map { "\(p.kodeUnit) \($0)" } ?? p.kodeUnit
        var post = p.jenisJabatan.rawValue
        if let level = p.jenjangStruktural {
            post += " (\(level.displayName))"
        } else if !p.jenjang.isEmpty {
            post += " (\(p.jenjang))"
        }
        let status = p.status.rawValue.uppercased() + (p.aktif ? "" : (id ? ", tidak aktif" : ", inactive"))
        return [
            "\(id ? "Nama" : "Name"): \(p.nama)",
            "NIP: \(NIP.formatted(p.nip))",
            "\(id ? "Unit kerja" : "Unit"): \(unit)",
            "\(id ? "Jabatan" : "Post"): \(post)",
            "Status: \(status)",
            "\(id ? "Tahun" : "Year"): \(year) · \(id ? "Aturan" : "Ruleset"): \(ruleset.id)",
        ].joined(separator: "\n")
    }
}
