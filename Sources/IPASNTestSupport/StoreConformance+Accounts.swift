import Foundation
import IPASNCore
import IPASNStore
import Testing

extension StoreConformance {
    /// The unit outside SUB: a sibling under ROOT with one employee, Dewi.
    static let nipD = "198001012005012004"

    /// The operator ("test") seeds ``SmallProvince`` plus the unit LAIN (under ROOT) with Dewi,
    /// and adds an admin of SUB ("sari"), a pimpinan ("pak-kepala") and a verifikator ("vera").
    static func team(_ open: StoreFactory) throws -> (operator: any Store, admin: any Store) {
        let op = try open(TestClock.context(actor: "test"))
        try SmallProvince.seed(op)
        try op.saveUnit(OrgUnit(kode: "LAIN", nama: "Dinas Lain", induk: "ROOT"))
        try op.savePegawai(Pegawai(nip: nipD, nama: "Dewi", kodeUnit: "LAIN", jenisJabatan: .pelaksana))
        try op.saveAccount(Account(login: "sari", role: .admin, units: ["SUB"]))
        try op.saveAccount(Account(login: "pak-kepala", role: .pimpinan))
        try op.saveAccount(Account(login: "vera", role: .verifikator))
        return (op, try open(TestClock.context(actor: "sari")))
    }

    /// The rule a refused write named; nil (and an issue) when it was not refused so.
    static func refusedRule(_ body: () throws -> Void) -> PermissionRule? {
        do {
            try body()
            Issue.record("expected the write to be refused")
        } catch StoreError.notPermitted(let rule) {
            return rule
        } catch {
            Issue.record("expected StoreError.notPermitted, got \(error)")
        }
        return nil
    }

