import Foundation
import IPASNCore
import IPASNReports
import IPASNStore
import Testing

extension StoreConformance {
    /// A city's SQLite file joining a database that already holds a province's data
    /// (`ipasn migrate --to TARGET --join`): ids continued above the target's, history kept,
    /// every refusal and every failure leaving the target as it was.
    static let join: [StoreBehaviour] = [
        StoreBehaviour("a city joins a province: ids above the province's, authors, verdicts, sent batch and kept deletion kept, proved") { make in
            let province = try joinProvince(make)
            let city = try joiningCity()
            let proof = try JoinProof(before: province, years: [2024])
            let result = try DatabaseJoin.join(source: city, into: province, login: "test")
            // The province used diklat ids 1-4 and export batch 1: the city's 1-3 become 5-7, its batch 1 becomes 2.
            #expect(result.used.records == 4 && result.used.exportBatches == 1)
            #expect(try province.records(nip: cityA)?.diklat.map(\.id) == [5])
            #expect(try province.records(nip: cityB)?.diklat.map(\.id) == [7], "Eko's sent course (6) was deleted in the city")
            let verdict = try province.verification(of: RecordID(kind: .diklat, id: 5))
            #expect(verdict.status == .memenuhi && verdict.by == "sari" && verdict.documentInHand, "the city's verdict and document mark")
            #expect(try province.sentInfo([RecordID(kind: .diklat, id: 5)]).values.map { "\($0.batch) \($0.current)" } == ["2 true"])
            let kept = try province.sentDeletions(kind: .diklat, unit: "KOTA")
            #expect(kept.map { "\($0.id.id) \($0.nip) \($0.batch ?? 0)" } == ["6 \(cityB) 2"], "what SIASN holds of a deleted course")
            #expect(
                Set(try province.pendingCounts().map { "\($0.unit) \($0.kind.rawValue) \($0.count)" })
                    == ["ROOT diklat 1", "SUB diklat 1", "KOTA-DIK diklat 1"], "the city's unsent 19-JP course only")
            let newest = try #require(try province.auditLog(limit: 1).first)
            #expect(newest.actor == "sari" && newest.action == .delete && newest.subject == .record(RecordID(kind: .diklat, id: 6)))
            #expect(StoreComparison.millisecond(newest.at) == StoreComparison.millisecond(cityMoment), "the city's moment, not the join's")
            let scores = Dictionary(
                try province.scores(year: 2024, unit: "KOTA").map { ($0.pegawai.nip, $0.score.kompetensi) }, uniquingKeysWith: { a, _ in a })
            #expect(scores == [cityA: 22.5, cityB: 0], "20 JP earn a pelaksana 22.5 points; 19 JP nothing")
            #expect(try province.progressMarks().contains { $0.unit == "KOTA-DIK" && $0.by == "sari" && $0.done })
            #expect(try province.accounts().contains(Account(login: "sari", role: .admin, units: ["KOTA"])), "the city's admin, copied")
            #expect(try proof.differences(source: city, target: province, used: result.used) == [])
            #expect(try province.check().isEmpty)
            // New ids continue above the city's, deleted ones included.
            #expect(try province.add(teknis(nipA, "Sesudah gabung")).id.id == 8)
        },
        StoreBehaviour("a join that clashes is refused with every clash named, and the target is unchanged") { make in
            let province = try joinProvince(make)
            try province.saveAccount(Account(login: "test", role: .operator))
            try province.saveAccount(Account(login: "rina", role: .admin, units: ["ROOT"]))
            let before = try joinDigest(province)
            let city = try SQLiteStore.inMemory(context: TestClock.context(actor: "test", session: "kota", at: cityMoment))
            try city.setMeasurementYear(TestClock.measurementYear)
            try city.saveUnit(OrgUnit(kode: "KOTA", nama: "Pemerintah Kota Contoh"))
            try city.saveUnit(OrgUnit(kode: "SUB", nama: "Bidang Kota", induk: "KOTA"))
            try city.savePegawai(Pegawai(nip: nipA, nama: "Andi", kodeUnit: "SUB", jenisJabatan: .pelaksana))
            try city.saveAccount(Account(login: "test", role: .operator))
            try city.saveAccount(Account(login: "rina", role: .admin, units: ["KOTA"]))
            // The city's own operator and verifikator would reach the whole province once joined.
            try city.saveAccount(Account(login: "budi", role: .operator))
            try city.saveAccount(Account(login: "vera", role: .verifikator))
            let refusal = try DatabaseJoin.refusals(source: city, target: province, login: "test")
            #expect(refusal.wideAccounts.map(\.login).sorted() == ["budi", "vera"])
            #expect(refusal.units.map(\.kode) == ["SUB"] && refusal.employees.map(\.nip) == [nipA])
            #expect(refusal.accounts.map(\.source.login) == ["rina"] && refusal.notTargetOperator == nil)
            let message = refusal.message(.id)
            #expect(message.contains("SUB: berkas \"Bidang Kota\", tujuan \"Bidang\"") && message.contains("\(nipA): berkas unit SUB, tujuan unit ROOT"))
            #expect(message.contains("rina: berkas admin KOTA, tujuan admin ROOT"))
            #expect(message.contains("2 akun berkas berperan untuk seluruh basis data") && message.contains("budi: berkas operator") && message.contains("vera: berkas verifikator"))
            #expect(throws: DatabaseJoin.Refusal.self) { try DatabaseJoin.join(source: city, into: province, login: "test") }
            #expect(try DatabaseJoin.refusals(source: city, target: province, login: "rina").notTargetOperator == .some(.admin))
            #expect(try joinDigest(province) == before, "nothing copied")
        },
        StoreBehaviour("a join failing halfway leaves nothing; the join then succeeds") { make in
            let province = try joinProvince(make)
            let city = try joiningCity()
            let before = try joinDigest(province)
            struct Halfway: Error {}
            #expect(throws: Halfway.self) {
                _ = try province.copyTables(joining: true) { copy in
                    let remap = JoinRemap(used: copy.used, sameAccounts: [], scoreYears: [2024])
                    try city.exportTables(order: TableCopy.order, select: remap.select) { table in
                        if table.name == "audit" { throw Halfway() }
                        try copy.copy(table)
                    }
                }
            }
            #expect(try joinDigest(province) == before, "units, employees, records and scores copied before the failure are gone")
            let result = try DatabaseJoin.join(source: city, into: province, login: "test")
            #expect(result.used.records == 4)
            #expect(try province.check().isEmpty)
        },
        StoreBehaviour("a city's SIASN refusal joins with its record and batch moved") { make in
            let province = try joinProvince(make)
            let city = try joiningCity()
            // SIASN refused Dewi's course (city diklat 1) of the city's batch 1.
            try city.markSIASNRefusals(
                batch: 1, [NewSIASNRefusal(id: RecordID(kind: .diklat, id: 1), reason: "Sertifikat belum diunggah", line: 2)])
            let proof = try JoinProof(before: province, years: [2024])
            let result = try DatabaseJoin.join(source: city, into: province, login: "test")
            // The province used diklat 1-4 and batch 1: Dewi's course is 5, the city's batch 2.
            let refusals = try province.siasnRefusals(unit: "KOTA")
            #expect(refusals.map { "\($0.id.id) \($0.batch) \($0.nip) \($0.line) \($0.reason) \($0.actor) \($0.corrected)" }
                == ["5 2 \(cityA) 2 Sertifikat belum diunggah sari false"])
            #expect(try province.siasnRefusals([RecordID(kind: .diklat, id: 5)]).count == 1)
            #expect(try province.siasnRefusals(unit: "ROOT").isEmpty, "the province's own records are not refused")
            #expect(try proof.differences(source: city, target: province, used: result.used) == [])
            #expect(try province.check().isEmpty)
        },
    ]

    static let cityA = "198803152014022001"
    static let cityB = "199205052020121003"
    /// When the city did its work (a day before the test clock's now).
    static let cityMoment = TestClock.now.addingTimeInterval(-86_400)

    /// ``SmallProvince`` with four courses (diklat 1-4) and export batch 1 sending the first two.
    static func joinProvince(_ make: StoreFactory) throws -> any Store {
        let store = try seeded(make)
        for (n, nip) in [nipA, nipB, nipA, nipC].enumerated() { try store.add(teknis(nip, "Kursus Provinsi \(n + 1)")) }
        let versions = try store.recordVersions(kind: .diklat, unit: nil, pendingOnly: true)
        try store.saveExportBatch(
            NewExportBatch(
                kind: "siasn-kursus", format: "csv", file: "/tmp/provinsi.csv", marksSent: true,
                records: [1, 2].map { RecordVersion(id: RecordID(kind: .diklat, id: $0), version: versions[$0]!) }))
        return store
    }

    /// A city worked on by "sari": units KOTA and KOTA-DIK, Dewi (KOTA) and Eko (KOTA-DIK),
    /// courses 1 (Dewi, 20 JP: sent, verified, document in hand), 2 (Eko: sent, then deleted)
    /// and 3 (Eko, 19 JP: not sent), export batch 1, KOTA-DIK's kompetensi marked done;
    /// accounts "test" (operator) and "sari", who opened the city as its operator and is made
    /// admin of KOTA before the join (a city's operator would otherwise become the province's:
    /// the join refuses a database-wide account the target does not hold).
    static func joiningCity() throws -> SQLiteStore {
        let city = try SQLiteStore.inMemory(context: TestClock.context(actor: "sari", session: "kota", at: cityMoment))
        try city.setMeasurementYear(TestClock.measurementYear)
        // "sari" opened the city first and became its operator; the province's operator joins it.
        try city.saveAccount(Account(login: "test", role: .operator))
        try city.saveUnit(OrgUnit(kode: "KOTA", nama: "Pemerintah Kota Contoh"))
        try city.saveUnit(OrgUnit(kode: "KOTA-DIK", nama: "Dinas Pendidikan Kota", induk: "KOTA"))
        try city.savePegawai(Pegawai(nip: cityA, nama: "Dewi", kodeUnit: "KOTA", jenisJabatan: .pelaksana))
        try city.savePegawai(Pegawai(nip: cityB, nama: "Eko", kodeUnit: "KOTA-DIK", jenisJabatan: .pelaksana))
        let sent = try city.add(teknis(cityA, "Bimtek Kota 1")).id
        let deleted = try city.add(teknis(cityB, "Bimtek Kota 2")).id
        try city.add(teknis(cityB, "Bimtek Kota 3", jp: 19))
        let versions = try city.recordVersions(kind: .diklat, unit: nil, pendingOnly: true)
        try city.saveExportBatch(
            NewExportBatch(
                kind: "siasn-kursus", format: "csv", file: "/tmp/kota.csv", marksSent: true,
                records: [sent, deleted].map { RecordVersion(id: $0, version: versions[$0.id]!) }))
        try city.setVerification([sent], status: .memenuhi, reason: "")
        try city.setDocument(sent, inHand: true, path: "")
        try city.setProgress(unit: "KOTA-DIK", dimension: .kompetensi, done: true)
        try city.saveAccount(Account(login: "sari", role: .admin, units: ["KOTA"]))
        try city.delete(deleted)
        return city
    }

    /// What a refused or failed join must leave exactly as it was, read through the store.
    static func joinDigest(_ store: any Store) throws -> String {
        var lines = ["\(try store.units())", "\(try store.countPegawai())", "\(try store.accounts())"]
        lines += try store.auditLog(limit: 1_000).map { "\($0.id) \($0.actor) \($0.action) \($0.subject)" }
        lines += try store.pendingCounts().map { "\($0.unit) \($0.kind) \($0.count)" }
        lines += try store.scores(year: TestClock.measurementYear, unit: nil).map { "\($0.pegawai.nip) \($0.score.total)" }
        lines += try store.exportBatches(limit: 100).map { "batch \($0.number) \($0.rows)" }
        lines += try store.progressMarks().map { "\($0.unit) \($0.dimension) \($0.done)" }
        lines.append("\(try store.cachedScoreYears())")
        for nip in [nipA, nipB, nipC, cityA, cityB] { lines.append("\(nip) \(String(describing: try store.records(nip: nip)))") }
        return lines.joined(separator: "\n")
    }
}
