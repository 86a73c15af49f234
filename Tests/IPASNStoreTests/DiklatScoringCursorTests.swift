import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The full recompute's fast diklat reader (``DiklatScoringCursor``) gives exactly what the
/// plain GRDB path gives: the same employees, the same records in the same order with the same
/// values, and the same scores.
@Suite struct DiklatScoringCursorTests {
    /// A store of 40 employees (NIPs out of insertion order, some without any diklat) with
    /// 0-12 diklat each of every jenis, with and without tingkat, sesuai or not.
    func variedStore() throws -> SQLiteStore {
        let store = try seededStore()
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let levels = LeadershipLevel.allCases.map(\.rawValue)
        try store.writer.write { db in
            for index in 0..<40 {
                // Inserted in descending NIP order, so the table's order is not the NIP order.
                let nip = String(199_912_312_020_121_099 - Int64(index * 7_919_000_003))
                try db.execute(
                    sql: """
                        INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, status, aktif, search_key)
                        VALUES (?, ?, 'SUB', 'pelaksana', 'pns', ?, '')
                        """, arguments: [nip, "P\(index)", index % 5 == 0 ? 0 : 1])
                for course in 0..<(index % 4 == 3 ? 0 : next(13)) {
                    let year = 2019 + next(7)
                    let month = 1 + next(12)
                    let start = String(format: "%04d-%02d-%02d", year, month, 1 + next(28))
                    let end = String(format: "%04d-%02d-%02d", year, month, 28)
                    try db.execute(
                        sql: """
                            INSERT INTO diklat(nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp,
                                               nomor_sertifikat, sesuai_jabatan, dedup_key)
                            VALUES (?, ?, ?, ?, 'BPSDM', ?, ?, ?, 'NO-1', ?, ?)
                            """,
                        arguments: [
                            nip, 1 + next(JenisDiklat.all.count), next(3) == 0 ? levels[next(levels.count)] : nil,
                            "Kursus \(course)", start, end, 1 + next(60), next(4) == 0 ? 0 : 1, Int64(index * 100 + course),
                        ])
                }
            }
        }
        try store.add(teknis(nipC))
        try store.add(teknis(nipA, "Lain", jp: 30))
        return store
    }

