import ArgumentParser
import Foundation
import IPASNCore
import IPASNStore

/// `ipasn pegawai ubah|nonaktif|aktifkan NIP ...`: employees change from the command line,
/// each one audited change (`EmployeeChangeStore.changePegawai`), as the workstation's `e` and `a`.
struct PegawaiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pegawai",
        abstract: "Change an employee: edit or move (mutasi), set inactive (pensiun ...), reactivate.",
        subcommands: [PegawaiUbahCommand.self, PegawaiNonaktifCommand.self, PegawaiAktifkanCommand.self])
}

/// Reads the stored employee, applies `change`, saves it and prints what changed.
private func change(_ nip: String, _ global: GlobalOptions, _ body: (inout Pegawai) throws -> Void) throws {
    let id = global.language == .id
    let store = try global.openStore(.write)
    let key = NIP.normalize(nip)
    guard let old = try store.pegawai(nip: key) else {
        throw CLIError(id ? "Pegawai \(nip) tidak ada di basis data." : "No employee \(nip) in the database.")
    }
    var new = old
    try body(&new)
    do {
        guard let saved = try store.changePegawai(new) else {
            Output.print(id ? "\(key): tidak ada yang berubah" : "\(key): nothing changed")
            return
        }
        Output.print(PegawaiChange(line: 0, old: old, new: saved).summary)
    } catch let failure as ValidationFailure {
        throw CLIError(failure.message(global.language))
    }
}

/// A date option as admins type it (`30-06-2024`).
private func date(_ text: String, _ option: String, _ global: GlobalOptions) throws -> LocalDate {
    guard let date = LocalDate.parse(text) else {
        throw CLIError(
            global.language == .id
                ? "\(option) \(text): tulis tanggal sebagai 31-12-2024" : "\(option) \(text): write the date as 31-12-2024")
    }
    return date
}

/// `ipasn pegawai ubah NIP [--nama] [--unit KODE --tanggal-mutasi D] [--jenis-jabatan] [--jenjang] [--status]`.
struct PegawaiUbahCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ubah", abstract: "Edit an employee; another --unit is a mutasi and needs --tanggal-mutasi.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The employee's NIP.", valueName: "nip")) var nip: String
    @Option(name: .long, help: "The new name.") var nama: String?
    @Option(name: .long, help: ArgumentHelp("The new unit (a mutasi).", valueName: "kode")) var unit: String?
    @Option(name: .long, help: ArgumentHelp("The date of the mutasi (SK), e.g. 02-01-2025.", valueName: "date"))
    var tanggalMutasi: String?
    @Option(name: .long, help: ArgumentHelp("struktural, fungsional or pelaksana.", valueName: "jenis")) var jenisJabatan: String?
    @Option(name: .long, help: "The jenjang (struktural level, or the fungsional post's name).") var jenjang: String?
    @Option(name: .long, help: ArgumentHelp("pns or pppk.", valueName: "status")) var status: String?

    func run() throws {
        try change(nip, global) { p in
            if let nama { p.nama = nama }
            if let unit { p.kodeUnit = unit }
            if let tanggalMutasi { p.tmtUnit = try date(tanggalMutasi, "--tanggal-mutasi", global) }
            if let jenisJabatan {
                guard let jabatan = JenisJabatan(rawValue: jenisJabatan.lowercased()) else {
                    throw CLIError(ValidationIssue(field: "jenis_jabatan", code: .unknownJenisJabatan(jenisJabatan)).message(global.language))
                }
                p.jenisJabatan = jabatan
            }
            if let jenjang {
                p.jenjang = JenjangStruktural(rawValue: jenjang.lowercased().replacingOccurrences(of: " ", with: "_"))?.rawValue ?? jenjang
            }
            if let status {
                guard let value = StatusPegawai(rawValue: status.lowercased()) else {
                    throw CLIError(ValidationIssue(field: "status", code: .unknownStatus(status)).message(global.language))
                }
                p.status = value
            }
        }
    }
}

/// `ipasn pegawai nonaktif NIP --alasan pensiun --tanggal 30-06-2024`.
struct PegawaiNonaktifCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nonaktif", abstract: "Set an employee inactive from a date: they leave the unit figures, their history stays.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The employee's NIP.", valueName: "nip")) var nip: String
    @Option(name: .long, help: ArgumentHelp("pensiun, pindah-keluar, meninggal or diberhentikan.", valueName: "alasan")) var alasan: String
    @Option(name: .long, help: ArgumentHelp("The day they left, e.g. 30-06-2024.", valueName: "date")) var tanggal: String

    func run() throws {
        guard let reason = AlasanKeluar.parse(alasan) else {
            throw CLIError(
                global.language == .id
                    ? "--alasan \(alasan) tidak dikenal: pensiun, pindah-keluar, meninggal atau diberhentikan"
                    : "--alasan \(alasan) is unknown: pensiun, pindah-keluar, meninggal or diberhentikan")
        }
        let day = try date(tanggal, "--tanggal", global)
        try change(nip, global) { p in
            p.aktif = false
            p.keluar = PegawaiKeluar(alasan: reason, tanggal: day)
        }
    }
}

/// `ipasn pegawai aktifkan NIP`.
struct PegawaiAktifkanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aktifkan", abstract: "Reactivate an inactive employee: they count in the unit figures again.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The employee's NIP.", valueName: "nip")) var nip: String

    func run() throws {
        try change(nip, global) { p in
            p.aktif = true
            p.keluar = nil
        }
    }
}