    /// Accounts and the permission check (`docs/store.md` "Accounts and permissions"): several
    /// logins on one database.
    static let accountsAndPermissions: [StoreBehaviour] = [
        StoreBehaviour(shared: "the first login on a new database becomes its operator; operators manage audited accounts") { newDatabase in
            let open = try newDatabase()
            let op = try open(TestClock.context(actor: "budi"))
            #expect(try op.accounts() == [Account(login: "budi", role: .operator)])
            #expect(try op.auditLog(limit: 10).isEmpty)  // the enrolment is no audited change
            try SmallProvince.seed(op)
            try op.saveAccount(Account(login: "ani", role: .admin, units: ["SUB", "ROOT", "SUB"]))
            let added = try lastAudit(op)
            #expect(added.action == .insert)
            #expect(added.subject == .account("ani"))
            #expect(added.new == .account(Account(login: "ani", role: .admin, units: ["ROOT", "SUB"])))
            try op.saveAccount(Account(login: "ani", role: .pimpinan, units: ["SUB"]))
            let changed = try lastAudit(op)
            #expect(changed.action == .update)
            #expect(changed.old == .account(Account(login: "ani", role: .admin, units: ["ROOT", "SUB"])))
            #expect(changed.new == .account(Account(login: "ani", role: .pimpinan)))  // units are an admin's only
            #expect(try op.account(login: "ani")?.units == [])
            #expect(try op.accounts().map(\.login) == ["ani", "budi"])
            #expect(refusal { try op.saveAccount(Account(login: "eko", role: .admin, units: [])) } == [.required])
            #expect(refusal { try op.saveAccount(Account(login: "eko", role: .admin, units: ["NOPE"])) } == [.unknownUnit("NOPE")])
            #expect(refusal { try op.saveAccount(Account(login: " ", role: .pimpinan)) } == [.required])
            // The database keeps an operator.
            #expect(refusedRule { try op.removeAccount(login: "budi") } == .lastOperator("budi"))
            #expect(refusedRule { try op.saveAccount(Account(login: "budi", role: .pimpinan)) } == .lastOperator("budi"))
            #expect(try op.removeAccount(login: "ani"))
            #expect(try lastAudit(op).action == .delete)
            #expect(try lastAudit(op).old == .account(Account(login: "ani", role: .pimpinan)))
            #expect(try !op.removeAccount(login: "ani"))
            // A second store on the same database does not enrol anyone.
            let other = try open(TestClock.context(actor: "citra"))
            #expect(try other.accounts() == [Account(login: "budi", role: .operator)])
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "a login without an account writes nothing and is told which operators to ask") { newDatabase in
            let open = try newDatabase()
            let (op, _) = try team(open)
            let stranger = try open(TestClock.context(actor: "tamu"))
            let audits = try op.auditLog(limit: 1000).count
            let rule = PermissionRule.noAccount(login: "tamu", operators: ["test"])
            #expect(refusedRule { try stranger.add(teknis(nipA)) } == rule)
            #expect(refusedRule { try stranger.saveUnit(OrgUnit(kode: "X", nama: "X")) } == rule)
            #expect(refusedRule { try stranger.setProgress(unit: "SUB", dimension: .kinerja, done: true) } == rule)
            #expect(refusedRule { try stranger.saveAccount(Account(login: "tamu", role: .operator)) } == rule)
            #expect(rule.message(.id) == "Login tamu belum punya akun di basis data ini; minta operator (test) menambahkannya "
                + "dengan `ipasn users add tamu --role ...`")
            #expect(try op.auditLog(limit: 1000).count == audits)
            #expect(try op.records(nip: nipA)?.diklat.isEmpty == true)
            // Reading needs no write permission (the front ends refuse such a login before any read).
            #expect(try stranger.units().count == 3)
        },
        StoreBehaviour(shared: "an admin writes records, employees, units and marks of their units and sub-units only") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let operatorsRecord = try op.add(teknis(nipD, "Milik Dinas Lain")).id
            // Their own unit SUB: records, employees, progress, sub-units, renaming.
            let own = try sari.add(teknis(nipB)).id
            try sari.update(own, to: teknis(nipC))
            try sari.savePegawai(Pegawai(nip: nipB, nama: "Budi S.", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            try sari.setProgress(unit: "SUB", dimension: .kompetensi, done: true)
            try sari.saveUnit(OrgUnit(kode: "SUB.1", nama: "Seksi", induk: "SUB"))
            try sari.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Baru", induk: "ROOT"))  // renamed in place
            try sari.savePegawai(Pegawai(nip: nipC, nama: "Citra", kodeUnit: "SUB.1", jenisJabatan: .pelaksana))  // a sub-unit
            try sari.delete(own)
            let audits = try op.auditLog(limit: 1000).count
            // Anything of another unit, with the unit named.
            #expect(refusedRule { try sari.add(teknis(nipD)) } == .notYourUnit("LAIN"))
            #expect(refusedRule { try sari.add(teknis(nipA)) } == .notYourUnit("ROOT"))  // the parent is not theirs
            #expect(refusedRule { try sari.update(operatorsRecord, to: teknis(nipD, "Diubah")) } == .notYourUnit("LAIN"))
            #expect(refusedRule { try sari.delete(operatorsRecord) } == .notYourUnit("LAIN"))
            let mine = try op.add(teknis(nipB, "Milik SUB")).id
            #expect(refusedRule { try sari.update(mine, to: teknis(nipD, "Milik SUB")) } == .notYourUnit("LAIN"))
            #expect(refusedRule {
                try sari.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "LAIN", jenisJabatan: .pelaksana))
            } == .notYourUnit("LAIN"))
            #expect(refusedRule {
                try sari.savePegawai(Pegawai(nip: nipD, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            } == .notYourUnit("LAIN"))
            #expect(refusedRule { try sari.setProgress(unit: "LAIN", dimension: .kinerja, done: true) } == .notYourUnit("LAIN"))
            #expect(refusedRule { try sari.saveUnit(OrgUnit(kode: "LAIN", nama: "Direbut", induk: "SUB")) } == .notYourUnit("LAIN"))
            #expect(refusedRule { try sari.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang", induk: "LAIN")) } == .notYourUnit("LAIN"))
            #expect(refusedRule { try sari.saveUnit(OrgUnit(kode: "BARU", nama: "Baru")) } == .operatorOnly(.topLevelUnit))
            #expect(refusedRule { try sari.setMeasurementYear(2025) } == .operatorOnly(.settings))
            #expect(refusedRule { try sari.setRuleset(nil) } == .operatorOnly(.settings))
            #expect(refusedRule { try sari.saveAccount(Account(login: "sari", role: .operator)) } == .operatorOnly(.accounts))
            #expect(refusedRule { try sari.removeAccount(login: "vera") } == .operatorOnly(.accounts))
            // A batch (one course for many) with one employee of another unit is refused whole.
            #expect(refusedRule {
                try sari.addBatch([teknis(nipB, "Sosialisasi"), teknis(nipD, "Sosialisasi")], label: "Sosialisasi")
            } == .notYourUnit("LAIN"))
            #expect(PermissionRule.notYourUnit("DISDIK").message(.id) == "Unit DISDIK bukan unit Anda")
            #expect(try op.auditLog(limit: 1000).count == audits + 1)  // only the operator's record
            #expect(try op.records(nip: nipD)?.diklat.map(\.value.nama) == ["Milik Dinas Lain"])
            #expect(try op.pegawai(nip: nipD)?.kodeUnit == "LAIN")
            #expect(try op.measurementYear() == 2024)
            #expect(try op.records(nip: nipB)?.diklat.map(\.value.nama) == ["Milik SUB"])
            try sari.addBatch([teknis(nipB, "Sosialisasi"), teknis(nipC, "Sosialisasi")], label: "Sosialisasi")
            #expect(try op.records(nip: nipC)?.diklat.map(\.value.nama) == ["Sosialisasi"])
            // An admin of ROOT holds every unit below it.
            try op.saveAccount(Account(login: "rudi", role: .admin, units: ["ROOT"]))
            let rudi = try open(TestClock.context(actor: "rudi"))
            try rudi.add(teknis(nipD, "Kursus Rudi"))
            try rudi.setProgress(unit: "SUB.1", dimension: .disiplin, done: true)
            try rudi.saveUnit(OrgUnit(kode: "ROOT", nama: "Kota"))  // their top unit, renamed in place
            #expect(try op.units().first { $0.kode == "ROOT" }?.nama == "Kota")
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "pimpinan and verifikator read everything and write nothing") { newDatabase in
            let open = try newDatabase()
            let (op, _) = try team(open)
            try op.add(teknis(nipA))
            for (login, role) in [("pak-kepala", Role.pimpinan), ("vera", Role.verifikator)] {
                let reader = try open(TestClock.context(actor: login))
                #expect(try reader.records(nip: nipA)?.diklat.count == 1)
                #expect(try reader.unitFigures(year: 2024).map(\.unit.kode) == ["ROOT", "LAIN", "SUB"])
                #expect(refusedRule { try reader.add(teknis(nipB)) } == .readOnlyRole(role))
                #expect(refusedRule { try reader.setProgress(unit: "ROOT", dimension: .kinerja, done: true) } == .readOnlyRole(role))
                var rows = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipB)))])
                #expect(refusedRule { _ = try reader.importRows(&rows, skipInvalid: true) } == .readOnlyRole(role))
                #expect(try reader.undoLast(session: login) == nil)  // nothing of theirs to undo
            }
            #expect(PermissionRule.readOnlyRole(.pimpinan).message(.id) == "Peran pimpinan hanya dapat membaca")
            #expect(try op.records(nip: nipB)?.diklat.isEmpty == true)
        },
        StoreBehaviour(shared: "an admin's import refuses each row of another unit with its line: all or nothing") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            let audits = try op.auditLog(limit: 1000).count
            func diklat() -> ArrayRowSource {
                ArrayRowSource(
                    kind: .diklat,
                    rows: [
                        Line(2, .record(teknis(nipB, "Satu"))),
                        Line(3, .record(teknis(nipD, "Dua"))),  // LAIN
                        Line(4, .record(teknis(nipC, "Tiga"))),
                        Line(5, .record(teknis(nipA, "Empat"))),  // ROOT
                    ])
            }
            var rows = diklat()
            let refused = try sari.importRows(&rows, skipInvalid: false)
            #expect(refused.imported == 0)
            #expect(refused.issues.map(\.line) == [3, 5])
            #expect(refused.issues.map { $0.issue.message(.id) } == ["Unit LAIN bukan unit Anda.", "Unit ROOT bukan unit Anda."])
            #expect(try op.auditLog(limit: 1000).count == audits)
            #expect(try op.records(nip: nipB)?.diklat.isEmpty == true)
            rows = diklat()
            let skipped = try sari.importRows(&rows, skipInvalid: true)
            #expect(skipped.imported == 2)
            #expect(try op.records(nip: nipB)?.diklat.count == 1)
            #expect(try op.records(nip: nipD)?.diklat.isEmpty == true)
            // Employees: neither into nor out of another unit.
            var people = ArrayRowSource(
                kind: .pegawai,
                rows: [
                    Line(2, .pegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
                    Line(3, .pegawai(Pegawai(nip: nipD, nama: "Dewi", kodeUnit: "SUB", jenisJabatan: .pelaksana))),
                    Line(4, .pegawai(Pegawai(nip: SmallProvince.stranger, nama: "Eko", kodeUnit: "LAIN", jenisJabatan: .pelaksana))),
                ])
            let employees = try sari.importRows(&people, skipInvalid: false)
            #expect(employees.imported == 0)
            #expect(employees.issues.map(\.line) == [3, 4])
            // Units: the operator's.
            var units = ArrayRowSource(kind: .units, rows: [Line(2, .unit(OrgUnit(kode: "SUB.2", nama: "Seksi 2", induk: "SUB")))])
            #expect(refusedRule { _ = try sari.importRows(&units, skipInvalid: true) } == .operatorOnly(.unitImport))
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "an admin's undo is checked against the units too") { newDatabase in
            let open = try newDatabase()
            let (op, sari) = try team(open)
            try sari.add(teknis(nipB))
            // The operator moves Budi to another unit; the admin's undo would now touch LAIN.
            try op.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "LAIN", jenisJabatan: .pelaksana))
            #expect(refusedRule { try sari.undoLast(session: "sari") } == .notYourUnit("LAIN"))
            #expect(try op.records(nip: nipB)?.diklat.count == 1)
            try op.savePegawai(Pegawai(nip: nipB, nama: "Budi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            #expect(try sari.undoLast(session: "sari")?.action == .insert)
            #expect(try op.records(nip: nipB)?.diklat.isEmpty == true)
            #expect(try op.check() == [])
        },
        StoreBehaviour(shared: "account changes are not undone, and a unit an admin holds is not undone away") { newDatabase in
            let open = try newDatabase()
            let op = try open(TestClock.context(actor: "test"))
            try SmallProvince.seed(op)
            try op.saveUnit(OrgUnit(kode: "BARU", nama: "Unit Baru", induk: "ROOT"))
            try op.saveAccount(Account(login: "sari", role: .admin, units: ["BARU"]))
            // The session's newest undoable change is the unit (accounts are not undone) ...
            #expect(try op.nextUndo(session: "test")?.subject == .unit("BARU"))
            // ... which sari's account now uses.
            guard case .cannotUndo(let id, _)? = storeError({ try op.undoLast(session: "test") }) else {
                Issue.record("expected cannotUndo")
                return
            }
            #expect(id.contains("akun admin"))
            #expect(try op.account(login: "sari")?.units == ["BARU"])
            #expect(try op.units().contains { $0.kode == "BARU" })
            try op.saveAccount(Account(login: "sari", role: .admin, units: ["SUB"]))
            #expect(try op.undoLast(session: "test")?.subject == .unit("BARU"))
            #expect(try !op.units().contains { $0.kode == "BARU" })
            #expect(try op.check() == [])
        },
    ]
}
