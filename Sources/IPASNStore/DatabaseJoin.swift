import Foundation
import IPASNCore

/// A city's (or an office's) SQLite database joining a database that already holds other
/// instansi's data (`ipasn migrate --to TARGET --join`): the whole file is copied in ONE
/// transaction of the target (all or nothing) through ``JoinStore``, its ids continued above
/// the target's (``JoinRemap``), history kept: the audit log with its authors and moments,
/// verdicts and document marks, progress marks and reviews, bulk-entry batches, SIASN export
/// batches and what they marked sent, kept deletions, accounts, cached scores.
///
/// ``refusals(source:target:login:)`` lists everything that stops a join (nothing is copied
/// then): a unit code both hold, a NIP both hold, a login both hold with another role or
/// units, another ruleset, a caller who is not the operator of both.
public enum DatabaseJoin {
    /// Why a join is refused; ``message(_:)`` names every clash.
    public struct Refusal: Error, Equatable, Sendable {
        /// Units of the source whose code the target already holds (the target's unit named beside).
        public var units: [(kode: String, source: String, target: String)] = []
        /// Employees in both: NIP, the source's unit, the target's unit.
        public var employees: [(nip: String, source: String, target: String)] = []
        /// Logins both hold with another role or other units: the source's account, the target's.
        public var accounts: [(source: Account, target: Account)] = []
        /// Accounts of the file with a database-wide role (operator, verifikator, pimpinan) whose
        /// login the target does not hold: joined, each would reach every instansi of the target
        /// (a city's operator would become the province's), so the target's operator decides first.
        public var wideAccounts: [Account] = []
        /// The caller is not the operator of the target (its role there, nil for none).
        public var notTargetOperator: Role?? = nil
        /// The caller is not the operator of the source (its role there, nil for none).
        public var notSourceOperator: Role?? = nil
        /// The two databases score with other rulesets.
        public var rulesets: (source: String, target: String)?
        /// Years the target caches whose scores the source does not.
        public var missingYears: [Int] = []
        public var login = ""

        public var isEmpty: Bool {
            units.isEmpty && employees.isEmpty && accounts.isEmpty && wideAccounts.isEmpty && notTargetOperator == nil && notSourceOperator == nil
                && rulesets == nil && missingYears.isEmpty
        }

        public static func == (a: Refusal, b: Refusal) -> Bool { a.message(.en) == b.message(.en) }

