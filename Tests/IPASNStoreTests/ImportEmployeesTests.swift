import Foundation
import GRDB
import IPASNCore
import IPASNTestSupport
import Testing

@testable import IPASNStore

/// Issue 14 (branch importmem): a record import's employee map holds a NIP as a number and
/// a unit as an index (``ImportEmployees``), and the touched employees are read from its
/// per-employee counters. A NIP that is not 18 digits is still found (or refused) by its exact
/// text, and the scores the import refreshes are exactly those a full recompute gives.
@Suite struct ImportEmployeesTests {
    /// Employees a hand-written database may hold besides 18-digit NIPs: short ones that
    /// differ only in leading zeros, one with a letter and one of 19 digits.
    static let odd: [Pegawai] = [
        Pegawai(nip: "7", nama: "Tujuh", kodeUnit: "ROOT", jenisJabatan: .pelaksana),
        Pegawai(nip: "007", nama: "Nol Nol Tujuh", kodeUnit: "SUB", jenisJabatan: .pelaksana),
        Pegawai(nip: "P-0001", nama: "Huruf", kodeUnit: "SUB", jenisJabatan: .pelaksana),
        Pegawai(nip: "1986092620150510011", nama: "Sembilan Belas", kodeUnit: "ROOT", jenisJabatan: .pelaksana),
    ]

    static func addOdd(_ store: SQLiteStore) throws {
        var rows = ArrayRowSource(kind: .pegawai, rows: odd.enumerated().map { Line($0.offset + 2, .pegawai($0.element)) })
        let outcome = try store.importRows(&rows, skipInvalid: false)
        #expect(outcome.imported == odd.count && outcome.issues.isEmpty, "\(outcome.issues)")
    }

    @Test func aNumericKeyGivesItsNIPBackDigitForDigit() {
        let nips = ["7", "007", "0", "000000000000000000", "198609262015051001", "999999999999999999", "100000000000000000"]
        var keys: Set<UInt64> = []
        for nip in nips {
            let key = Array(nip.utf8).withUnsafeBufferPointer(NIPKey.numericKey)
            #expect(key != nil, "\(nip)")
            if let key {
                keys.insert(key)
                #expect(ImportEmployees.nip(numericKey: key) == nip)
            }
        }
        #expect(keys.count == nips.count, "leading zeros make another key")
    }

    @Test func theMapFindsEveryEmployeeByTheExactNIPAndCountsTheirRowsByUnit() throws {
        let store = try seededStore(context: TestClock.context(actor: "ani", session: "s1"))
        try Self.addOdd(store)
        // One employee who has left: the queue's waiting counts leave their rows out.
        try store.writer.write { db in try db.execute(sql: "UPDATE pegawai SET aktif = 0 WHERE nip = 'P-0001'") }
        try store.writer.read { db in
            var employees = try ImportEmployees(db)
            #expect(employees.count == 7)
            #expect(employees.unitCodes.sorted() == ["ROOT", "SUB"], "one entry per unit, not per employee")
            let units = [nipA: "ROOT", nipB: "SUB", nipC: "SUB", "7": "ROOT", "007": "SUB", "P-0001": "SUB", "1986092620150510011": "ROOT"]
            var found: [String: Int32] = [:]
            for (nip, unit) in units {
                let employee = employees.employee(nip)
                #expect(employee != nil, "\(nip)")
                guard let employee else { continue }
                #expect(employees.find(nip) == employee)
                #expect(employees.unit(of: employee) == unit, "\(nip)")
                found[nip] = employee
            }
            #expect(Set(found.values).count == 7, "every employee its own index")
            // Unknown or malformed NIPs: nothing, whatever the last lookup was.
            for nip in ["70", "0007", " 7", "7 ", "", "p-0001", SmallProvince.stranger, String(nipA.dropLast()), nipA + "0", "１２"] {
                _ = employees.employee(nipA)
                #expect(employees.employee(nip) == nil, "\(nip)")
                #expect(employees.find(nip) == nil, "\(nip)")
            }
            #expect(employees.employee(nipA) == found[nipA])
            // Rows written: twice for "7", once for "P-0001" and for Budi.
            for nip in ["7", "7", "P-0001", nipB] { employees.wrote(found[nip]!) }
            #expect(employees.rowsOf[Int(found["7"]!)] == 2)
            let touched = employees.touched
            #expect(touched.count == 3)
            #expect(try touched.sorted() == [nipB, "7", "P-0001"].sorted())
            #expect(touched.contains("7") && touched.contains("P-0001") && touched.contains(nipB))
            #expect(!touched.contains("007") && !touched.contains(nipA) && !touched.contains(SmallProvince.stranger))
            #expect(employees.rowsByUnit == ["ROOT": 2, "SUB": 2])
            // P-0001 (SUB) is not active: SUB keeps Budi's row only.
            #expect(employees.activeRowsByUnit == ["ROOT": 2, "SUB": 1])
        }
    }

