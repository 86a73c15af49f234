import Foundation
import IPASNCore
import IPASNStore
import IPASNTestSupport
import Testing

/// `ipasn users ...`, the first operator and a login without an account, through the real binary
/// (which acts as the OS login of the test process, whatever `$USER` says: the harness sets
/// `USER=cli-test`).
@Suite struct UsersCommandTests {
    let me = StoreContext.currentUser()

    private func importUnits(_ cli: CLI) throws -> CLI.Result {
        try cli.run(["import", "units", try cli.write("units.csv", Fixture.units)])
    }

    @Test func theFirstLoginBecomesOperatorAndManagesAccounts() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let first = try importUnits(cli)
        #expect(first.status == 0)
        #expect(first.stderr.contains("Anda (\(me)) menjadi operator basis data ini"))
        #expect(!first.stderr.contains("cli-test"))
        // Only once: the next write says nothing of it.
        #expect(!(try cli.ok(["config", "year", "2024"])).stderr.contains("operator"))

        #expect(try cli.ok(["users", "add", "ani", "--role", "admin", "--unit", "DINAS.01", "--unit", "DINAS"]).stdout
            == "ani: admin unit (DINAS, DINAS.01)\n")
        #expect(try cli.ok(["users", "add", "pak", "--role", "pimpinan"]).stdout == "pak: pimpinan\n")
        let list = try cli.ok(["users", "list"]).stdout.split(separator: "\n").map(String.init)
        #expect(list.count == 5)
        #expect(list[1].hasPrefix("ani") && list[1].hasSuffix("admin unit   DINAS, DINAS.01"))
        #expect(list[2] == "pak              pimpinan")
        #expect(list[3].hasPrefix(me) && list[3].hasSuffix("operator"))
        #expect(list[4] == "3 akun")

        #expect(try cli.ok(["users", "set", "ani", "--role", "verifikator"]).stdout == "ani: verifikator\n")
        #expect(try cli.ok(["users", "remove", "pak"]).stdout == "akun pak dihapus\n")

        let unknownUnit = try cli.run(["users", "add", "eko", "--role", "admin", "--unit", "NOPE"])
        #expect(unknownUnit.status == 1)
        #expect(unknownUnit.stderr.contains("NOPE"))
        let twice = try cli.run(["users", "add", "ani", "--role", "pimpinan"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("ani sudah punya akun; ubah dengan `ipasn users set`."))
        let noUnit = try cli.run(["users", "add", "eko", "--role", "admin"])
        #expect(noUnit.status == 2)
        let last = try cli.run(["users", "remove", me])
        #expect(last.status == 1)
        #expect(last.stderr.contains("\(me) adalah operator terakhir; tambahkan operator lain dahulu"))
        let audit = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: me), access: .read)
            .auditLog(limit: 10).filter { if case .account = $0.subject { return true } else { return false } }
        #expect(audit.map(\.action) == [.delete, .update, .insert, .insert])
    }

    @Test func aLoginWithoutAnAccountIsToldWhomToAskAndNothingElse() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Another login made the database (and so became its operator).
        let ani = try SQLiteStore(path: cli.database.path, context: StoreContext(actor: "ani-\(me)"))
        try ani.saveUnit(OrgUnit(kode: "DINKES", nama: "Dinas Kesehatan"))
        for args in [["users", "list"], ["report", "units"], ["config", "year", "2030"]] {
            let refused = try cli.run(args)
            #expect(refused.status == 1, "\(args)")
            #expect(refused.stdout.isEmpty, "\(args)")
            #expect(refused.stderr == "kesalahan: Login \(me) belum punya akun di basis data ini; minta operator (ani-\(me)) "
                + "menambahkannya dengan `ipasn users add \(me) --role ...`.\n", "\(args)")
        }
        #expect(try ani.measurementYear() != 2030)
        // Once added as an admin of DINKES, the login works within its role.
        try ani.saveAccount(Account(login: me, role: .admin, units: ["DINKES"]))
        #expect(try cli.ok(["users", "list"]).stdout.contains("ani-\(me)"))
        let year = try cli.run(["config", "year", "2030"])
        #expect(year.status == 1)
        #expect(year.stderr.contains("Hanya operator yang dapat mengubah aturan penilaian dan tahun pengukuran"))
        let add = try cli.run(["users", "add", "budi", "--role", "pimpinan"])
        #expect(add.status == 1)
        #expect(add.stderr.contains("Hanya operator yang dapat mengatur akun"))
        #expect(try ani.accounts().count == 2)
    }
}

@Suite struct BackupCommandTests {
    @Test func aBackupIsAWholeCheckedCopyAndNeverOverwrites() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for (kind, text) in [("units", Fixture.units), ("pegawai", Fixture.pegawai), ("diklat", Fixture.diklat)] {
            _ = try cli.ok(["import", kind, try cli.write("\(kind).csv", text)])
        }
        let target = cli.path("cadangan/ipasn-2024-11-30.sqlite")
        try FileManager.default.createDirectory(atPath: cli.path("cadangan"), withIntermediateDirectories: true)
        let written = try cli.ok(["backup", target])
        #expect(written.stdout.hasPrefix("cadangan ditulis: \(target) ("))
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"))
        // The copy is a whole database: same records, checks clean, accounts kept.
        let copy = try SQLiteStore(path: target, context: StoreContext(actor: "x"), access: .read)
        #expect(try copy.countPegawai() == 3)
        #expect(try copy.records(nip: Fixture.nipA)?.diklat.count == 3)
        #expect(try copy.accounts().map(\.login) == [StoreContext.currentUser()])
        #expect(try copy.check() == [])
        #expect(try cli.ok(["check", "--db", target]).status == 0)
        // Never over an existing file.
        let again = try cli.run(["backup", target])
        #expect(again.status == 1)
        #expect(again.stderr.contains("sudah ada"))
        #expect(try copy.countPegawai() == 3)
    }
}
