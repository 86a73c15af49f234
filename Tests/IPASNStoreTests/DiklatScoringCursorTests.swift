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

    @Test func anUnreadableDateIsCorruptAsOnThePlainPath() throws {
        let store = try seededStore()
        try store.add(teknis(nipC))
        try store.writer.write { db in try db.execute(sql: "UPDATE diklat SET tanggal_mulai = 'kemarin'") }
        #expect(throws: StoreError.self) { try store.writer.read { db in try store.forEachEmployee(db) { _ in } } }
        #expect(throws: StoreError.self) { try store.writer.read { db in try store.forEachEmployee(db, plainDiklat: true) { _ in } } }
    }
}