        /// One line per clash (at most 20 of each kind), in Bahasa Indonesia or English.
        public func message(_ language: Language) -> String {
            let id = language == .id
            var lines: [String] = [
                id ? "Penggabungan ditolak; tidak ada yang disalin:" : "The join is refused; nothing was copied:"
            ]
            func list<T>(_ items: [T], _ line: (T) -> String) {
                lines += items.prefix(20).map { "  " + line($0) }
                if items.count > 20 { lines.append(id ? "  ... dan \(items.count - 20) lagi" : "  ... and \(items.count - 20) more") }
            }
            if let role = notTargetOperator {
                lines.append(
                    id
                        ? "- \(login) bukan operator basis data tujuan (\(role.map { "peran \($0.rawValue)" } ?? "tanpa akun")): hanya operatornya yang menggabungkan."
                        : "- \(login) is not the target database's operator (\(role.map { "role \($0.rawValue)" } ?? "no account")): only its operator joins.")
            }
            if let role = notSourceOperator {
                lines.append(
                    id
                        ? "- \(login) bukan operator berkas yang digabungkan (\(role.map { "peran \($0.rawValue)" } ?? "tanpa akun"))."
                        : "- \(login) is not the joining file's operator (\(role.map { "role \($0.rawValue)" } ?? "no account")).")
            }
            if let rulesets {
                lines.append(
                    id
                        ? "- aturan penilaian berbeda: berkas \(rulesets.source), tujuan \(rulesets.target); pasang aturan yang sama di berkas dulu (ipasn rules)."
                        : "- the rulesets differ: file \(rulesets.source), target \(rulesets.target); install the same ruleset in the file first (ipasn rules).")
            }
            if !missingYears.isEmpty {
                let years = missingYears.map(String.init).joined(separator: ", ")
                lines.append(
                    id
                        ? "- berkas belum menyimpan skor tahun \(years) yang disimpan tujuan; buka tahun itu di berkas dulu (ipasn config year TAHUN), lalu kembalikan tahunnya."
                        : "- the file has not cached the scores of year(s) \(years) the target caches; open that year in the file first (ipasn config year YEAR), then set the year back.")
            }
            /// A clash of many items: its line (with how many), then each item (both languages).
            func clashes<T>(_ items: [T], _ header: (id: String, en: String), _ line: (T) -> (id: String, en: String)) {
                guard !items.isEmpty else { return }
                lines.append("- \(items.count) " + (id ? header.id : header.en))
                list(items) { id ? line($0).id : line($0).en }
            }
            clashes(
                units,
                ("kode unit sudah dipakai di tujuan (gabungkan dengan --rename KODE=KODE-BARU untuk tiap kode, atau --rename-prefix AWALAN untuk semua unit berkas; atau ganti kodenya dengan ipasn units rename, lalu ulangi):",
                 "unit code(s) already taken in the target (join with --rename CODE=NEW-CODE for each, or --rename-prefix PREFIX for every unit of the file; or change the code with ipasn units rename, and try again):")
            ) { ("\($0.kode): berkas \"\($0.source)\", tujuan \"\($0.target)\"", "\($0.kode): file \"\($0.source)\", target \"\($0.target)\"") }
            clashes(
                employees,
                ("NIP ada di keduanya (pegawai pindah instansi? hapus atau nonaktifkan di salah satu, lalu ulangi):",
                 "NIP(s) in both (an employee who moved? remove it from one of them, and try again):")
            ) { ("\($0.nip): berkas unit \($0.source), tujuan unit \($0.target)", "\($0.nip): file unit \($0.source), target unit \($0.target)") }
            clashes(
                accounts,
                ("akun ada di keduanya dengan peran atau unit lain (samakan dengan ipasn users, lalu ulangi):",
                 "account(s) in both with another role or units (make them the same with ipasn users, and try again):")
            ) {
                ("\($0.source.login): berkas \(Self.describe($0.source)), tujuan \(Self.describe($0.target))",
                 "\($0.source.login): file \(Self.describe($0.source)), target \(Self.describe($0.target))")
            }
            clashes(
                wideAccounts,
                ("akun berkas berperan untuk seluruh basis data dan belum ada di tujuan; digabung, akun itu menjangkau semua instansi tujuan. Ubah atau hapus di berkas dulu (ipasn --db BERKAS users set LOGIN --role admin --unit KODE, atau users remove LOGIN), atau tambahkan di tujuan dengan peran yang sama bila memang untuk seluruh basis data (ipasn users add), lalu ulangi:",
                 "account(s) of the file have a database-wide role the target does not give them; joined, each would reach every instansi of the target. Change or remove them in the file first (ipasn --db FILE users set LOGIN --role admin --unit CODE, or users remove LOGIN), or add them to the target with the same role if they are meant for the whole database (ipasn users add), and try again:")
            ) { ("\($0.login): berkas \(Self.describe($0))", "\($0.login): file \(Self.describe($0))") }
            return lines.joined(separator: "\n")
        }

        static func describe(_ account: Account) -> String {
            account.units.isEmpty ? account.role.rawValue : "\(account.role.rawValue) \(account.units.sorted().joined(separator: ","))"
        }
    }

    /// What the join copied.
    public struct Result: Sendable {
        public var report: TableCopyReport
        /// The ids the target had used (the source's continue above them).
        public var used: UsedIDs
        /// Accounts the target already held exactly (not copied again).
        public var sameAccounts: [String]
        /// Accounts copied in (on PostgreSQL without a role of their own).
        public var copiedAccounts: [Account]
    }