    /// The cached scores, every row, as text.
    static func scores(_ store: SQLiteStore) throws -> [[String]] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM employee_score ORDER BY year, nip").map { row in
                (0..<row.count).map { (row[$0] as DatabaseValue).description }
            }
        }
    }

    static func kompetensi(_ store: SQLiteStore, _ nip: String) throws -> Double? {
        try store.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT kompetensi FROM employee_score WHERE year = 2024 AND nip = ?", arguments: [nip])
        }
    }

    /// Imports of courses for the odd NIPs, on both paths: a few employees (refreshed one by
    /// one), then more than 500 (the streaming refresh; on the bulk path through the
    /// temporary table of touched NIPs). Malformed NIPs are refused as unknown, naming the
    /// NIP exactly as written; the scores after each import are those a full recompute gives.
    @Test func anImportRefreshesExactlyTheScoresOfTheEmployeesItWroteFor() throws {
        for bulk in [false, true] {
            let store = try BulkImportTests.store(TestClock.context(actor: "ani", session: "s1"))
            try Self.addOdd(store)
            // The fixture marks a stored course rejected by hand (its cached score stale): a
            // full recompute first, so that any difference below is the import's.
            try store.writer.write { try store.recomputeAllCached($0) }
            let first: [Line<ImportRow>] = [
                Line(2, .record(teknis("7", jp: 20))),
                Line(3, .record(teknis("007", jp: 19))),
                Line(4, .record(teknis("P-0001", jp: 20))),
                Line(5, .record(teknis("1986092620150510011", jp: 20))),
                Line(6, .record(teknis("0007", jp: 20))),
                Line(7, .record(teknis(" 7", jp: 20))),
                Line(8, .record(teknis("198609262015051001x", jp: 20))),
            ]
            var rows = ArrayRowSource(kind: .diklat, rows: first)
            let outcome = try store.importRows(&rows, skipInvalid: true, dryRun: false, bulk: bulk, indexRows: 2)
            #expect(outcome.imported == 4)
            #expect(
                outcome.issues.map { "\($0.line) \($0.issue.field) \($0.issue.code)" } == [
                    "6 nip \(IssueCode.unknownNIP("0007"))", "7 nip \(IssueCode.unknownNIP(" 7"))",
                    "8 nip \(IssueCode.unknownNIP("198609262015051001x"))",
                ])
            // By hand: 20 JP of pelatihan teknis earn a pelaksana 22.5 kompetensi points, 19 nothing.
            #expect(try Self.kompetensi(store, "7") == 22.5)
            #expect(try Self.kompetensi(store, "007") == 0)
            #expect(try Self.kompetensi(store, "P-0001") == 22.5)
            #expect(try Self.kompetensi(store, "1986092620150510011") == 22.5)
            var afterImport = try Self.scores(store)
            try store.writer.write { try store.recomputeAllCached($0) }
            let recomputed = try Self.scores(store)
            #expect(recomputed == afterImport, "bulk \(bulk): \(Set(recomputed).symmetricDifference(afterImport))")

            // More than 500 employees: the streaming refresh.
            let second = BulkImportTests.secondFile + [
                Line(700, .record(teknis("007", "Bimtek Lanjutan", jp: 20))),
                Line(701, .record(teknis("P-0001", "Bimtek Lanjutan", jp: 20))),
            ]
            var more = ArrayRowSource(kind: .diklat, rows: second)
            let outcome2 = try store.importRows(&more, skipInvalid: false, dryRun: false, bulk: bulk, indexRows: 2)
            #expect(outcome2.imported == 652 && outcome2.issues.isEmpty)
            #expect(try Self.kompetensi(store, "007") == 22.5)
            afterImport = try Self.scores(store)
            try store.writer.write { try store.recomputeAllCached($0) }
            let streamed = try Self.scores(store)
            #expect(streamed == afterImport, "bulk \(bulk), streaming: \(Set(streamed).symmetricDifference(afterImport))")
            // The audit's per-unit counts: the 650 (216 at ROOT, 434 at SUB) and the odd ones' 2 at SUB.
            let byUnit = try store.writer.read { db in
                try String.fetchOne(db, sql: "SELECT new_value FROM audit WHERE action = 'import' ORDER BY id DESC LIMIT 1")
            }
            let summary = try JSONSerialization.jsonObject(with: Data((byUnit ?? "").utf8)) as? [String: Any]
            #expect(summary?["byUnit"] as? [String: Int] == ["ROOT": 216, "SUB": 436], "\(byUnit ?? "")")
        }
    }
}