    @Test func theFastReaderGivesTheRowsAndScoresOfThePlainOne() throws {
        let store = try variedStore()
        let engine = ScoringEngine(ruleset: .bkn2019)
        var plain: [EmployeeRecords] = []
        var fast: [EmployeeRecords] = []
        try store.writer.read { db in
            try store.forEachEmployee(db, plainDiklat: true) { plain.append($0) }
            try store.forEachEmployee(db) { fast.append($0) }
        }
        #expect(plain.count == 43)
        #expect(plain.map(\.diklat.count).reduce(0, +) > 150)
        #expect(plain.contains { $0.diklat.contains { $0.tingkat != nil } })
        #expect(fast.map(\.pegawai) == plain.map(\.pegawai))
        for (a, b) in zip(fast, plain) {
            #expect(a.diklat == b.diklat, "\(a.pegawai.nip)")
            #expect(a == b)
            for year in 2019...2026 { #expect(engine.score(a, year: year) == engine.score(b, year: year)) }
        }
    }

    /// An employee's diklat in a fixed order (the table-order reader gives them in id order,
    /// the plain one in index order).
    func sorted(_ diklat: [Diklat]) -> [Diklat] {
        diklat.sorted {
            ($0.tanggalMulai.ordinal, $0.tanggalSelesai.ordinal, $0.jenis.id, $0.jp, $0.tingkat?.rawValue ?? "", $0.sesuaiJabatan ? 1 : 0)
                < ($1.tanggalMulai.ordinal, $1.tanggalSelesai.ordinal, $1.jenis.id, $1.jp, $1.tingkat?.rawValue ?? "", $1.sesuaiJabatan ? 1 : 0)
        }
    }

    /// The full recompute's reader (``DiklatScoringTable``: the table in its own order, packed)
    /// gives every employee the plain path's diklat and scores, also when an employee's rows
    /// are not together in the table, for NIPs that are not 18 digits (leading zeros, letters,
    /// 19 digits), for a JP too large for 32 bits and for a rejected record left out.
    @Test func theTableOrderReaderGivesTheRowsAndScoresOfThePlainOne() throws {
        let store = try variedStore()
        // Employees whose rows alternate in the table, odd NIPs and a huge JP.
        let odd = ["7", "007", "19701231199901100X", "1970123119990110011", "Ä-NIP"]
        try store.writer.write { db in
            for nip in odd {
                try db.execute(
                    sql: """
                        INSERT INTO pegawai(nip, nama, kode_unit, jenis_jabatan, status, aktif, search_key)
                        VALUES (?, ?, 'SUB', 'pelaksana', 'pns', 1, '')
                        """, arguments: [nip, "Odd \(nip)"])
            }
            var key: Int64 = 900_000
            for round in 0..<3 {
                for nip in odd + [nipA, nipC] {
                    key += 1
                    try db.execute(
                        sql: """
                            INSERT INTO diklat(nip, jenis, tingkat, nama, penyelenggara, tanggal_mulai, tanggal_selesai, jp,
                                               nomor_sertifikat, sesuai_jabatan, dedup_key)
                            VALUES (?, 3, NULL, 'Selang-seling', '', ?, ?, ?, '', 1, ?)
                            """,
                        arguments: [
                            nip, "2025-0\(round + 1)-01", "2025-0\(round + 1)-0\(round + 2)",
                            nip == "7" && round == 1 ? 5_000_000_000 : 8 + round, key,
                        ])
                }
            }
        }
        let engine = ScoringEngine(ruleset: .bkn2019)
        var plain: [EmployeeRecords] = []
        var table: [EmployeeRecords] = []
        try store.writer.read { db in
            try store.forEachEmployee(db, plainDiklat: true) { plain.append($0) }
            try store.forEachEmployee(db, diklatInTableOrder: true) { table.append($0) }
        }
        #expect(plain.count == 48)
        #expect(plain.first { $0.pegawai.nip == "7" }?.diklat.map(\.jp).contains(5_000_000_000) == true)
        #expect(plain.first { $0.pegawai.nip == "007" }?.diklat.count == 3)
        #expect(table.map(\.pegawai) == plain.map(\.pegawai))
        for (a, b) in zip(table, plain) {
            #expect(sorted(a.diklat) == sorted(b.diklat), "\(a.pegawai.nip)")
            #expect(a.pendidikan == b.pendidikan && a.skp == b.skp && a.disiplin == b.disiplin)
            for year in 2019...2026 { #expect(engine.score(a, year: year) == engine.score(b, year: year)) }
        }
        // A rejected record is left out the same way (the ruleset leaves rejected records out).
        let rejected = try #require(try store.records(nip: nipA)?.diklat.first)
        #expect(try store.setVerification([RecordID(kind: .diklat, id: rejected.id)], status: .tidak, reason: "Sertifikat tidak terbaca") == 1)
        var plainAfter: [EmployeeRecords] = []
        var tableAfter: [EmployeeRecords] = []
        try store.writer.read { db in
            try store.forEachEmployee(db, plainDiklat: true) { plainAfter.append($0) }
            try store.forEachEmployee(db, diklatInTableOrder: true) { tableAfter.append($0) }
        }
        let before = plain.first { $0.pegawai.nip == nipA }!.diklat.count
        #expect(plainAfter.first { $0.pegawai.nip == nipA }!.diklat.count == before - 1)
        for (a, b) in zip(tableAfter, plainAfter) { #expect(sorted(a.diklat) == sorted(b.diklat), "\(a.pegawai.nip)") }
    }

    /// The full recompute (table order) writes the same cached scores as a refresh of every
    /// employee through the streaming reader.
    @Test func theFullRecomputeCachesWhatTheStreamingRefreshComputes() throws {
        let store = try variedStore()
        let year = try store.measurementYear()
        try store.recomputeAll(year: year)
        let full = try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM employee_score WHERE year = ? ORDER BY nip", arguments: [year]) }
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM employee_score WHERE year = ?", arguments: [year])
            let everyone = Set(try String.fetchAll(db, sql: "SELECT nip FROM pegawai"))
            try store.recompute(years: [year], only: EmployeeSelection(everyone), replaceAll: false, db)
        }
        let streamed = try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM employee_score WHERE year = ? ORDER BY nip", arguments: [year]) }
        #expect(full.count == 43)
        #expect(full == streamed)
    }

    @Test func numericKeysAreUniquePerText() {
        func key(_ text: String) -> UInt64? {
            var utf8 = text
            return utf8.withUTF8 { NIPKey.numericKey($0) }
        }
        #expect(key("7") == 17)
        #expect(key("007") == 1007)
        #expect(key("199001012020121001") == 1_199_001_012_020_121_001)
        #expect(key("1990010120201210011") == nil)
        #expect(key("19900101202012100X") == nil)
        #expect(key("") == nil)
        #expect(key("١٢") == nil)
    }

    @Test func anUnreadableDateIsCorruptAsOnThePlainPath() throws {
        let store = try seededStore()
        try store.add(teknis(nipC))
        try store.writer.write { db in try db.execute(sql: "UPDATE diklat SET tanggal_mulai = 'kemarin'") }
        #expect(throws: StoreError.self) { try store.writer.read { db in try store.forEachEmployee(db) { _ in } } }
        #expect(throws: StoreError.self) { try store.writer.read { db in try store.forEachEmployee(db, plainDiklat: true) { _ in } } }
        #expect(throws: StoreError.self) {
            try store.writer.read { db in try store.forEachEmployee(db, diklatInTableOrder: true) { _ in } }
        }
    }
}