    /// Everything that stops `source` from joining `target` for `login`; empty when it may.
    public static func refusals(source: SQLiteStore, target: any Store, login: String) throws -> Refusal {
        var refusal = Refusal()
        refusal.login = login
        let targetAccounts = try target.accounts()
        if !targetAccounts.isEmpty, targetAccounts.first(where: { $0.login == login })?.role != .operator {
            refusal.notTargetOperator = .some(targetAccounts.first(where: { $0.login == login })?.role)
        }
        let sourceAccounts = try source.accounts()
        if !sourceAccounts.isEmpty, sourceAccounts.first(where: { $0.login == login })?.role != .operator {
            refusal.notSourceOperator = .some(sourceAccounts.first(where: { $0.login == login })?.role)
        }
        let (sourceRules, targetRules) = (try source.ruleset(), try target.ruleset())
        if sourceRules != targetRules { refusal.rulesets = (sourceRules.name, targetRules.name) }
        let targetUnits = Dictionary(try target.units().map { ($0.kode, $0) }, uniquingKeysWith: { a, _ in a })
        let sourceUnits = try source.units()
        refusal.units = sourceUnits.compactMap { unit in targetUnits[unit.kode].map { (unit.kode, unit.nama, $0.nama) } }
        var targetEmployees: [String: String] = [:]
        for root in targetUnits.values where root.induk == nil || targetUnits[root.induk!] == nil {
            for pegawai in try target.pegawai(inUnit: root.kode, includeSubunits: true) { targetEmployees[pegawai.nip] = pegawai.kodeUnit }
        }
        for root in sourceUnits where root.induk == nil || !sourceUnits.contains(where: { $0.kode == root.induk }) {
            for pegawai in try source.pegawai(inUnit: root.kode, includeSubunits: true) {
                if let there = targetEmployees[pegawai.nip] { refusal.employees.append((pegawai.nip, pegawai.kodeUnit, there)) }
            }
        }
        refusal.employees.sort { $0.nip < $1.nip }
        let byLogin = Dictionary(targetAccounts.map { ($0.login, $0) }, uniquingKeysWith: { a, _ in a })
        refusal.wideAccounts = sourceAccounts.filter { $0.role != .admin && byLogin[$0.login] == nil }
        refusal.accounts = sourceAccounts.compactMap { account in
            guard let there = byLogin[account.login], there.role != account.role || Set(there.units) != Set(account.units) else {
                return nil
            }
            return (account, there)
        }
        return refusal
    }

    /// Copies `source` into `target` when ``refusals(source:target:login:)`` finds nothing
    /// (else throws the ``Refusal``, nothing copied): one transaction of the target.
    public static func join(source: SQLiteStore, into target: any Store, login: String) throws -> Result {
        var refusal = try refusals(source: source, target: target, login: login)
        guard refusal.isEmpty else { throw refusal }
        let targetAccounts = try target.accounts()
        let sourceAccounts = try source.accounts()
        // Any login both hold is the same account there (another role or units was refused).
        let same = sourceAccounts.filter { account in targetAccounts.contains { $0.login == account.login } }.map(\.login)
        let sourceYears = try source.cachedScoreYears()
        var used: UsedIDs?
        let report = try target.copyTables(joining: true) { copy in
            used = copy.used
            refusal.missingYears = copy.used.cachedYears.filter { !sourceYears.contains($0) }
            guard refusal.isEmpty else { throw refusal }
            let remap = JoinRemap(
                used: copy.used, sameAccounts: same,
                scoreYears: copy.used.cachedYears.isEmpty ? sourceYears : copy.used.cachedYears)
            try source.exportTables(order: TableCopy.order, select: remap.select) { try copy.copy($0) }
        }
        return Result(
            report: report, used: used!, sameAccounts: same, copiedAccounts: sourceAccounts.filter { !same.contains($0.login) })
    }
}
