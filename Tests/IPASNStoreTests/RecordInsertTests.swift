import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// The import's fast insert (``RecordInsert``, bound through SQLite's C API) writes exactly the
/// rows the plain GRDB path writes (`RecordRows.arguments` bound by GRDB), and refuses the same
/// duplicates.
@Suite struct RecordInsertTests {
    /// Records of every kind: optional fields nil and set, empty and non-ASCII text, dates
    /// with one-digit days and months and a year below 1000, and a long name.
    func records() -> [Record] {
        var state: UInt64 = 14
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let names = ["", "Bimtek Arsip", "Pelatihan Ké-2 \u{1F600}", "Kursus \"Mutu\"; tahap, 1", String(repeating: "x", count: 200)]
        var out: [Record] = []
        for nip in [nipA, nipB, nipC] {
            for i in 0..<30 {
                let start = LocalDate(year: i == 0 ? 999 : 2000 + next(26), month: 1 + next(12), day: 1 + next(28))!
                let end = LocalDate(year: start.year, month: start.month, day: 28)!
                out.append(
                    .diklat(
                        Diklat(
                            nip: nip, jenis: JenisDiklat.all[next(25)],
                            tingkat: next(3) == 0 ? LeadershipLevel.allCases[next(8)] : nil, nama: names[next(5)] + " \(i)",
                            penyelenggara: names[next(5)], tanggalMulai: start, tanggalSelesai: end, jp: 1 + next(200),
                            nomorSertifikat: names[next(5)], sesuaiJabatan: next(2) == 0)))
                out.append(
                    .pendidikan(
                        Pendidikan(
                            nip: nip, tingkat: EducationLevel.allCases[next(EducationLevel.allCases.count)],
                            tanggalLulus: next(3) == 0 ? nil : start, namaSekolah: names[next(5)] + " \(i)",
                            jurusan: names[next(5)])))
                out.append(
                    .skp(
                        SKP(
                            nip: nip, tahun: 1990 + i, predikat: next(3) == 0 ? nil : Predikat.allCases[next(Predikat.allCases.count)],
                            nilai: next(3) == 0 ? nil : Double(next(10_001)) / 100)))
                out.append(
                    .disiplin(
                        HukumanDisiplin(
                            nip: nip, tingkat: TingkatHukuman.allCases[next(TingkatHukuman.allCases.count)], tmt: start,
                            jenis: names[next(5)] + " \(i)")))
            }
        }
        return out
    }

    /// Inserts `records` with ids from 1000 (the import gives ids explicitly); returns which
    /// were written, and every record table's rows.
    func insert(_ records: [Record], fast: Bool) throws -> (written: [Bool], rows: [[Row]]) {
        let store = try seededStore()
        return try store.writer.write { db in
            var fastInserts: [RecordKind: RecordInsert] = [:]
            var plainInserts: [RecordKind: Statement] = [:]
            var written: [Bool] = []
            for (index, record) in records.enumerated() {
                let id = Int64(1000 + index)
                if fast {
                    if fastInserts[record.kind] == nil { fastInserts[record.kind] = try RecordInsert(record.kind, db) }
                    written.append(try fastInserts[record.kind]!.insert(record, id: id))
                } else {
                    if plainInserts[record.kind] == nil {
                        plainInserts[record.kind] = try db.makeStatement(
                            sql: RecordRows.insertSQL(record.kind, withID: true, ignoreDuplicates: true))
                    }
                    let statement = plainInserts[record.kind]!
                    statement.setUncheckedArguments([id] + RecordRows.arguments(record))
                    try statement.execute()
                    written.append(db.changesCount > 0)
                }
            }
            let rows = try RecordKind.allCases.map { kind in
                try Row.fetchAll(db, sql: "SELECT *, \(RecordRows.columns(kind).map { "typeof(\($0))" }.joined(separator: ", ")) FROM \(kind.rawValue) ORDER BY id")
            }
            return (written, rows)
        }
    }

    @Test func theFastInsertWritesTheRowsOfThePlainOne() throws {
        let records = records()
        let plain = try insert(records, fast: false)
        let fast = try insert(records, fast: true)
        #expect(plain.rows.map(\.count) == [90, 90, 90, 90])
        #expect(plain.written.allSatisfy { $0 })
        #expect(fast.written == plain.written)
        for (a, b) in zip(fast.rows, plain.rows) { #expect(a == b) }
        // Hand-checked: a nil tingkat is NULL, an empty organiser the empty text, the year 999 `0999`.
        let diklat = plain.rows[RecordKind.allCases.firstIndex(of: .diklat)!]
        #expect(diklat.contains { $0["tingkat"] == nil as String? })
        #expect(diklat.contains { ($0["penyelenggara"] as String) == "" })
        #expect(diklat.contains { ($0["tanggal_mulai"] as String).hasPrefix("0999-") })
    }

    @Test func aDuplicateIsRefusedAndNothingWritten() throws {
        let record = teknis(nipA)
        let fast = try insert([record, record, teknis(nipA, "Lain")], fast: true)
        #expect(fast.written == [true, false, true])
        let diklat = fast.rows[RecordKind.allCases.firstIndex(of: .diklat)!]
        #expect(diklat.map { $0["id"] as Int64 } == [1000, 1002])
    }

    /// The record import runs with SQLite's foreign key checks off (it checks every NIP against
    /// its map of the employees): an unknown NIP is still refused at its line, and the checks
    /// are on again after a refused, a committed and a nested import.
    @Test func aRecordImportStillRefusesAnUnknownNIPAndLeavesForeignKeysOn() throws {
        let store = try seededStore()
        func foreignKeys() throws -> Int? { try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } }
        let unknown = "199912312020121099"
        var refused = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipA))), Line(3, .record(teknis(unknown)))])
        let outcome = try store.importRows(&refused, skipInvalid: false)
        #expect(outcome.imported == 0)
        #expect(outcome.issues.map(\.line) == [3])
        #expect(outcome.issues.first?.issue.code == .unknownNIP(unknown))
        #expect(try foreignKeys() == 1)
        var good = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipA)))])
        #expect(try store.importRows(&good, skipInvalid: false).imported == 1)
        #expect(try foreignKeys() == 1)
        let nestedOutcome = try store.inOneTransaction { () throws -> ImportOutcome in
            var nested = ArrayRowSource(kind: .diklat, rows: [Line(2, .record(teknis(nipB)))])
            return try store.importRows(&nested, skipInvalid: false)
        }
        #expect(nestedOutcome.imported == 1)
        #expect(try foreignKeys() == 1)
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM diklat") } == 2)
        // SQLite itself still refuses a record of an unknown employee outside the import.
        #expect(throws: (any Error).self) {
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO skp(nip, tahun, dedup_key) VALUES (?, 2020, 1)", arguments: [unknown])
            }
        }
    }
}
